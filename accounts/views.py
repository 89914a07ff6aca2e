from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from accounts.forms import LoginForm, PhoneForm, RegistrationForm
from accounts.roles import HOME_URL_NAMES
from accounts.services import user_activate, user_register, user_set_language
from accounts.two_factor import requires_two_factor
from accounts.views_two_factor import second_step_url


def _remember_language(response: HttpResponse, language: str) -> HttpResponse:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # Applicants log in by a code sent to their phone; the e-mail and password form
        # beside it is for staff, experts, mentors and the operator (and any applicant).
        phone_form = PhoneForm()
        phone_form.fields["phone"].widget.attrs["autofocus"] = True
        return super().get_context_data(**kwargs) | {"phone_form": phone_form}

    def form_valid(self, form):
        # A language picked just before logging in wins and is remembered;
        # otherwise the portal speaks the language the person chose last time.
        user = form.get_user()
        chosen = self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen in dict(settings.LANGUAGES):
            user_set_language(user=user, language=chosen)
        return _remember_language(super().form_valid(form), user.language)

    def get_success_url(self):
        # The password is the first step; staff, the operator, experts and mentors
        # then confirm with their app or a passkey (or set one up the first time).
        url = super().get_success_url()
        if requires_two_factor(self.request.user):
            return second_step_url(self.request.user, url)
        return url


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        # Tells the next page (drafts.js) to remove the unsent copies of forms this
        # browser kept: they hold IINs and must not outlive the person's session.
        response = super().post(request, *args, **kwargs)
        response.set_cookie(
            "jastarurban_logged_out",
            "1",
            max_age=120,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The same answer whether or not the e-mail already has an account.
        user_register(
            email=data["email"],
            full_name=data["full_name"],
            password=data["password1"],
            phone=data["phone"],
            language=get_language(),
        )
        request.session["registered_email"] = data["email"]
        return redirect("accounts:register_done")
    return render(request, "accounts/register.html", {"form": form})


def register_done(request: HttpRequest) -> HttpResponse:
    email = request.session.get("registered_email", "")
    return render(request, "accounts/register_done.html", {"email": email})


def activate(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = user_activate(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "accounts/activation_invalid.html", status=400)
    login(request, user, backend="accounts.backends.EmailPasswordBackend")
    messages.success(request, _("Your e-mail is confirmed. Welcome to JastarUrban!"))
    return _remember_language(redirect("accounts:home"), user.language)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Sends each person to the home page of their main role."""
    role = request.user.main_role
    if role is None:
        return render(request, "accounts/no_role.html", status=403)
    return redirect(HOME_URL_NAMES[role])


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    response = django_set_language(request)
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=request.POST.get("language", ""))
    return response
