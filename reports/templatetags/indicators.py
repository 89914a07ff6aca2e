from django import template

from reports.indicators.display import indicator_amount, indicator_target

register = template.Library()


@register.filter
def target(indicator) -> str:
    """{{ indicator|target }} → "кемінде 30 дана", "7 000 000 ₸" """
    return indicator_target(indicator)


@register.filter
def amount(value, unit: str) -> str:
    """{{ row.actual|amount:indicator.unit }} → "7 000 000 ₸", "42,5 %", "31 758" """
    return indicator_amount(value, unit)
