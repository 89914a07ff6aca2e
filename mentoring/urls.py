from django.urls import path

from mentoring import acceptance_views, agreement_views, staff_views, training_views, views

app_name = "mentoring"

urlpatterns = [
    path("", views.home, name="home"),
    path("my-project/", views.grantee, name="grantee"),
    path("projects/", staff_views.project_choose, name="projects"),
    path("projects/<int:pk>/", views.project, name="project"),
    path("projects/<int:pk>/meeting/", views.meeting_add, name="meeting_add"),
    path("projects/<int:pk>/report/", views.report_start, name="report_start"),
    path("projects/<int:pk>/evaluation/", views.evaluation, name="evaluation"),
    path("projects/<int:pk>/closing/", views.closing, name="closing"),
    path("projects/<int:pk>/mentor/", staff_views.assign_mentor, name="assign_mentor"),
    path("projects/<int:pk>/milestones/", staff_views.milestone_add, name="milestone_add"),
    path("projects/<int:pk>/budget/", staff_views.budget_line_add, name="budget_line_add"),
    path("projects/<int:pk>/payments/", staff_views.disbursement_add, name="disbursement_add"),
    path("projects/<int:pk>/visits/", staff_views.visit_add, name="visit_add"),
    path("projects/<int:pk>/complete/", staff_views.complete, name="complete"),
    path("projects/<int:pk>/final-report/", staff_views.final_report, name="final_report"),
    path("projects/<int:pk>/agreement/", agreement_views.agreement, name="agreement"),
    path(
        "projects/<int:pk>/agreement/prepare/",
        agreement_views.agreement_prepare,
        name="agreement_prepare",
    ),
    path("agreements/<int:pk>/pdf/", agreement_views.agreement_document, name="agreement_pdf"),
    path(
        "agreements/<int:pk>/signed-scan/",
        agreement_views.agreement_signed_scan,
        name="agreement_signed_scan",
    ),
    path("agreements/<int:pk>/scan/", agreement_views.agreement_scan, name="agreement_scan"),
    path("agreements/<int:pk>/sign/", agreement_views.agreement_sign, name="agreement_sign"),
    path("agreements/<int:pk>/accept/", acceptance_views.accept, name="agreement_accept"),
    path(
        "agreements/<int:pk>/accept/agreement.pdf",
        acceptance_views.accept_pdf,
        name="agreement_accept_pdf",
    ),
    path("agreements/<int:pk>/invite/", acceptance_views.invite, name="agreement_invite"),
    path("budget-lines/<int:pk>/", staff_views.budget_line_change, name="budget_line_change"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path(
        "payments/<int:pk>/approve/", staff_views.disbursement_approve, name="disbursement_approve"
    ),
    path("payments/<int:pk>/return/", staff_views.disbursement_return, name="disbursement_return"),
    path("payments/<int:pk>/document/", staff_views.payment_document, name="payment_document"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/expenses/", views.expense_add, name="expense_add"),
    path("reports/<int:pk>/photos/", views.photo_add, name="photo_add"),
    path("reports/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("expenses/<int:pk>/delete/", views.expense_delete, name="expense_delete"),
    path("expenses/<int:pk>/receipt/", views.receipt, name="receipt"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("photos/<int:pk>/delete/", views.photo_delete, name="photo_delete"),
    path("trainings/", training_views.training_list, name="trainings"),
    path("trainings/new/", training_views.training_add, name="training_add"),
    path("trainings/<int:pk>/", training_views.training, name="training"),
    path("trainings/<int:pk>/invite/", training_views.training_invite, name="training_invite"),
    path("training-days/<int:pk>/attendance/", training_views.attendance, name="attendance"),
    path("materials/", training_views.material_add, name="material_add"),
    path("materials/<int:pk>/", views.material, name="material"),
    path("feedback/<uuid:token>/", training_views.feedback, name="feedback"),
]
