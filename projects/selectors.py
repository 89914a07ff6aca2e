from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from projects.models import GrantProject


def project_get(slug: str) -> GrantProject:
    return get_object_or_404(GrantProject.objects.select_related("recipient"), slug=slug)


def projects_all() -> QuerySet[GrantProject]:
    """Every grant project, the latest first: what the project choosers list."""
    return GrantProject.objects.select_related("recipient").order_by("-starts_on", "-pk")


def project_featured() -> GrantProject | None:
    """The project the public home page features: explicitly the latest one. Nothing else
    reads it: every staff, report and API page is reached through a project's address."""
    return projects_all().first()
