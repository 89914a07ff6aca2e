"""The awarded grants as 360Giving records (Data Standard 1.4.3, JSON).

`awarded_decisions()` reads; `grants_package()` turns the decisions into the package a
360Giving consumer downloads. The CSV and XLSX (`reports.open_data.tables`) flatten these
same records, so the three files never disagree.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime

from django.conf import settings
from django.db.models import Max, Min, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from competitions.models import Competition
from projects.models import GrantRecipient
from reviews.models import AwardDecision, Decision

STANDARD_VERSION = "1.4"
CURRENCY = "KZT"
COUNTRY = "KZ"
GEO_CODE_TYPE = "KATO"

# Turns a site path into an absolute URL (the request's build_absolute_uri).
AbsoluteUrl = Callable[[str], str]


def awarded_decisions(*, project_slug: str | None = None) -> QuerySet[Decision]:
    """Awards the public may see: awarded, in a competition whose results are published.

    One query whatever the number of grants: the village, district, call, project, funder
    and the approved award decision come joined; the planned dates are the earliest start
    and latest end of the application's activities.
    """
    decisions = (
        Decision.objects.filter(
            outcome=Decision.Outcome.AWARDED,
            application__competition__results_published_at__isnull=False,
        )
        .select_related(
            "application__village__district",
            "application__competition__project__recipient",
            "application__competition__award_decision",
        )
        .annotate(
            planned_start=Min("application__activities__starts_on"),
            planned_end=Max("application__activities__ends_on"),
        )
        .order_by("application__competition__opens_at", "application__registration_number")
    )
    if project_slug is not None:
        decisions = decisions.filter(application__competition__project__slug=project_slug)
    return decisions


def organisation_id(recipient: GrantRecipient) -> str:
    return f"{settings.OPEN_DATA_ORG_ID_SCHEME}-{recipient.bin}"


def grant_id(decision: Decision) -> str:
    application = decision.application
    number = application.registration_number or f"A{application.pk}"
    return f"{settings.OPEN_DATA_GRANT_PREFIX}-{application.competition.slug}-{number}"


def award_date(decision: Decision) -> date:
    """The director's approval of the award decision; a decision recorded without one (an
    older import) carries its own date, as on the public results page."""
    competition = decision.application.competition
    try:
        approval = competition.award_decision
    except AwardDecision.DoesNotExist:
        approval = None
    if approval and approval.status == AwardDecision.Status.APPROVED and approval.reviewed_at:
        return timezone.localdate(approval.reviewed_at)
    return timezone.localdate(decision.decided_at)


def _iso(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _planned_dates(decision: Decision) -> list[dict]:
    """The team's plan from its activities; without one, the grant project's period."""
    project = decision.application.competition.project
    start = decision.planned_start or project.starts_on
    end = decision.planned_end or project.ends_on
    return [{"startDate": _iso(start), "endDate": _iso(end)}]


def _location(decision: Decision) -> list[dict]:
    village = decision.application.village
    if village is None:
        return []
    return [
        {
            "id": f"{GEO_CODE_TYPE}-{village.kato_code}",
            "name": village.name,
            "description": village.district.name,
            "countryCode": COUNTRY,
            "geoCode": village.kato_code,
            "geoCodeType": GEO_CODE_TYPE,
        }
    ]


def _description(decision: Decision) -> str:
    application = decision.application
    return application.goal or application.idea or application.title


def grant_record(decision: Decision, *, absolute: AbsoluteUrl, data_source: str) -> dict:
    """One grant; reads only what `awarded_decisions()` joined (no further query)."""
    application = decision.application
    competition: Competition = application.competition
    recipient = competition.project.recipient
    identifier = grant_id(decision)
    record = {
        "id": identifier,
        "title": application.title,
        "description": _description(decision),
        "currency": CURRENCY,
        "amountAwarded": decision.amount_kzt,
        "awardDate": _iso(award_date(decision)),
        "plannedDates": _planned_dates(decision),
        # The team is an unregistered group of private persons: it is named by its
        # project, never by its members.
        "recipientOrganization": [
            {
                "id": f"{identifier}-group",
                "name": _("Initiative group of the project “%(title)s”")
                % {"title": application.title},
            }
        ],
        "beneficiaryLocation": _location(decision),
        "fundingOrganization": [{"id": organisation_id(recipient), "name": recipient.name}],
        "grantProgramme": [
            {
                "code": competition.slug,
                "title": competition.title,
                "url": absolute(competition.get_absolute_url()),
            }
        ],
        "fromOpenCall": "Yes",
        "url": absolute(reverse("reviews:results", args=[competition.slug])),
        "dateModified": _iso(competition.results_published_at),
        "dataSource": data_source,
    }
    if not record["beneficiaryLocation"]:
        del record["beneficiaryLocation"]
    return record


def grants_package(
    decisions: Iterable[Decision],
    *,
    publisher: GrantRecipient | None,
    absolute: AbsoluteUrl,
    download_url: str,
    identifier: str,
    title: str,
) -> dict:
    """The 360Giving package: the grants and who publishes them under which licence.

    With no award published yet the list is empty: the package schema wants at least one
    grant, so such a file is honest but not yet valid 360Giving data.
    """
    grants = [
        grant_record(decision, absolute=absolute, data_source=download_url)
        for decision in decisions
    ]
    modified = max((grant["dateModified"] for grant in grants), default=None)
    package = {
        "title": title,
        "description": _(
            "Grants awarded to teams of young villagers in the competitions of the "
            "JastarUrban portal (360Giving Data Standard)."
        ),
        "identifier": identifier,
        "version": STANDARD_VERSION,
        "license": settings.OPEN_DATA_LICENSE_URL,
        "downloadURL": download_url,
        "accessURL": absolute(reverse("open_data:index")),
        "grants": grants,
    }
    if modified:
        package["modified"] = modified
    if publisher is not None:
        package["publisher"] = {
            "identifier": organisation_id(publisher),
            "name": publisher.name,
            "website": publisher.website or absolute("/"),
        }
    return package
