"""/api/v1/docs/: the API's documentation for people, drf-spectacular's Swagger UI.

Its files come from drf-spectacular-sidecar through our static files, not from a CDN. The
split view loads Swagger UI's start-up script as a second request (?script) instead of an
inline <script>, and our template leaves out the library's inline <style>, so the page
lives under the portal's strict CSP unchanged: nothing is relaxed for it, not even here.
"""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.exceptions import NotAuthenticated


class ApiDocsView(SpectacularSwaggerSplitView):
    template_name = "reports/api_docs.html"
    title = _("JastarUrban operator API")
    # The schema in JSON: Swagger UI reads it faster than YAML.
    url_name = "api:schema_json"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.GET.get("script") is None:
            response.data |= {
                "schema_json": reverse("api:schema_json"),
                "schema_yaml": reverse("api:schema_yaml"),
                "token_url": reverse("accounts:api_token"),
            }
        return response

    def handle_exception(self, exc):
        # A person who opens the page logged out goes to the login form, as on every
        # page of the portal; a program calling the API gets its 401 elsewhere.
        if isinstance(exc, NotAuthenticated):
            return redirect_to_login(self.request.get_full_path())
        return super().handle_exception(exc)
