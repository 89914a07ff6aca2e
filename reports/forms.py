from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from applications.uploads import check_attachment
from jastarurban.bounds import MAX_COUNT, AtMost, BoundedNumbers
from jastarurban.money import max_tenge_validator
from projects.forms import (
    SMALL,
    BilingualForm,
    ProjectChildFormSet,
    bilingual,
    project_rows_formset,
)
from projects.models import BudgetLine, GrantProject, Indicator, ProjectExpense
from reports.indicators.registry import source_choices
from reports.models import ReportFile
from reports.periods import period_errors


def period_date_field(label) -> forms.DateField:
    """A day typed as dd.mm.yyyy, whatever the page's language: the operator's papers write
    dates so, and a phone's number pad types them."""
    return forms.DateField(
        label=label,
        required=False,
        input_formats=["%d.%m.%Y"],
        widget=forms.DateInput(
            format="%d.%m.%Y",
            attrs={
                "placeholder": _("dd.mm.yyyy"),
                "inputmode": "numeric",
                "autocomplete": "off",
                "pattern": r"\d{1,2}\.\d{1,2}\.\d{4}",
            },
        ),
        error_messages={"invalid": _("Enter the date as dd.mm.yyyy, for example 15.09.2025.")},
    )


class PeriodForm(forms.Form):
    """A reporting period inside the project's dates (reports/periods/)."""

    period_start = period_date_field(_("Period from"))
    period_end = period_date_field(_("Period to"))

    def __init__(self, *args, project: GrantProject, **kwargs):
        self.project = project
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.period_wanted(cleaned):
            found = period_errors(
                self.project, cleaned.get("period_start"), cleaned.get("period_end")
            )
            for name, error in found.items():
                # A day typed wrongly keeps its own message, not "enter the day" too.
                if name not in self.errors:
                    self.add_error(name, error)
        return cleaned

    def period_wanted(self, cleaned: dict) -> bool:
        return True


class ReportRequestForm(PeriodForm):
    """The operator's or staff's request: an interim report asks for its period; a final
    report covers the project; the protocol and the list have no period."""

    kind = forms.ChoiceField(label=_("Report"), choices=ReportFile.Kind.choices)
    format = forms.ChoiceField(label=_("Format"), choices=ReportFile.Format.choices)
    language = forms.ChoiceField(label=_("Language"), choices=ReportFile.Language.choices)
    field_order = ["kind", "period_start", "period_end", "format", "language"]

    def period_wanted(self, cleaned: dict) -> bool:
        return cleaned.get("kind") == ReportFile.Kind.INTERIM

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == ReportFile.Kind.FINAL:
            cleaned["period_start"], cleaned["period_end"] = (
                self.project.starts_on,
                self.project.ends_on,
            )
        elif kind != ReportFile.Kind.INTERIM:
            cleaned["period_start"] = cleaned["period_end"] = None
        return cleaned


class CheckedFileMixin:
    """An optional document, accepted only when its content is a PDF, image or DOCX."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_attachment(upload)
        return upload


class ExpenseForm(CheckedFileMixin, BoundedNumbers, forms.ModelForm):
    number_limits = {"amount_kzt": max_tenge_validator()}

    class Meta:
        model = ProjectExpense
        fields = ["line", "spent_on", "amount_kzt", "document_number", "file", "note"]
        widgets = {"spent_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, project: GrantProject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = BudgetLine.objects.filter(project=project)


class IndicatorValueForm(CheckedFileMixin, forms.Form):
    value = forms.DecimalField(
        label=_("Value"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        validators=[AtMost(MAX_COUNT)],
    )
    file = forms.FileField(label=_("Evidence"), required=False)


def indicator_source_field() -> forms.ChoiceField:
    """ "Computed by" with only the registered sources as choices, so an unknown key cannot
    be saved from a form (the system check reports.E001 finds any saved otherwise)."""
    model_field = Indicator._meta.get_field("source")
    return forms.TypedChoiceField(
        label=capfirst(model_field.verbose_name),
        help_text=model_field.help_text,
        required=False,
        empty_value="",
        choices=source_choices,  # a callable: read when the form is built, never stale
    )


class IndicatorAdminForm(forms.ModelForm):
    source = indicator_source_field()

    class Meta:
        model = Indicator
        fields = ["source"]  # the admin adds the rest of its fields


class IndicatorForm(BoundedNumbers, BilingualForm):
    """An indicator with its target; computed by a registered source or entered by hand."""

    required_texts = ("name",)
    number_limits = {"position": SMALL, "target": MAX_COUNT}

    class Meta:
        model = Indicator
        fields = [
            "position",
            "code",
            "activity",
            "kind",
            *bilingual("name"),
            "unit",
            "comparison",
            "target",
            "source",
            "measurement_kk",
        ]
        widgets = {"measurement_kk": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, project: GrantProject, activity_choices: list, **kwargs):
        super().__init__(*args, **kwargs)
        activity = self.fields["activity"]
        activity.queryset = project.activities.all()
        activity.choices = activity_choices
        # Only a registered computation, or none: an unknown key would never be measured.
        self.fields["source"] = indicator_source_field()

    def clean(self):
        data = super().clean()
        if data.get("source") and self.instance.manual_value is not None:
            self.add_error(
                "source", _("A value was entered by hand for this indicator; it stays manual.")
            )
        if data.get("unit") == Indicator.Unit.PERCENT and (data.get("target") or 0) > 100:
            self.add_error("target", _("A percentage is at most 100."))
        return data


class IndicatorFormSet(ProjectChildFormSet):
    number_field = "position"

    def extra_form_kwargs(self) -> dict:
        return {"project": self.project, "activity_choices": self.activity_choices}

    def clean(self):
        super().clean()
        codes = set()
        for form in self.kept_forms():
            code = form.cleaned_data.get("code")
            if code in codes:
                raise forms.ValidationError(
                    _("Indicator codes must differ: %(code)s is used twice.") % {"code": code}
                )
            codes.add(code)


def indicator_formset(*, project: GrantProject, data=None):
    return project_rows_formset(
        form=IndicatorForm,
        formset=IndicatorFormSet,
        queryset=project.indicators.select_related("activity").order_by("position"),
        prefix="indicators",
        project=project,
        data=data,
    )


class NarrativeForm(forms.Form):
    """One activity's narrative for a period: each save keeps the previous version."""

    done = forms.CharField(
        label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    problems = forms.CharField(
        label=_("Problems met"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    solutions = forms.CharField(
        label=_("How they were solved"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
