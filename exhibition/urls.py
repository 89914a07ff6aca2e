from django.urls import path

from exhibition import staff_views, views

app_name = "exhibition"

# Mounted at the site's root: the exhibition's pages under /exhibition/, and each project's
# exhibitions under /projects/<project>/exhibition/.
E = "exhibition/"

urlpatterns = [
    path("projects/<slug:project>/exhibition/", staff_views.project_home, name="project"),
    path(E + "check-in/<str:token>/", staff_views.check_in, name="check_in"),
    path(E + "registered/<str:token>/", views.registered, name="registered"),
    path(E + "stands/<uuid:key>/", views.stand, name="stand"),
    path(E + "stands/<uuid:key>/qr.svg", views.stand_qr, name="stand_qr"),
    path(E + "stands/<uuid:key>/banner/", views.stand_banner, name="stand_banner"),
    path(E + "photos/<int:pk>/", views.stand_photo, name="stand_photo"),
    path(E + "letters/<int:pk>/pdf/", staff_views.letter_pdf, name="letter_pdf"),
    path(E + "letters/<int:pk>/render/", staff_views.letter_render_again, name="letter_render"),
    path(E + "manage/", staff_views.home, name="home"),
    path(E + "manage/stands/<int:pk>/", staff_views.stand_edit, name="stand_edit"),
    path(E + "manage/<slug:slug>/", staff_views.manage, name="manage"),
    path(E + "manage/<slug:slug>/participants/", staff_views.participants, name="participants"),
    path(
        E + "manage/<slug:slug>/round-tables/add/",
        staff_views.round_table_edit,
        name="round_table_add",
    ),
    path(
        E + "manage/<slug:slug>/round-tables/<int:pk>/",
        staff_views.round_table_edit,
        name="round_table_edit",
    ),
    path(E + "manage/<slug:slug>/letters/", staff_views.letters, name="letters"),
    path(E + "manage/<slug:slug>/letters.zip", staff_views.letters_archive, name="letters_zip"),
    path(E + "<slug:slug>/", views.detail, name="detail"),
    path(E + "<slug:slug>/register/", views.register, name="register"),
    path(E + "<slug:slug>/register/confirm/", views.confirm, name="confirm"),
    path(E + "<slug:slug>/feedback/", views.feedback, name="feedback"),
    path(E + "<slug:slug>/feedback/qr.svg", views.feedback_qr, name="feedback_qr"),
]
