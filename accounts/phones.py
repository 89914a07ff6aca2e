"""Kazakh mobile numbers, typed any usual way, kept in E.164 (+77011234567).

Parsing and validity come from Google's libphonenumber through django-phonenumber-field
(`PhoneNumber`); numbers are stored as plain E.164 strings, so every reader (exports, the
team rows, the personal-data export) keeps getting a string.
"""

import re

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumber_field.phonenumber import PhoneNumber

MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}
INVALID = _("Enter a Kazakh mobile number, e.g. +7 701 123 45 67.")


def normalize_phone(typed: str | None) -> str:
    """+7 (701) 123-45-67, 8 701 123 45 67, 7011234567 → +77011234567; "" for nothing typed.

    Only Kazakh mobile numbers: codes and notices go by SMS.
    """
    typed = (typed or "").strip()
    if not typed:
        return ""
    # libphonenumber reads letters as a keypad would (ABC → 222); people do not mean that.
    if not re.fullmatch(r"[\d\s()+\-.]+", typed):
        raise ValidationError(INVALID, code="invalid_phone")
    try:
        number = PhoneNumber.from_string(typed, region="KZ")
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID, code="invalid_phone") from None
    if not (
        number.is_valid()
        and phonenumbers.region_code_for_number(number) == "KZ"
        and phonenumbers.number_type(number) in MOBILE_TYPES
    ):
        raise ValidationError(INVALID, code="invalid_phone")
    return number.as_e164


NBSP = "\u00a0"  # a number never breaks across lines


def phone_display(phone: str | None) -> str:
    """+77011234567 → +7 701 123 45 67, as people write it."""
    if not phone or len(phone) != 12:
        return phone or ""
    return NBSP.join([phone[:2], phone[2:5], phone[5:8], phone[8:10], phone[10:]])


def phone_masked(phone: str) -> str:
    """+77011234567 → +7 701 *** ** 67: enough for its owner to recognise it on a screen."""
    if len(phone) != 12:
        return phone
    return NBSP.join([phone[:2], phone[2:5], "***", "**", phone[-2:]])


class PhoneField(forms.CharField):
    """A form field for a Kazakh mobile number; cleans to E.164."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Mobile phone"))
        kwargs.setdefault("max_length", 25)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"autocomplete": "tel", "inputmode": "tel", "placeholder": "+7 7__ ___ __ __"}
            ),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        return normalize_phone(super().clean(value))
