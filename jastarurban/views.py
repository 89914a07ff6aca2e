from django.http import HttpRequest, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache

from jastarurban.health import OK, run_checks


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(result == OK for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", "checks": checks},
        status=200 if healthy else 503,
    )


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask for /favicon.ico on the first visit whatever the page links; a temporary
    redirect (kept a day) follows the static file's name when a deploy changes it."""
    response = HttpResponseRedirect(static("icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=24 * 3600)
    return response
