"""The Kazakh and Russian words issue 12 corrected, and a guard on the catalogues: no Latin
letter hides inside a Cyrillic word ("k" for "қ", a Latin "a" or "і" typed by mistake)."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, pgettext
from openpyxl import load_workbook

CYRILLIC = r"\u0400-\u04FF"
MIXED_WORD = re.compile(rf"\b(?=\w*[A-Za-z])(?=\w*[{CYRILLIC}])\w+\b")
# A Latin letter standing alone between Cyrillic words ("неше k сарапшы").
LONE_LATIN = re.compile(rf"[{CYRILLIC}][^\w%]*\s([A-Za-z])\s[^\w]*[{CYRILLIC}]")
# What is not words: placeholders, tags, entities, addresses and the .po's escapes ("\\n").
PLACEHOLDERS = re.compile(r"%\(\w+\)[sdfi]|%[sdfi]|\{\w*\}|<[^>]*>|&\w+;|https?://\S+|\\.")


def translations(language: str) -> list[tuple[str, str]]:
    """(msgid, translation) of every entry of a catalogue, read from its .po file."""
    entries = []
    for name in ("django.po", "djangojs.po"):
        text = (Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / name).read_text()
        for block in text.split("\n\n"):
            msgid = "".join(
                re.findall(r'^(?:msgid |")(?:")?(.*)"$', block.split("msgstr")[0], re.M)
            )
            for part in re.split(r"^msgstr(?:\[\d\])? ", block, flags=re.M)[1:]:
                value = "".join(re.findall(r'^"(.*)"$', part, re.M))
                entries.append((msgid, value))
    return entries


def test_the_catalogues_are_read_whole():
    kk = translations("kk")
    assert len(kk) > 1500
    assert ("Requested", "Сұралған сома") in kk


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_latin_letter_hides_in_a_cyrillic_word(language):
    mixed = {
        (msgid, word)
        for msgid, value in translations(language)
        for word in MIXED_WORD.findall(PLACEHOLDERS.sub(" ", value))
    }
    assert mixed == set()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_lone_latin_letter_stands_in_a_cyrillic_sentence(language):
    lone = {
        (msgid, value)
        for msgid, value in translations(language)
        if LONE_LATIN.search(PLACEHOLDERS.sub(" ", value))
    }
    assert lone == set()


def test_the_guard_catches_the_mistakes_it_is_for():
    assert MIXED_WORD.findall("Бір өтінімді неше сарапшы бағалайды") == []
    assert MIXED_WORD.findall("бағалаy") == ["бағалаy"]  # a Latin y
    assert MIXED_WORD.findall("TikTok және Instagram") == []  # product names stay Latin
    assert LONE_LATIN.search("Әр өтінімге k сарапшы")
    assert not LONE_LATIN.search("Бір өтінімге сарапшылар саны")


@pytest.mark.parametrize(
    ("wrong", "why"),
    [
        ("тіркеме)", "a snapshot is not an attachment"),
        ("Қазір тіркеу", "snapshot now is not registration"),
        ("Проблемалар", "problems in a meeting are қиындықтар"),
        ("Тақырып бөлігі", "the XLSX's first sheet is Жалпы мәліметтер"),
    ],
)
def test_the_wrong_kazakh_words_are_gone(wrong, why):
    assert [msgid for msgid, value in translations("kk") if wrong in value] == [], why


def test_the_corrected_words_in_kazakh_and_russian():
    from mentoring.forms import MeetingForm
    from reviews.forms import AssignForm

    with translation.override("kk"):
        # "Requested" (a sum) and "Requested by" (a person) are separate strings.
        assert gettext("Requested") == "Сұралған сома"
        assert pgettext("report file", "Requested by").startswith("Кім")
        assert gettext("Values as of %(day)s (daily snapshot).") == (
            "%(day)s күнгі мәндер (күн сайын жаңартылады)."
        )
        assert gettext("Snapshot now") == "Қазір жаңарту"
        assert AssignForm.base_fields["k"].label == "Бір өтінімді неше сарапшы бағалайды"
        assert str(MeetingForm().fields["problems"].label) == "Қиындықтар"
        assert gettext("Header") == "Жалпы мәліметтер"
    with translation.override("ru"):
        assert pgettext("report file", "Requested by") == "Кто и когда запросил"
        assert gettext("Snapshot now") == "Обновить сейчас"
        assert AssignForm.base_fields["k"].label == "Сколько экспертов оценивают одну заявку"
        assert str(MeetingForm().fields["problems"].label) == "Проблемы"
        assert gettext("Header") == "Общие сведения"
    with translation.override("en"):
        # The English source says it in words too, with no formula letter.
        assert str(AssignForm.base_fields["k"].label) == "How many experts score each application"


@pytest.mark.django_db
def test_the_project_report_workbook_opens_on_general_information(demo):
    from reports.builders import build_report

    for language, first in (("kk", "Жалпы мәліметтер"), ("ru", "Общие сведения")):
        book = load_workbook(BytesIO(build_report("interim", "xlsx", language, project=demo[0])))
        assert book.sheetnames[0] == first
