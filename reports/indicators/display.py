"""How an indicator's target and values are written: money as money, a share with "%",
counts grouped by thousands ("7 000 000 ₸", "кемінде 30 дана", "31 758")."""

from decimal import Decimal

from jastarurban.charts import Format, plain
from jastarurban.money import format_tenge, format_tenge_short
from projects.models import Indicator


def percent(value) -> str:
    return f"{plain(value)}\xa0%"


def indicator_amount(value: Decimal | None, unit: str) -> str:
    """A value in the indicator's unit, without the unit's word for counts and people
    (the column or the target says it), with its sign for tenge and percent."""
    return Indicator(unit=unit).amount_display(value)


def indicator_target(indicator: Indicator) -> str:
    """ "кемінде 30 дана", "7 000 000 ₸", "60–120 секунд" (Indicator.target_display)."""
    return indicator.target_display()


def indicator_chart_formats(unit: str) -> tuple[Format, Format]:
    """(the table's format, the axis's format) for a chart of this unit's values."""
    if unit == Indicator.Unit.TENGE:
        return format_tenge, format_tenge_short
    if unit == Indicator.Unit.PERCENT:
        return percent, percent
    return plain, plain
