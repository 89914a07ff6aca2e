"""Every number a form of the portal accepts has an upper bound (security finding, low).

A 40-digit amount overflowed the database's 64-bit integers and gave a 500. This walks
every form class of every app, so a new number field without a bound fails here.
"""

import copy
import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils import translation

from jastarurban.bounds import MAX_COUNT, AtMost
from jastarurban.money import MAX_KZT

APPS = [
    "accounts",
    "projects",
    "competitions",
    "applications",
    "reviews",
    "mentoring",
    "media_campaign",
    "exhibition",
    "reports",
]
FORTY_DIGITS = 10**40 - 1


def _number_fields():
    found = []
    for app in APPS:
        package = importlib.import_module(app)
        for module_info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if "form" not in module_info.name or "migrations" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for name, cls in inspect.getmembers(module, inspect.isclass):
                if not issubclass(cls, forms.BaseForm) or cls.__module__ != module.__name__:
                    continue
                for field_name, field in cls.base_fields.items():
                    if isinstance(field, forms.IntegerField | forms.DecimalField):
                        found.append(pytest.param(cls, field_name, id=f"{name}.{field_name}"))
    return found


def _bounded(cls, name: str) -> forms.Field:
    field = copy.deepcopy(cls.base_fields[name])
    limit = getattr(cls, "number_limits", {}).get(name)
    if limit is not None:
        field.validators.append(limit if callable(limit) else AtMost(limit))
    return field


NUMBER_FIELDS = _number_fields()


def test_the_walk_finds_the_money_fields():
    ids = {param.id for param in NUMBER_FIELDS}
    assert {
        "BudgetItemForm.unit_cost_kzt",
        "ExpenseForm.amount_kzt",
        "DisbursementForm.amount_kzt",
        "BudgetLineForm.amount_kzt",
        "SnapshotForm.views",
    } <= ids


@pytest.mark.parametrize(("cls", "name"), NUMBER_FIELDS)
def test_every_number_field_has_an_upper_bound(cls, name):
    field = _bounded(cls, name)
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    assert limits, f"{cls.__name__}.{name} accepts any number"
    assert min(limits) <= max(MAX_KZT, MAX_COUNT)


@pytest.mark.parametrize(("cls", "name"), NUMBER_FIELDS)
def test_forty_digits_are_refused_with_a_message_not_a_500(cls, name):
    field = _bounded(cls, name)
    with pytest.raises(ValidationError) as refusal:
        field.clean(str(FORTY_DIGITS))
    assert refusal.value.messages


def test_money_is_refused_above_ten_billion_tenge_in_the_words_of_money():
    from mentoring.forms import DisbursementForm

    field = DisbursementForm.base_fields["amount_kzt"]
    assert field.clean("10000000000") == MAX_KZT
    with translation.override("en"):
        with pytest.raises(ValidationError) as refusal:
            field.clean("10000000001")
        assert refusal.value.messages == [
            "The amount is too large: at most 10\xa0000\xa0000\xa0000\xa0₸."
        ]
