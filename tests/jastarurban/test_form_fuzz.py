"""Every form of the portal, posted with generated bad input (Hypothesis).

The forms are found, not listed: each page of the access matrix is opened by a role that
may open it and its <form method="post"> fields are read with html.parser. Each form is
then posted, as that role, with empty, huge, odd-unicode (Kazakh, RTL, zero-width, NUL),
negative or enormous numbers, malformed dates, choices that do not exist and random file
bytes. Whatever comes: never a 5xx; a form shown again carries an error message; and when
the form was refused (shown again, or a redirect with an error message), no row of any
model was added or removed. Each example runs in a savepoint that is rolled back, so
examples do not see each other's rows.
"""

import os
from collections import Counter
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import resolve
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.roles import Role
from tests import test_access_matrix as matrix
from tests.html_checks import Field, Form, forms_of, pages

people = matrix.people
objects = matrix.objects

# Per form; a deeper hunt: FORM_FUZZ_EXAMPLES=200 pytest tests/jastarurban/test_form_fuzz.py
EXAMPLES = int(os.environ.get("FORM_FUZZ_EXAMPLES", "6"))
# Posted by every page (the navigation's log-out and language buttons): not forms to fill.
SKIPPED_ACTIONS = ("/accounts/logout/", "/i18n/setlang/")
# Files, not pages: no form in them, and building them is slow (the commission's protocol
# PDF alone took 6 s of each search for forms).
FILE_SUFFIXES = (".pdf", ".xlsx", ".zip", ".json", ".yaml", ".csv", ".svg", ".ico")
# Rows written on purpose by a refused attempt: failed logins (django-axes) and sessions.
NOT_COUNTED = {"axes", "sessions", "admin"}
# Who fills a form seen by several roles: the operator only reads, so anyone else first.
ROLE_ORDER = ["anonymous", "applicant", "expert", "mentor", "staff", "operator"]
ERROR_MARKS = ("invalid-feedback", "alert-danger", "errorlist", "is-invalid")
STATUSES = Counter()

KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
ODD = "\u200b\u200c\u200d\u200e\u200f\u202e\u2066\ufeff\x00\x1f\u0600\u05d0\u0627"
odd_text = st.text(alphabet=st.sampled_from(KAZAKH + ODD + "aZ0 -_.,;:'\"<>&/\\%\n\t"), max_size=60)
nasty = st.sampled_from(
    [
        "",
        " ",
        "x" * 10_000,
        "Ә" * 10_000,
        "-1",
        "-99999999999999999999",
        "99999999999999999999999999",
        "1e309",
        "NaN",
        "0x10",
        "1,5",
        "2025-13-45",
        "31.02.2025",
        "0000-00-00",
        "9999-12-31T25:61",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "../../etc/passwd",
        "\x00",
        "a\x00b",
        "999999999999",
        "http://",
        "javascript:alert(1)",
    ]
)
bad_value = st.one_of(nasty, odd_text)
upload = st.builds(
    lambda name, content: SimpleUploadedFile(name, content),
    st.sampled_from(["file.pdf", "photo.jpg", "a.docx", "run.exe", "әріп.png", "x" * 300]),
    st.binary(max_size=2048),
)


def value_for(field: Field):
    """Bad input for one field, or None to leave it out. The CSRF token is always sent, as
    browsers do (the test client does not check it)."""
    if field.name == "csrfmiddlewaretoken":
        return st.just(field.value)
    if field.kind == "file":
        return st.one_of(st.none(), upload)
    if field.kind in ("select", "checkbox", "radio"):
        real = st.sampled_from(field.options) if field.options else st.nothing()
        return st.one_of(st.none(), real, bad_value)
    return st.one_of(st.none(), bad_value)


def post_data(form: Form):
    return st.fixed_dictionaries({name: value_for(f) for name, f in form.fields.items()}).map(
        lambda data: {name: value for name, value in data.items() if value is not None}
    )


def short(data: dict) -> str:
    return repr(
        {
            name: (repr(value)[:40] if not hasattr(value, "name") else value.name)
            for name, value in data.items()
        }
    )


def changed(before: dict, after: dict) -> dict:
    return {
        label: (before[label], after[label]) for label in before if before[label] != after[label]
    }


def fillable_forms(page: str, url: str) -> list[Form]:
    """The page's POST forms but the navigation's (log out, language)."""
    return [
        form
        for form in forms_of(page)
        if form.method == "post"
        and not urljoin(url, form.action or url).startswith(SKIPPED_ACTIONS)
    ]


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def refused_with_a_message(response) -> bool:
    """A redirect back with an error message (messages.error): refused as well."""
    queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
    return any(message.level >= messages.ERROR for message in queued)


def row_counts() -> dict[str, int]:
    """Every counted model's rows through its default manager, in one query: a query a
    model, twice an example, was most of the fuzzing's time."""
    models = [model for model in apps.get_models() if model._meta.app_label not in NOT_COUNTED]
    selects, params = [], []
    for model in models:
        sql, its_params = model._default_manager.order_by().values("pk").query.sql_with_params()
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")  # noqa: S608
        params.extend(its_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(selects)}", params)
        counts = cursor.fetchone()
    return {model._meta.label: count for model, count in zip(models, counts, strict=True)}


def discover(people, found) -> list[tuple[str, str, Form]]:
    """(role, action, form) for each POST form, once per action and set of fields. Each
    role's pages are opened by one client logged in once (the access matrix's RoleClient:
    every request still starts as a fresh login would)."""
    clients = {}
    forms: dict[tuple, tuple[str, str, Form]] = {}
    visits = sorted(
        (visit for visit in pages(found, people[Role.STAFF.value]) if "/admin/" not in visit[0]),
        key=lambda visit: ROLE_ORDER.index(visit[1]),
    )
    opened = set()
    for url, role in visits:
        if url in opened or urlsplit(url).path.endswith(FILE_SUFFIXES):
            continue  # each page once, by the first role that may open it
        opened.add(url)
        if role not in clients:
            clients[role] = matrix.RoleClient(people[role])
        response = clients[role].get(url)
        if not is_html(response):
            continue
        for form in fillable_forms(response.content.decode(), url):
            action = urljoin(url, form.action or url)
            if not set(form.fields) - {"csrfmiddlewaretoken"}:
                continue  # a button (delete, render, invite): nothing to fill in
            # One form per view (not one per row of a list) and set of fields.
            key = (resolve(urlsplit(action).path).view_name, tuple(sorted(form.fields)))
            forms.setdefault(key, (role, action, form))
    return list(forms.values())


def test_no_form_breaks_or_stores_anything_on_bad_input(client, full_demo, people, objects):
    found = discover(people, objects)
    assert len(found) > 25, [action for _role, action, _form in found]
    for role, action, form in found:
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        refused_cleanly(client, role, action, form)()


def refused_cleanly(client, role: str, action: str, form: Form):
    """A Hypothesis test posting generated data to one form as one role."""

    @given(data=post_data(form))
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def posts(data):
        with transaction.atomic():
            before = row_counts()
            response = client.post(action, data)
            status = response.status_code
            STATUSES[(action, status)] += 1
            assert status < 500, f"{role} {action} {short(data)}: {status}"
            page = response.content.decode() if is_html(response) else ""
            if status in (200, 400) and fillable_forms(page, action):
                assert any(mark in page for mark in ERROR_MARKS), (
                    f"{role} {action} {short(data)}: shown again without an error message"
                )
            if status not in (301, 302, 303) or refused_with_a_message(response):
                after = row_counts()
                assert after == before, (
                    f"{role} {action} {short(data)} -> {status}: {changed(before, after)}"
                )
            transaction.set_rollback(True)

    return posts


def teardown_module():
    if os.environ.get("FORM_FUZZ_EXAMPLES"):
        print("\n".join(f"{n:>4} {s} {a}" for (a, s), n in sorted(STATUSES.items())))
