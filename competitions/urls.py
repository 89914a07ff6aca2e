from django.urls import path

from competitions import views

app_name = "competitions"

urlpatterns = [
    path("", views.home, name="home"),
    path("competitions/<slug:slug>/", views.competition_detail, name="detail"),
    path("competitions/<slug:slug>/rules.pdf", views.rules_pdf, name="rules_pdf"),
    path("places.json", views.places_json, name="places"),
    path("staff/", views.staff_home, name="staff_home"),
    path("projects/<slug:slug>/", views.project_detail, name="project"),
    path("projects/<slug:slug>/budget/", views.project_budget_view, name="project_budget"),
    path("projects/<slug:slug>/indicators/", views.project_indicators, name="project_indicators"),
]
