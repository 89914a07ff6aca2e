"""Every form of the portal, refused, speaks Kazakh or Russian: its labels, help texts and
error messages, Django's own (required, invalid e-mail, too long, not a number or date,
file and formset errors, password rules) included.

The forms are found as the form fuzz test finds them (each page of the access matrix,
opened by a role that may open it); each is posted twice per language, empty and with
values of the wrong kind, and the text of the page's labels, help texts and error
messages is read with html.parser. An English word there fails the test.
"""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import translation

from accounts.models import User
from accounts.roles import Role
from tests import test_access_matrix as matrix
from tests.html_checks import Form
from tests.jastarurban.test_form_fuzz import discover, is_html

people = matrix.people
objects = matrix.objects

# Names that stay in Latin letters in every language: the brand, file formats, platforms.
ALLOWED = {
    "jastarurban",
    "pdf",
    "jpeg",
    "jpg",
    "png",
    "docx",
    "webp",
    "xlsx",
    "csv",
    "utf",
    "sms",
    "kato",
    "tiktok",
    "instagram",
    "telegram",
    "facebook",
    "youtube",
    "meta",
    "sha",
    "json",
    "http",
    "https",
    "www",
}
EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\S+\.(?:kz|com|org)\b\S*")
# A format shown as a mask: +7XXXXXXXXXX.
MASK = re.compile(r"X+")
LATIN_WORD = re.compile(r"[A-Za-z](?:[A-Za-z’']|-(?=[A-Za-z])){2,}")
# Where a form says something to the person filling it.
SPEAKING_TAGS = {"label", "legend"}
SPEAKING_CLASSES = {
    "form-text",
    "invalid-feedback",
    "errorlist",
    "alert",
    "text-danger",
    "helptext",
    "errornote",
    "help",
}
VOID = {"input", "br", "img", "hr", "meta", "link", "area", "base", "col", "source", "wbr"}


class SpeakingText(HTMLParser):
    """The text of labels, legends, help texts and error messages."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        speaking = tag in SPEAKING_TAGS or bool(classes & SPEAKING_CLASSES)
        self.stack.append(speaking or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] and data.strip():
            self.texts.append(data.strip())


def english_words(text: str) -> list[str]:
    text = EMAIL_OR_URL.sub(" ", text)
    return [
        word
        for word in LATIN_WORD.findall(text)
        if word.lower() not in ALLOWED and not MASK.fullmatch(word)
    ]


def english_in_page(html: str) -> list[str]:
    parser = SpeakingText()
    parser.feed(html)
    parser.close()
    return [f"{word!r} in {text[:120]!r}" for text in parser.texts for word in english_words(text)]


def test_the_detector_finds_english_and_lets_brands_pass():
    assert english_words("This field is required.") == ["This", "field", "required"]
    assert english_words("Бұл өріс міндетті.") == []
    assert english_words("JastarUrban: PDF, JPEG, coordinator@demo.jastarurban.kz") == []
    page = '<label>Email</label><p>Free text</p><div class="invalid-feedback">Қате</div>'
    assert english_in_page(page) == ["'Email' in 'Email'"]


def wrong_kind(form: Form) -> dict:
    """A value of the wrong kind for every field: too long text, a word for a number or
    a date, an e-mail without @, a choice that does not exist, a file of the wrong type."""
    data = {}
    for name, field in form.fields.items():
        if field.kind == "hidden":
            data[name] = field.value  # management forms, tokens: as the page gave them
        elif field.kind == "file":
            data[name] = SimpleUploadedFile("virus.exe", b"MZ\x90\x00not a document")
        elif field.kind in ("number", "date", "datetime-local", "time"):
            data[name] = "абв"
        elif field.kind == "email":
            data[name] = "бұл-пошта-емес"
        elif field.kind in ("select", "radio"):
            data[name] = "999999"
        elif field.kind == "checkbox":
            continue
        else:
            data[name] = "ә" * 5001
    return data


def only_hidden(form: Form) -> dict:
    """Nothing filled in: every required field, formset minimum and tick is missing."""
    return {name: f.value for name, f in form.fields.items() if f.kind == "hidden"}


def test_every_refused_form_speaks_the_visitors_language(client, full_demo, people, objects):
    """In Kazakh and in Russian; the forms are found once for both (finding them opens
    every page, most of this test's time)."""
    found = discover(people, objects)
    assert len(found) > 25
    problems = []
    for language in ("kk", "ru"):
        for role, action, form in found:
            for payload in (only_hidden(form), wrong_kind(form)):
                client.logout()
                if people[role] is not None:
                    client.force_login(people[role])
                client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
                with transaction.atomic():
                    response = client.post(action, payload, follow=True)
                    transaction.set_rollback(True)
                if is_html(response):
                    problems += [
                        f"{language} {role} {action}: {problem}"
                        for problem in english_in_page(response.content.decode())
                    ]
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("password", ["12345678", "password", "ab1", "zhanar.seitova"])
def test_django_password_rules_speak_kazakh_and_russian(db, language, password):
    user = User(email="zhanar.seitova@example.kz", full_name="Жанар Сейітова")
    with translation.override(language):
        with pytest.raises(ValidationError) as refused:
            password_validation.validate_password(password, user)
        messages = refused.value.messages + password_validation.password_validators_help_texts()
    assert messages
    assert not [word for message in messages for word in english_words(message)], messages


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_register_and_password_reset_pages_have_no_english(client, db, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for url in ("/accounts/register/", "/accounts/password-reset/"):
        page = client.get(url).content.decode()
        assert not english_in_page(page), (url, english_in_page(page))
        refused = client.post(url, {"email": "x", "password1": "123", "password2": "123"})
        html = refused.content.decode()
        assert not english_in_page(html), (url, english_in_page(html))


def test_admin_pages_staff_use_speak_kazakh(client, demo):
    from tests.factories import UserFactory

    staff = UserFactory(roles=[Role.STAFF], is_staff=True, is_superuser=True)
    client.force_login(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    for url in ("/admin/", "/admin/competitions/competition/", "/admin/accounts/user/"):
        page = client.get(url).content.decode()
        assert not english_in_page(page), (url, english_in_page(page))
    refused = client.post("/admin/projects/budgetline/add/", {"quantity": "абв"})
    assert refused.status_code == 200
    assert not english_in_page(refused.content.decode()), english_in_page(refused.content.decode())
