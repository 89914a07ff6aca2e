"""Open data views: public, read-only (GET and HEAD), no login, cacheable.

The data's language comes from the address (Kazakh without a prefix), not from the
visitor's cookie: an address always answers the same bytes, which an ETag names, so
aggregators and caches may keep it for OPEN_DATA_MAX_AGE seconds and revalidate cheaply.
"""

import hashlib
import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from projects.models import GrantProject, GrantRecipient
from reports.open_data.feeds import OpenCallsFeed, calls_json_feed
from reports.open_data.grants import awarded_decisions, grants_package
from reports.open_data.tables import grants_csv, grants_xlsx

DEFAULT_LANGUAGE = "kk"
CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def grants_url(fmt: str, *, lang: str = DEFAULT_LANGUAGE, slug: str | None = None) -> str:
    """The address of the grants file, the Kazakh one without a language prefix."""
    name, kwargs = ("project_grants", {"slug": slug}) if slug else ("grants", {})
    if lang != DEFAULT_LANGUAGE:
        name, kwargs = f"{name}_in", {"lang": lang, **kwargs}
    return reverse(f"open_data:{name}", kwargs={**kwargs, "fmt": fmt})


def calls_url(fmt: str, *, lang: str = DEFAULT_LANGUAGE) -> str:
    if lang == DEFAULT_LANGUAGE:
        return reverse("open_data:calls", kwargs={"fmt": fmt})
    return reverse("open_data:calls_in", kwargs={"lang": lang, "fmt": fmt})


def _published(request: HttpRequest, response: HttpResponse, *, lang: str) -> HttpResponse:
    """Public caching, an ETag of the bytes (a 304 when the reader has them), open to any
    origin (the data holds nothing private and needs no cookie), its language stated."""
    response["Cache-Control"] = f"public, max-age={settings.OPEN_DATA_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Language"] = lang
    response["X-Content-Type-Options"] = "nosniff"
    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    response["ETag"] = etag
    return get_conditional_response(request, etag=etag, response=response)


@require_safe
def grants(
    request: HttpRequest, fmt: str, lang: str = DEFAULT_LANGUAGE, slug: str | None = None
) -> HttpResponse:
    """The awarded grants of every project, or of one, as 360Giving JSON, CSV or XLSX."""
    with translation.override(lang):
        if slug is None:
            publisher = GrantRecipient.objects.order_by("pk").first()
            title = _("JastarUrban: grants awarded")
        else:
            project = get_object_or_404(GrantProject.objects.select_related("recipient"), slug=slug)
            publisher = project.recipient
            title = _("%(project)s: grants awarded") % {"project": project.title}
        download_url = request.build_absolute_uri(grants_url("json", lang=lang, slug=slug))
        package = grants_package(
            awarded_decisions(project_slug=slug),
            publisher=publisher,
            absolute=request.build_absolute_uri,
            download_url=download_url,
            identifier="-".join(
                part for part in (settings.OPEN_DATA_GRANT_PREFIX, "grants", slug, lang) if part
            ),
            title=title,
        )
    if fmt == "json":
        body = json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
    elif fmt == "csv":
        body = grants_csv(package["grants"])
    else:
        body = grants_xlsx(package["grants"])
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    if fmt != "json":
        name = "-".join(part for part in ("jastarurban-360giving", slug, lang) if part)
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return _published(request, response, lang=lang)


@require_safe
def calls(request: HttpRequest, fmt: str, lang: str = DEFAULT_LANGUAGE) -> HttpResponse:
    """Open and upcoming calls: Atom (Django's syndication framework) or JSON Feed."""
    with translation.override(lang):
        if fmt == "atom":
            response = OpenCallsFeed()(request)
        else:
            feed = calls_json_feed(
                absolute=request.build_absolute_uri,
                feed_url=request.build_absolute_uri(calls_url("json", lang=lang)),
            )
            response = HttpResponse(
                json.dumps(feed, ensure_ascii=False, indent=2).encode("utf-8"),
                content_type="application/feed+json; charset=utf-8",
            )
    return _published(request, response, lang=lang)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The open data page, in the visitor's language, with links to the files in it."""
    lang = translation.get_language() or DEFAULT_LANGUAGE
    if lang not in dict(settings.LANGUAGES):
        lang = DEFAULT_LANGUAGE
    projects = [
        {
            "project": project,
            "files": [
                (fmt, grants_url(fmt, lang=lang, slug=project.slug)) for fmt in CONTENT_TYPES
            ],
        }
        for project in GrantProject.objects.filter(competitions__results_published_at__isnull=False)
        .distinct()
        .order_by("-starts_on")
    ]
    return render(
        request,
        "reports/open_data/index.html",
        {
            "grant_files": [(fmt, grants_url(fmt, lang=lang)) for fmt in CONTENT_TYPES],
            "feeds": [
                ("Atom", calls_url("atom", lang=lang)),
                ("JSON", calls_url("json", lang=lang)),
            ],
            "projects": projects,
            "grant_prefix": settings.OPEN_DATA_GRANT_PREFIX,
            "org_id_scheme": settings.OPEN_DATA_ORG_ID_SCHEME,
            "license_url": settings.OPEN_DATA_LICENSE_URL,
        },
    )
