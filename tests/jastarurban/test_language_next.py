"""The language buttons bring the person back to the page they were on, also from a page
shown in answer to a POST whose address takes POSTs only (a refused form)."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory


def language_next(request) -> str:
    return Template("{% language_next %}").render(Context({"request": request}))


@pytest.mark.parametrize(
    ("method", "referer", "expected"),
    [
        ("get", None, "/calls/?page=2"),
        ("post", "http://testserver/reviews/commission/c/?tab=1", "/reviews/commission/c/?tab=1"),
        ("post", "https://evil.example/phish/", "/calls/?page=2"),
        ("post", "javascript:alert(1)", "/calls/?page=2"),
        ("post", None, "/calls/?page=2"),
    ],
)
def test_the_buttons_come_back_to_the_page_of_this_site_the_person_was_on(
    method, referer, expected
):
    headers = {"HTTP_REFERER": referer} if referer else {}
    request = getattr(RequestFactory(), method)("/calls/?page=2", **headers)
    assert language_next(request) == expected
