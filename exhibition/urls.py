from django.urls import path

from exhibition import staff_views, views

app_name = "exhibition"

urlpatterns = [
    path("check-in/<str:token>/", staff_views.check_in, name="check_in"),
    path("registered/<str:token>/", views.registered, name="registered"),
    path("stands/<uuid:key>/", views.stand, name="stand"),
    path("stands/<uuid:key>/qr.svg", views.stand_qr, name="stand_qr"),
    path("stands/<uuid:key>/banner/", views.stand_banner, name="stand_banner"),
    path("photos/<int:pk>/", views.stand_photo, name="stand_photo"),
    path("letters/<int:pk>/pdf/", staff_views.letter_pdf, name="letter_pdf"),
    path("letters/<int:pk>/render/", staff_views.letter_render_again, name="letter_render"),
    path("manage/", staff_views.home, name="home"),
    path("manage/stands/<int:pk>/", staff_views.stand_edit, name="stand_edit"),
    path("manage/<slug:slug>/", staff_views.manage, name="manage"),
    path("manage/<slug:slug>/participants/", staff_views.participants, name="participants"),
    path(
        "manage/<slug:slug>/round-tables/add/",
        staff_views.round_table_edit,
        name="round_table_add",
    ),
    path(
        "manage/<slug:slug>/round-tables/<int:pk>/",
        staff_views.round_table_edit,
        name="round_table_edit",
    ),
    path("manage/<slug:slug>/letters/", staff_views.letters, name="letters"),
    path("manage/<slug:slug>/letters.zip", staff_views.letters_archive, name="letters_zip"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/register/confirm/", views.confirm, name="confirm"),
    path("<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("<slug:slug>/feedback/qr.svg", views.feedback_qr, name="feedback_qr"),
]
