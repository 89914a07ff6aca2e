import re

import pytest
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_reset_link_sets_a_new_password(client):
    user = UserFactory(email="aigerim@example.kz")
    response = client.post("/accounts/password-reset/", {"email": "aigerim@example.kz"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    path = re.search(r"https?://[^/\s]+(/accounts/password-reset/\S+/)", mail.outbox[0].body)[1]
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "жаңа-құпиясөз-77", "new_password2": "жаңа-құпиясөз-77"},
    )
    assert done["Location"] == "/accounts/password-reset/complete/"
    user.refresh_from_db()
    assert user.check_password("жаңа-құпиясөз-77")


def test_an_unknown_email_reveals_nothing(client):
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.kz"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert not mail.outbox
