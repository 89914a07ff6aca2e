from django.db.models import Sum
from django.utils import timezone

from applications.models import Application
from jastarurban.pdf import render_pdf


def receipt_pdf(application: Application) -> bytes:
    """The PDF receipt of a submitted application, in the active language."""
    return render_pdf(
        "applications/pdf/receipt.html",
        {
            "application": application,
            "submitted_at": timezone.localtime(application.submitted_at),
            "team": list(application.team.all()),
            "budget": list(application.budget_items.all()),
            "requested_kzt": application.budget_items.aggregate(total=Sum("total_kzt"))["total"]
            or 0,
        },
    )
