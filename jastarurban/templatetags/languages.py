from urllib.parse import urlsplit

from django import template
from django.utils.http import url_has_allowed_host_and_scheme

register = template.Library()


@register.simple_tag(takes_context=True)
def language_next(context) -> str:
    """Where the language buttons bring the person back to: this page, or, for a page shown
    in answer to a POST (a refused form, whose address may take POSTs only), the page of
    this site the form was sent from."""
    request = context["request"]
    if request.method == "POST":
        referer = request.META.get("HTTP_REFERER", "")
        if url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            sent_from = urlsplit(referer)
            return sent_from.path + (f"?{sent_from.query}" if sent_from.query else "")
    return request.get_full_path()
