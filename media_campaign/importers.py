"""Reading a platform's analytics export (CSV) into post snapshots.

The portal never calls the platforms; staff download the export and upload it
here. Each platform's export names its columns differently, so an importer is a
column mapping: for each field, the headers it may appear under. New platforms
are one more entry in IMPORTERS. Every row is checked before anything is saved:
one bad row and nothing is imported, the errors listed by line number.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.errors import ServiceError

NUMBERS = ("views", "likes", "comments", "shares", "positive", "neutral", "negative")
REQUIRED = ("link", "views")
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%Y %H:%M", "%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Importer:
    label: str
    # field → headers it may appear under (compared case-insensitively)
    columns: dict[str, tuple[str, ...]]
    # True when the export has no per-row date: staff give the day it was downloaded.
    needs_date: bool = False
    notes: str = ""


@dataclass
class SnapshotRow:
    line: int
    link: str
    taken_on: date
    values: dict[str, int] = field(default_factory=dict)
    post: object = None


class ImportRefused(ServiceError):
    """The file cannot be imported; one message per problem found."""

    field = "file"

    @property
    def errors(self) -> list[str]:
        return self.messages


GENERIC = Importer(
    label=gettext_lazy("Generic (the portal's own columns)"),
    columns={
        "link": ("link",),
        "taken_on": ("date",),
        **{name: (name,) for name in NUMBERS},
    },
)

META = Importer(
    label=gettext_lazy("Instagram / Facebook (Meta Business Suite export)"),
    columns={
        "link": ("permalink", "post link"),
        "taken_on": ("date",),
        "views": ("views", "impressions", "plays"),
        "likes": ("likes", "reactions"),
        "comments": ("comments",),
        "shares": ("shares",),
    },
    needs_date=True,
)

TIKTOK = Importer(
    label=gettext_lazy("TikTok (TikTok Studio export)"),
    columns={
        "link": ("video link",),
        "taken_on": ("date",),
        "views": ("video views", "total views"),
        "likes": ("likes", "total likes"),
        "comments": ("comments", "total comments"),
        "shares": ("shares", "total shares"),
    },
    needs_date=True,
)

IMPORTERS: dict[str, Importer] = {"generic": GENERIC, "meta": META, "tiktok": TIKTOK}


def _number(text: str) -> int:
    cleaned = re.sub(r"[\s\u00a0\u202f,']", "", text or "")
    if cleaned == "":
        return 0
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


def _date(text: str) -> date:
    text = (text or "").strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused([_("The file is not a text (CSV) file in UTF-8.")])


def parse_csv(content: bytes, *, platform: str, taken_on: date | None = None) -> list[SnapshotRow]:
    """The file's rows as snapshots, or ImportRefused listing every problem by line number.

    `taken_on` is the day the export was downloaded; it is used for rows without a date
    (platform exports give lifetime totals, so their `Date` column is often "Lifetime")."""
    importer = IMPORTERS[platform]
    text = _decode(content)
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [cell.strip().lower() for cell in next(reader, [])]
    where = {}
    for name, aliases in importer.columns.items():
        found = next((header.index(alias) for alias in aliases if alias in header), None)
        if found is not None:
            where[name] = found
    missing = [importer.columns[name][0] for name in REQUIRED if name not in where]
    if "taken_on" not in where and taken_on is None:
        missing.append(importer.columns["taken_on"][0])
    if missing:
        raise ImportRefused([_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}])
    rows, errors = [], []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        cells = cells + [""] * (len(header) - len(cells))
        link = cells[where["link"]].strip()
        if not link:
            errors.append(_("Line %(line)d: the link is empty.") % {"line": line})
            continue
        day = taken_on
        if "taken_on" in where:
            raw = cells[where["taken_on"]].strip()
            if raw and raw.lower() != "lifetime":
                try:
                    day = _date(raw)
                except ValueError:
                    errors.append(
                        _("Line %(line)d: “%(value)s” is not a date.")
                        % {"line": line, "value": raw}
                    )
                    continue
        if day is None:
            errors.append(_("Line %(line)d: the date is empty.") % {"line": line})
            continue
        values = {}
        for name in NUMBERS:
            if name not in where:
                continue
            raw = cells[where[name]]
            try:
                values[name] = _number(raw)
            except ValueError:
                errors.append(
                    _("Line %(line)d: “%(value)s” is not a whole number (%(column)s).")
                    % {"line": line, "value": raw.strip(), "column": header[where[name]]}
                )
        rows.append(SnapshotRow(line=line, link=link, taken_on=day, values=values))
    if errors:
        raise ImportRefused(errors)
    if not rows:
        raise ImportRefused([_("The file has no rows.")])
    return rows
