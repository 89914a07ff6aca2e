"""Sources for activity 1, the small-grants competition (the registry is in registry.py).

``SOURCES`` and ``percent`` are imported from here by older callers; they live in
registry.py.
"""

from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Sum, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from applications.iin import age_on
from applications.models import Application, TeamMember
from competitions.models import Announcement, Settlement
from projects.models import GrantProject
from reports.indicators.registry import SOURCES, percent, source
from reviews.models import CommissionMember, Decision

__all__ = ["SOURCES", "applications_by_district", "awarded", "percent", "received"]


def received(project: GrantProject):
    """Applications the portal received: submitted at some point, whatever happened next."""
    return Application.objects.filter(
        competition__project=project, submitted_at__isnull=False
    ).exclude(status=Application.Status.DRAFT)


def awarded(project: GrantProject):
    return Decision.objects.filter(
        application__competition__project=project, outcome=Decision.Outcome.AWARDED
    )


@source("call_announcements", _("Announcements of the call published"))
def call_announcements(project: GrantProject) -> Decimal:
    return Decimal(Announcement.objects.filter(competition__project=project).count())


@source("applications_received", _("Applications submitted to the project's competitions"))
def applications_received(project: GrantProject) -> Decimal:
    return Decimal(received(project).count())


@source(
    "applications_rural_share",
    _("Share of submitted applications whose whole team is rural youth of the admitted age"),
)
def applications_rural_share(project: GrantProject) -> Decimal:
    """A team counts when every member lives in a village and is of the competition's
    age (18–35 in JastarUrban) on the day the application was submitted."""
    rows = TeamMember.objects.filter(application__in=received(project)).values_list(
        "application_id",
        "birth_date",
        "village__kind",
        "application__submitted_at",
        "application__competition__min_age",
        "application__competition__max_age",
    )
    teams: dict[int, bool] = {}
    for application_id, birth_date, kind, submitted_at, min_age, max_age in rows:
        age = age_on(birth_date, timezone.localdate(submitted_at))
        ok = kind == Settlement.Kind.VILLAGE and min_age <= age <= max_age
        teams[application_id] = teams.get(application_id, True) and ok
    total = received(project).count()
    return percent(sum(teams.values()), total)


@source("commission_experts", _("Experts on the competitions' commissions"))
def commission_experts(project: GrantProject) -> Decimal:
    return Decimal(
        CommissionMember.objects.filter(competition__project=project)
        .values("expert")
        .distinct()
        .count()
    )


@source("grants_awarded", _("Applications awarded a small grant"))
def grants_awarded(project: GrantProject) -> Decimal:
    return Decimal(awarded(project).count())


@source("grants_awarded_kzt", _("Total of the small grants awarded, ₸"))
def grants_awarded_kzt(project: GrantProject) -> Decimal:
    return Decimal(awarded(project).aggregate(total=Sum("amount_kzt"))["total"] or 0)


@source("grantee_people", _("Young people on the teams of awarded applications"))
def grantee_people(project: GrantProject) -> Decimal:
    return Decimal(
        TeamMember.objects.filter(
            application__decision__in=awarded(project),
        )
        .values("iin")
        .distinct()
        .count()
    )


def applications_by_district(project: GrantProject) -> list[tuple[str, int]]:
    """Submitted applications per district of their village, for the dashboard's chart,
    named in the active language (the Kazakh name where it has none). Through a relation
    modeltranslation does not localise ``name``: every page showed the Kazakh names."""
    language = build_localized_fieldname("name", get_language() or settings.LANGUAGE_CODE)
    name = Coalesce(NullIf(f"village__district__{language}", Value("")), "village__district__name")
    return [
        (district, count)
        for district, count in received(project)
        .annotate(district=name)
        .values_list("district")
        # Of the village, not the key: the index holds villages, not the rows' keys.
        .annotate(count=Count("village"))
        .order_by("-count", "district")
        if district
    ]
