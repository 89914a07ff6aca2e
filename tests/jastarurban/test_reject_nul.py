"""A NUL character in any parameter is refused with 400 before a view can pass it to
PostgreSQL (which cannot store or compare it): found by the form fuzz test."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_nul_in_a_posted_field_is_refused_before_the_view(client, settings):
    settings.DEBUG = False
    response = client.post("/exhibition/jastarurban-2025/feedback/", {"t": "a\x00b"})
    assert response.status_code == 400
    assert "alert-danger" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/exhibition/jastarurban-2025/feedback/?t=%00", "/accounts/login/?next=/%00"]
)
def test_a_nul_in_the_query_string_is_refused(client, url):
    assert client.get(url).status_code == 400


def test_a_nul_in_a_field_name_is_refused(client):
    assert client.post("/accounts/login/", {"user\x00name": "x"}).status_code == 400


def test_ordinary_kazakh_text_passes(client):
    response = client.post("/accounts/login/", {"username": "әйгерім@ауыл.kz", "password": "ү"})
    assert response.status_code == 200  # the form, with its error
