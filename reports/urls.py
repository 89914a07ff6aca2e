from django.urls import path

from reports import views

app_name = "reports"

# Mounted at the site's root: the chooser under /reports/, each project's pages under
# /projects/<project>/reports/ (competitions' /projects/<slug>/ holds its passport).
P = "projects/<slug:project>/reports/"

urlpatterns = [
    path("reports/", views.home, name="home"),
    path("reports/dashboard/", views.legacy, {"page": "dashboard"}, name="legacy_dashboard"),
    path("reports/budget/", views.legacy, {"page": "budget"}, name="legacy_budget"),
    path("reports/files/", views.legacy, {"page": "files"}, name="legacy_files"),
    path(P, views.project_home, name="project"),
    path(P + "dashboard/", views.dashboard, name="dashboard"),
    # Beside competitions' set-up pages: the sources are the reports app's to name.
    path("projects/<slug:project>/indicators/edit/", views.indicators_edit, name="indicators_edit"),
    path(P + "dashboard/snapshot/", views.snapshot_now, name="snapshot"),
    path(P + "indicators/<slug:code>/", views.indicator_detail, name="indicator"),
    path(P + "indicators/<slug:code>/value/", views.indicator_enter, name="indicator_enter"),
    path(
        P + "indicators/<slug:code>/evidence/",
        views.indicator_evidence,
        name="indicator_evidence",
    ),
    path(P + "budget/", views.budget, name="budget"),
    path(P + "budget/expenses/new/", views.expense_add, name="expense_add"),
    path(P + "budget/expenses/<int:pk>/file/", views.expense_file, name="expense_file"),
    path(P + "check/", views.consistency, name="consistency"),
    path(P + "files/", views.files, name="files"),
    path(P + "files/request/", views.request_report, name="request"),
    path(P + "files/<int:pk>/", views.file_status, name="file_status"),
    path(P + "files/<int:pk>/download/", views.file_download, name="file_download"),
    path(P + "files/<int:pk>/submit/", views.file_submit, name="file_submit"),
]
