from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.phones import normalize_phone
from applications.models import Attachment
from applications.uploads import check_attachment
from exhibition.models import Feedback, Letter, Registration, RoundTable, Stand
from jastarurban.bounds import BoundedNumbers
from mentoring.models import GranteeProject


class RegistrationForm(forms.ModelForm):
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "placeholder": "+7 7XX XXX XX XX"}),
        help_text=_("Optional."),
    )
    # The confirmation code goes by e-mail, so an e-mail is required (a phone is enough
    # once an SMS sender is plugged into exhibition.confirmation.code_send).
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send a six-digit code to it: your place is held until you enter it."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that GAMO keeps my name and contacts to run the exhibition and its report."
        ),
    )

    class Meta:
        model = Registration
        fields = ["full_name", "category", "organisation", "phone", "email"]

    def clean_phone(self):
        return normalize_phone(self.cleaned_data.get("phone", ""))

    def clean_email(self):
        return self.cleaned_data.get("email", "").strip().lower()

    def validate_unique(self):
        """Duplicates are checked by the service under the lock, with a friendly message."""


class ConfirmationForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the e-mail"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise ValidationError(_("The code is six digits."))
        return code


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultiplePhotoField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class StandForm(BoundedNumbers, forms.ModelForm):
    number_limits = {"position": 1000}
    banner_upload = forms.FileField(
        label=_("banner"), required=False, help_text=_("PDF, JPEG or PNG; checked by content.")
    )
    photos = MultiplePhotoField(label=_("add photos"), required=False)

    class Meta:
        model = Stand
        fields = ["position", "summary", "video_link"]

    def clean_banner_upload(self):
        upload = self.cleaned_data.get("banner_upload")
        if not upload:
            return None
        kind = check_attachment(upload)
        if kind == Attachment.Kind.DOCX:
            raise ValidationError(_("A banner must be a PDF, JPEG or PNG file."))
        self.banner_type = kind
        return upload


class LetterForm(forms.ModelForm):
    grantee = forms.ModelChoiceField(
        label=_("grantee project"),
        queryset=GranteeProject.objects.none(),
        required=False,
        help_text=_("Choose to fill in the team lead's name, or type any name below."),
    )

    class Meta:
        model = Letter
        fields = ["grantee", "recipient_name", "role", "reason", "language"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grantee"].queryset = GranteeProject.objects.filter(
            application__competition__project=project
        ).select_related("application")
        self.fields["recipient_name"].required = False

    def clean(self):
        cleaned = super().clean()
        grantee = cleaned.get("grantee")
        if not cleaned.get("recipient_name") and grantee:
            cleaned["recipient_name"] = grantee.application.applicant.full_name
        if not cleaned.get("recipient_name"):
            self.add_error("recipient_name", _("Type the recipient's name or choose a project."))
        return cleaned


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["support_grew", "impressed"]
        widgets = {
            "support_grew": forms.RadioSelect,
            "impressed": forms.Textarea(attrs={"rows": 3}),
        }


class RoundTableForm(forms.ModelForm):
    class Meta:
        model = RoundTable
        fields = ["topic", "starts_at", "moderator", "speakers", "summary"]
        widgets = {
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "speakers": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 5}),
        }
