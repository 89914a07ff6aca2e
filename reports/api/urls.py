from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularJSONAPIView, SpectacularYAMLAPIView

from reports.api import views
from reports.api.docs import ApiDocsView

app_name = "api"

urlpatterns = [
    path("", views.index, name="index"),
    path("docs/", ApiDocsView.as_view(), name="docs"),
    # The schema by content negotiation (YAML unless JSON is asked for), and one per format
    # for a plain download link.
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("schema.json", SpectacularJSONAPIView.as_view(), name="schema_json"),
    path("schema.yaml", SpectacularYAMLAPIView.as_view(), name="schema_yaml"),
    path("projects/", views.projects, name="projects"),
    # A project's data under its own address: no figure is ever read from "the current" one.
    path("projects/<slug:project>/indicators/", views.indicators, name="indicators"),
    path(
        "projects/<slug:project>/indicators/<slug:code>/snapshots/",
        views.indicator_snapshots,
        name="snapshots",
    ),
    path("projects/<slug:project>/budget/", views.budget, name="budget"),
    path("projects/<slug:project>/competitions/", views.competitions, name="competitions"),
    path(
        "projects/<slug:project>/competitions/<slug:slug>/results/",
        views.competition_results,
        name="results",
    ),
]
