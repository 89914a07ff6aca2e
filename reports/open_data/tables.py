"""The 360Giving records as one flat table: CSV and XLSX.

The columns are the 360Giving spreadsheet template's (the schema's field titles joined by
":", as its flatten-tool names them), in English whatever the language of the data: that
is how 360Giving's tools and other publishers read a grants table. Each cell comes from the
JSON record, so the table says exactly what the JSON says. Every string (titles and goals
are typed by applicants) goes through the spreadsheet-safety helpers: text, never a formula.
"""

import csv
from collections.abc import Iterable
from io import BytesIO, StringIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from jastarurban.spreadsheet_safety import csv_text, xlsx_text

# (column title, path in the record: key, or (list key, key of its first item)).
COLUMNS: list[tuple[str, str | tuple[str, str]]] = [
    ("Identifier", "id"),
    ("Title", "title"),
    ("Description", "description"),
    ("Currency", "currency"),
    ("Amount Awarded", "amountAwarded"),
    ("Award Date", "awardDate"),
    ("Planned Dates:Start Date", ("plannedDates", "startDate")),
    ("Planned Dates:End Date", ("plannedDates", "endDate")),
    ("Recipient Org:Identifier", ("recipientOrganization", "id")),
    ("Recipient Org:Name", ("recipientOrganization", "name")),
    ("Beneficiary Location:Name", ("beneficiaryLocation", "name")),
    ("Beneficiary Location:Description", ("beneficiaryLocation", "description")),
    ("Beneficiary Location:Country Code", ("beneficiaryLocation", "countryCode")),
    ("Beneficiary Location:Geographic Code", ("beneficiaryLocation", "geoCode")),
    ("Beneficiary Location:Geographic Code Type", ("beneficiaryLocation", "geoCodeType")),
    ("Funding Org:Identifier", ("fundingOrganization", "id")),
    ("Funding Org:Name", ("fundingOrganization", "name")),
    ("Grant Programme:Code", ("grantProgramme", "code")),
    ("Grant Programme:Title", ("grantProgramme", "title")),
    ("Grant Programme:URL", ("grantProgramme", "url")),
    ("From An Open Call?", "fromOpenCall"),
    ("URL", "url"),
    ("Last Modified", "dateModified"),
    ("Data Source", "dataSource"),
]
# Column widths in characters, one per column of COLUMNS.
WIDTHS = [
    34,
    40,
    60,
    9,
    15,
    12,
    12,
    12,
    38,
    44,
    20,
    20,
    9,
    14,
    10,
    22,
    40,
    20,
    30,
    40,
    9,
    40,
    25,
    40,
]


def _cell(record: dict, path: str | tuple[str, str]):
    if isinstance(path, str):
        return record.get(path, "")
    items = record.get(path[0]) or [{}]
    return items[0].get(path[1], "")


def grant_rows(grants: Iterable[dict]) -> list[list]:
    return [[_cell(grant, path) for _title, path in COLUMNS] for grant in grants]


def grants_csv(grants: Iterable[dict]) -> bytes:
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow([title for title, _path in COLUMNS])
    for row in grant_rows(grants):
        writer.writerow([csv_text(value) for value in row])
    # The byte-order mark lets spreadsheet programs read the Kazakh letters as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def grants_xlsx(grants: Iterable[dict]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title="grants")
    sheet.freeze_panes = "A2"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header = []
    for title, _path in COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    rows = grant_rows(grants)
    for row in rows:
        sheet.append([xlsx_text(value) for value in row])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
