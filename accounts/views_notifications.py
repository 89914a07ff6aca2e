"""A person's notification settings (channels, reminders, Telegram) and, for staff, a
person's delivery log."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.forms import NotificationPreferenceForm
from accounts.models import User
from accounts.roles import Role
from notifications.events import event_label
from notifications.selectors import channels_of, deliveries_of
from notifications.services import preference_set, telegram_disconnect
from notifications.telegram import deep_link, link_token_new

DELIVERIES_PER_PAGE = 50


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    channels = channels_of(request.user)
    preference = channels["preference"]
    initial = {
        "channel": preference.channel if preference else "",
        "reminders": preference.reminders if preference else True,
    }
    form = NotificationPreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        preference_set(person=request.user, **form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("accounts:notifications")
    context = {
        "form": form,
        "channels": channels,
        "telegram_enabled": bool(settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_BOT_USERNAME),
    }
    return render(request, "accounts/notifications.html", context)


@login_required
@require_POST
def telegram_connect(request: HttpRequest) -> HttpResponse:
    """Sends the person to the bot with a fresh one-time token; pressing Start links the chat."""
    if not (settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_BOT_USERNAME):
        raise Http404
    return redirect(deep_link(link_token_new(person=request.user)))


@login_required
@require_POST
def telegram_disconnect_view(request: HttpRequest) -> HttpResponse:
    if telegram_disconnect(person=request.user):
        messages.success(request, _("Telegram is disconnected."))
    return redirect("accounts:notifications")


@role_required(Role.STAFF)
def person_deliveries(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User, pk=pk)
    page = Paginator(deliveries_of(person), DELIVERIES_PER_PAGE).get_page(request.GET.get("page"))
    rows = [{"delivery": delivery, "event": event_label(delivery.event)} for delivery in page]
    return render(
        request,
        "accounts/person_deliveries.html",
        {"person": person, "page": page, "rows": rows, "channels": channels_of(person)},
    )
