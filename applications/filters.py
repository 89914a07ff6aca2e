import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from applications.models import Application
from competitions.models import Competition, District, Settlement


class LabelledRangeWidget(django_filters.widgets.RangeWidget):
    """A "from – to" pair under one label: the label's `for` names only the first box, so
    each box gets its own accessible name as well."""

    def __init__(self, labels, attrs=None):
        self.labels = labels
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], self.labels, strict=True):
            subwidget["attrs"]["aria-label"] = str(label)
        return context


def village_choices() -> list[tuple[int, str]]:
    """Every village as (pk, name in the active language): 450 rows as plain tuples cost
    a few milliseconds, as model instances more than all the list's other queries."""
    return list(Settlement.objects.filter(kind=Settlement.Kind.VILLAGE).values_list("pk", "name"))


class InlineOptionsSelect(forms.Select):
    """A plain select whose options are written without a template include each."""

    template_name = "applications/widgets/select_inline.html"


class ApplicationFilter(django_filters.FilterSet):
    competition = django_filters.ModelChoiceFilter(
        queryset=Competition.objects.all(), label=_("Competition")
    )
    status = django_filters.ChoiceFilter(choices=Application.Status.choices, label=_("Status"))
    district = django_filters.ModelChoiceFilter(
        field_name="village__district", queryset=District.objects.all(), label=_("District")
    )
    village = django_filters.TypedChoiceFilter(
        coerce=int, label=_("Village"), widget=InlineOptionsSelect
    )
    submitted = django_filters.DateFromToRangeFilter(
        field_name="submitted_at",
        label=_("Submitted between"),
        widget=LabelledRangeWidget(
            labels=(_("Submitted from"), _("Submitted until")), attrs={"type": "date"}
        ),
    )
    team_size = django_filters.NumberFilter(field_name="team_count", label=_("Team size"))
    requested = django_filters.RangeFilter(
        field_name="requested_total_kzt",
        label=_("Requested, ₸ (from – to)"),
        widget=LabelledRangeWidget(labels=(_("Requested from, ₸"), _("Requested up to, ₸"))),
    )
    search = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=_("Title contains")
    )

    class Meta:
        model = Application
        fields = []
        form = forms.Form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A list, read once: a callable would be queried again by the check and the render.
        self.filters["village"].extra["choices"] = village_choices()
