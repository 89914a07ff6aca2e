"""Rate limits outside sign-in (django-ratelimit, counted in the cache).

``client_ip`` is the address django-ratelimit counts by (``RATELIMIT_IP_META_KEY``): behind
the reverse proxy every request comes from the proxy, so with ``AXES_PROXY_COUNT`` proxies
in front the client is the address the outermost of them appended to X-Forwarded-For —
the same reading django-axes makes.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited


def client_ip(request: HttpRequest) -> str:
    proxies = settings.AXES_IPWARE_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= proxies:
            return chain[-proxies]
    return request.META.get("REMOTE_ADDR") or "unknown"


def limit_hit(request: HttpRequest, *, group: str, rate: str, key: str = "ip") -> bool:
    """Counts this request in ``group`` and says whether it went over ``rate``.

    ``key`` is "ip" or a value such as a normalised e-mail (counted per value)."""
    if key != "ip":
        value = key
        key = lambda _group, _request: value  # noqa: E731
    return is_ratelimited(request, group=group, key=key, rate=rate, method=ALL, increment=True)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The 429 page, in the visitor's language."""
    return render(request, "429.html", status=429)
