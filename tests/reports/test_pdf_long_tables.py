"""The report's PDF prints people's documents, not registers: each long table stops at
PDF_TABLE_ROWS with a note, while its counts and totals stay over every row and the XLSX
keeps every row."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from jastarurban.templatetags.money import tenge
from reports.builders import data, pdf
from reports.consistency import Item, Problem, Severity

pytestmark = pytest.mark.django_db

LIMIT = 2


@pytest.fixture
def report_html(full_demo, monkeypatch):
    """The final report's HTML with tables cut at LIMIT rows, and the report it prints."""
    rendered = {}

    def render(template, context):
        rendered["html"] = render_to_string(template, context)
        return b"%PDF"

    monkeypatch.setattr(pdf, "render_pdf", render)
    monkeypatch.setattr(pdf, "PDF_TABLE_ROWS", LIMIT)
    with translation.override("en"):
        report = data.project_report(full_demo[0], final=True)
        pdf.project_report_pdf(report)
        found = pdf.annex_context(report.project, *report.period.bounds)["annexes"]
    return rendered["html"], report, found


def note(total: int) -> str:
    return f"The first {LIMIT} of {total} are listed; the XLSX report lists every one."


def test_long_tables_stop_at_the_limit_with_a_note(report_html):
    html, report, found = report_html
    long_groups = [group for group in found.documents if len(group.rows) > LIMIT]
    assert long_groups, "the demo has a documents group longer than the limit"
    for group in long_groups:
        assert note(len(group.rows)) in html
        # The group's total is over every row, not the printed ones.
        assert tenge(group.total_kzt) in html
        assert group.total_kzt != sum(row.amount_kzt or 0 for row in group.rows[:LIMIT])
    assert len(report.grantees) > LIMIT
    assert note(len(report.grantees)) in html
    shown = {grantee.application.registration_number for grantee in report.grantees[:LIMIT]}
    hidden = {grantee.application.registration_number for grantee in report.grantees[LIMIT:]}
    section = html[html.index("4. Grantee projects") : html.index("5. Applications")]
    assert all(f"<td>{number}</td>" in section for number in shown)
    assert not any(f"<td>{number}</td>" in section for number in hidden - shown)
    if len(found.publications) > LIMIT:
        assert note(len(found.publications)) in html
    for section in report.activities:
        if len(section.events) > LIMIT:
            assert note(len(section.events)) in html


def test_short_tables_have_no_note(full_demo, monkeypatch):
    """At the real limit the demo project (the real one's size) prints every row."""
    rendered = {}
    monkeypatch.setattr(
        pdf, "render_pdf", lambda t, c: rendered.update(html=render_to_string(t, c)) or b""
    )
    with translation.override("en"):
        report = data.project_report(full_demo[0], final=True)
        pdf.project_report_pdf(report)
    assert "the XLSX report lists every one" not in rendered["html"]
    assert all(len(section.events) <= pdf.PDF_TABLE_ROWS for section in report.activities)


def test_the_note_is_translated(full_demo, monkeypatch):
    for language, words in [("kk", "XLSX"), ("ru", "XLSX")]:
        with translation.override(language):
            text = render_to_string(
                "reports/pdf/_capped.html", {"total": 5, "pdf_table_rows_count": LIMIT}
            )
        assert words in text and "5" in text
        assert "The first" not in text


def item(problem: Problem, number: int) -> Item:
    return Item(problem, Severity.BLOCKING, f"{problem} {number}", "/", "fix")


def test_consistency_findings_are_cut_per_problem_with_their_count():
    items = [
        *(item(Problem.PAYMENT_WITHOUT_AGREEMENT, n) for n in range(5)),
        *(item(Problem.CONFLICT_FLAG_OPEN, n) for n in range(2)),
        item(Problem.SALARY_MONTHS, 0),
    ]
    rows = pdf.consistency_rows(items, LIMIT)
    assert [(row.message, more) for row, more in rows] == [
        ("payment_without_agreement 0", 0),
        ("payment_without_agreement 1", 5),
        ("conflict_flag_open 0", 0),
        ("conflict_flag_open 1", 0),
        ("salary_months 0", 0),
    ]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_notes_counts_are_grouped_as_money_is(language):
    """2 014 and 30 000, with no-break spaces as "1 000 000 ₸": not "2014"."""
    with translation.override(language):
        text = render_to_string(
            "reports/pdf/_capped.html", {"total": 2014, "pdf_table_rows_count": 1000}
        )
    assert "2\xa0014" in text and "1\xa0000" in text
    assert "2014" not in text
