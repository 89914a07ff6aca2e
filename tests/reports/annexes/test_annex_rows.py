"""Each annex lists the project's own rows, and only the period's when one is given."""

from datetime import date

import pytest
from django.db.models import Sum
from django.utils import translation

from mentoring.models import Disbursement, GranteeExpense
from projects.models import ProjectExpense
from reports.annexes import annexes
from reports.annexes.models import ReportDocument, ReportPhoto
from tests.reports.annexes.conftest import AUGUST, OCTOBER

pytestmark = pytest.mark.django_db


def _texts(found) -> str:
    """Every text the annexes print, in one string to search."""
    parts = [f"{row.outlet} {row.title} {row.link}" for row in found.publications]
    parts += [photo.caption for photo in found.photos]
    parts += [
        f"{row.number} {row.line} {row.description}"
        for group in found.documents
        for row in group.rows
    ]
    return "\n".join(parts)


def _choose_all(project, staff):
    from reports.annexes.photos import photo_candidates
    from reports.annexes.services import annex_photo_choose

    for candidate in photo_candidates(project):
        annex_photo_choose(
            project=project,
            source=candidate.source,
            pk=candidate.pk,
            caption=f"Chosen: {candidate.caption}",
            added_by=staff,
        )


def test_each_annex_lists_its_projects_rows_and_never_anothers(two_projects, staff):
    alpha, beta = two_projects
    _choose_all(alpha, staff)
    _choose_all(beta, staff)

    texts = _texts(annexes(alpha))

    assert "Beta" not in texts and "beta" not in texts
    found = annexes(alpha)
    assert [row.title for row in found.publications] == [
        "Article Alpha 08",
        "Video Alpha 08",
        "Article Alpha 10",
        "Video Alpha 10",
    ]
    assert [row.link for row in found.publications if row.is_post] == [
        "https://www.instagram.com/p/alpha08",
        "https://www.instagram.com/p/alpha10",
    ]
    # The report photo and the stand photo; the draft report's photo was never offered.
    assert sorted(photo.caption for photo in found.photos) == [
        "Chosen: Photo Alpha",
        "Chosen: Stand Alpha",
    ]
    numbers = {group.key: [row.number for row in group.rows] for group in found.documents}
    assert numbers == {
        "agreements": ["Alpha-AG"],
        "payments": ["Alpha-PAY-08", "Alpha-PAY-10"],
        "receipts": ["JU-2025-0001 / 1", "JU-2025-0001 / 1"],
        "expenses": ["Alpha-EXP-08", "Alpha-EXP-10"],
        "added": ["Alpha-ACT-08", "Alpha-ACT-10"],
    }
    with translation.override("en"):
        counts = {row.label: row.count for row in annexes(alpha).participants}
    assert counts["Applications submitted"] == 1
    assert counts["Team members named in the applications"] == 2
    assert counts["Trainees invited, counted per training"] == 2
    assert counts["Trainees who attended, counted per training"] == 1
    assert counts["Mentoring meetings held"] == 2
    assert counts["Visitors registered"] == 2
    assert counts["Visitors checked in"] == 1


def test_a_period_keeps_only_the_rows_dated_in_it(two_projects, staff):
    alpha, _beta = two_projects
    _choose_all(alpha, staff)

    august = annexes(alpha, date(2025, 8, 1), date(2025, 8, 31))

    assert {row.published_on for row in august.publications} == {AUGUST}
    assert len(august.publications) == 2
    # The stand's photo is dated by the exhibition (October); the report photo's by its day.
    assert [photo.caption for photo in august.photos] == ["Chosen: Photo Alpha"]
    dates = {row.dated_on for group in august.documents for row in group.rows}
    # The agreement is dated 30.07.2025: outside August.
    assert dates == {AUGUST}
    with translation.override("en"):
        counts = {
            row.label: row.count
            for row in annexes(alpha, date(2025, 8, 1), date(2025, 8, 31)).participants
        }
    assert counts["Mentoring meetings held"] == 1
    assert counts["Trainings held"] == 1
    assert counts["Visitors checked in"] == 0
    assert counts["Applications submitted"] == 0

    october_on = annexes(alpha, start=date(2025, 10, 1))
    assert {row.dated_on for group in october_on.documents for row in group.rows} == {OCTOBER}
    assert [photo.caption for photo in october_on.photos] == ["Chosen: Stand Alpha"]


def test_the_registers_sums_equal_the_records_to_the_tenge(two_projects):
    alpha, _beta = two_projects
    totals = {group.key: group.total_kzt for group in annexes(alpha).documents}

    def total(queryset) -> int:
        return queryset.aggregate(total=Sum("amount_kzt"))["total"]

    assert totals == {
        "agreements": 1_000_000,
        "payments": total(
            Disbursement.objects.approved().filter(project__application__competition__project=alpha)
        ),
        "receipts": total(
            GranteeExpense.objects.filter(
                report__project__application__competition__project=alpha,
                report__status="accepted",
            )
        ),
        "expenses": total(ProjectExpense.objects.filter(line__project=alpha)),
        "added": total(ReportDocument.objects.filter(project=alpha)),
    }
    assert totals == {
        "agreements": 1_000_000,
        "payments": 1_000_000,
        "receipts": 200_000,
        "expenses": 300_000,
        "added": 140_000,
    }


def test_the_annexes_read_a_fixed_number_of_queries(
    two_projects, staff, django_assert_max_num_queries
):
    alpha, _beta = two_projects
    _choose_all(alpha, staff)
    with django_assert_max_num_queries(16):
        found = annexes(alpha)
    assert found.photos and found.publications
    assert all(group.rows for group in found.documents)
    # A photo chosen twice stays one row.
    _choose_all(alpha, staff)
    assert ReportPhoto.objects.filter(project=alpha).count() == 2


@pytest.mark.parametrize("limit", [1, 100])
def test_the_pdfs_first_rows_are_the_lists_head_with_the_whole_counts_and_totals(
    two_projects, limit
):
    """The PDF reads each register only as far as it prints it; what it prints (the first
    rows, the count in its note, the group's total) is what the whole list gives."""
    alpha, _beta = two_projects
    whole, head = annexes(alpha), annexes(alpha, limit=limit)
    assert head.publications == whole.publications[:limit]
    assert head.publications_total == whole.publications_total == len(whole.publications)
    # Cut (at 1) and whole (at 100): both the limited reads and the note's figures.
    assert len(whole.publications) > 1 and any(len(g.rows) > 1 for g in whole.documents)
    for full, cut in zip(whole.documents, head.documents, strict=True):
        assert cut.rows == full.rows[:limit]
        assert (cut.count, cut.total_kzt) == (len(full.rows), full.total_kzt)
