"""The ranking's and the commission's cold path (issue 16) give what the row-by-row Python
paths gave: the ranking computed from the database's per-review sums equals rank() on the
score rows grouped in Python, with ties, missing and draft reviews and voided ones; the
ranking is computed again after a review; the commission's counts
equal the DISTINCT counts they replace."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from accounts.roles import Role
from applications.models import Application
from reviews.models import Assignment, CommissionMember, CriterionScore, Review
from reviews.ranking import CriterionSpec, SubmittedReview, rank
from reviews.selectors import (
    _compute_ranking,
    commission_members,
    ranking_results,
)
from reviews.services import ranking_changed
from tests.applications.helpers import village
from tests.factories import CompetitionFactory, UserFactory

pytestmark = pytest.mark.django_db

# Per application: one tuple of criterion scores per expert; None: assigned, no review;
# "draft": a draft review; "voided": a submitted review voided by a confirmed conflict.
PANEL = [
    [(7, 7, 7, 7), (8, 8, 8, 8), (6, 6, 6, 6), (7, 7, 7, 7)],
    [(7, 7, 7, 7), (8, 8, 8, 8), (6, 6, 6, 6), (7, 7, 7, 7)],  # a tie with the first
    [(9, 3, 9, 3), (3, 9, 3, 9), (6, 6, 6, 6), None],  # equal means, other criteria
    [(10, 10, 10, 10), "voided", (2, 2, 2, 2), "draft"],
    [(5, 6, 7, 8), None, None, None],  # too few reviews: not ranked
    [None, None, None, None],  # nobody reviewed it yet
    [(0, 0, 0, 0), (10, 10, 10, 10), (0, 0, 0, 0), (1, 0, 1, 0)],  # an outlier
    [(8, 9, 7, 9), (8, 9, 7, 9), "voided", (9, 8, 9, 8)],
]


@pytest.fixture
def panel(competition, staff):
    from reviews.services import commission_add

    members = [
        commission_add(
            competition=competition,
            expert=UserFactory(roles=[Role.EXPERT], email=f"panel{n}@example.kz"),
            by=staff,
        )
        for n in range(4)
    ]
    criteria = list(competition.criteria.order_by("position"))
    lead = UserFactory(roles=[Role.APPLICANT])
    place = village()
    applications = []
    for number, row in enumerate(PANEL, start=1):
        application = Application.objects.create(
            competition=competition,
            applicant=lead,
            status=Application.Status.ELIGIBLE,
            title=f"Жоба {number}",
            village=place,
            registration_number=f"JU-2025-{number:04d}",
        )
        applications.append(application)
        for member, cell in zip(members, row, strict=True):
            assignment = Assignment.objects.create(
                application=application,
                member=member,
                conflict="declared" if cell == "voided" else "none",
                conflict_kind="kinship" if cell == "voided" else "",
            )
            if cell is None:
                continue
            status = {"draft": "draft", "voided": "voided"}.get(cell, "submitted")
            review = Review.objects.create(
                assignment=assignment,
                status=status,
                submitted_at=None if status == "draft" else timezone.now(),
            )
            scores = (9, 9, 9, 9) if isinstance(cell, str) else cell
            CriterionScore.objects.bulk_create(
                CriterionScore(review=review, criterion=c, score=s)
                for c, s in zip(criteria, scores, strict=True)
            )
    # A draft application and an ineligible one: never in the ranking.
    Application.objects.create(
        competition=competition, applicant=lead, status="draft", village=place
    )
    Application.objects.create(
        competition=competition,
        applicant=lead,
        status="ineligible",
        village=place,
        registration_number="JU-2025-0099",
    )
    competition.required_reviews = 2
    competition.award_count = 3
    competition.save()
    return competition, members, applications


def ranked_in_python(competition) -> list:
    """The path before the database's sums: every submitted score row fetched and grouped
    into reviews in Python, then rank()."""
    criteria = list(competition.criteria.order_by("position"))
    grouped: dict[int, SubmittedReview] = {}
    for score in CriterionScore.objects.filter(
        review__status="submitted",
        review__assignment__application__competition=competition,
        review__assignment__application__status="eligible",
    ).select_related("review__assignment"):
        assignment = score.review.assignment
        review = grouped.setdefault(
            score.review_id, SubmittedReview(assignment.application_id, assignment.member_id, {})
        )
        review.scores[score.criterion_id] = score.score
    eligible = sorted(
        competition.applications.filter(status="eligible").values_list("pk", flat=True)
    )
    tie_criteria = [
        c.pk
        for c in sorted((c for c in criteria if c.tie_break_order), key=lambda c: c.tie_break_order)
    ]
    return rank(
        eligible,
        list(grouped.values()),
        [CriterionSpec(c.pk, c.weight, c.max_score) for c in criteria],
        required_reviews=competition.required_reviews,
        by_standardised=competition.ranking_method == "standardised",
        tie_criteria=tie_criteria,
        awards=competition.award_count,
    )


@pytest.mark.parametrize("method", ["mean", "standardised"])
def test_the_sql_sums_rank_as_the_python_grouping(panel, method, django_assert_max_num_queries):
    competition, _members, applications = panel
    competition.ranking_method = method
    competition.criteria.filter(position=3).update(tie_break_order=1)
    competition.save()
    expected = [item.pack() for item in ranked_in_python(competition)]
    with django_assert_max_num_queries(2):
        found = [item.pack() for item in _compute_ranking(competition)]
    assert found == expected
    by_id = {item[0]: item for item in found}
    # The fixtures do what they say: a tie, the unreviewed, the voided review not counted.
    assert by_id[applications[5].pk][1] == 0
    assert by_id[applications[3].pk][1] == 2
    assert not by_id[applications[4].pk][2]  # one review of the two required


def test_the_cached_ranking_is_recomputed_after_a_review(panel):
    competition, _members, _applications = panel
    cache.clear()
    before = [item.pack() for item in ranking_results(competition)]
    review = Review.objects.get(status="draft")
    review.status, review.submitted_at = "submitted", timezone.now() + timedelta(minutes=1)
    review.save()
    # What review_submit does with the write (tests/reviews/test_ranking_freshness.py).
    ranking_changed(competition.pk)
    after = [item.pack() for item in ranking_results(competition)]
    assert after != before
    assert after == [item.pack() for item in ranked_in_python(competition)]


def test_the_commission_counts_equal_the_distinct_counts(panel, django_assert_max_num_queries):
    competition, members, _applications = panel
    reference = {
        member.pk: (member.assigned, member.submitted, member.conflicts)
        for member in CommissionMember.objects.filter(competition=competition).annotate(
            assigned=Count("assignments", distinct=True),
            submitted=Count(
                "assignments", filter=Q(assignments__review__status="submitted"), distinct=True
            ),
            conflicts=Count(
                "assignments", filter=Q(assignments__conflict="declared"), distinct=True
            ),
        )
    }
    with django_assert_max_num_queries(2):
        found = {
            m.pk: (m.assigned, m.submitted, m.conflicts) for m in commission_members(competition)
        }
    assert found == reference
    assert found[members[1].pk] == (8, 5, 1)
    assert found[members[3].pk] == (8, 4, 0)


def test_the_commission_page_with_flags_and_counts_stays_in_budget(
    client, panel, staff, django_assert_max_num_queries
):
    competition, _members, _applications = panel
    client.force_login(staff)
    with django_assert_max_num_queries(15):
        response = client.get(f"/reviews/commission/{competition.slug}/")
    assert response.status_code == 200
    rows = {m.pk: (m.assigned, m.submitted) for m in response.context["members"]}
    assert sorted(rows.values()) == [(8, 4), (8, 5), (8, 5), (8, 7)]


def test_the_review_page_reads_its_own_and_the_others_reviews_together(
    client, panel, django_assert_max_num_queries
):
    """Thirty reviews of one application cost the page no more queries than three."""
    competition, members, applications = panel
    application = applications[0]
    criteria = list(competition.criteria.order_by("position"))
    now = timezone.now()
    for n in range(30):
        member = CommissionMember.objects.create(
            competition=competition,
            expert=UserFactory(roles=[Role.EXPERT], email=f"more{n}@example.kz"),
            declaration_accepted_at=now,
        )
        review = Review.objects.create(
            assignment=Assignment.objects.create(
                application=application, member=member, conflict="none"
            ),
            status="draft" if n % 10 == 0 else "submitted",
            submitted_at=None if n % 10 == 0 else now,
        )
        CriterionScore.objects.bulk_create(
            CriterionScore(review=review, criterion=c, score=5) for c in criteria
        )
    CommissionMember.objects.filter(competition=competition).update(declaration_accepted_at=now)
    client.force_login(members[0].expert)
    with django_assert_max_num_queries(13):
        response = client.get(f"/reviews/applications/{application.pk}/")
    assert response.status_code == 200
    others = response.context["others"]
    # The other three of the panel and 27 of the 30 (three are drafts), never one's own.
    assert len(others) == 30
    assert all(review.status == "submitted" for _letter, review in others)
    assert members[0].pk not in {review.assignment.member_id for _letter, review in others}
    own = response.context["review"]
    assert own.assignment.member_id == members[0].pk
    assert [score.score for score in own.scores.all()] == [7, 7, 7, 7]

    # A draft of one's own shows no others, and its scores fill the form.
    draft = Review.objects.filter(status="draft", assignment__application=application).first()
    client.force_login(draft.assignment.member.expert)
    response = client.get(f"/reviews/applications/{application.pk}/")
    assert response.context["others"] == []
    assert response.context["form"].initial["score_" + str(criteria[0].pk)] == 5


@pytest.mark.parametrize(
    "name",
    [None, "", "  ", "Ахметова Гүлнар", " ахметов", "А", "а б", "ИСЛАМ\tАли", "Straße X", "İlker"],
)
def test_the_stem_is_the_documented_rule(name):
    """surname_stem() split once is the rule as the module states it: the first word,
    case-folded, without a final "а"; nothing to compare is None."""
    from reviews.conflicts import surname, surname_stem

    assert surname_stem(name) == (surname(name or "").removesuffix("а") or None)


def another_call(lead, place, experts: int = 3):
    """A second call reviewed by its own commission, with a tie at the top: its reviews must
    not reach the first call's ranking, nor the first's reach it."""
    from reviews.services import commission_add

    other = CompetitionFactory()
    for position, code in enumerate(["relevance", "novelty"], start=1):
        other.criteria.create(position=position, code=code, name=code, max_score=5)
    staff = UserFactory(roles=[Role.STAFF])
    members = [
        commission_add(
            competition=other,
            expert=UserFactory(roles=[Role.EXPERT], email=f"other{n}@example.kz"),
            by=staff,
        )
        for n in range(experts)
    ]
    criteria = list(other.criteria.order_by("position"))
    for number, marks in enumerate([(5, 4), (5, 4), (1, 2), (3, 3)], start=1):
        application = Application.objects.create(
            competition=other,
            applicant=lead,
            status=Application.Status.ELIGIBLE,
            village=place,
            registration_number=f"JU-2024-{number:04d}",
        )
        for member in members:
            review = Review.objects.create(
                assignment=Assignment.objects.create(application=application, member=member),
                status="submitted",
                submitted_at=timezone.now(),
            )
            CriterionScore.objects.bulk_create(
                CriterionScore(review=review, criterion=c, score=s)
                for c, s in zip(criteria, marks, strict=True)
            )
    other.required_reviews, other.award_count = 2, 1
    other.save()
    return other


@pytest.mark.parametrize("method", ["mean", "standardised"])
def test_the_ranking_page_shows_what_rank_gives_in_every_call(
    client, panel, staff, method, monkeypatch, django_assert_max_num_queries
):
    """Page by page, the ranking page's places, figures, ties and labels are rank()'s on the
    Python grouping of the score rows: ties, unreviewed and draft reviews, a review voided by
    a confirmed conflict (its expert recused), and another call's reviews left out."""
    from reviews import selectors

    competition, _members, applications = panel
    competition.ranking_method = method
    competition.criteria.filter(position=3).update(tie_break_order=1)
    competition.save()
    other = another_call(applications[0].applicant, applications[0].village)
    monkeypatch.setattr(selectors, "RANKING_PAGE_SIZE", 3)
    client.force_login(staff)
    for call in (competition, other):
        expected = [item.pack() for item in ranked_in_python(call)]
        assert any(item[-2] for item in expected)  # a tie the chair decides
        shown, number, pages = [], 1, 1
        while number <= pages:
            cache.clear()
            # The call's first view computes the order and keeps it (one more query, a
            # write); after that, cold views read it with the version, in one query.
            with django_assert_max_num_queries(16 if number == 1 else 15):
                response = client.get(f"/reviews/ranking/{call.slug}/?page={number}")
            assert response.status_code == 200
            packs = [row.result.pack() for row, _decision, _proposed in response.context["rows"]]
            # Warm: the order from the cache, the page's reviews read on their own.
            with django_assert_max_num_queries(15):
                warm = client.get(f"/reviews/ranking/{call.slug}/?page={number}")
            assert [row.result.pack() for row, _d, _p in warm.context["rows"]] == packs
            shown += packs
            number, pages = number + 1, response.context["page"].paginator.num_pages
        assert pages > 1
        assert shown == expected
    labels = {item.stability for item in ranked_in_python(competition)}
    assert {"stable_funded", "stable_out"} <= labels


def test_a_call_without_criteria_lists_its_eligible_applications_unranked(client, staff):
    """Criteria are set up after the call opens: until then the ranking, the report files'
    ranking and the ranking page list the eligible applications, none scored."""
    from tests.factories import ApplicationFactory

    competition = CompetitionFactory()
    competition.criteria.all().delete()
    eligible = ApplicationFactory(competition=competition, status=Application.Status.ELIGIBLE)
    ApplicationFactory(competition=competition, status=Application.Status.SUBMITTED)

    results = ranking_results(competition)
    assert [(item.application_id, item.reviews) for item in results] == [(eligible.pk, 0)]
    client.force_login(staff)
    response = client.get(f"/reviews/ranking/{competition.slug}/")
    assert response.status_code == 200
    assert [row.application.pk for row, _d, _p in response.context["rows"]] == [eligible.pk]
