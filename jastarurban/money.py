"""Whole-tenge money: the one place that says how an amount is written."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F
from django.db.models.functions import Cast, Round
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

NBSP = "\xa0"
TENGE = "₸"


def grouped_digits(number: int) -> str:
    """30000 → "30 000": thousands apart by no-break spaces, in every language, so a
    figure never wraps inside itself (money, and counts beside it)."""
    return f"{number:,}".replace(",", NBSP)


def round_tenge(value: Decimal | int | float) -> int:
    """Rounds to whole tenge, half away from zero, as the accountant's spreadsheet does."""
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_tenge(value: Decimal | int | float | None) -> str:
    """1000000 → "1 000 000 ₸", with no-break spaces so an amount never wraps."""
    if value is None or value == "":
        return "—"
    amount = round_tenge(value)
    digits = grouped_digits(abs(amount))
    sign = "−" if amount < 0 else ""
    return f"{sign}{digits}{NBSP}{TENGE}"


# Larger units first; each pattern is translated ("%(number)s млн ₸" in kk and ru).
def _short_units() -> list[tuple[int, str]]:
    return [
        (10**9, pgettext("money in billions, short", "%(number)s bn ₸")),
        (10**6, pgettext("money in millions, short", "%(number)s M ₸")),
        (10**3, pgettext("money in thousands, short", "%(number)s K ₸")),
    ]


def format_tenge_short(value: Decimal | int | float) -> str:
    """A compact amount for a chart's axis: 2500000 → "2,5 млн ₸" (kk, ru), "2.5 M ₸" (en).

    At most two decimals, none trailing; below a thousand the whole amount
    ("750 ₸"). A rounded figure that reaches the next unit moves up to it:
    999 999 is "1 млн ₸", not "1 000 мың ₸".
    """
    amount = Decimal(round_tenge(value))
    units = _short_units()
    for index, (size, pattern) in enumerate(units):
        if abs(amount) < size:
            continue
        number = (abs(amount) / size).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if number >= 1000 and index > 0:
            size, pattern = units[index - 1]
            number = (abs(amount) / size).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        text = formats.number_format(
            Decimal(format(number.normalize(), "f")), use_l10n=True, force_grouping=True
        )
        sign = "−" if amount < 0 else ""
        return sign + (pattern % {"number": text}).replace(" ", NBSP)
    return format_tenge(amount)


def line_total_field(verbose_name) -> models.GeneratedField:
    """quantity × unit cost in whole tenge, computed by the database for any line of a budget.

    Rounded half away from zero; as a generated column it can never be typed in
    or drift from its quantity and unit cost.
    """
    return models.GeneratedField(
        expression=Cast(Round(F("quantity") * F("unit_cost_kzt")), models.BigIntegerField()),
        output_field=models.BigIntegerField(),
        db_persist=True,
        verbose_name=verbose_name,
    )


# Far above any amount a small-grants portal records (the whole 2025 project was
# 11.5 million), far below what the database's 64-bit integers hold: a typed
# 40-digit amount is refused with a message instead of failing on save.
MAX_KZT = 10_000_000_000


class TengeLimit(MaxValueValidator):
    """An upper bound for an amount of tenge, said in tenge ("at most 10 000 000 000 ₸")."""

    message = _("The amount is too large: at most %(limit)s.")

    def __call__(self, value) -> None:
        if value is not None and value > self.limit_value:
            raise ValidationError(
                self.message, code="max_value", params={"limit": format_tenge(self.limit_value)}
            )


def max_tenge_validator(limit: int = MAX_KZT) -> TengeLimit:
    return TengeLimit(limit)
