from django.urls import path

from projects import setup_views, views

app_name = "projects"

urlpatterns = [
    # Before <slug>: "new" is no project's address.
    path("projects/new/", setup_views.project_add, name="project_add"),
    path("projects/<slug:slug>/", views.project_detail, name="project"),
    path("projects/<slug:slug>/edit/", setup_views.project_edit, name="project_edit"),
    path("projects/<slug:slug>/plan/", setup_views.project_plan, name="project_plan"),
    path(
        "projects/<slug:slug>/budget/edit/",
        setup_views.project_budget_edit,
        name="project_budget_edit",
    ),
    path("projects/<slug:slug>/budget/", views.project_budget_view, name="project_budget"),
    path("projects/<slug:slug>/indicators/", views.project_indicators, name="project_indicators"),
]
