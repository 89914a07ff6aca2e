"""Part 3 of the operator's report: the annexes. Each is a function
``(project, start=None, end=None) -> rows`` over the project's records only; a period (both
days included) keeps the rows dated in it, None the whole project. The PDF prints them with
reports/templates/reports/pdf/_annexes.html, the XLSX with reports.annexes.sheets."""

from dataclasses import dataclass
from datetime import date

from projects.models import GrantProject
from reports.annexes.documents import DocumentGroup, documents
from reports.annexes.models import ReportPhoto
from reports.annexes.participants import ParticipantRow, participants
from reports.annexes.photos import photos
from reports.annexes.publications import PublicationRow, publications, publications_count


@dataclass
class Annexes:
    publications: list[PublicationRow]
    photos: list[ReportPhoto]
    documents: list[DocumentGroup]
    participants: list[ParticipantRow]
    # How many publications the period has: more than ``publications`` under a limit.
    publications_total: int = 0


def annexes(
    project: GrantProject,
    start: date | None = None,
    end: date | None = None,
    *,
    limit: int | None = None,
) -> Annexes:
    """``limit``: the long lists (publications, each group of documents) hold their first
    rows only, with their counts and totals over every row: what the PDF prints."""
    listed = publications(project, start, end, limit=limit)
    return Annexes(
        publications=listed,
        photos=photos(project, start, end),
        documents=documents(project, start, end, limit=limit),
        participants=participants(project, start, end),
        publications_total=(
            len(listed) if limit is None else publications_count(project, start, end)
        ),
    )
