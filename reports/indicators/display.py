"""How an indicator's target and values are written: money as money, a share with "%",
counts grouped by thousands ("7 000 000 ₸", "кемінде 30 дана", "31 758")."""

from decimal import Decimal

from competitions.models import Indicator
from jastarurban.charts import Format, plain
from jastarurban.money import format_tenge, format_tenge_short


def percent(value) -> str:
    return f"{plain(value)}\xa0%"


def indicator_amount(value: Decimal | None, unit: str) -> str:
    """A value in the indicator's unit, without the unit's word for counts and people
    (the column or the target says it), with its sign for tenge and percent."""
    if value is None:
        return "—"
    if unit == Indicator.Unit.TENGE:
        return format_tenge(value)
    if unit == Indicator.Unit.PERCENT:
        return percent(value)
    return plain(value)


def indicator_target(indicator: Indicator) -> str:
    """ "кемінде 30 дана", "7 000 000 ₸": an exact target is just the amount."""
    amount = indicator_amount(indicator.target, indicator.unit)
    if indicator.unit not in (Indicator.Unit.TENGE, Indicator.Unit.PERCENT):
        amount = f"{amount}\xa0{indicator.get_unit_display()}"
    if indicator.comparison == Indicator.Comparison.AT_LEAST:
        return f"{indicator.get_comparison_display()} {amount}"
    return amount


def indicator_chart_formats(unit: str) -> tuple[Format, Format]:
    """(the table's format, the axis's format) for a chart of this unit's values."""
    if unit == Indicator.Unit.TENGE:
        return format_tenge, format_tenge_short
    if unit == Indicator.Unit.PERCENT:
        return percent, percent
    return plain, plain
