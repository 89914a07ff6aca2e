"""Reads of the applications app: what views, tasks and other apps ask of the data.

Writes are in applications/services/; the access helpers that answer 404 for another
person's application are in access.py.
"""

import hashlib
from datetime import date

from django.conf import settings
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from accounts.models import User
from applications.files import expert_stem
from applications.iin import years_later
from applications.models import (
    ApplicantProfile,
    Application,
    Attachment,
    Teammate,
    TeamMember,
)
from jastarurban.files import SUFFIXES
from projects.models import GrantProject


def applications_of_lead(user: User) -> list[Application]:
    return list(
        Application.objects.filter(applicant=user)
        .select_related("competition", "grantee_project")
        .order_by("-created_at")
    )


def applications_submitted_by(user: User) -> list[Application]:
    return list(
        Application.objects.filter(applicant=user, submitted_at__isnull=False)
        .select_related("competition__project")
        .order_by("created_at")
    )


def drafts_count(user: User) -> int:
    """The person's drafts never submitted (a returned application is not one)."""
    return Application.objects.filter(
        applicant=user, status=Application.Status.DRAFT, submitted_at__isnull=True
    ).count()


def applications_submitted() -> QuerySet[Application]:
    """Every application past the draft, for staff's list (filtered and paged there)."""
    return Application.objects.exclude(status=Application.Status.DRAFT).select_related(
        "village__district", "competition"
    )


def requested_kzt(application: Application) -> int | None:
    return application.budget_items.aggregate(total=Sum("total_kzt"))["total"]


def team_places_of(user: User) -> list[Teammate]:
    """The teams the person was invited onto."""
    return list(
        Teammate.objects.filter(user=user).select_related(
            "application__competition", "application__applicant"
        )
    )


def profile_of(user: User) -> ApplicantProfile | None:
    return ApplicantProfile.objects.filter(user=user).first()


def profile_exists(user: User) -> bool:
    return ApplicantProfile.objects.filter(user=user).exists()


def lead_profile(application: Application) -> ApplicantProfile | None:
    return (
        ApplicantProfile.objects.select_related("village__district")
        .filter(user=application.applicant)
        .first()
    )


def lead_iin(application) -> str:
    """The lead's IIN from their profile ("" without one): the rows to drop from a draft."""
    return (
        ApplicantProfile.objects.filter(user_id=application.applicant_id)
        .values_list("iin", flat=True)
        .first()
        or ""
    )


def token_digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def teammate_by_token(token: str, now=None) -> Teammate | None:
    """The invitation a link opens, if it is still valid (not spent, not expired)."""
    if not token or len(token) > 64:
        return None
    now = now or timezone.now()
    return (
        Teammate.objects.select_related("application__competition", "application__applicant")
        .filter(token_digest=token_digest_of(token), token_expires_at__gt=now, user__isnull=True)
        .first()
    )


def attachments_for_experts(application: Application) -> list[Attachment]:
    """The files in upload order, each with ``expert_name`` ("Қосымша 1.pdf") in the active
    language; the numbering is the same on the page and in the download."""
    attachments = list(application.attachments.order_by("pk"))
    for number, attachment in enumerate(attachments, start=1):
        suffix = SUFFIXES.get(attachment.content_type, "bin")
        attachment.expert_name = f"{expert_stem(number)}.{suffix}"
    return attachments


def retention_ends_on(project: GrantProject) -> date:
    """The last day a project's applicants' personal data are kept as they were given."""
    return years_later(project.ends_on, settings.PERSONAL_DATA_RETENTION_YEARS)


def projects_past_retention(today: date) -> list[GrantProject]:
    cutoff = years_later(today, -settings.PERSONAL_DATA_RETENTION_YEARS)
    return list(GrantProject.objects.filter(ends_on__lt=cutoff))


def _application_json(application: Application, own_rows: list[TeamMember], lead: bool) -> dict:
    return {
        "registration_number": application.registration_number,
        "competition": application.competition.title,
        "role": "lead" if lead else "member",
        "status": application.status,
        "submitted_at": application.submitted_at.isoformat() if application.submitted_at else None,
        "title": application.title,
        "village": str(application.village) if application.village else None,
        "problem": application.problem if lead else None,
        "idea": application.idea if lead else None,
        "goal": application.goal if lead else None,
        "expected_results": application.expected_results if lead else None,
        "team_size": application.team.count(),
        "your_team_rows": [
            {
                "position": row.position,
                "full_name": row.full_name,
                "iin": row.iin,
                "birth_date": row.birth_date.isoformat(),
                "phone": row.phone,
                "village": str(row.village),
                "role": row.role,
            }
            for row in own_rows
        ],
    }


def personal_data_export(*, user: User) -> dict:
    """Everything the portal holds about this person as an applicant, and nothing about
    anyone else: other members' rows are left out of the applications they share."""
    profile = ApplicantProfile.objects.filter(user=user).select_related("village").first()
    iin = profile.iin if profile else None
    condition = Q(applicant=user)
    if iin:
        condition |= Q(team__iin=iin)
    applications = (
        Application.objects.filter(condition)
        .distinct()
        .select_related("competition", "village")
        .order_by("created_at")
    )
    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "phone": user.phone,
            "language": user.language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "personal_data_consent_at": (
                user.personal_data_consent_at.isoformat() if user.personal_data_consent_at else None
            ),
            "personal_data_consent_version": user.personal_data_consent_version,
        },
        "applicant_profile": (
            {
                "iin": profile.iin,
                "birth_date": profile.birth_date.isoformat(),
                "village": str(profile.village),
            }
            if profile
            else None
        ),
        "applications": [
            _application_json(
                application,
                list(application.team.filter(iin=iin).select_related("village")) if iin else [],
                lead=application.applicant_id == user.pk,
            )
            for application in applications
        ],
        # The teams the person was invited onto, as they confirmed themselves.
        "team_places": [
            {
                "application": place.application.registration_number or place.application.title,
                "full_name": place.full_name,
                "phone": place.phone,
                "role": place.role,
                "iin": place.iin,
                "village": str(place.village) if place.village else None,
                "consent_version": place.consent_version,
                "consent_at": place.consent_at.isoformat() if place.consent_at else None,
                "confirmed_at": place.confirmed_at.isoformat() if place.confirmed_at else None,
            }
            for place in Teammate.objects.filter(user=user).select_related("application", "village")
        ],
        "deletion_requests": [
            {"requested_at": request.requested_at.isoformat(), "outcome": request.outcome}
            for request in user.deletion_requests.all()
        ],
    }
