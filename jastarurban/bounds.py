"""Upper bounds for the numbers people type, so no input can fail a save with a 500.

A 40-digit number overflowed the database's 64-bit integers (security finding); every
number field of the portal's forms has a bound (`tests/jastarurban/test_bounds.py`
walks them all), money through `jastarurban.money.max_tenge_validator`.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils import formats
from django.utils.translation import gettext_lazy as _

# Views, likes, people: far above any real count, far below what the database holds.
MAX_COUNT = 10_000_000_000


class AtMost(MaxValueValidator):
    message = _("The number is too large: at most %(limit)s.")

    def __call__(self, value) -> None:
        if value is not None and value > self.limit_value:
            raise ValidationError(
                self.message,
                code="max_value",
                params={"limit": formats.number_format(self.limit_value, force_grouping=True)},
            )


class BoundedNumbers:
    """A form mixin: `number_limits` maps a field name to its largest value or validator."""

    number_limits: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in self.number_limits.items():
            field = self.fields.get(name)
            if field is not None:
                field.validators.append(limit if callable(limit) else AtMost(limit))
