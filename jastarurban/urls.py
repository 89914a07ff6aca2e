from django.contrib import admin
from django.urls import include, path

from accounts.views import set_language
from jastarurban import views

urlpatterns = [
    path("", include("competitions.urls")),
    path("", include("projects.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/passkeys/", include("django_otp_webauthn.urls")),
    path("applications/", include("applications.urls")),
    path("reviews/", include("reviews.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("", include("mentoring.project_urls")),
    path("", include("reports.urls")),
    path("", include("media_campaign.urls")),
    path("", include("exhibition.urls")),
    path("api/v1/", include("reports.api.urls")),
    path("open-data/", include("reports.open_data.urls")),
    path("audit/", include("audit.urls")),
    path("notifications/", include("notifications.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
]
