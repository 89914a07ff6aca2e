"""The operator's read-only JSON API (/api/v1/): its index and the data; documented at
/api/v1/docs/ (reports/api/docs.py) from the schema at /api/v1/schema/."""

from functools import lru_cache

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from applications.models import Application
from competitions.models import Competition
from projects.models import Indicator
from projects.selectors import project_get, projects_all
from reports.api.serializers import (
    BudgetSerializer,
    CompetitionSerializer,
    DetailSerializer,
    IndexSerializer,
    IndicatorSerializer,
    ProjectSerializer,
    ResultsSerializer,
    SnapshotSerializer,
)
from reports.budget import budget_execution
from reports.selectors import indicator_history, indicator_rows
from reviews.models import Decision


def answers(ok) -> dict:
    """The 200 answer and the refusals every operation may give, each with its `detail`."""
    return {
        200: ok,
        401: OpenApiResponse(DetailSerializer, description=_("No token, or an unknown one.")),
        403: OpenApiResponse(DetailSerializer, description=_("Only the operator and staff.")),
        404: OpenApiResponse(
            DetailSerializer, description=_("No such project, or no such object in it.")
        ),
    }


def slug_in_path(name: str, description: str) -> OpenApiParameter:
    """A <slug:…> path segment: the URL resolver refuses anything else before the view."""
    return OpenApiParameter(
        name, str, OpenApiParameter.PATH, description=description, pattern=r"^[-a-zA-Z0-9_]+$"
    )


@lru_cache(maxsize=len(settings.LANGUAGES))
def _operations(language: str) -> tuple[tuple[str, str], ...]:
    """(path, summary) of every documented operation, from the schema in that language;
    built once per process and language: the paths change only with the code."""
    with translation.override(language):
        schema = SchemaGenerator().get_schema(request=None, public=True)
        return tuple(
            (path, str(operations["get"].get("summary", "")))
            for path, operations in schema["paths"].items()
        )


@extend_schema(
    responses=answers(IndexSerializer), summary=_("The API's addresses"), tags=[_("API")]
)
@api_view(["GET"])
def index(request: Request) -> Response:
    """Every endpoint of the API with its address, generated from the schema so that a
    new endpoint is listed as soon as it is documented."""
    # Joined by hand: build_absolute_uri() would escape the braces of {code}.
    origin = request.build_absolute_uri("/").removesuffix("/")
    data = {
        "title": settings.SPECTACULAR_SETTINGS["TITLE"],
        "version": settings.SPECTACULAR_SETTINGS["VERSION"],
        "docs": reverse("api:docs", request=request),
        "schema": {
            "json": reverse("api:schema_json", request=request),
            "yaml": reverse("api:schema_yaml", request=request),
        },
        "token": reverse("accounts:api_token", request=request),
        "endpoints": [
            {"url": origin + path, "summary": summary, "templated": "{" in path}
            for path, summary in _operations(translation.get_language())
        ],
    }
    return Response(IndexSerializer(data).data)


# Every figure belongs to one project, named in the path: /api/v1/projects/<project>/…
PROJECT = slug_in_path("project", _("The project's short address, e.g. jastarurban."))


@extend_schema(
    responses=answers(ProjectSerializer(many=True)),
    summary=_("The grant projects"),
    tags=[_("Projects")],
)
@api_view(["GET"])
def projects(request: Request) -> Response:
    """Every project, the latest first; each one's data is under its own address."""
    rows = [
        {
            "slug": project.slug,
            "title": project.title,
            "recipient": project.recipient,
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
            "url": reverse("api:indicators", kwargs={"project": project.slug}, request=request),
        }
        for project in projects_all()
    ]
    return Response(ProjectSerializer(rows, many=True).data)


@extend_schema(
    responses=answers(IndicatorSerializer(many=True)),
    summary=_("Indicators, latest values"),
    tags=[_("Indicators")],
    parameters=[PROJECT],
)
@api_view(["GET"])
def indicators(request: Request, project: str) -> Response:
    rows = indicator_rows(project_get(project))
    data = [
        {
            "code": row.indicator.code,
            "name": row.indicator.name,
            "activity": row.indicator.activity.number,
            "kind": row.indicator.kind,
            "unit": row.indicator.unit,
            "comparison": row.indicator.comparison,
            "target": row.indicator.target,
            "target_max": row.indicator.target_max,
            "actual": row.actual,
            "as_of": row.as_of,
            "percent": row.percent,
            "status": row.status.value,
            "source": row.indicator.source,
            "manual": row.indicator.manual_value is not None and not row.indicator.source,
        }
        for row in rows
    ]
    return Response(IndicatorSerializer(data, many=True).data)


@extend_schema(
    responses=answers(SnapshotSerializer(many=True)),
    summary=_("An indicator's daily history"),
    tags=[_("Indicators")],
    parameters=[
        PROJECT,
        slug_in_path("code", _("The indicator's code, e.g. applications_received.")),
    ],
)
@api_view(["GET"])
def indicator_snapshots(request: Request, project: str, code: str) -> Response:
    indicator = get_object_or_404(Indicator, project__slug=project, code=code)
    return Response(SnapshotSerializer(indicator_history(indicator), many=True).data)


@extend_schema(
    responses=answers(BudgetSerializer),
    summary=_("Budget execution: plan, spent, remaining"),
    tags=[_("Budget")],
    parameters=[PROJECT],
)
@api_view(["GET"])
def budget(request: Request, project: str) -> Response:
    project = project_get(project)
    execution = budget_execution(project)
    data = {
        "project": project.slug,
        "plan_kzt": execution.plan_kzt,
        "actual_kzt": execution.actual_kzt,
        "remaining_kzt": execution.remaining_kzt,
        "grant_kzt": execution.budget.grant_kzt,
        "own_kzt": execution.budget.own_kzt,
        "support_kzt": execution.budget.support_kzt,
        "support_percent": round(execution.budget.support_percent, 2),
        "support_within_limit": execution.budget.support_within_limit,
        "sections": [
            {
                "section": section.section.value,
                "plan_kzt": section.plan_kzt,
                "actual_kzt": section.actual_kzt,
                "remaining_kzt": section.remaining_kzt,
                "lines": [
                    {
                        "position": item.line.position,
                        "name": item.line.name,
                        "activity": item.line.activity.number if item.line.activity else None,
                        "unit": item.line.unit,
                        "quantity": item.line.quantity,
                        "unit_cost_kzt": item.line.unit_cost_kzt,
                        "funding_source": item.line.funding_source,
                        "plan_kzt": item.plan_kzt,
                        "actual_kzt": item.actual_kzt,
                        "remaining_kzt": item.remaining_kzt,
                        "overspent": item.overspent,
                    }
                    for item in section.lines
                ],
            }
            for section in execution.sections
        ],
    }
    return Response(BudgetSerializer(data).data)


@extend_schema(
    responses=answers(CompetitionSerializer(many=True)),
    summary=_("The project's competitions"),
    tags=[_("Competitions")],
    parameters=[PROJECT],
)
@api_view(["GET"])
def competitions(request: Request, project: str) -> Response:
    # Counted in a subquery per call: joining the applications grouped every one of them
    # with the call's long texts (0.4 s of SQLite at 10 000 applications).
    received = (
        Application.objects.filter(competition=OuterRef("pk"), submitted_at__isnull=False)
        .exclude(status=Application.Status.DRAFT)
        .order_by()
        .values("competition")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        Competition.objects.filter(project=project_get(project))
        .annotate(applications_received=Coalesce(Subquery(received), 0))
        .order_by("opens_at")
    )
    return Response(CompetitionSerializer(rows, many=True).data)


@extend_schema(
    responses=answers(ResultsSerializer),
    summary=_("A competition's published results"),
    tags=[_("Competitions")],
    parameters=[
        PROJECT,
        slug_in_path("slug", _("The competition's slug, e.g. jastarurban-2025.")),
    ],
)
@api_view(["GET"])
def competition_results(request: Request, project: str, slug: str) -> Response:
    competition = get_object_or_404(
        Competition, project__slug=project, slug=slug, results_published_at__isnull=False
    )
    awarded = (
        Decision.objects.filter(
            application__competition=competition, outcome=Decision.Outcome.AWARDED
        )
        .select_related("application__village__district")
        .order_by("rank")
    )
    data = {
        "competition": competition.slug,
        "published_at": competition.results_published_at,
        "awards": [
            {
                "rank": decision.rank,
                "registration_number": decision.application.registration_number,
                "title": decision.application.title,
                "village": decision.application.village.name
                if decision.application.village
                else "",
                "district": (
                    decision.application.village.district.name
                    if decision.application.village
                    else ""
                ),
                "amount_kzt": decision.amount_kzt,
            }
            for decision in awarded
        ],
    }
    return Response(ResultsSerializer(data).data)
