"""The audit page's filters: which kind of record, who, when, what was done."""

import django_filters
from auditlog.models import LogEntry
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.display import ACTIONS
from audit.registry import audited_models


def record_kinds() -> list[tuple[int, str]]:
    """The audited models as choices, by content type (cached by Django: no query after the
    first request)."""
    types = ContentType.objects.get_for_models(*audited_models())
    return sorted(
        (
            (content_type.pk, str(model._meta.verbose_name_plural).capitalize())
            for model, content_type in types.items()
        ),
        key=lambda choice: choice[1],
    )


class LogEntryFilter(django_filters.FilterSet):
    record = django_filters.ChoiceFilter(
        field_name="content_type", label=_("Kind of record"), choices=record_kinds
    )
    person = django_filters.CharFilter(
        method="filter_person", label=_("Who (name or e-mail contains)")
    )
    action = django_filters.ChoiceFilter(
        label=_("Action"), choices=[(key, label) for key, label in ACTIONS.items()]
    )
    date_from = django_filters.DateFilter(
        field_name="timestamp",
        lookup_expr="date__gte",
        label=_("From (date)"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="timestamp",
        lookup_expr="date__lte",
        label=_("To (date)"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    object_id = django_filters.NumberFilter(label=_("Record number"))

    class Meta:
        model = LogEntry
        fields = []
        form = forms.Form

    def filter_person(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(actor__full_name__icontains=value) | Q(actor__email__icontains=value)
        )
