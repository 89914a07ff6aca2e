from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScreeningForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("eligible", _("Eligible")), ("ineligible", _("Ineligible"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "ineligible" and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", _("Say why the application is ineligible: the team will read it.")
            )
        return cleaned


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("What to correct"), widget=forms.Textarea(attrs={"rows": 2}))
    deadline = forms.DateTimeField(
        label=_("New deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"],
    )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.now():
            raise forms.ValidationError(_("The new deadline must be in the future."))
        return deadline
