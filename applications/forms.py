from datetime import date
from decimal import Decimal

from django import forms
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from accounts.consent import CONSENT_TEXT
from accounts.models import User
from accounts.phones import PhoneField, normalize_phone
from applications.iin import parse_iin
from applications.models import ApplicantProfile, Application
from applications.uploads import check_attachment
from competitions.models import Competition, Settlement
from competitions.places import (
    PlaceNotFound,
    place_book,
    place_find,
    place_item,
    place_label,
    place_match,
)
from jastarurban.money import max_tenge_validator, round_tenge
from jastarurban.quantities import QuantityField

DISTRICT_SUFFIX = "_district"


class VillagePicker(forms.Widget):
    """District (аудан or city) first, then the village typed or picked within it.

    Two controls under one legend: a select of the 7 districts named `<name>_district` and
    a text box named `<name>`. static/js/places.js fills the box's suggestions with the
    chosen district's villages from one cached list; without it the person picks the
    district, types the name and competitions.places.place_find reads both back.
    """

    template_name = "applications/widgets/village_picker.html"
    use_fieldset = True

    def format_value(self, value):
        return value if isinstance(value, dict) else {"district": "", "text": value or ""}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        attrs = widget["attrs"]
        # crispy puts its classes (is-invalid among them) on the widget; both controls get them.
        classes = attrs.pop("class", "").split()
        invalid = " is-invalid" if "is-invalid" in classes else ""
        widget["input_class"] = f"form-control{invalid}"
        widget["select_class"] = f"form-select{invalid}"
        widget["district_name"] = f"{name}{DISTRICT_SUFFIX}"
        widget["district_id"] = f"{attrs.get('id', 'id_' + name)}{DISTRICT_SUFFIX}"
        widget["districts"] = [(str(pk), label) for pk, label in place_book().districts]
        widget["district"] = str(widget["value"].get("district") or "")
        widget["text"] = widget["value"].get("text") or ""
        return context

    def value_from_datadict(self, data, files, name):
        return {"district": data.get(f"{name}{DISTRICT_SUFFIX}", ""), "text": data.get(name, "")}

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}{DISTRICT_SUFFIX}" not in data


class VillageField(forms.Field):
    """One of Mangystau's villages (or towns): its district, then its name in that district."""

    widget = VillagePicker

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _(
                "Choose the district or city, then start typing the village's name in "
                "Kazakh or Russian and choose it from the list."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        """What the picker shows: {district, text} from a place, its id or what was typed."""
        if isinstance(value, dict):
            return value
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            item = place_book().by_pk.get(int(value))
            if item:
                return {"district": str(item.district_pk), "text": item.name}
            value = Settlement.objects.filter(pk=value).first() or str(value)
        if isinstance(value, Settlement):
            item = place_item(value)
            if item:
                return {"district": str(item.district_pk), "text": item.name}
            return {"district": str(value.district_id), "text": place_label(value)}
        if not value:
            return {"district": "", "text": ""}
        try:  # an older draft's whole-list line, "Village — District": shown in two steps
            item = place_match(value or "")
        except PlaceNotFound:
            return {"district": "", "text": value or ""}
        return {"district": str(item.district_pk), "text": item.name}

    def to_python(self, value):
        if not isinstance(value, dict):
            value = {"district": "", "text": value}
        text = str(value.get("text") or "").strip()
        if not text:
            return None
        try:
            return place_find(text, district=value.get("district"))
        except PlaceNotFound as error:
            raise forms.ValidationError(error.message, code="invalid_choice") from error

    def has_changed(self, initial, data):
        """A district chosen with no village typed is not a filled row (blank rows are ignored)."""
        before = self.prepare_value(initial)["text"] if initial else ""
        after = self.prepare_value(data)["text"] if data else ""
        return (before or "").strip() != (after or "").strip()


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
        if user.phone_confirmed:
            # A confirmed number logs its owner in: it changes only by a new code
            # (accounts:phone_add), never by typing it here.
            self.fields["phone"].disabled = True
            self.fields["phone"].initial = user.phone
            self.fields["phone"].help_text = _(
                "Confirmed by SMS. To change it, open Phone in your name's menu."
            )

    def clean_phone(self) -> str:
        phone = normalize_phone(self.cleaned_data["phone"])
        if phone != self.user.phone and User.objects.filter(phone=phone).exists():
            raise forms.ValidationError(
                _(
                    "This number cannot be saved here. "
                    "Add it under Phone in your name's menu: a code will be sent to it."
                )
            )
        return phone

    def clean_iin(self):
        iin = self.cleaned_data["iin"]
        if ApplicantProfile.objects.filter(iin=iin.number).exclude(user=self.user).exists():
            raise forms.ValidationError(
                _("This IIN belongs to another account. If it is yours, write to GAMO.")
            )
        return iin


class ApplicationForm(forms.ModelForm):
    village = VillageField(label=_("Village where the project happens"))

    class Meta:
        model = Application
        fields = ["title", "village", "problem", "idea", "goal", "expected_results"]
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
        # Shown after the attachments, next to the Submit button, outside the form element.
        for field in self.fields.values():
            field.widget.attrs["form"] = "application-form"
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


class InviteForm(forms.Form):
    """The lead adds a teammate by name and phone: the teammate types the rest themselves."""

    full_name = forms.CharField(label=_("Teammate's full name"), max_length=200)
    phone = PhoneField(
        label=_("Teammate's mobile phone"),
        help_text=_("The invitation goes to this number by SMS."),
    )
    role = forms.CharField(label=_("Role in the project"), max_length=200)


class MemberForm(forms.Form):
    """What only the teammate gives: their IIN, their village and their consent."""

    iin = IinField(help_text=_("Your date of birth is read from it."))
    village = VillageField(label=_("Village where you live"))
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Without your consent your data cannot be processed.")},
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the SMS"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
    )


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
    quantity = QuantityField(
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


# --- Repeated rows (teammates, activities, budget lines) -------------------------------
# A row left blank is ignored, never an error; counts are told in people and lines,
# never in Django's "forms".


class RowsFormSet(forms.BaseFormSet):
    min_rows = 1
    too_few_message = ngettext_lazy(
        "Add at least %(num)d row.", "Add at least %(num)d rows.", "num"
    )
    default_error_messages = {
        "too_few_forms": too_few_message,
        "too_many_forms": ngettext_lazy(
            "At most %(num)d row can be added.", "At most %(num)d rows can be added.", "num"
        ),
    }

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "empty_permitted": True}

    def clean(self):
        if any(self.errors):
            return
        if len(kept(self)) < self.min_rows:
            raise forms.ValidationError(
                self.too_few_message % {"num": self.min_rows}, code="too_few_forms"
            )


class ActivityFormSet(RowsFormSet):
    too_few_message = ngettext_lazy(
        "List at least %(num)d activity with its dates.",
        "List at least %(num)d activities with their dates.",
        "num",
    )
    default_error_messages = {
        **RowsFormSet.default_error_messages,
        "too_few_forms": too_few_message,
    }


class BudgetFormSet(RowsFormSet):
    too_few_message = ngettext_lazy(
        "Add at least %(num)d budget line.", "Add at least %(num)d budget lines.", "num"
    )
    default_error_messages = {
        **RowsFormSet.default_error_messages,
        "too_few_forms": too_few_message,
    }


# More rows than a small grant's plan or budget needs, and few enough that a
# forged row count cannot make a page build thousands of forms.
MAX_ACTIVITIES = 30
MAX_BUDGET_LINES = 50


def activity_formset():
    return forms.formset_factory(
        ActivityForm,
        formset=ActivityFormSet,
        extra=0,
        can_delete=True,
        max_num=MAX_ACTIVITIES,
        absolute_max=MAX_ACTIVITIES,
    )


def budget_formset():
    return forms.formset_factory(
        BudgetItemForm,
        formset=BudgetFormSet,
        extra=0,
        can_delete=True,
        max_num=MAX_BUDGET_LINES,
        absolute_max=MAX_BUDGET_LINES,
    )


ROW_FORMS = {"activity": ActivityForm, "budget": BudgetItemForm}


def kept(formset) -> list:
    """The rows of a formset the applicant filled in and did not remove."""
    return [
        form for form in formset.forms if form not in formset.deleted_forms and form.has_changed()
    ]


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
        self.activities = activity_formset()(
            data, prefix="activity", form_kwargs={"window": activity_window(competition)}
        )
        self.budget = budget_formset()(data, prefix="budget")
        self.declarations = DeclarationsForm(data, prefix="declare", competition=competition)

    @property
    def all(self):
        return [self.main, self.activities, self.budget, self.declarations]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all])

    def error_summary(self) -> list[tuple[str, str]]:
        """Every problem as (text, link to its field), in the page's order."""
        items = []

        def add_form(form, where: str = ""):
            for error in form.non_field_errors():
                items.append((f"{where}: {error}" if where else str(error), f"#{form.prefix}"))
            for name, errors in form.errors.items():
                if name == "__all__":
                    continue
                field = form[name]
                label = f"{where}: {field.label}" if where else str(field.label)
                for error in errors:
                    items.append((f"{label} — {error}", f"#{field.auto_id}"))

        add_form(self.main)
        for formset, row_label in (
            (self.activities, _("Activity")),
            (self.budget, _("Expense item")),
        ):
            for error in formset.non_form_errors():
                items.append((str(error), f"#section-{formset.prefix}"))
            for number, form in enumerate(formset.forms, start=1):
                add_form(form, f"{row_label} {number}")
        add_form(self.declarations)
        return items

    def budget_total_kzt(self) -> int:
        return sum(
            round_tenge(form.cleaned_data["quantity"] * form.cleaned_data["unit_cost_kzt"])
            for form in kept(self.budget)
        )


ROW_PREFIXES = ("activity", "budget")


def initial_from_draft(data: dict) -> dict:
    """Unbound forms filled with a draft's values, so a draft opens without error messages."""

    def first(key: str) -> str:
        values = data.get(key) or [""]
        return values[0] if isinstance(values, list) else values

    def with_districts(values: dict) -> dict:
        """A village picker's two boxes (`village`, `village_district`) as one value."""
        for key in [key for key in values if key.endswith(DISTRICT_SUFFIX)]:
            name = key[: -len(DISTRICT_SUFFIX)]
            values[name] = {"district": values.pop(key), "text": values.get(name, "")}
        return values

    main_fields = ApplicationForm.Meta.fields
    main = with_districts(
        {
            key[len("main-") :]: first(key)
            for key in data
            if key.startswith("main-")
            and key[len("main-") :].removesuffix(DISTRICT_SUFFIX) in main_fields
        }
    )
    rows = {}
    for prefix in ROW_PREFIXES:
        count = int(first(f"{prefix}-TOTAL_FORMS") or 0)
        rows[prefix] = [
            with_districts(
                {
                    key[len(f"{prefix}-{index}-") :]: first(key)
                    for key in data
                    if key.startswith(f"{prefix}-{index}-")
                }
            )
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
        # Room for one activity and one line.
        least = {"activity": 1, "budget": 1}
        for prefix, count in least.items():
            rows = initial["rows"][prefix]
            rows.extend({} for _row in range(count - len(rows)))
        self.main = ApplicationForm(instance=application, initial=initial["main"], prefix="main")
        self.activities = activity_formset()(
            initial=initial["rows"]["activity"],
            prefix="activity",
            form_kwargs={"window": activity_window(competition)},
        )
        self.budget = budget_formset()(initial=initial["rows"]["budget"], prefix="budget")
        self.declarations = DeclarationsForm(
            initial=initial["declarations"], prefix="declare", competition=competition
        )
