from django.urls import path

from applications import staff_views, team_views, views

app_name = "applications"

urlpatterns = [
    path("", views.home, name="home"),
    path("profile/", views.profile, name="profile"),
    path("profile/my-data.json", views.personal_data, name="personal_data"),
    path("profile/delete/", views.personal_data_delete, name="personal_data_delete"),
    path("start/<slug:slug>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/autosave/", views.autosave, name="autosave"),
    path("<int:pk>/rows/<slug:section>/", views.add_row, name="add_row"),
    path("<int:pk>/team/invite/", team_views.invite, name="team_invite"),
    path("<int:pk>/team/<int:teammate_id>/resend/", team_views.resend, name="team_resend"),
    path("<int:pk>/team/<int:teammate_id>/remove/", team_views.remove, name="team_remove"),
    path("<int:pk>/me/", team_views.member, name="member"),
    path("<int:pk>/me/leave/", team_views.leave, name="member_leave"),
    path("join/<str:token>/", team_views.join, name="join"),
    path("<int:pk>/receipt.pdf", views.receipt, name="receipt"),
    path("<int:pk>/files/", views.attachment_upload, name="attachment_upload"),
    path("<int:pk>/files/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path(
        "<int:pk>/files/<int:attachment_id>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("staff/", staff_views.application_list, name="staff_list"),
    path("<int:pk>/screen/", staff_views.screen, name="screen"),
    path("<int:pk>/reopen/", staff_views.reopen, name="reopen"),
]
