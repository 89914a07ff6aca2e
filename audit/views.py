"""The audit log page for staff and the operator: read-only, filtered, paged, exportable."""

from auditlog.models import LogEntry
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.access import role_required
from accounts.roles import Role
from audit import exports
from audit.display import ACTIONS, actor_label, field_changes, model_label
from audit.filters import LogEntryFilter

PAGE_SIZE = 50

FORMATS = {
    "csv": ("text/csv; charset=utf-8", exports.build_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        exports.build_xlsx,
    ),
}


def _filtered(request: HttpRequest) -> LogEntryFilter:
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    return LogEntryFilter(request.GET or None, queryset=entries)


@require_safe
@role_required(Role.STAFF, Role.OPERATOR)
def log(request: HttpRequest) -> HttpResponse:
    entries = _filtered(request)
    page = Paginator(entries.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "entry": entry,
            "who": actor_label(entry),
            "action": ACTIONS.get(entry.action, entry.action),
            "kind": model_label(entry),
            "changes": field_changes(entry),
        }
        for entry in page
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {"filter": entries, "page": page, "rows": rows, "query": query.urlencode()},
    )


@require_safe
@role_required(Role.STAFF, Role.OPERATOR)
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    content_type, build = FORMATS[fmt]
    entries = _filtered(request).qs.iterator(chunk_size=500)
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response = HttpResponse(build(entries), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.{fmt}"'
    return response
