"""The grantees reached through their grant project (/projects/<project>/grantees/).

Mounted at the site's root beside competitions' /projects/<slug>/ pages; the grantee
project's own pages stay under /mentoring/ (a grantee project belongs to one grant project).
"""

from django.urls import path

from mentoring import staff_views

app_name = "grantees"

urlpatterns = [
    path("projects/<slug:project>/grantees/", staff_views.project_list, name="list"),
]
