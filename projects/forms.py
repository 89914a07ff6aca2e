"""Staff's forms for setting up a project: its passport, calendar plan and budget.
Texts are typed in Kazakh and Russian (the operator reads both)."""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from jastarurban.bounds import MAX_COUNT, BoundedNumbers
from jastarurban.money import max_tenge_validator
from jastarurban.quantities import QuantityField
from projects.models import Activity, BudgetLine, GrantProject
from projects.models.budget import SUPPORT_SHARE_LIMIT, support_within_limit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SHORT_TEXT = forms.Textarea(attrs={"rows": 2})
# The largest row number, age or team size the database's small integers hold.
SMALL = 32_767


def bilingual(*names: str) -> list[str]:
    """The Kazakh and the Russian column of each translated field, in that order."""
    return [f"{name}_{language}" for name in names for language in ("kk", "ru")]


class BilingualForm(forms.ModelForm):
    """Kazakh texts are required where the field is; Russian ones may follow later."""

    required_texts: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.required_texts:
            self.fields[f"{name}_kk"].required = True


class ProjectForm(BilingualForm):
    required_texts = ("title", "operator_name", "region", "goal")

    class Meta:
        model = GrantProject
        fields = [
            "recipient",
            "slug",
            *bilingual("title", "operator_name", "region"),
            "starts_on",
            "ends_on",
            *bilingual("goal", "summary", "expected_results"),
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            **{name: SHORT_TEXT for name in bilingual("goal", "summary", "expected_results")},
        }
        help_texts = {"slug": _("Latin letters, digits and hyphens: the project's address.")}

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug == "new":
            raise forms.ValidationError(_("This address is taken by the portal; choose another."))
        return slug

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The project cannot end before it starts."))
        return data


class ActivityForm(BoundedNumbers, BilingualForm):
    required_texts = ("title", "task")
    number_limits = {"number": SMALL}

    class Meta:
        model = Activity
        fields = ["number", *bilingual("title", "task"), "starts_on", "ends_on", "place_kk"]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "task_kk": SHORT_TEXT,
            "task_ru": SHORT_TEXT,
        }


class ProjectChildFormSet(forms.BaseModelFormSet):
    """A formset of one project's rows: numbers unique within it, saved to it."""

    number_field = "number"
    duplicate_message = _("Row numbers must differ: %(number)s is used twice.")

    def __init__(self, *args, project: GrantProject, **kwargs):
        self.project = project
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return super().get_form_kwargs(index) | self.extra_form_kwargs()

    def extra_form_kwargs(self) -> dict:
        return {}

    @cached_property
    def activity_choices(self) -> list[tuple]:
        """The plan's events for every row's select, read once for the whole formset."""
        return [("", "---------")] + [
            (activity.pk, str(activity)) for activity in self.project.activities.order_by("number")
        ]

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not (self.can_delete and self._should_delete_form(form))
            if form.is_valid()
        ]

    def clean(self):
        super().clean()
        seen = set()
        for form in self.kept_forms():
            number = form.cleaned_data.get(self.number_field)
            if number in seen:
                raise forms.ValidationError(self.duplicate_message % {"number": number})
            seen.add(number)

    def save(self, commit=True):
        rows = super().save(commit=False)
        for row in rows:
            row.project = self.project
            if commit:
                row.save()
        if commit:
            for row in self.deleted_objects:
                row.delete()
        return rows


class ActivityFormSet(ProjectChildFormSet):
    def clean(self):
        super().clean()
        for form in self.kept_forms():
            starts, ends = form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
            if starts and ends and ends < starts:
                form.add_error("ends_on", _("An event cannot end before it starts."))
            for day in (starts, ends):
                if day and not self.project.starts_on <= day <= self.project.ends_on:
                    form.add_error(
                        "starts_on" if day == starts else "ends_on",
                        _("The date lies outside the project's period."),
                    )


class BudgetLineForm(BoundedNumbers, BilingualForm):
    required_texts = ("name",)
    number_limits = {
        "position": SMALL,
        "quantity": MAX_COUNT,
        "unit_cost_kzt": max_tenge_validator(),
    }

    class Meta:
        model = BudgetLine
        fields = [
            "position",
            "section",
            "activity",
            *bilingual("name"),
            "unit",
            "quantity",
            "unit_cost_kzt",
            "funding_source",
        ]
        field_classes = {"quantity": QuantityField}

    def __init__(self, *args, project: GrantProject, activity_choices: list, **kwargs):
        super().__init__(*args, **kwargs)
        activity = self.fields["activity"]
        activity.queryset = project.activities.all()
        activity.choices = activity_choices

    def clean(self):
        data = super().clean()
        direct = data.get("section") == BudgetLine.Section.DIRECT
        if direct and not data.get("activity"):
            self.add_error("activity", _("A direct cost belongs to an event of the plan."))
        elif not direct and data.get("activity"):
            self.add_error("activity", _("Only direct costs belong to an event of the plan."))
        return data

    def total_kzt(self) -> int:
        """quantity × unit cost, rounded as the database's generated column rounds it."""
        quantity = self.cleaned_data.get("quantity") or Decimal(0)
        cost = self.cleaned_data.get("unit_cost_kzt") or 0
        return int((quantity * cost).quantize(Decimal(1), rounding=ROUND_HALF_UP))


SUPPORT_SECTIONS = (BudgetLine.Section.MATERIAL_TECHNICAL, BudgetLine.Section.INSTITUTIONAL)


class BudgetLineFormSet(ProjectChildFormSet):
    number_field = "position"

    def extra_form_kwargs(self) -> dict:
        return {"project": self.project, "activity_choices": self.activity_choices}

    def clean(self):
        super().clean()
        grant = support = 0
        for form in self.kept_forms():
            if form.cleaned_data.get("funding_source") != BudgetLine.Source.GRANT:
                continue
            total = form.total_kzt()
            grant += total
            if form.cleaned_data.get("section") in SUPPORT_SECTIONS:
                support += total
        if not support_within_limit(support_kzt=support, grant_kzt=grant):
            raise forms.ValidationError(
                _(
                    "Material-technical support and institutional development may take at "
                    "most %(limit)s %% of the grant; these lines take %(share)s %%."
                )
                % {
                    "limit": int(SUPPORT_SHARE_LIMIT * 100),
                    "share": formats.number_format(
                        round(Decimal(support) * 100 / grant, 1) if grant else 100, 1
                    ),
                }
            )


def project_rows_formset(*, form, formset, queryset, prefix: str, project: GrantProject, data=None):
    """The rows of one project's set-up page (plan, budget, indicators): two blank rows to
    fill, rows deleted by a tick."""
    FormSet = forms.modelformset_factory(
        queryset.model,
        form=form,
        formset=formset,
        extra=2,
        can_delete=True,
        can_delete_extra=False,
    )
    return FormSet(data, project=project, queryset=queryset, prefix=prefix)


def activity_formset(*, project: GrantProject, data=None):
    return project_rows_formset(
        form=ActivityForm,
        formset=ActivityFormSet,
        queryset=project.activities.order_by("number"),
        prefix="plan",
        project=project,
        data=data,
    )


def budget_formset(*, project: GrantProject, data=None):
    return project_rows_formset(
        form=BudgetLineForm,
        formset=BudgetLineFormSet,
        queryset=project.budget_lines.select_related("activity").order_by("position"),
        prefix="budget",
        project=project,
        data=data,
    )
