from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from reports.api import views

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/<slug:code>/snapshots/", views.indicator_snapshots, name="snapshots"),
    path("budget/", views.budget, name="budget"),
    path("competitions/", views.competitions, name="competitions"),
    path("competitions/<slug:slug>/results/", views.competition_results, name="results"),
]
