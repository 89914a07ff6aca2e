from django import template

from jastarurban.money import grouped_digits

register = template.Library()


@register.filter
def grouped(value):
    """{{ total|grouped }} → "30 000": a count grouped by thousands with no-break spaces as
    money is (``format_tenge``), in every language, so it never wraps inside a note."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    return grouped_digits(number)
