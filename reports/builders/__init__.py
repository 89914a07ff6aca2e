"""Report builders: pure functions from the database's state to a file's bytes.

``build_report(kind, format, language)`` is the one entry point the task, the command and the
tests use. Each builder reads the current project (competitions.selectors.project_current).
"""

from collections.abc import Callable

from django.utils import translation

from jastarurban.pdf import pdf_sign_if_configured
from reports.builders import pdf, xlsx
from reports.models import ReportFile

Kind, Format = ReportFile.Kind, ReportFile.Format

BUILDERS: dict[tuple[str, str], Callable[[], bytes]] = {
    (Kind.INTERIM, Format.PDF): lambda: pdf.project_report_pdf(final=False),
    (Kind.FINAL, Format.PDF): lambda: pdf.project_report_pdf(final=True),
    (Kind.PROTOCOL, Format.PDF): pdf.protocol_report_pdf,
    (Kind.APPLICATIONS, Format.PDF): pdf.applications_pdf,
    (Kind.INTERIM, Format.XLSX): lambda: xlsx.project_report_xlsx(final=False),
    (Kind.FINAL, Format.XLSX): lambda: xlsx.project_report_xlsx(final=True),
    (Kind.PROTOCOL, Format.XLSX): xlsx.protocol_xlsx,
    (Kind.APPLICATIONS, Format.XLSX): xlsx.applications_xlsx,
}


def build_report(kind: str, format: str, language: str = "kk") -> bytes:
    with translation.override(language):
        content = BUILDERS[(kind, format)]()
        if format == Format.PDF:
            # Signed as the last step: any later change to the bytes breaks the signature.
            content = pdf_sign_if_configured(content, reason=str(Kind(kind).label))
        return content
