"""Public pages: the exhibition, its stands, registration and feedback (no login)."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.errors import ServiceError, refusal_show
from exhibition import selectors
from exhibition.confirmation import CODE_VALIDITY
from exhibition.forms import ConfirmationForm, FeedbackForm, RegistrationForm
from exhibition.models import Exhibition, Registration, Stand, StandPhoto
from exhibition.qr import qr_svg
from exhibition.services import (
    feedback_submit,
    registration_confirm,
    registration_confirm_unknown,
    registration_request,
)
from jastarurban.files import file_response
from jastarurban.ratelimits import limit_hit, too_many_requests


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    exhibition = get_object_or_404(Exhibition, slug=slug)
    stands = exhibition.stands.select_related("grantee__application__village")
    return render(
        request,
        "exhibition/detail.html",
        {
            "exhibition": exhibition,
            "stands": list(stands),
            "round_tables": list(exhibition.round_tables.all()),
            "places_left": selectors.places_left(exhibition),
        },
    )


def _pending_key(exhibition: Exhibition) -> str:
    return f"exhibition-pending-{exhibition.pk}"


def register(request: HttpRequest, slug: str) -> HttpResponse:
    """Holds a place and sends a code; the answer is the same whether or not the contact is
    already registered (the confirmation page), so the form tells nobody who is."""
    exhibition = get_object_or_404(Exhibition, slug=slug)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        if limit_hit(
            request, group="exhibition-register-ip", rate=settings.EXHIBITION_REGISTER_RATE_IP
        ):
            return too_many_requests(request)
        if form.is_valid():
            data = form.cleaned_data
            for contact in filter(None, [data["email"], data["phone"]]):
                if limit_hit(
                    request,
                    group="exhibition-register-contact",
                    rate=settings.EXHIBITION_REGISTER_RATE_CONTACT,
                    key=contact,
                ):
                    return too_many_requests(request)
            try:
                registration = registration_request(
                    exhibition=exhibition,
                    full_name=data["full_name"],
                    category=data["category"],
                    organisation=data["organisation"],
                    phone=data["phone"],
                    email=data["email"],
                    language=get_language(),
                )
            except ServiceError as refused:
                refusal_show(request, refused, form)
            else:
                expires = timezone.now() + CODE_VALIDITY
                request.session[_pending_key(exhibition)] = {
                    "id": registration.pk if registration else None,
                    "expires": expires.timestamp(),
                    "attempts": 0,
                }
                return redirect("exhibition:confirm", slug=slug)
    return render(request, "exhibition/register.html", {"exhibition": exhibition, "form": form})


def confirm(request: HttpRequest, slug: str) -> HttpResponse:
    """Where the person enters the code from the e-mail; confirmed, they get their QR code."""
    exhibition = get_object_or_404(Exhibition, slug=slug)
    key = _pending_key(exhibition)
    pending = request.session.get(key)
    if not pending:
        return redirect("exhibition:register", slug=slug)
    form = ConfirmationForm(request.POST or None)
    if request.method == "POST":
        if limit_hit(
            request, group="exhibition-confirm-ip", rate=settings.EXHIBITION_CONFIRM_RATE_IP
        ):
            return too_many_requests(request)
        if form.is_valid():
            code = form.cleaned_data["code"]
            try:
                if pending["id"] is None:
                    registration_confirm_unknown(pending=pending)
                registration = registration_confirm(registration_id=pending["id"], code=code)
            except ServiceError as refused:
                if refused.released:
                    del request.session[key]
                    refusal_show(request, refused)
                    return redirect("exhibition:register", slug=slug)
                request.session[key] = pending
                refusal_show(request, refused, form)
            else:
                del request.session[key]
                messages.success(request, _("Your registration is confirmed."))
                return redirect(registration)
    return render(request, "exhibition/confirm.html", {"exhibition": exhibition, "form": form})


def registered(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_object_or_404(
        Registration.objects.confirmed().select_related("exhibition"), token=token
    )
    check_in_url = request.build_absolute_uri(
        reverse("exhibition:check_in", kwargs={"token": token})
    )
    return render(
        request,
        "exhibition/registered.html",
        {
            "registration": registration,
            "exhibition": registration.exhibition,
            "qr": qr_svg(check_in_url),
        },
    )


def stand(request: HttpRequest, key) -> HttpResponse:
    stand = get_object_or_404(
        Stand.objects.select_related("exhibition", "grantee__application__village"), key=key
    )
    return render(
        request, "exhibition/stand.html", {"stand": stand, "photos": list(stand.photos.all())}
    )


def stand_qr(request: HttpRequest, key) -> HttpResponse:
    """The banner's QR code: an SVG that prints sharp at any size, opening the stand's page."""
    stand = get_object_or_404(Stand, key=key)
    url = request.build_absolute_uri(stand.get_absolute_url())
    response = HttpResponse(qr_svg(url, scale=10), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="stand-{stand.position}-qr.svg"'
    return response


def stand_banner(request: HttpRequest, key) -> HttpResponse:
    stand = get_object_or_404(Stand.objects.exclude(banner=""), key=key)
    return file_response(stand.banner, stem=f"stand-{stand.position}-banner", inline_images=True)


def stand_photo(request: HttpRequest, pk: int) -> HttpResponse:
    photo = get_object_or_404(StandPhoto, pk=pk)
    return file_response(photo.image, stem=f"photo-{photo.pk}", inline_images=True)


def feedback_qr(request: HttpRequest, slug: str) -> HttpResponse:
    """The feedback form's QR code, for a poster at the exit."""
    exhibition = get_object_or_404(Exhibition, slug=slug)
    url = request.build_absolute_uri(reverse("exhibition:feedback", kwargs={"slug": slug}))
    response = HttpResponse(qr_svg(url, scale=10), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="{exhibition.slug}-feedback-qr.svg"'
    return response


def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    exhibition = get_object_or_404(Exhibition, slug=slug)
    token = request.GET.get("t") or request.POST.get("t") or ""
    registration = (
        Registration.objects.confirmed().filter(exhibition=exhibition, token=token).first()
        if token
        else None
    )
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feedback_submit(
                exhibition=exhibition,
                registration=registration,
                support_grew=form.cleaned_data["support_grew"],
                impressed=form.cleaned_data["impressed"],
            )
        except ServiceError as refused:
            refusal_show(request, refused)
        else:
            messages.success(request, _("Thank you for your answer!"))
        return redirect("exhibition:detail", slug=slug)
    return render(
        request,
        "exhibition/feedback.html",
        {"exhibition": exhibition, "form": form, "token": token if registration else ""},
    )
