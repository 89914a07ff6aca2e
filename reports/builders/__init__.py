"""Report builders: pure functions from the database's state to a file's bytes.

``build_report(kind, format, language, project=..., period=...)`` is the one entry point
the task, the command and the tests use. Each builder reads the project it is given and only
that project's competitions, applications, grantees, events and money.
"""

from collections.abc import Callable

from django.utils import translation

from jastarurban.pdf import pdf_sign_if_configured
from projects.models import GrantProject
from reports.builders import pdf, xlsx
from reports.builders.data import ProjectReport, project_report
from reports.models import NarrativeVersion, ReportFile
from reports.periods import Period

Kind, Format = ReportFile.Kind, ReportFile.Format

# The interim and final reports cover a period (reports/periods/): they are built from a
# ProjectReport; the protocol and the list of applications from the project alone.
PERIOD_BUILDERS: dict[tuple[str, str], Callable[[ProjectReport], bytes]] = {
    (Kind.INTERIM, Format.PDF): pdf.project_report_pdf,
    (Kind.FINAL, Format.PDF): pdf.project_report_pdf,
    (Kind.INTERIM, Format.XLSX): xlsx.project_report_xlsx,
    (Kind.FINAL, Format.XLSX): xlsx.project_report_xlsx,
}
BUILDERS: dict[tuple[str, str], Callable[[GrantProject], bytes]] = {
    (Kind.PROTOCOL, Format.PDF): pdf.protocol_report_pdf,
    (Kind.APPLICATIONS, Format.PDF): pdf.applications_pdf,
    (Kind.PROTOCOL, Format.XLSX): xlsx.protocol_xlsx,
    (Kind.APPLICATIONS, Format.XLSX): xlsx.applications_xlsx,
}


def build_report(
    kind: str,
    format: str,
    language: str = "kk",
    *,
    project: GrantProject,
    period: Period | None = None,
    narratives: dict[int, NarrativeVersion] | None = None,
) -> bytes:
    """``period`` and ``narratives`` (by activity id: the versions to print; the current
    ones when None) concern the interim and final reports only."""
    with translation.override(language):
        if (kind, format) in PERIOD_BUILDERS:
            # Not kept here: the PDF's builder frees what it does not print before the layout.
            content = PERIOD_BUILDERS[(kind, format)](
                project_report(project, kind == Kind.FINAL, period=period, narratives=narratives)
            )
        else:
            content = BUILDERS[(kind, format)](project)
        if format == Format.PDF:
            # Signed as the last step: any later change to the bytes breaks the signature.
            content = pdf_sign_if_configured(content, reason=str(Kind(kind).label))
        return content
