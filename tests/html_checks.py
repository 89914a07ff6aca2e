"""HTML read with html.parser (not regular expressions): what the CSP forbids, and forms."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.urls import reverse

from accounts.roles import Role
from tests.test_access_matrix import MATRIX, OK, ROLES, admin_url, url_patterns

# <script type=…> values that browsers run; anything else (application/json, …) is data.
SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


class InlineCodeFinder(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block: inline <script>, <style>
    elements, style="" and on*= attributes, javascript: links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        where = f"line {self.getpos()[0]}: <{tag}"
        runs = (values.get("type") or "").lower() in SCRIPT_TYPES
        if tag == "script" and not values.get("src") and runs:
            self.problems.append(f"{where}> inline script")
        if tag == "style":
            self.problems.append(f"{where}> inline <style> element")
        for name, value in attrs:
            if name == "style":
                self.problems.append(f'{where} style="{value}">')
            elif name.startswith("on"):
                self.problems.append(f"{where} {name}=…> event handler attribute")
            elif name in ("href", "src", "action", "formaction") and (
                (value or "").strip().lower().startswith("javascript:")
            ):
                self.problems.append(f"{where} {name}=javascript:…>")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


@dataclass
class Field:
    name: str
    kind: str  # input type, "select", "textarea"
    options: list[str] = field(default_factory=list)
    value: str = ""
    required: bool = False


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: dict[str, Field] = field(default_factory=dict)

    @property
    def has_file(self) -> bool:
        return any(f.kind == "file" for f in self.fields.values())


class FormParser(HTMLParser):
    """Every <form> of a page with its named fields, their types and select options."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = Form(
                action=values.get("action", ""),
                method=values.get("method", "get").lower(),
                enctype=values.get("enctype", ""),
            )
            self.forms.append(self._form)
            return
        if self._form is None or not values.get("name"):
            if tag == "option" and self._select is not None:
                self._select.options.append(values.get("value", ""))
            return
        name = values["name"]
        required = "required" in values
        if tag == "input":
            kind = values.get("type", "text").lower()
            if kind in ("submit", "button", "reset", "image"):
                return
            known = self._form.fields.get(name)
            if known and kind in ("checkbox", "radio"):
                known.options.append(values.get("value", "on"))
                return
            self._form.fields[name] = Field(
                name,
                kind,
                options=[values.get("value", "on")] if kind in ("checkbox", "radio") else [],
                value=values.get("value", ""),
                required=required,
            )
        elif tag == "select":
            self._select = Field(name, "select", required=required)
            self._form.fields[name] = self._select
        elif tag == "textarea":
            self._form.fields[name] = Field(name, "textarea", required=required)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def forms_of(html: str) -> list[Form]:
    parser = FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def pages(found: dict, staff):
    """(url, role) for every page the matrix expects a role to open (200)."""
    for name, pattern in url_patterns():
        if name.startswith("admin:"):
            if name == "admin:login":
                yield reverse(name), "anonymous"
            elif name != "admin:logout":
                url, expected = admin_url(name, pattern, staff)
                if expected == OK:
                    yield url, Role.STAFF.value
            continue
        rule = MATRIX.get(name)
        if rule is None:
            continue  # the access matrix fails for it
        kwargs = (
            found.get(rule.kwargs, rule.kwargs) if isinstance(rule.kwargs, str) else (rule.kwargs)
        )
        url = reverse(name, kwargs=kwargs)
        for role in ROLES:
            if rule.expected(role) == OK:
                yield url, role
