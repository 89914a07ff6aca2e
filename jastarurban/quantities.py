"""A fractional quantity (0,5 of a day) typed as the person's keyboard types it.

A Russian or Kazakh phone keyboard, and anyone writing by hand, types "0,5"; the browser's
number input would refuse it or silently send nothing. So the field is a localized text
input (`localize=True`: Django reads the language's decimal separator from
`jastarurban.formats` and shows the value back the same way) with `inputmode="decimal"`,
which still brings up the digits keyboard on a phone. In English, whose decimal separator
is the point, a comma is read as a decimal comma too: a quantity has no thousands to group,
and "1,000" then has three decimals and is refused rather than misread. Spaces grouping
thousands by hand ("1 000") are dropped.
"""

from django import forms
from django.utils import formats


class QuantityField(forms.DecimalField):
    def __init__(self, **kwargs):
        kwargs["localize"] = True
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal"}

    def to_python(self, value):
        if isinstance(value, str):
            # Thousands grouped by hand ("1 000") are read as one number.
            value = value.replace(" ", "").replace("\xa0", "")
            if formats.get_format("DECIMAL_SEPARATOR") == "." and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)
