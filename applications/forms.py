from datetime import date
from decimal import Decimal

from django import forms
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from accounts.phones import normalize_phone
from applications.iin import parse_iin
from applications.models import ApplicantProfile, Application
from applications.uploads import check_attachment
from competitions.models import Competition, Settlement
from jastarurban.money import max_tenge_validator, round_tenge
from jastarurban.widgets import QuickSelect


class VillageField(forms.ModelChoiceField):
    # 500+ places, up to four times on the applicant's form: rendered without templates.
    widget = QuickSelect

    def __init__(self, **kwargs):
        kwargs["queryset"] = Settlement.objects.select_related("district").order_by(
            "district__name", "name"
        )
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Settlement) -> str:
        return f"{obj.name} — {obj.district.name}"


class IinField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("IIN"))
        kwargs.setdefault("max_length", 14)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return parse_iin(value) if value else None


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=25)
    iin = IinField(help_text=_("Your date of birth is read from it."))
    village = VillageField(label=_("Village where you live"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_phone(self) -> str:
        return normalize_phone(self.cleaned_data["phone"])

    def clean_iin(self):
        iin = self.cleaned_data["iin"]
        if ApplicantProfile.objects.filter(iin=iin.number).exclude(user=self.user).exists():
            raise forms.ValidationError(
                _("This IIN belongs to another account. If it is yours, write to GAMO.")
            )
        return iin


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["title", "village", "problem", "idea", "goal", "expected_results"]
        field_classes = {"village": VillageField}
        widgets = {
            field: forms.Textarea(attrs={"rows": 4})
            for field in ["problem", "idea", "goal", "expected_results"]
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class DeclarationsForm(forms.Form):
    rules = forms.BooleanField(label=_("I have read the competition rules and accept them."))
    accuracy = forms.BooleanField(label=_("The information in this application is true."))
    no_ties = forms.BooleanField(
        label=_("No member of the team is a relative of GAMO staff or of the experts.")
    )

    def __init__(self, *args, competition: Competition | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if competition is not None:
            # The tick is mandatory: say where the rules and the answers are. New tabs, so
            # the form being filled stays as it is.
            page = competition.get_absolute_url()
            link = '<a href="{}" target="_blank" rel="noopener">{}</a>'
            self.fields["rules"].help_text = format_html(
                "{}: " + link + " · " + link + " · " + link,
                _("Read them before ticking"),
                f"{page}#rules",
                _("the rules"),
                reverse("competitions:rules_pdf", args=[competition.slug]),
                _("the rules (PDF)"),
                f"{page}#faq",
                _("questions and answers"),
            )


class TeamMemberForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    iin = IinField()
    phone = forms.CharField(label=_("Phone"), max_length=25)
    village = VillageField(label=_("Village where they live"))
    role = forms.CharField(label=_("Role in the project"), max_length=200)

    def clean_phone(self) -> str:
        return normalize_phone(self.cleaned_data["phone"])


def activity_window(competition: Competition) -> tuple[date, date]:
    """The dates a team's activities may fall on: the call's years, one year either side
    (1 January of the year before it opens to 31 December of the year after it closes).
    Projects are carried out in the months after the call (the 2025 demo's from August
    to October); the window is generous for plans that reach back to preparation or run
    into the next year, and refuses year 1 or 9999."""
    opens = timezone.localtime(competition.opens_at).date()
    closes = timezone.localtime(competition.closes_at).date()
    return date(opens.year - 1, 1, 1), date(closes.year + 1, 12, 31)


class ActivityForm(forms.Form):
    name = forms.CharField(label=_("Activity"), max_length=300)
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, window: tuple[date, date] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.window = window

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if self.window:
            first, last = self.window
            for name in ("starts_on", "ends_on"):
                day = cleaned.get(name)
                if day and not first <= day <= last:
                    self.add_error(
                        name,
                        _("Choose a date from %(first)s to %(last)s.")
                        % {
                            "first": formats.date_format(first, "SHORT_DATE_FORMAT"),
                            "last": formats.date_format(last, "SHORT_DATE_FORMAT"),
                        },
                    )
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The activity cannot end before it starts."))
        return cleaned


# A line's quantity (pieces, days, people): bounded so that quantity × unit cost
# stays far inside the database's whole numbers.
MAX_QUANTITY = Decimal("100000")


class BudgetItemForm(forms.Form):
    item = forms.CharField(label=_("Item"), max_length=300)
    unit = forms.CharField(label=_("Unit"), max_length=40)
    quantity = forms.DecimalField(
        label=_("Quantity"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=MAX_QUANTITY,
        error_messages={"max_value": _("The quantity is too large: at most %(limit_value)s.")},
    )
    unit_cost_kzt = forms.IntegerField(
        label=_("Unit cost, ₸"), min_value=0, validators=[max_tenge_validator()]
    )


class TeamFormSet(forms.BaseFormSet):
    # Django's own wording speaks of "forms"; the applicant names participants.
    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_few_forms": ngettext_lazy(
            "Name at least %(num)d participant.", "Name at least %(num)d participants.", "num"
        ),
        "too_many_forms": ngettext_lazy(
            "Name at most %(num)d participant.", "Name at most %(num)d participants.", "num"
        ),
    }

    def clean(self):
        if any(self.errors):
            return
        seen = {}
        for number, form in enumerate(kept(self), start=1):
            iin = form.cleaned_data["iin"].number
            if iin in seen:
                raise forms.ValidationError(
                    _("Members %(first)s and %(second)s have the same IIN.")
                    % {"first": seen[iin], "second": number}
                )
            seen[iin] = number


def team_formset(competition: Competition):
    return forms.formset_factory(
        TeamMemberForm,
        formset=TeamFormSet,
        extra=0,
        min_num=competition.min_team_size,
        max_num=competition.max_team_size,
        absolute_max=competition.max_team_size,
        validate_min=True,
        validate_max=True,
        can_delete=True,
    )


# More rows than a small grant's plan or budget needs, and few enough that a
# forged row count cannot make a page build thousands of forms.
MAX_ACTIVITIES = 30
MAX_BUDGET_LINES = 50

ActivityFormSet = forms.formset_factory(
    ActivityForm,
    extra=0,
    min_num=1,
    max_num=MAX_ACTIVITIES,
    absolute_max=MAX_ACTIVITIES,
    validate_min=True,
    validate_max=True,
    can_delete=True,
)
BudgetFormSet = forms.formset_factory(
    BudgetItemForm,
    extra=0,
    min_num=1,
    max_num=MAX_BUDGET_LINES,
    absolute_max=MAX_BUDGET_LINES,
    validate_min=True,
    validate_max=True,
    can_delete=True,
)


def kept(formset) -> list:
    """The rows of a formset the applicant did not remove."""
    return [form for form in formset.forms if form not in formset.deleted_forms]


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "PDF, JPEG, PNG or DOCX, up to 10 MB. Do not put your names in the files: "
            "the experts score applications without knowing who wrote them."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.kind = check_attachment(upload)
        return upload


class ApplicationForms:
    """The whole application form: main fields, team, activities, budget, declarations."""

    def __init__(self, competition: Competition, application: Application, data=None):
        self.competition = competition
        self.main = ApplicationForm(data, instance=application, prefix="main")
        self.team = team_formset(competition)(data, prefix="team")
        self.activities = ActivityFormSet(
            data, prefix="activity", form_kwargs={"window": activity_window(competition)}
        )
        self.budget = BudgetFormSet(data, prefix="budget")
        self.declarations = DeclarationsForm(data, prefix="declare", competition=competition)

    @property
    def all(self):
        return [self.main, self.team, self.activities, self.budget, self.declarations]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all])

    def budget_total_kzt(self) -> int:
        return sum(
            round_tenge(form.cleaned_data["quantity"] * form.cleaned_data["unit_cost_kzt"])
            for form in kept(self.budget)
        )


ROW_PREFIXES = ("team", "activity", "budget")


def initial_from_draft(data: dict) -> dict:
    """Unbound forms filled with a draft's values, so a draft opens without error messages."""

    def first(key: str) -> str:
        values = data.get(key) or [""]
        return values[0] if isinstance(values, list) else values

    main_fields = ApplicationForm.Meta.fields
    main = {field: first(f"main-{field}") for field in main_fields if f"main-{field}" in data}
    rows = {}
    for prefix in ROW_PREFIXES:
        count = int(first(f"{prefix}-TOTAL_FORMS") or 0)
        rows[prefix] = [
            {
                key[len(f"{prefix}-{index}-") :]: first(key)
                for key in data
                if key.startswith(f"{prefix}-{index}-")
            }
            for index in range(count)
            if not first(f"{prefix}-{index}-DELETE")
        ]
    declarations = {name: bool(first(f"declare-{name}")) for name in DeclarationsForm.base_fields}
    return {"main": main, "rows": rows, "declarations": declarations}


class DraftForms(ApplicationForms):
    """The form as a draft shows it: what was typed, no error messages yet."""

    def __init__(self, competition: Competition, application: Application, add_row: str = ""):
        self.competition = competition
        initial = initial_from_draft(application.draft_data)
        if add_row in ROW_PREFIXES:
            initial["rows"][add_row].append({})
        self.main = ApplicationForm(instance=application, initial=initial["main"], prefix="main")
        self.team = team_formset(competition)(initial=initial["rows"]["team"], prefix="team")
        self.activities = ActivityFormSet(initial=initial["rows"]["activity"], prefix="activity")
        self.budget = BudgetFormSet(initial=initial["rows"]["budget"], prefix="budget")
        self.declarations = DeclarationsForm(
            initial=initial["declarations"], prefix="declare", competition=competition
        )
