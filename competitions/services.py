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


@transaction.atomic
def competition_open(
    *, competition: Competition, criteria_from: Competition | None = None
) -> Competition:
    """Saves a new call of its project; with `criteria_from`, the experts' criteria and the
    FAQ of that earlier call come along (a call without criteria cannot be scored)."""
    competition.last_number = 0
    competition.save()
    if criteria_from is not None:
        for relation in COPIED_ALONG:
            for item in getattr(criteria_from, relation).all():
                item.pk = None
                item.competition = competition
                item.save()
    return competition
