"""The API's users make, see once and revoke their own token (accounts/views_api_token.py)."""

import re

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.api_tokens import api_token_create, key_digest
from accounts.models import ApiToken
from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/accounts/api-token/"
API = "/api/v1/"
KEY = re.compile(r"ju_[A-Za-z0-9_-]{40,}")


def revoke_url(token: ApiToken) -> str:
    return f"/accounts/api-token/{token.pk}/revoke/"


def call_api(client, key: str):
    client.logout()
    return client.get(API, HTTP_AUTHORIZATION=f"Token {key}")


def test_the_operator_creates_a_token_seen_once_that_opens_the_api(client, operator):
    client.force_login(operator)
    client.cookies["django_language"] = "en"
    assert "Create a token" in client.get(PAGE).content.decode()
    response = client.post(PAGE)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    key = KEY.search(response.content.decode()).group()
    token = ApiToken.objects.get(user=operator)
    # Only the digest is kept: the key is nowhere in the row.
    assert token.digest == key_digest(key) != key
    assert key not in {token.prefix, token.digest} and key.startswith(token.prefix)
    # The next visit names the token by its beginning and no longer shows the key.
    again = client.get(PAGE).content.decode()
    assert key not in again and f"{token.prefix}…" in again
    assert not KEY.search(again)
    answer = call_api(client, key)
    assert answer.status_code == 200
    assert answer.json()["endpoints"]
    token.refresh_from_db()
    assert token.last_used_on == timezone.localdate()


def test_staff_may_hold_a_token_too(client, staff):
    client.force_login(staff)
    key = KEY.search(client.post(PAGE).content.decode()).group()
    answer = call_api(client, key)
    assert answer.status_code == 200 and answer.json()["endpoints"]
    assert ApiToken.objects.get(user=staff).last_used_on == timezone.localdate()


def test_one_token_at_a_time(client, operator):
    first = api_token_create(user=operator)
    client.force_login(operator)
    client.cookies["django_language"] = "en"
    response = client.post(PAGE, follow=True)
    assert "You already have a token: revoke it first." in response.content.decode()
    assert ApiToken.objects.filter(user=operator).count() == 1
    assert call_api(client, first).status_code == 200


def test_revoking_asks_first_and_then_the_key_is_refused(client, operator):
    key = api_token_create(user=operator)
    token = ApiToken.objects.get(user=operator)
    client.force_login(operator)
    confirm = client.get(revoke_url(token))
    assert confirm.status_code == 200
    assert f"{token.prefix}…" in confirm.content.decode()
    assert ApiToken.objects.filter(pk=token.pk).exists()
    response = client.post(revoke_url(token))
    assert response.status_code == 302 and response["Location"] == PAGE
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    refused = call_api(client, key)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == "Token"
    # A new one can be made after revoking.
    client.force_login(operator)
    assert KEY.search(client.post(PAGE).content.decode())


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.STAFF])
def test_nobody_revokes_another_persons_token(client, operator, role):
    key = api_token_create(user=operator)
    token = ApiToken.objects.get(user=operator)
    client.force_login(UserFactory(roles=[role]))
    assert client.get(revoke_url(token)).status_code == 404
    assert client.post(revoke_url(token)).status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert call_api(client, key).status_code == 200


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.EXPERT, Role.MENTOR])
def test_people_without_the_api_make_no_token(client, role):
    person = UserFactory(roles=[role])
    client.force_login(person)
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE).status_code == 403
    assert not ApiToken.objects.exists()


def test_a_logged_out_visitor_goes_to_the_login_page(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.post(PAGE).status_code == 302
    assert not ApiToken.objects.exists()


def test_an_unknown_key_and_a_deactivated_persons_key_are_refused(client, operator):
    key = api_token_create(user=operator)
    assert call_api(client, key[:-1] + ("A" if key[-1] != "A" else "B")).status_code == 401
    operator.is_active = False
    operator.save(update_fields=["is_active"])
    assert call_api(client, key).status_code == 401


def test_the_page_costs_the_same_queries_with_a_token(
    client, operator, django_assert_max_num_queries
):
    api_token_create(user=operator)
    token = ApiToken.objects.get(user=operator)
    client.force_login(operator)
    with django_assert_max_num_queries(12):
        page = client.get(PAGE).content.decode()
    assert f"{token.prefix}…" in page and 'data-testid="token"' in page


def test_making_and_revoking_a_token_are_in_the_audit_log(client, operator):
    client.force_login(operator)
    client.post(PAGE)
    token = ApiToken.objects.get(user=operator)
    client.post(revoke_url(token))
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ApiToken), object_pk=str(token.pk)
    ).order_by("pk")
    assert [entry.action for entry in entries] == [LogEntry.Action.CREATE, LogEntry.Action.DELETE]
    assert all(entry.actor == operator for entry in entries)
    assert "prefix" in entries[0].changes_dict
    assert "digest" not in entries[0].changes_dict


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_page_speaks_kazakh_and_russian(client, operator, language):
    client.force_login(operator)
    client.cookies["django_language"] = language
    html = client.post(PAGE).content.decode()
    assert "Create a token" not in html and "Copy it now" not in html
    assert f'lang="{language}"' in html
