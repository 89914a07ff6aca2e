"""The award decision's steps go through the shared workflow: a refused step raises the
shared error (as DecisionRefused) and changes nothing; the person sees why in their language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from accounts.errors import ServiceError
from accounts.roles import Position, Role
from jastarurban.workflow import TransitionRefused
from reviews.decisions import DecisionRefused, decision_propose, decision_return
from reviews.models import AwardDecision, AwardDecisionStep, Decision
from tests.factories import UserFactory
from tests.reviews.helpers import director_user, dismiss_flags

pytestmark = pytest.mark.django_db

ONLY_THE_DIRECTOR = "Only the director approves or returns the decision."


@pytest.fixture
def proposed(staff, scored):
    competition = scored[0].competition
    dismiss_flags(competition, staff)
    decision_propose(
        competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff
    )
    return competition


def test_a_refused_step_is_the_shared_error_and_changes_nothing(proposed, staff):
    coordinator = UserFactory(roles=[Role.STAFF], position=Position.COORDINATOR)
    with pytest.raises(DecisionRefused) as refused:
        decision_return(competition=proposed, reason="Қайта қараңыз.", by=coordinator)
    assert isinstance(refused.value, TransitionRefused)
    assert isinstance(refused.value, ServiceError)
    award = AwardDecision.objects.get()
    assert (award.status, award.reviewed_by, award.return_reason) == ("proposed", None, "")
    assert AwardDecisionStep.objects.count() == 1


def test_the_return_is_logged_with_who_and_why(proposed, staff):
    director = director_user()
    decision_return(competition=proposed, reason="Қайта қараңыз.", by=director)
    step = AwardDecisionStep.objects.order_by("pk").last()
    assert (step.from_status, step.to_status, step.by, step.reason) == (
        "proposed",
        "returned",
        director,
        "Қайта қараңыз.",
    )


def test_a_refused_approval_is_shown_in_russian(client, proposed):
    coordinator = UserFactory(roles=[Role.STAFF], position=Position.COORDINATOR)
    client.force_login(coordinator)
    client.cookies["django_language"] = "ru"
    page = client.post(f"/reviews/ranking/{proposed.slug}/approve/", follow=True)
    with translation.override("ru"):
        said = gettext(ONLY_THE_DIRECTOR)
    assert said != ONLY_THE_DIRECTOR and said in page.content.decode()
    assert not Decision.objects.exists()
