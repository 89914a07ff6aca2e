from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.consent import CONSENT_TEXT
from accounts.models import User
from accounts.phones import PhoneField, normalize_phone
from notifications.models import Channel


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        # The phone form above it has the focus: most people log in by phone.
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    error_messages = {
        "invalid_login": _("The e-mail or the password is wrong. Check both and try again."),
        "inactive": _("This account is not active yet. Open the link in the confirmation e-mail."),
    }


class RegistrationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=25,
        help_text=_("In the form +7XXXXXXXXXX."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)

    def clean_phone(self) -> str:
        return normalize_phone(self.cleaned_data["phone"])

    def clean_email(self) -> str:
        # Whether the e-mail already has an account is not said here: the answer
        # is the same either way, and its owner is told by e-mail instead.
        return self.cleaned_data["email"].lower()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            candidate = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class TwoFactorCodeForm(forms.Form):
    """One code: six digits from the app, or a recovery code."""

    code = forms.CharField(
        label=_("Code from the app or a recovery code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "one-time-code", "spellcheck": "false"}
        ),
    )


class AppCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )


class NotificationPreferenceForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Preferred channel"),
        choices=[
            ("", _("Let the portal choose")),
            *((value, capfirst(label)) for value, label in Channel.choices),
        ],
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "When the preferred channel cannot be used (no confirmed phone, no connected "
            "Telegram), messages go by another one you have."
        ),
    )
    reminders = forms.BooleanField(
        label=_("Send me reminders"),
        required=False,
        help_text=_(
            "Deadlines and unfinished work. Codes, receipts and changes of status always come."
        ),
    )


class PhoneForm(forms.Form):
    """A Kazakh mobile number, to send a code to."""

    phone = PhoneField()


class PhoneSignupForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = PhoneField(help_text=_("We will send a code to it by SMS."))
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)


class SmsCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the SMS"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("The code is six digits."))
        return code
