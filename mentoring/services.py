from django.db import transaction

from competitions.models import Competition
from mentoring.models import GranteeProject
from reviews.models import Decision


@transaction.atomic
def grantee_projects_sync(competition: Competition) -> list[GranteeProject]:
    """Makes every published award a grantee project, and marks withdrawn ones.

    Called when results are published and whenever an award changes hands
    afterwards (settings.AWARD_HOOKS); running it again changes nothing.
    """
    if competition.results_published_at is None:
        return []
    decisions = Decision.objects.filter(
        application__competition=competition,
        outcome__in=[Decision.Outcome.AWARDED, Decision.Outcome.WITHDRAWN],
    )
    projects = []
    for decision in decisions:
        if decision.outcome == Decision.Outcome.AWARDED:
            project, _created = GranteeProject.objects.update_or_create(
                application_id=decision.application_id,
                defaults={"award_kzt": decision.amount_kzt, "status": GranteeProject.Status.ACTIVE},
            )
            projects.append(project)
        else:
            GranteeProject.objects.filter(application_id=decision.application_id).update(
                status=GranteeProject.Status.WITHDRAWN
            )
    return projects
