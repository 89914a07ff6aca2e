"""The operator's (and staff's) own API token: make it, see it once, revoke it.

The new key goes straight into the answer to the POST that made it, never into the session
or the database (only its digest is stored), so it is seen once, by its owner.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.access import role_required
from accounts.api_tokens import api_token_create, api_token_revoke
from accounts.errors import ServiceError, refusal_show
from accounts.models import ApiToken
from accounts.roles import Role

# Who may call the API (reports/api/permissions.py), so who may hold a token.
API_ROLES = (Role.OPERATOR, Role.STAFF)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required(*API_ROLES)
def api_token(request: HttpRequest) -> HttpResponse:
    key = None
    if request.method == "POST":
        try:
            key = api_token_create(user=request.user)
        except ServiceError as error:
            refusal_show(request, error)
            return redirect("accounts:api_token")
    return render(
        request,
        "accounts/api_token.html",
        {
            "token": ApiToken.objects.filter(user=request.user).first(),
            "key": key,
            "index_url": request.build_absolute_uri(reverse("api:index")),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@role_required(*API_ROLES)
def api_token_revoke_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first; only the token's owner finds it here (anyone else's is a 404)."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if request.method == "POST":
        api_token_revoke(token=token)
        messages.success(request, _("The token is revoked: programs that use it are refused."))
        return redirect("accounts:api_token")
    return render(request, "accounts/api_token_revoke.html", {"token": token})
