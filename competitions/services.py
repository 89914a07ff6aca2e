from datetime import datetime

from django.db import transaction

from competitions.models import Competition

COPIED_ALONG = ("criteria", "faq")


@transaction.atomic
def competition_copy(
    *, competition: Competition, slug: str, opens_at: datetime, closes_at: datetime
) -> Competition:
    """A new call with the same configuration, criteria and FAQ; no applications, no numbers."""
    copy = Competition.objects.get(pk=competition.pk)
    copy.pk = None
    copy.slug = slug
    copy.opens_at = opens_at
    copy.closes_at = closes_at
    copy.last_number = 0
    copy.save()
    copy.eligible_districts.set(competition.eligible_districts.all())
    for relation in COPIED_ALONG:
        for item in getattr(competition, relation).all():
            item.pk = None
            item.competition = copy
            item.save()
    return copy
