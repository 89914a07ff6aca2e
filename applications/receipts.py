from zoneinfo import ZoneInfo

from django.db.models import Sum
from django.utils import timezone

from applications.models import Application
from jastarurban.pdf import render_pdf

AQTAU = ZoneInfo("Asia/Aqtau")


def receipt_pdf(application: Application) -> bytes:
    """The PDF receipt of a submitted application, in the active language."""
    return render_pdf(
        "applications/pdf/receipt.html",
        {
            "application": application,
            # The receipt states Aktau time whatever zone the request runs in.
            "submitted_at": timezone.localtime(application.submitted_at, AQTAU),
            "team": list(application.team.all()),
            "budget": list(application.budget_items.all()),
            "requested_kzt": application.budget_items.aggregate(total=Sum("total_kzt"))["total"]
            or 0,
        },
    )
