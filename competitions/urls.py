from django.urls import path

from competitions import setup_views, views

app_name = "competitions"

# The project's own pages (/projects/<slug>/…) are in projects/urls.py.
urlpatterns = [
    path("", views.home, name="home"),
    path("competitions/<slug:slug>/", views.competition_detail, name="detail"),
    path("competitions/<slug:slug>/rules.pdf", views.rules_pdf, name="rules_pdf"),
    path("places.json", views.places_json, name="places"),
    path("staff/", views.staff_home, name="staff_home"),
    path(
        "projects/<slug:slug>/competitions/new/",
        setup_views.competition_add,
        name="competition_add",
    ),
]
