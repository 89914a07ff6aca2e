from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from competitions.models import Competition, GrantProject


def competitions_public() -> QuerySet[Competition]:
    """Competitions anyone may read: open, upcoming and past calls."""
    return Competition.objects.select_related("project__recipient").order_by("-opens_at")


def competitions_open(now=None) -> QuerySet[Competition]:
    now = now or timezone.now()
    return competitions_public().filter(opens_at__lte=now, closes_at__gt=now)


def project_get(slug: str) -> GrantProject:
    return get_object_or_404(GrantProject.objects.select_related("recipient"), slug=slug)


def project_current() -> GrantProject | None:
    """The project the portal presents on its home page: the latest one."""
    return GrantProject.objects.select_related("recipient").order_by("-starts_on").first()
