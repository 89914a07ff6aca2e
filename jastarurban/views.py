from django.http import HttpRequest, JsonResponse
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
