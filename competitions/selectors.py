from django.db.models import QuerySet
from django.utils import timezone

from competitions.models import Competition


def competitions_public() -> QuerySet[Competition]:
    """Competitions anyone may read: open, upcoming and past calls."""
    return Competition.objects.select_related("project__recipient").order_by("-opens_at")


def competitions_open(now=None) -> QuerySet[Competition]:
    now = now or timezone.now()
    return competitions_public().filter(opens_at__lte=now, closes_at__gt=now)
