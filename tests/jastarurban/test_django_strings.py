"""Django's own strings a user can meet are in Kazakh: Django's kk catalogue or, where it
has none, the portal's hand-kept locale-django/ (second of LOCALE_PATHS). After a Django
upgrade this lists every new string neither translates."""

import ast
import re
from pathlib import Path

import django
import pytest
from django.utils import translation

DJANGO = Path(django.__file__).parent
CATALOGUES = {
    "django": [
        "conf/locale/en/LC_MESSAGES/django.po",
        "contrib/auth/locale/en/LC_MESSAGES/django.po",
        "contrib/admin/locale/en/LC_MESSAGES/django.po",
        "contrib/contenttypes/locale/en/LC_MESSAGES/django.po",
    ],
    "djangojs": ["contrib/admin/locale/en/LC_MESSAGES/djangojs.po"],
}
# Strings no visitor, applicant or staff member meets: language names, apps the portal
# does not install, the pages Django shows only with DEBUG on.
UNSEEN_SOURCES = (
    "conf/global_settings.py",
    "contrib/sitemaps/",
    "contrib/syndication/",
    "views/templates/default_urlconf.html",
)
# Translated to themselves ("URL" names a model field type, shown only by admindocs).
SAME_IN_KAZAKH = {
    ", ",
    "URL",
    ":",
    ":?.!",
    "…",
    "IPv4",
    "IPv6",
    "%(class_name)s %(instance)s",
    "%(truncated_text)s…",
}


def entries(path: Path):
    """(msgctxt, msgid, msgid_plural, source) of a .po file, read as gettext writes it."""
    entry: dict = {}
    key = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#:"):
            entry.setdefault("source", line[2:].split()[0])
        elif line.startswith(("msgctxt ", "msgid ", "msgid_plural ")):
            key, _space, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
        elif line.startswith("msgstr"):
            key = None
        elif not line.strip() and entry.get("msgid"):
            yield (
                entry.get("msgctxt"),
                entry["msgid"],
                entry.get("msgid_plural"),
                entry.get("source", ""),
            )
            entry, key = {}, None
        elif not line.strip():
            entry, key = {}, None


def untranslated(domain: str) -> list[str]:
    missing = []
    catalogue = translation.trans_real.DjangoTranslation("kk", domain=domain)
    for relative in CATALOGUES[domain]:
        for context, msgid, plural, source in entries(DJANGO / relative):
            if source.startswith(UNSEEN_SOURCES) or msgid in SAME_IN_KAZAKH:
                continue
            if plural:
                text = (
                    catalogue.npgettext(context, msgid, plural, 5)
                    if context
                    else catalogue.ngettext(msgid, plural, 5)
                )
                same = text in (msgid, plural)
            else:
                text = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
                same = text == msgid
            if same:
                missing.append(f"{relative}: {context or ''} {msgid!r}")
    return missing


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_django_string_a_user_meets_has_kazakh(domain):
    assert entries(DJANGO / CATALOGUES[domain][0]), "Django's catalogue could not be read"
    missing = untranslated(domain)
    assert not missing, "add these to locale-django/kk/LC_MESSAGES/:\n" + "\n".join(missing)


def test_the_admin_calendar_speaks_kazakh(client, staff):
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    client.cookies["django_language"] = "kk"
    script = client.get("/admin/jsi18n/").content.decode()
    assert "\\u049b\\u0430\\u04a3\\u0442\\u0430\\u0440" in script or "қаңтар" in script
    # The catalogue's JavaScript writes Cyrillic as \uXXXX escapes.
    unescaped = re.sub(r"\\u([0-9a-f]{4})", lambda found: chr(int(found[1], 16)), script)
    assert "Choose a Date" in script and "Күнді таңдаңыз" in unescaped
