"""The grant agreement as a PDF: a pure function of the agreement and what it holds."""

from django.db.models import Sum
from django.utils import timezone

from jastarurban.pdf import render_pdf
from mentoring.models import GrantAgreement


def agreement_pdf(agreement: GrantAgreement) -> bytes:
    """The agreement in its language(s), with the approved budget and both schedules.

    "Kazakh and Russian" puts the whole text twice, Kazakh first, each from a new page:
    both texts are the agreement, as is usual for bilingual documents in Kazakhstan.
    """
    project = agreement.project
    application = project.application
    return render_pdf(
        "mentoring/pdf/agreement.html",
        {
            "agreement": agreement,
            "project": project,
            "application": application,
            "recipient": application.competition.project.recipient,
            "lines": list(project.budget_lines.order_by("position")),
            "budget_kzt": project.budget_lines.aggregate(total=Sum("amount_kzt"))["total"] or 0,
            "tranches": list(agreement.tranches.order_by("number")),
            "report_dues": list(agreement.report_dues.order_by("number")),
            "generated_at": timezone.localtime(),
        },
    )
