"""Report files at any size: the XLSX streams, and data is loaded only for what is printed
(the figures at 30 000 applications: `manage.py measure_files`, README "Benchmark")."""

from io import BytesIO

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.query import ModelIterable, QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from applications.models import Application
from reports import builders
from reports.builders import data, pdf, xlsx
from reports.builders.sheets import number
from reports.models import ReportFile
from reviews import selectors
from reviews.models import Review
from reviews.services import review_reopen

pytestmark = pytest.mark.django_db


@pytest.fixture
def books(monkeypatch):
    made = []

    class RecordedWorkbook(xlsx.Workbook):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(xlsx, "Workbook", RecordedWorkbook)
    return made


@pytest.mark.parametrize("kind", ReportFile.Kind.values)
def test_every_spreadsheet_is_written_row_by_row(full_demo, books, kind):
    builders.build_report(kind, ReportFile.Format.XLSX, project=full_demo[0])
    assert len(books) == 1 and books[0].write_only


def test_the_list_of_applications_is_read_a_chunk_at_a_time(full_demo, monkeypatch):
    """No query holds every application in memory: they arrive from an iterator."""
    fetch_all = QuerySet._fetch_all

    def refuse_whole_lists(queryset):
        if queryset.model is Application and queryset._iterable_class is ModelIterable:
            raise AssertionError("all applications loaded at once")
        return fetch_all(queryset)

    monkeypatch.setattr(QuerySet, "_fetch_all", refuse_whole_lists)
    content = xlsx.applications_xlsx(full_demo[0])
    assert content.startswith(b"PK")
    assert pdf.applications_pdf(full_demo[0]).startswith(b"%PDF")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_list_reads_the_printed_columns_as_tuples(full_demo, language):
    """No Application instances (texts, drafts) for a title and a number; the same values,
    the village's and district's names translated as the model's fields give them."""
    project = full_demo[0]
    with translation.override(language):
        lines = list(data.applications_list(project))
        applications = (
            Application.objects.filter(competition__project=project, submitted_at__isnull=False)
            .exclude(status=Application.Status.DRAFT)
            .select_related("village__district", "decision")
            .order_by("competition__opens_at", "submitted_at", "pk")
        )
        expected = [
            (
                a.pk,
                a.registration_number,
                a.title,
                a.status,
                a.submitted_at,
                a.competition_id,
                a.village.name if a.village else "",
                a.village.district.name if a.village else "",
                a.decision.outcome if hasattr(a, "decision") else None,
                a.decision.amount_kzt if hasattr(a, "decision") else None,
                a.team_count,
            )
            for a in applications
        ]
    assert len(lines) > 30 and all(isinstance(line, data.ApplicationLine) for line in lines)
    assert [
        (
            line.pk,
            line.registration_number,
            line.title,
            line.status,
            line.submitted_at,
            line.competition_id,
            line.village,
            line.district,
            line.outcome,
            line.amount_kzt,
            line.team_size,
        )
        for line in lines
    ] == expected
    assert any(line.outcome for line in lines)


def test_the_pdf_report_loads_only_the_ranking_rows_it_prints(full_demo, monkeypatch):
    loaded = []
    ranking_rows = data._ranking_rows

    def counted(results):
        loaded.append(len(results))
        return ranking_rows(results)

    monkeypatch.setattr(data, "_ranking_rows", counted)
    monkeypatch.setattr(pdf, "PDF_RANKING_ROWS", 3)
    report = data.project_report(full_demo[0], final=True)
    lengths = [len(rows) for _competition, rows in report.rankings]
    assert max(lengths) > 3
    assert pdf.project_report_pdf(data.project_report(full_demo[0], final=True)).startswith(b"%PDF")
    assert loaded == [min(3, length) for length in lengths]


def test_the_pdf_ranking_is_the_rankings_head_without_computing_every_figure(
    full_demo, monkeypatch
):
    """The head comes from the kept order with figures for its rows only, and they are the
    figures ranking_results gives (the page and the files print the same means and ranks)."""
    report = data.project_report(full_demo[0], final=True)
    whole = {competition.pk: list(rows.results) for competition, rows in report.rankings}
    cache.clear()

    def refused(*args, **kwargs):
        raise AssertionError("every figure computed for a printed head")

    monkeypatch.setattr(selectors, "_compute_ranking", refused)
    for competition, rows in data.project_report(full_demo[0], final=True).rankings:
        head = rows.head(3)
        assert len(head) == len(whole[competition.pk])
        expected = whole[competition.pk][:3]
        assert [r.pack()[:-1] for r in head.results] == [r.pack()[:-1] for r in expected]


def test_a_ranking_read_whole_gives_every_row_in_order(full_demo):
    report = data.project_report(full_demo[0], final=False)
    for competition, rows in report.rankings:
        read = list(rows)
        assert len(read) == len(rows)
        assert [row.result.application_id for row in read] == [
            result.application_id for result in rows.results
        ]
        assert all(row.application.pk == row.result.application_id for row in read)
        assert all(row.application.competition_id == competition.pk for row in read)


@pytest.mark.parametrize("kind", ["interim", "final"])
def test_the_xlsx_lists_every_ranking_as_ranking_results_orders_and_figures_it(
    full_demo, staff, kind
):
    """Read from the kept order and the reviews' rows, without ranking_results' other
    figures: the same rows in the same order, with the same ranks, review counts and means,
    an application a review short of a place listed unranked with its mean."""
    project = full_demo[0]
    short = (
        Application.objects.filter(competition__project=project)
        .annotate(
            submitted=Count(
                "assignments", filter=Q(assignments__review__status=Review.Status.SUBMITTED)
            )
        )
        .filter(submitted=F("competition__required_reviews"))
        .order_by("pk")
        .first()
    )
    review = Review.objects.filter(
        assignment__application=short, status=Review.Status.SUBMITTED
    ).first()
    review_reopen(review=review, by=staff, reason="one review short of a place")
    book = load_workbook(BytesIO(builders.build_report(kind, "xlsx", "ru", project=project)))
    cache.clear()  # ranking_results' figures computed now, not read back from the cache
    expected = []
    with translation.override("ru"):
        sheet = book[_("Applications")]
        for competition, _rows in data.project_report(project, final=kind == "final").rankings:
            numbers = dict(competition.applications.values_list("pk", "registration_number"))
            expected += [
                (competition.title, r.rank, numbers[r.application_id], r.reviews, number(r.mean))
                for r in selectors.ranking_results(competition, stability=False)
            ]
    written = [(row[0], row[1], row[2], row[5], row[6]) for row in sheet.iter_rows(min_row=2)]
    assert [tuple(cell.value for cell in row) for row in written] == expected
    assert (short.registration_number, None) in {(n, place) for _c, place, n, *_f in expected}
    assert any(mean is not None and mean != int(mean) for *_row, mean in expected)


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(("kind", "format"), [("applications", "xlsx"), ("final", "xlsx")])
def test_a_file_takes_the_same_queries_at_any_size(full_demo, language, kind, format):
    """Not one query per row: the 32 demo applications and their villages' names (translated
    fields, easily deferred and then loaded row by row) come in a fixed number of queries."""
    assert Application.objects.exclude(submitted_at=None).count() > 30
    with CaptureQueriesContext(connection) as queries:
        builders.build_report(kind, format, language, project=full_demo[0])
    # The period report reads each kind of record for its event log once (about a dozen),
    # the four annexes theirs (16) and the consistency check its own: a fixed number.
    assert len(queries) <= 60
