from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def page_links(page: Page):
    """Page numbers around the current one with ellipses: 1 2 … 7 8 [9] 10 11 … 89 90."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
