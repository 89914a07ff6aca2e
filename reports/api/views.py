"""The operator's read-only JSON API (/api/v1/), documented at /api/v1/schema/."""

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from applications.models import Application
from competitions.models import Competition, Indicator
from competitions.selectors import project_current
from reports.api.serializers import (
    BudgetSerializer,
    CompetitionSerializer,
    IndicatorSerializer,
    ResultsSerializer,
    SnapshotSerializer,
)
from reports.budget import budget_execution
from reports.selectors import indicator_history, indicator_rows
from reviews.models import Decision


def _project():
    project = project_current()
    if project is None:
        raise Http404
    return project


@extend_schema(responses=IndicatorSerializer(many=True), summary="Indicators, latest values")
@api_view(["GET"])
def indicators(request: Request) -> Response:
    rows = indicator_rows(_project())
    data = [
        {
            "code": row.indicator.code,
            "name": row.indicator.name,
            "activity": row.indicator.activity.number,
            "kind": row.indicator.kind,
            "unit": row.indicator.unit,
            "comparison": row.indicator.comparison,
            "target": row.indicator.target,
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


@extend_schema(responses=SnapshotSerializer(many=True), summary="An indicator's daily history")
@api_view(["GET"])
def indicator_snapshots(request: Request, code: str) -> Response:
    indicator = get_object_or_404(Indicator, project=_project(), code=code)
    return Response(SnapshotSerializer(indicator_history(indicator), many=True).data)


@extend_schema(responses=BudgetSerializer, summary="Budget execution: plan, spent, remaining")
@api_view(["GET"])
def budget(request: Request) -> Response:
    project = _project()
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


@extend_schema(responses=CompetitionSerializer(many=True), summary="The project's competitions")
@api_view(["GET"])
def competitions(request: Request) -> Response:
    rows = (
        Competition.objects.filter(project=_project())
        .annotate(
            applications_received=Count(
                "applications",
                filter=Q(applications__submitted_at__isnull=False)
                & ~Q(applications__status=Application.Status.DRAFT),
            )
        )
        .order_by("opens_at")
    )
    return Response(CompetitionSerializer(rows, many=True).data)


@extend_schema(responses=ResultsSerializer, summary="A competition's published results")
@api_view(["GET"])
def competition_results(request: Request, slug: str) -> Response:
    competition = get_object_or_404(
        Competition, project=_project(), slug=slug, results_published_at__isnull=False
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
