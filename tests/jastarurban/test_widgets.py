import time

import pytest
from django import forms

from competitions.models import Settlement
from jastarurban.widgets import QuickSelect


@pytest.mark.django_db
@pytest.mark.parametrize(
    "attrs",
    [
        {"class": "form-select", "id": "id_village"},
        {"class": "form-select is-invalid", "required": True, "aria-invalid": "true"},
        {"disabled": False, "data-note": 'a "quoted" <value>'},
    ],
)
def test_quick_select_writes_what_djangos_select_writes(attrs):
    field = forms.ModelChoiceField(
        queryset=Settlement.objects.select_related("district"), widget=QuickSelect
    )
    village = Settlement.objects.filter(name__contains="Бейнеу").first()
    assert isinstance(field.widget, QuickSelect)
    choices = list(field.choices)
    assert len(choices) > 500
    plain, quick = forms.Select(choices=choices), QuickSelect(choices=choices)

    for value in (None, village.pk, str(village.pk)):
        assert quick.render("team-0-village", value, attrs) == plain.render(
            "team-0-village", value, attrs
        )


def test_quick_select_writes_groups_and_escapes_labels():
    choices = [("", "—"), ("Ауыл <1>", [(1, "A & B"), (2, "C")]), (3, "D")]
    plain, quick = forms.Select(choices=choices), QuickSelect(choices=choices)
    assert quick.render("x", 2, {"id": "x"}) == plain.render("x", 2, {"id": "x"})
    assert "A &amp; B" in quick.render("x", 2)


@pytest.mark.django_db
def test_the_village_list_renders_in_a_fraction_of_the_template_time():
    choices = [(place.pk, place.name) for place in Settlement.objects.all()]
    plain, quick = forms.Select(choices=choices), QuickSelect(choices=choices)

    def timed(widget) -> float:
        start = time.process_time()
        for _ in range(3):
            widget.render("village", None, {"class": "form-select"})
        return time.process_time() - start

    assert timed(quick) < timed(plain) / 2
