from django.urls import path

from reports import narrative_views, views
from reports.annexes import views as annexes

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
    path(P + "narratives/", narrative_views.narratives, name="narratives"),
    path(
        P + "narratives/<int:number>/",
        narrative_views.narrative_save_view,
        name="narrative_save",
    ),
    path(P + "check/", views.consistency, name="consistency"),
    path(P + "files/", views.files, name="files"),
    path(P + "files/request/", views.request_report, name="request"),
    path(P + "files/<int:pk>/", views.file_status, name="file_status"),
    path(P + "files/<int:pk>/download/", views.file_download, name="file_download"),
    path(P + "annexes/photos/", annexes.photos, name="annex_photos"),
    path(P + "annexes/photos/choose/", annexes.photo_choose, name="annex_photo_choose"),
    path(P + "annexes/photos/upload/", annexes.photo_upload, name="annex_photo_upload"),
    path(
        P + "annexes/photos/<slug:source>/<int:pk>/thumbnail/",
        annexes.photo_thumbnail,
        name="annex_photo_thumbnail",
    ),
    path(P + "annexes/documents/", annexes.documents, name="annex_documents"),
    path(
        P + "annexes/documents/<int:pk>/delete/",
        annexes.document_delete,
        name="annex_document_delete",
    ),
    path(P + "annexes/documents/<int:pk>/file/", annexes.document_file, name="annex_document_file"),
    path(P + "files/<int:pk>/submit/", views.file_submit, name="file_submit"),
]
