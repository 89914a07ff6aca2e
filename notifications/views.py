import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from notifications.telegram import update_handle


@csrf_exempt  # Telegram cannot hold a CSRF token; the secret header stands for it.
@require_POST
def telegram_webhook(request: HttpRequest) -> HttpResponse:
    """Updates Telegram pushes to the bot (setWebhook with secret_token)."""
    secret = settings.TELEGRAM_WEBHOOK_SECRET
    if not secret or not settings.TELEGRAM_BOT_TOKEN:
        raise Http404
    if is_ratelimited(
        request,
        group="telegram-webhook",
        key="ip",
        rate=settings.TELEGRAM_WEBHOOK_RATE,
        method=ALL,
        increment=True,
    ):
        return HttpResponse(status=429)
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not constant_time_compare(given, secret):
        return HttpResponse(status=403)
    try:
        update = json.loads(request.body)
    except ValueError:
        return HttpResponse(status=400)
    if isinstance(update, dict):
        update_handle(update)
    return JsonResponse({"ok": True})
