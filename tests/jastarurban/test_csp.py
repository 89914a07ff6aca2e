"""Content-Security-Policy: every page any role opens sends it, and breaks none of it.

The pages are the access matrix's: each URL pattern, for each role that gets it (200). A
page with an inline <script>, an on*= handler or a style="" attribute fails here, so a
future one fails CI instead of failing silently in browsers.
"""

from accounts.roles import Role
from tests import test_access_matrix as matrix
from tests.html_checks import inline_code, pages

# The access matrix's users (one per role) and objects (a draft, a project, a letter…).
people = matrix.people
objects = matrix.objects


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def test_the_policy_allows_only_our_own_files(client, db):
    policy = directives(client.get("/").headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_checker_finds_inline_code():
    html = (
        '<script src="/static/a.js"></script><script type="application/json">{}</script>'
        "<script>alert(1)</script><div style=\"color: red\" onclick='x()'></div>"
        '<a href="javascript:void(0)">x</a><style>p {}</style>'
    )
    problems = inline_code(html)
    assert len(problems) == 5, problems


def test_every_page_of_every_role_sends_the_policy_and_has_no_inline_code(
    client, full_demo, people, objects
):
    failures, seen = [], 0
    for url, role in pages(objects, people[Role.STAFF.value]):
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        response = client.get(url)
        if response.status_code != 200:
            failures.append(f"{role:<10} {url}: {response.status_code}")
            continue
        policy = directives(response.headers.get("Content-Security-Policy", ""))
        script_src = policy.get("script-src", policy.get("default-src"))
        if not script_src or "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src:
            failures.append(f"{role:<10} {url}: script-src {script_src}")
        if not response["Content-Type"].startswith("text/html"):
            continue
        seen += 1
        for problem in inline_code(response.content.decode()):
            failures.append(f"{role:<10} {url}: {problem}")
    assert seen > 100
    assert not failures, "\n".join(failures)
