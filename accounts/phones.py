import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalize_phone(typed: str) -> str:
    """Accepts a number as people type it: +7 (701) 123-45-67, 8 701 123 45 67 → +77011234567."""
    digits = re.sub(r"[\s()\-]", "", typed)
    if not digits:
        return ""
    if re.fullmatch(r"8\d{10}", digits):
        digits = "+7" + digits[1:]
    if not re.fullmatch(r"\+7\d{10}", digits):
        raise ValidationError(_("Enter the phone as +7 and 10 digits, e.g. +77011234567."))
    return digits
