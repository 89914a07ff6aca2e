"""The annexes as sheets of the report's XLSX: one sheet each, text written as text, the
register's subtotals as formulas over its own rows."""

from datetime import date

from django.utils.translation import gettext as _
from openpyxl import Workbook

from projects.models import GrantProject
from reports.annexes import annexes
from reports.builders.sheets import DATE_FORMAT, TENGE_FORMAT, Formula, Sheet


def annex_sheets(
    book: Workbook, project: GrantProject, start: date | None = None, end: date | None = None
) -> None:
    found = annexes(project, start, end)

    publications = Sheet(
        book,
        _("Publications"),
        [_("No."), _("Date"), _("Kind"), _("Outlet or platform"), _("Title or subject"), _("Link")],
        [6, 12, 20, 24, 50, 50],
        wrap=frozenset({2, 3, 4, 5}),
    )
    for number, row in enumerate(found.publications, start=1):
        publications.append(
            [number, row.published_on, row.kind, row.outlet, row.title, row.link],
            formats_={1: DATE_FORMAT},
        )

    photos = Sheet(
        book,
        _("Photos"),
        [_("No."), _("Date"), _("Caption")],
        [6, 12, 90],
        wrap=frozenset({2}),
    )
    for number, photo in enumerate(found.photos, start=1):
        photos.append([number, photo.taken_on, photo.caption], formats_={1: DATE_FORMAT})

    register = Sheet(
        book,
        _("Documents"),
        [
            _("Group"),
            _("Document"),
            _("Number"),
            _("Date"),
            _("Amount"),
            _("Budget line"),
            _("Description"),
        ],
        [28, 22, 18, 12, 16, 36, 50],
        wrap=frozenset({0, 1, 5, 6}),
    )
    for group in found.documents:
        first = register.row + 1
        for row in group.rows:
            register.append(
                [
                    group.title,
                    row.kind,
                    row.number,
                    row.dated_on,
                    row.amount_kzt,
                    row.line,
                    row.description,
                ],
                formats_={3: DATE_FORMAT, 4: TENGE_FORMAT},
            )
        if group.rows:
            register.append(
                [
                    f"{_('Total')}: {group.title}",
                    None,
                    None,
                    None,
                    Formula(f"=SUM(E{first}:E{register.row})"),
                ],
                formats_={4: TENGE_FORMAT},
                bold=True,
            )

    participants = Sheet(
        book,
        _("Participants"),
        [_("Group"), _("Who"), _("Count")],
        [30, 50, 10],
        wrap=frozenset({0, 1}),
    )
    for row in found.participants:
        participants.append(
            [row.group, row.label, row.count],
            indent={1} if row.sub else None,
        )
