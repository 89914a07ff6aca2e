from django.conf import settings
from django.db.models import Prefetch, Sum
from django.db.models.functions import Coalesce
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from accounts.access import role_required
from accounts.roles import Role
from competitions.models import Criterion
from competitions.places import place_book, places_version
from competitions.rules import rules_fingerprint, rules_pdf_bytes
from competitions.selectors import competitions_open, competitions_public
from jastarurban.files import file_response
from projects.selectors import project_featured, projects_all


def home(request: HttpRequest) -> HttpResponse:
    # The public page features the latest project, and says which one it is.
    project = project_featured()
    return render(
        request,
        "competitions/home.html",
        {
            "project": project,
            "open_competitions": list(competitions_open()),
            "activities": list(project.activities.all()) if project else [],
        },
    )


def competition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(
        competitions_public().prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("position")),
            "faq",
            "eligible_districts",
            "announcements",
        ),
        slug=slug,
    )
    user = request.user
    return render(
        request,
        "competitions/competition_detail.html",
        {
            "competition": competition,
            "can_apply": user.is_authenticated and user.has_role(Role.APPLICANT),
            "sees_announcements": user.is_authenticated
            and user.has_role(Role.STAFF, Role.OPERATOR),
        },
    )


def rules_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The rules are public: anyone may read them before applying. An uploaded file wins;
    otherwise the PDF is built from the rules text in the reader's language."""
    competition = get_object_or_404(
        competitions_public().select_related("project__recipient"), slug=slug
    )
    if competition.rules_pdf:
        return file_response(competition.rules_pdf, stem=slug)
    if not competition.rules:
        raise Http404
    etag = f'"{rules_fingerprint(competition)}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(rules_pdf_bytes(competition), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{slug}-{get_language()}.pdf"'
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


@role_required(Role.STAFF)
def staff_home(request: HttpRequest) -> HttpResponse:
    """Every project with its budget's total, and every call: staff choose, nothing is
    chosen for them."""
    return render(
        request,
        "competitions/staff_home.html",
        {
            "projects": list(
                projects_all().annotate(budget_kzt=Coalesce(Sum("budget_lines__total_kzt"), 0))
            ),
            "competitions": list(competitions_public()),
        },
    )


def places_json(request: HttpRequest) -> HttpResponse:
    """The village picker's list, in the language asked for, cached by the browser for a year.

    The page names it with the list's version (`?v=`), so a changed list is a new address.
    """
    language = request.GET.get("lang") or translation.get_language()
    if language not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(language):
        book = place_book()
        body = {
            "districts": [[pk, name] for pk, name in book.districts],
            # A line per place: its id, its district's id and its name within the district.
            "places": [[place.pk, place.district_pk, place.name] for place in book.places],
        }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    if request.GET.get("v") == places_version():
        patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    return response
