from django import template

from jastarurban.money import format_tenge

register = template.Library()


@register.filter
def tenge(value) -> str:
    """{{ line.total_kzt|tenge }} → 1 000 000 ₸"""
    return format_tenge(value)
