"""Kazakhstan's individual identification number (ИИН/ЖСН).

12 digits: YYMMDD of birth, a century-and-sex digit (1–6), four serial digits
and a check digit. The check digit is the weighted sum of the first 11 digits
mod 11 with weights 1…11; when that gives 10, a second pass uses weights
3…11, 1, 2; when that gives 10 too, the number is never issued.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIRST_WEIGHTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
CENTURIES = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


@dataclass(frozen=True)
class Iin:
    number: str
    birth_date: date
    is_male: bool


def check_digit(digits: str) -> int | None:
    """The check digit the first 11 digits call for; None if no digit can be valid."""
    values = [int(digit) for digit in digits[:11]]
    for weights in (FIRST_WEIGHTS, SECOND_WEIGHTS):
        control = sum(value * weight for value, weight in zip(values, weights, strict=True)) % 11
        if control != 10:
            return control
    return None


def parse_iin(value: str) -> Iin:
    """Validates an IIN and reads the date of birth and sex out of it."""
    number = "".join(value.split())
    if len(number) != 12 or not number.isdigit():
        raise ValidationError(_("An IIN has exactly 12 digits."), code="iin_length")
    century_digit = int(number[6])
    if century_digit not in CENTURIES:
        raise ValidationError(
            _("The 7th digit of an IIN (century and sex) must be from 1 to 6."), code="iin_century"
        )
    year = CENTURIES[century_digit] + int(number[0:2])
    try:
        birth_date = date(year, int(number[2:4]), int(number[4:6]))
    except ValueError:
        raise ValidationError(
            _("The first six digits of this IIN are not a real date of birth."), code="iin_date"
        ) from None
    if check_digit(number) != int(number[11]):
        raise ValidationError(
            _("This IIN has a wrong check digit: look for a mistyped digit."), code="iin_checksum"
        )
    return Iin(number=number, birth_date=birth_date, is_male=century_digit % 2 == 1)


def validate_iin(value: str) -> None:
    parse_iin(value)


def age_on(birth_date: date, day: date) -> int:
    """Full years on `day`; someone born on 29 February turns a year older on 1 March."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def compose_iin(birth_date: date, serial: int, male: bool = True) -> str:
    """A valid IIN for a date of birth, from the first serial that has a check digit.

    Real numbers come from the state; the demo and the tests need made-up ones.
    """
    century = {1800: 1, 1900: 3, 2000: 5}[birth_date.year // 100 * 100] + (0 if male else 1)
    while True:
        first = f"{birth_date:%y%m%d}{century}{serial % 10_000:04d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)
        serial += 1
