"""Content-Security-Policy: every page any role opens sends it, and breaks none of it.

The pages are the access matrix's: each URL pattern, for each role that gets it (200). A
page with an inline <script>, an on*= handler or a style="" attribute fails, so a future
one fails CI instead of failing silently in browsers. The pages are checked as the access
matrix opens them (tests/test_access_matrix.py, policy_and_inline_code_failures below).
"""

from tests.html_checks import inline_code


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


def policy_and_inline_code_failures(where: str, response) -> tuple[bool, list[str]]:
    """For one page a role opened (200): whether it is HTML, and what breaks the policy.

    Every page of every role is checked in the access matrix's pass over every URL and
    role (tests/test_access_matrix.py), which opens each of them already: rendering them
    all a second time here was most of this check's time."""
    failures = []
    policy = directives(response.headers.get("Content-Security-Policy", ""))
    script_src = policy.get("script-src", policy.get("default-src"))
    if not script_src or "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src:
        failures.append(f"{where}: script-src {script_src}")
    if not response["Content-Type"].startswith("text/html"):
        return False, failures
    failures += [f"{where}: {problem}" for problem in inline_code(response.content.decode())]
    return True, failures
