"""Report builders: pure functions from the database's state to a file's bytes.

``build_report(kind, format, language, project=...)`` is the one entry point the task, the
command and the tests use. Each builder reads the project it is given and only that project's
competitions, applications, grantees, events and money.
"""

from collections.abc import Callable

from django.utils import translation

from competitions.models import GrantProject
from jastarurban.pdf import pdf_sign_if_configured
from reports.builders import pdf, xlsx
from reports.models import ReportFile

Kind, Format = ReportFile.Kind, ReportFile.Format

BUILDERS: dict[tuple[str, str], Callable[[GrantProject], bytes]] = {
    (Kind.INTERIM, Format.PDF): lambda project: pdf.project_report_pdf(project, final=False),
    (Kind.FINAL, Format.PDF): lambda project: pdf.project_report_pdf(project, final=True),
    (Kind.PROTOCOL, Format.PDF): pdf.protocol_report_pdf,
    (Kind.APPLICATIONS, Format.PDF): pdf.applications_pdf,
    (Kind.INTERIM, Format.XLSX): lambda project: xlsx.project_report_xlsx(project, final=False),
    (Kind.FINAL, Format.XLSX): lambda project: xlsx.project_report_xlsx(project, final=True),
    (Kind.PROTOCOL, Format.XLSX): xlsx.protocol_xlsx,
    (Kind.APPLICATIONS, Format.XLSX): xlsx.applications_xlsx,
}


def build_report(kind: str, format: str, language: str = "kk", *, project: GrantProject) -> bytes:
    with translation.override(language):
        content = BUILDERS[(kind, format)](project)
        if format == Format.PDF:
            # Signed as the last step: any later change to the bytes breaks the signature.
            content = pdf_sign_if_configured(content, reason=str(Kind(kind).label))
        return content
