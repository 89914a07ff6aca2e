from datetime import date, datetime

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import Role
from jastarurban.bounds import BoundedNumbers
from jastarurban.money import MAX_KZT, max_tenge_validator
from mentoring.models import (
    ClosingAnswer,
    GrantAgreement,
    GranteeProject,
    Material,
    Meeting,
    MentoringEvaluation,
    MonitoringVisit,
    Photo,
    ProgressReport,
    ProjectBudgetLine,
    Training,
    TrainingFeedback,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RadiosWithoutBlank:
    """Required radio buttons offer real answers only.

    A model form gives a choice field with no default a "---------" choice; in a select it
    prompts, but as a radio button it reads as an answer one can tick.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required and isinstance(field.widget, forms.RadioSelect):
                field.choices = [choice for choice in field.choices if choice[0] != ""]


class MentorForm(forms.Form):
    mentor = forms.ModelChoiceField(
        label=_("Mentor"),
        queryset=User.objects.filter(groups__name=Role.MENTOR, is_active=True).order_by(
            "full_name"
        ),
        required=False,
        empty_label=_("— no mentor —"),
    )


class MeetingForm(RadiosWithoutBlank, BoundedNumbers, forms.ModelForm):
    number_limits = {"duration_minutes": 24 * 60}

    class Meta:
        model = Meeting
        fields = [
            "held_on",
            "format",
            "duration_minutes",
            "topics",
            "problems",
            "next_steps",
            "project_state",
        ]
        widgets = {
            "held_on": DATE,
            "format": forms.RadioSelect,
            "project_state": forms.RadioSelect,
            "topics": forms.Textarea(attrs={"rows": 3}),
            "problems": forms.Textarea(attrs={"rows": 2}),
            "next_steps": forms.Textarea(attrs={"rows": 2}),
        }


class ReportForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["done", "video_links"]
        widgets = {
            "done": forms.Textarea(attrs={"rows": 6}),
            "video_links": forms.Textarea(attrs={"rows": 2, "inputmode": "url"}),
        }


class ExpenseForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Budget line"), queryset=ProjectBudgetLine.objects.none())
    spent_on = forms.DateField(label=_("Date"), widget=DATE)
    amount_kzt = forms.IntegerField(
        label=_("Amount, ₸"),
        min_value=1,
        validators=[max_tenge_validator()],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    description = forms.CharField(label=_("What was bought"), max_length=300)
    receipt = forms.FileField(
        label=_("Receipt"),
        help_text=_("A photo or a PDF scan of the receipt or invoice."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )

    def __init__(self, *args, project: GranteeProject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = project.budget_lines.all()


class PhotoForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Photo.Stage.choices)
    image = forms.FileField(
        label=_("Photo"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept the report")), ("return", _("Return for corrections"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment to the team"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class BudgetLineForm(forms.Form):
    amount_kzt = forms.IntegerField(
        label=_("Approved, ₸"), min_value=0, validators=[max_tenge_validator()]
    )
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)


class BudgetLineAddForm(BudgetLineForm):
    item = forms.CharField(label=_("Item"), max_length=300)
    field_order = ["item", "amount_kzt", "reason"]


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=300)
    due_on = forms.DateField(label=_("Due"), widget=DATE)


class DisbursementForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
    amount_kzt = forms.IntegerField(
        label=_("Amount, ₸"), min_value=1, validators=[max_tenge_validator()]
    )
    document_number = forms.CharField(label=_("Payment document No."), max_length=60)
    document = forms.FileField(
        label=_("Payment document"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )


class DisbursementReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for returning"), max_length=2000)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class VisitForm(forms.ModelForm):
    photos = MultipleFileField(label=_("Photos"), required=False)

    class Meta:
        model = MonitoringVisit
        fields = ["visited_on", "findings", "rating"]
        widgets = {"visited_on": DATE, "findings": forms.Textarea(attrs={"rows": 3})}


class CompleteForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=GranteeProject.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 3}))
    final_report = forms.FileField(
        label=_("Final report"),
        help_text=_("PDF or a photo of the signed report."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )


class EvaluationForm(RadiosWithoutBlank, forms.ModelForm):
    class Meta:
        model = MentoringEvaluation
        fields = ["usefulness", "comment"]
        widgets = {"usefulness": forms.RadioSelect, "comment": forms.Textarea(attrs={"rows": 3})}


class ClosingForm(RadiosWithoutBlank, forms.ModelForm):
    class Meta:
        model = ClosingAnswer
        fields = ["answer", "why"]
        widgets = {"answer": forms.RadioSelect, "why": forms.Textarea(attrs={"rows": 3})}


class FeedbackForm(RadiosWithoutBlank, forms.ModelForm):
    class Meta:
        model = TrainingFeedback
        fields = ["satisfaction", "useful", "improve"]
        widgets = {
            "satisfaction": forms.RadioSelect,
            "useful": forms.Textarea(attrs={"rows": 3}),
            "improve": forms.Textarea(attrs={"rows": 3}),
        }


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = ["competition", "title", "venue", "trainer", "starts_on", "description"]
        widgets = {"starts_on": DATE, "description": forms.Textarea(attrs={"rows": 2})}


class TrainingDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    theme = forms.CharField(label=_("Theme of the day"), max_length=300)
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One item per line: time, then the topic, e.g. “10:00 Work plan and tasks”."),
    )

    def clean_agenda(self) -> list[tuple[str, str]]:
        items = []
        for number, line in enumerate(self.cleaned_data["agenda"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            time, _sep, topic = line.partition(" ")
            try:
                starts_at = forms.TimeField().clean(time)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Line %(number)s does not start with a time such as 10:00."),
                    params={"number": number},
                ) from None
            if not topic.strip():
                raise forms.ValidationError(
                    _("Line %(number)s has no topic after the time."), params={"number": number}
                )
            items.append((starts_at, topic.strip()))
        return items


TrainingDayFormSet = formset_factory(TrainingDayForm, extra=2, min_num=1, validate_min=True)


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, training: Training, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = training.participants.all()


class MaterialForm(forms.ModelForm):
    upload = forms.FileField(label=_("File"), required=False)

    class Meta:
        model = Material
        fields = ["competition", "training", "title", "topic", "language", "link", "published"]
        # The model field has no verbose name; a label here spares a migration.
        labels = {"competition": _("Competition")}


def _day(text: str, line: int) -> date:
    try:
        return datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        raise forms.ValidationError(
            _("Line %(line)s: “%(text)s” is not a date like 04.08.2025."),
            params={"line": line, "text": text},
        ) from None


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


class AgreementForm(RadiosWithoutBlank, forms.Form):
    """The agreement's date, language and its two schedules, typed as short lines."""

    dated_on = forms.DateField(label=_("Agreement date"), widget=DATE)
    language = forms.ChoiceField(
        label=_("Language of the agreement"),
        choices=GrantAgreement.Language.choices,
        widget=forms.RadioSelect,
        help_text=_("As the team chose; “both” puts the Kazakh and the Russian text in one file."),
    )
    tranches = forms.CharField(
        label=_("Payment schedule"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One payment a line: the date and the amount in tenge, e.g. 04.08.2025 700 000."
        ),
    )
    report_dates = forms.CharField(
        label=_("Reporting schedule"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One report due date a line, e.g. 01.09.2025; the last is the final report."),
    )

    def clean_tranches(self) -> list[tuple[date, int]]:
        tranches = []
        for number, line in _lines(self.cleaned_data["tranches"]):
            day, _sep, amount = line.partition(" ")
            digits = "".join(ch for ch in amount if not ch.isspace()).removesuffix("₸")
            if not digits.isdigit() or not 0 < int(digits) <= MAX_KZT:
                raise forms.ValidationError(
                    _(
                        "Line %(line)s: write a date and an amount in whole tenge, "
                        "e.g. 04.08.2025 700 000."
                    ),
                    params={"line": number},
                )
            tranches.append((_day(day, number), int(digits)))
        return tranches

    def clean_report_dates(self) -> list[date]:
        return [_day(line, number) for number, line in _lines(self.cleaned_data["report_dates"])]


class AgreementScanForm(forms.Form):
    scan = forms.FileField(
        label=_("Signed agreement"),
        help_text=_("A PDF scan or a clear photo of every page, signed by the team."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )
