import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.roles import Role
from applications.models import Application
from reviews.decisions import DecisionRefused
from reviews.models import Assignment, AwardDecision, CriterionScore, Decision, Review
from tests.applications.helpers import village
from tests.factories import UserFactory
from tests.reviews.helpers import decide

pytestmark = pytest.mark.django_db


def test_the_ranking_page_ranks_complete_applications_with_a_cut(client, staff, scored):
    client.force_login(staff)
    response = client.get(f"/reviews/ranking/{scored[0].competition.slug}/")
    rows = [row for row, _decision, _proposed in response.context["rows"]]
    assert [(row.application, row.result.rank) for row in rows] == [
        (scored[0], 1),
        (scored[1], 2),
        (scored[2], 3),
        (scored[3], None),
    ]
    assert 'name="winner"' in response.content.decode()


def test_more_winners_than_awards_are_refused(staff, scored):
    with pytest.raises(DecisionRefused):
        decide(
            competition=scored[0].competition,
            winners=[a.pk for a in scored[:3]],
            reason="",
            by=staff,
        )
    assert not Decision.objects.exists()


def test_an_incomplete_application_cannot_be_awarded(staff, scored):
    with pytest.raises(DecisionRefused):
        decide(
            competition=scored[0].competition,
            winners=[scored[0].pk, scored[3].pk],
            reason="Жақсы",
            by=staff,
        )


def test_departing_from_the_rank_order_needs_a_reason(staff, scored):
    competition = scored[0].competition
    with pytest.raises(DecisionRefused):
        decide(competition=competition, winners=[scored[0].pk, scored[2].pk], reason="", by=staff)
    decide(
        competition=competition,
        winners=[scored[0].pk, scored[2].pk],
        reason="№2 жоба басқа гранттан қаржыландырылды",
        by=staff,
    )
    outcomes = dict(Decision.objects.values_list("application_id", "outcome"))
    assert outcomes[scored[2].pk] == "awarded" and outcomes[scored[1].pk] == "reserve"
    assert outcomes[scored[3].pk] == "not_awarded"
    assert Decision.objects.get(application=scored[1]).reserve_position == 1
    # Each award is what its application requests (its budget), not the competition's maximum.
    assert Decision.objects.get(application=scored[0]).amount_kzt == 900_000


def test_results_are_invisible_to_applicants_until_published(client, staff, scored):
    competition = scored[0].competition
    decide(competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff)
    applicant = scored[2].applicant
    client.force_login(applicant)
    assert client.get(f"/reviews/result/{scored[2].pk}/").status_code == 404
    assert client.get(f"/reviews/results/{competition.slug}/").status_code == 404
    client.force_login(staff)
    client.post(f"/reviews/ranking/{competition.slug}/publish/")
    client.force_login(applicant)
    page = client.get(f"/reviews/result/{scored[2].pk}/").content.decode()
    assert f"Пікір {scored[2].pk}-" in page
    for member in scored[0].competition.commission.select_related("expert"):
        assert member.expert.full_name not in page
    public = client.get(f"/reviews/results/{competition.slug}/").content.decode()
    # The winners, then the reserve list (issue 12); a team outside both is not named.
    assert scored[0].title in public and scored[2].title in public
    assert scored[3].title not in public
    # Another team's result stays theirs.
    assert client.get(f"/reviews/result/{scored[0].pk}/").status_code == 404


def test_the_operator_reads_the_ranking_but_cannot_decide(client, operator, scored):
    client.force_login(operator)
    slug = scored[0].competition.slug
    ranking = client.get(f"/reviews/ranking/{slug}/").content.decode()
    assert all(application.title in ranking for application in scored)
    assert (
        client.post(f"/reviews/ranking/{slug}/propose/", {"winner": [scored[0].pk]}).status_code
        == 403
    )
    assert not AwardDecision.objects.filter(competition=scored[0].competition).exists()


@pytest.mark.parametrize("count", [30, 3000])
def test_the_ranking_page_takes_constant_queries(
    client, staff, competition, commission, count, django_assert_max_num_queries
):
    lead = UserFactory(roles=[Role.APPLICANT])
    place = village()
    applications = Application.objects.bulk_create(
        Application(
            competition=competition,
            applicant=lead,
            status="eligible",
            title=f"Жоба {n}",
            village=place,
            registration_number=f"JU-2025-{n:04d}",
        )
        for n in range(1, count + 1)
    )
    assignments = Assignment.objects.bulk_create(
        Assignment(application=a, member=m, conflict="none")
        for a in applications
        for m in commission
    )
    reviews = Review.objects.bulk_create(
        Review(assignment=a, status="submitted", submitted_at=timezone.now()) for a in assignments
    )
    criteria = list(competition.criteria.all())
    CriterionScore.objects.bulk_create(
        CriterionScore(review=r, criterion=c, score=(r.pk * 7 + c.pk) % 11)
        for r in reviews
        for c in criteria
    )
    competition.required_reviews = 3
    competition.save()
    client.force_login(staff)
    # 13 before, +5 for the four-eyes decision: the proposal, who may propose, and the
    # conflict flags (commission, team, resolutions, declared conflicts) — none grows with N;
    # +1 the session's second-factor device (django-otp).
    with django_assert_max_num_queries(19):
        response = client.get(f"/reviews/ranking/{competition.slug}/")
    # Pages of 100; the figures are computed once and kept until a review changes.
    assert len(response.context["rows"]) == min(count, 100)
    assert response.context["page"].paginator.count == count
    with django_assert_max_num_queries(16):
        again = client.get(f"/reviews/ranking/{competition.slug}/?page=2")
    # Past the last page, the last page is shown.
    assert len(again.context["rows"]) == (100 if count == 3000 else 30)


def test_the_ranking_follows_a_review_submitted_after_it_was_cached(client, staff, scored):
    competition = scored[0].competition
    client.force_login(staff)
    before = client.get(f"/reviews/ranking/{competition.slug}/").context["page"]
    reviews = {row.application.pk: row.result.reviews for row in before.object_list}
    review = Review.objects.filter(assignment__application=scored[0]).first()
    review.status = "draft"
    review.save()
    after = client.get(f"/reviews/ranking/{competition.slug}/").context["page"]
    assert {row.application.pk: row.result.reviews for row in after.object_list}[scored[0].pk] == (
        reviews[scored[0].pk] - 1
    )


def test_when_a_winner_withdraws_the_first_on_the_reserve_is_offered_the_award(
    client, staff, scored
):
    competition = scored[0].competition
    decide(competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff)
    client.force_login(staff)
    client.post(f"/reviews/ranking/{competition.slug}/withdraw/{scored[1].pk}/", {"reason": ""})
    assert Decision.objects.get(application=scored[1]).outcome == "awarded"  # a reason is required
    client.post(
        f"/reviews/ranking/{competition.slug}/withdraw/{scored[1].pk}/",
        {"reason": "Команда ауылдан көшіп кетті"},
    )
    outcomes = dict(Decision.objects.values_list("application_id", "outcome"))
    assert outcomes[scored[1].pk] == "withdrawn" and outcomes[scored[2].pk] == "awarded"
    assert Decision.objects.get(application=scored[2]).amount_kzt == 900_000
    assert Decision.objects.filter(outcome="awarded").count() == 2


def test_the_tracker_reaches_the_result_once_published(client, staff, scored):
    competition = scored[0].competition
    decide(competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff)
    client.force_login(scored[0].applicant)
    before = client.get("/applications/").content.decode()
    client.force_login(staff)
    client.post(f"/reviews/ranking/{competition.slug}/publish/")
    client.force_login(scored[0].applicant)
    after = client.get("/applications/").content.decode()
    with translation.override("kk"):
        published = escape(gettext("The results are published: open the application to see yours."))
    assert published not in before and published in after
    assert (
        f"/reviews/result/{scored[0].pk}/"
        in client.get(f"/applications/{scored[0].pk}/").content.decode()
    )


def page_title(response) -> str:
    html = response.content.decode()
    return html[html.index("<title>") + len("<title>") : html.index("</title>")]


def test_the_ranking_page_title_is_text_and_each_withdraw_form_is_there_once(client, staff, scored):
    """The withdraw forms were rendered into <title> too: the browser tab showed markup
    and a CSRF token (found by tests/browser/test_lifecycle.py)."""
    competition = scored[0].competition
    decide(competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff)
    client.force_login(staff)
    response = client.get(f"/reviews/ranking/{competition.slug}/")
    assert "<" not in page_title(response)
    html = response.content.decode()
    for winner in scored[:2]:
        assert html.count(f'id="withdraw-{winner.pk}"') == 1
