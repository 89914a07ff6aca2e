from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/snapshot/", views.snapshot_now, name="snapshot"),
    path("indicators/<slug:code>/", views.indicator_detail, name="indicator"),
    path("indicators/<slug:code>/value/", views.indicator_enter, name="indicator_enter"),
    path("indicators/<slug:code>/evidence/", views.indicator_evidence, name="indicator_evidence"),
    path("budget/", views.budget, name="budget"),
    path("budget/expenses/new/", views.expense_add, name="expense_add"),
    path("budget/expenses/<int:pk>/file/", views.expense_file, name="expense_file"),
    path("files/", views.files, name="files"),
    path("files/request/", views.request_report, name="request"),
    path("files/<int:pk>/", views.file_status, name="file_status"),
    path("files/<int:pk>/download/", views.file_download, name="file_download"),
]
