from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from competitions.places import places_version

register = template.Library()


@register.simple_tag
def places_url() -> str:
    """The village list in the page's language, under its version: fetched once, then cached."""
    query = urlencode({"lang": get_language(), "v": places_version()})
    return f"{reverse('competitions:places')}?{query}"
