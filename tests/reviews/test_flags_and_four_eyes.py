"""Conflict flags resolved before the decision; the decision proposed by one person and
approved by the director; each award at its application's requested amount."""

import pytest
from django.contrib.messages import get_messages

from accounts.roles import Position, Role
from reviews.decisions import (
    DecisionRefused,
    decision_approve,
    decision_propose,
    decision_return,
    results_publish,
)
from reviews.models import (
    Assignment,
    AuditEvent,
    AwardDecision,
    Decision,
    FlagResolution,
    Review,
)
from reviews.selectors import conflict_flags, open_flags
from reviews.services import FlagRefused, flag_resolve
from tests.factories import UserFactory
from tests.reviews.conftest import member_of
from tests.reviews.helpers import director_user, dismiss_flags

pytestmark = pytest.mark.django_db


def only_flag(competition):
    (flag,) = open_flags(competition)
    return flag


def resolve(competition, flag, *, confirm, note, by):
    return flag_resolve(
        competition=competition,
        application_id=flag.application.pk,
        member_id=flag.member.pk,
        confirm=confirm,
        note=note,
        by=by,
    )


# --- conflict flags -------------------------------------------------------------------


def test_the_fixture_flags_the_expert_who_shares_a_surname_stem(scored, experts):
    flag = only_flag(scored[0].competition)
    # Ахметова Гүлнар and Ахметов Серік (the team of JU-2025-0001).
    assert (flag.application, flag.member.expert, flag.reasons) == (
        scored[0],
        experts[0],
        ["surname"],
    )


def test_the_decision_cannot_be_proposed_while_a_flag_is_open(client, staff, scored):
    competition = scored[0].competition
    with pytest.raises(DecisionRefused) as refused:
        decision_propose(
            competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff
        )
    assert "JU-2025-0001 — Ахметова Гүлнар" in refused.value.problems[0]
    client.force_login(staff)
    response = client.post(
        f"/reviews/ranking/{competition.slug}/propose/",
        {"winner": [scored[0].pk, scored[1].pk]},
    )
    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("JU-2025-0001 — Ахметова Гүлнар" in message for message in shown)
    assert not AwardDecision.objects.exists() and not Decision.objects.exists()
    page = client.get(f"/reviews/ranking/{competition.slug}/").content.decode()
    assert 'data-testid="open-flags"' in page


def test_the_decision_cannot_be_approved_while_a_flag_is_open(staff, scored):
    competition = scored[0].competition
    dismiss_flags(competition, staff)
    decision_propose(
        competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff
    )
    # A flag opened after the proposal (the resolution withdrawn in the database).
    FlagResolution.objects.all().delete()
    with pytest.raises(DecisionRefused):
        decision_approve(competition=competition, by=director_user())
    assert not Decision.objects.exists()


def test_dismissing_needs_a_reason_and_records_who_when_why(client, staff, scored):
    competition = scored[0].competition
    flag = only_flag(competition)
    with pytest.raises(FlagRefused):
        resolve(competition, flag, confirm=False, note="  ", by=staff)
    client.force_login(staff)
    response = client.post(
        f"/reviews/commission/{competition.slug}/flags/",
        {
            "application": flag.application.pk,
            "member": flag.member.pk,
            "outcome": "dismissed",
            "note": "Әртүрлі отбасылар — тексерілді.",
        },
    )
    assert response.status_code == 302
    resolution = FlagResolution.objects.get()
    assert (resolution.outcome, resolution.note, resolution.resolved_by) == (
        "dismissed",
        "Әртүрлі отбасылар — тексерілді.",
        staff,
    )
    assert resolution.resolved_at is not None
    assert not open_flags(competition)
    assert AuditEvent.objects.filter(action="flag_dismissed", actor=staff).exists()
    # The review stands: the application keeps its three reviews.
    assert Review.objects.filter(assignment__application=scored[0], status="submitted").count() == 3
    page = client.get(f"/reviews/commission/{competition.slug}/").content.decode()
    assert "Әртүрлі отбасылар — тексерілді." in page


def test_confirming_voids_the_review_and_the_ranking_is_recomputed(
    client,
    staff,
    scored,
    experts,
):
    competition = scored[0].competition
    client.force_login(staff)
    before = client.get(f"/reviews/ranking/{competition.slug}/").context["page"]  # cached
    assert {row.application.pk: row.result.rank for row in before.object_list}[scored[0].pk] == 1
    flag = only_flag(competition)
    client.post(
        f"/reviews/commission/{competition.slug}/flags/",
        {
            "application": flag.application.pk,
            "member": flag.member.pk,
            "outcome": "confirmed",
            "note": "Сарапшы команда жетекшісінің апайы.",
        },
    )
    assignment = Assignment.objects.get(application=scored[0], member=member_of(experts[0]))
    assert (assignment.conflict, assignment.conflict_kind) == ("declared", "kinship")
    assert assignment.review.status == "voided"  # kept for the record
    after = client.get(f"/reviews/ranking/{competition.slug}/").context["page"]
    result = {row.application.pk: row.result for row in after.object_list}[scored[0].pk]
    # Two reviews left, three required: no longer ranked, so it cannot be awarded.
    assert (result.reviews, result.rank) == (2, None)
    with pytest.raises(DecisionRefused):
        decision_propose(competition=competition, winners=[scored[0].pk], reason="—", by=staff)
    # The expert no longer sees the application.
    client.force_login(experts[0])
    assert client.get(f"/reviews/applications/{scored[0].pk}/").status_code == 404
    (listed,) = conflict_flags(competition)
    assert listed.resolution.outcome == "confirmed" and not listed.is_open


def test_the_chair_resolves_flags_other_experts_and_the_operator_cannot(
    client,
    staff,
    operator,
    scored,
    experts,
):
    competition = scored[0].competition
    chair = member_of(experts[2])
    chair.is_chair = True
    chair.save()
    flag = only_flag(competition)
    data = {
        "application": flag.application.pk,
        "member": flag.member.pk,
        "outcome": "dismissed",
        "note": "Тексерілді.",
    }
    url = f"/reviews/commission/{competition.slug}/flags/"
    client.force_login(experts[1])
    assert client.get(f"/reviews/commission/{competition.slug}/").status_code == 404
    assert client.post(url, data).status_code == 404
    client.force_login(operator)
    assert client.post(url, data).status_code == 403
    assert open_flags(competition)
    client.force_login(experts[2])
    assert client.get(f"/reviews/commission/{competition.slug}/").status_code == 200
    assert client.post(url, data).status_code == 302
    assert FlagResolution.objects.get().resolved_by == experts[2]


# --- four eyes ------------------------------------------------------------------------


def propose(competition, scored, by):
    return decision_propose(
        competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=by
    )


def test_the_proposer_cannot_approve_even_as_director(client, staff, scored):
    competition = scored[0].competition
    director = director_user()
    dismiss_flags(competition, staff)
    propose(competition, scored, director)  # no chair: staff (the director too) may propose
    with pytest.raises(DecisionRefused):
        decision_approve(competition=competition, by=director)
    client.force_login(director)
    client.post(f"/reviews/ranking/{competition.slug}/approve/")
    assert AwardDecision.objects.get().status == "proposed"
    assert not Decision.objects.exists()


def test_a_non_director_cannot_approve(client, staff, scored):
    competition = scored[0].competition
    dismiss_flags(competition, staff)
    propose(competition, scored, staff)
    coordinator = UserFactory(roles=[Role.STAFF], position=Position.COORDINATOR)
    with pytest.raises(DecisionRefused):
        decision_approve(competition=competition, by=coordinator)
    client.force_login(coordinator)
    response = client.post(f"/reviews/ranking/{competition.slug}/approve/")
    assert response.status_code == 302
    assert not Decision.objects.exists()
    # Nor is it published before approval.
    with pytest.raises(DecisionRefused):
        results_publish(competition=competition, by=staff)


def test_the_director_approves_and_only_then_the_awards_exist(client, staff, scored):
    competition = scored[0].competition
    dismiss_flags(competition, staff)
    propose(competition, scored, staff)
    assert not Decision.objects.exists()
    director = director_user()
    client.force_login(director)
    page = client.get(f"/reviews/ranking/{competition.slug}/")
    assert page.context["can_review"]
    client.post(f"/reviews/ranking/{competition.slug}/approve/")
    award = AwardDecision.objects.get()
    assert (award.status, award.reviewed_by) == ("approved", director)
    awarded = Decision.objects.filter(outcome="awarded")
    assert {d.application_id for d in awarded} == {scored[0].pk, scored[1].pk}
    assert all(d.decided_by == director for d in awarded)
    results_publish(competition=competition, by=staff)


def test_the_director_returns_with_a_reason_and_every_step_is_logged(staff, scored):
    competition = scored[0].competition
    director = director_user()
    dismiss_flags(competition, staff)
    propose(competition, scored, staff)
    with pytest.raises(DecisionRefused):
        decision_return(competition=competition, reason=" ", by=director)
    decision_return(competition=competition, reason="Бюджетті қайта қараңыз.", by=director)
    assert not Decision.objects.exists()
    decision_propose(
        competition=competition,
        winners=[scored[0].pk, scored[2].pk],
        reason="№2 басқа гранттан қаржыландырылды.",
        by=staff,
    )
    decision_approve(competition=competition, by=director)
    steps = [
        (step.from_status, step.to_status, step.by, step.reason)
        for step in AwardDecision.objects.get().steps.all()
    ]
    assert steps == [
        ("", "proposed", staff, ""),
        ("proposed", "returned", director, "Бюджетті қайта қараңыз."),
        ("returned", "proposed", staff, "№2 басқа гранттан қаржыландырылды."),
        ("proposed", "approved", director, ""),
    ]


def test_with_a_chair_only_the_chair_proposes(client, staff, scored, experts):
    competition = scored[0].competition
    chair = member_of(experts[2])
    chair.is_chair = True
    chair.save()
    dismiss_flags(competition, staff)
    with pytest.raises(DecisionRefused):
        propose(competition, scored, staff)
    client.force_login(experts[1])
    assert client.get(f"/reviews/ranking/{competition.slug}/").status_code == 404
    client.force_login(experts[2])
    page = client.get(f"/reviews/ranking/{competition.slug}/")
    assert page.status_code == 200 and page.context["can_propose"]
    client.post(
        f"/reviews/ranking/{competition.slug}/propose/", {"winner": [scored[0].pk, scored[1].pk]}
    )
    assert AwardDecision.objects.get().proposed_by == experts[2]
    # The chair is an expert, not the director: approving is refused by role.
    assert client.post(f"/reviews/ranking/{competition.slug}/approve/").status_code == 403


# --- the fund ---------------------------------------------------------------------------


def test_the_awards_must_fit_the_fund_to_the_tenge(staff, scored):
    competition = scored[0].competition  # two awards of at most 1 000 000 ₸: a 2 000 000 ₸ fund
    dismiss_flags(competition, staff)
    for application in scored[:2]:
        application.budget_items.create(
            position=2, item="Кітап", unit="дана", quantity=1, unit_cost_kzt=100_000
        )
    winners = [scored[0].pk, scored[1].pk]
    award = decision_propose(competition=competition, winners=winners, reason="", by=staff)
    assert award.amounts == {str(scored[0].pk): 1_000_000, str(scored[1].pk): 1_000_000}
    scored[1].budget_items.create(
        position=3, item="Қалам", unit="дана", quantity=1, unit_cost_kzt=1
    )
    with pytest.raises(DecisionRefused) as refused:
        decision_propose(competition=competition, winners=winners, reason="", by=staff)
    assert "2 000 001" in refused.value.problems[0].replace("\xa0", " ")
    # The proposal made within the fund cannot be approved over it either.
    with pytest.raises(DecisionRefused):
        decision_approve(competition=competition, by=director_user())
