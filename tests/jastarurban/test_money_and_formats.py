from datetime import date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from jastarurban.money import format_tenge

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (1_000_000, "1 000 000 ₸"),
        (11_550_500, "11 550 500 ₸"),
        (0, "0 ₸"),
        (9230, "9 230 ₸"),
        (Decimal("70000.5"), "70 001 ₸"),
        (-2500, "−2 500 ₸"),
        (None, "—"),
    ],
)
def test_money_is_whole_tenge_with_space_groups(amount, shown):
    assert format_tenge(amount).replace(NBSP, " ") == shown


def test_money_never_breaks_across_lines():
    assert " " not in format_tenge(1_000_000)


def test_the_template_filter_is_available_everywhere():
    html = Template("{{ amount|tenge }}").render(Context({"amount": 7_000_000}))
    assert html == f"7{NBSP}000{NBSP}000{NBSP}₸"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_dates_read_day_month_year_in_every_language(language):
    with translation.override(language):
        assert formats.date_format(date(2025, 6, 1), "SHORT_DATE_FORMAT") == "01.06.2025"
        assert formats.date_format(date(2025, 11, 30)) == "30.11.2025"


def test_kazakh_numbers_use_a_decimal_comma_and_space_groups():
    with translation.override("kk"):
        assert formats.number_format(Decimal("1234567.5"), 1, force_grouping=True) == (
            f"1{NBSP}234{NBSP}567,5"
        )
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
        assert datetime.strptime("27.11.2026", formats.get_format("DATE_INPUT_FORMATS")[0])


@pytest.mark.parametrize(
    "value, shown",
    [
        (0, "0"),
        (60, "60"),
        (999, "999"),
        (1000, "1\xa0000"),
        (30000, "30\xa0000"),
        (100000, "100\xa0000"),
        ("—", "—"),
        (None, None),
    ],
)
def test_counts_group_as_money_does_and_leave_what_is_not_a_number(value, shown):
    """The PDF notes' counts: grouped from a thousand up, as the sums beside them."""
    from reports.templatetags.counts import grouped

    assert grouped(value) == shown
