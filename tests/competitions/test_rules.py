"""Every published call has rules and answers: the demo's text, a PDF built from it when
no file was uploaded, and the mandatory tick on the application form links to both."""

import subprocess
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from applications.forms import DeclarationsForm
from competitions.models import Competition
from demo import source
from demo.loader import COMPETITION_SLUG, OPEN_SLUG, load_rules
from tests.factories import CompetitionFactory

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "rules.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_both_demo_calls_carry_rules_and_a_faq_in_three_languages(demo):
    for slug in (COMPETITION_SLUG, OPEN_SLUG):
        call = Competition.objects.get(slug=slug)
        for language in ("kk", "ru", "en"):
            rules = getattr(call, f"rules_{language}")
            # who may apply, what is funded, the cap, the criteria, the stages, declarations
            assert "18" in rules and "35" in rules and "2–3" in rules and "1 000 000 ₸" in rules
            assert rules.count("\n\n") >= 6, f"{slug} {language}: seven sections expected"
        assert "өзектілігі, жаңашылдығы, қоғамдық әсері, жүзеге асыру мүмкіндігі" in call.rules_kk
        assert "Растаулар" in call.rules_kk and "Подтверждения" in call.rules_ru
        faq = list(call.faq.order_by("position"))
        assert 8 <= len(faq) <= 12
        assert all(item.question_kk and item.answer_ru and item.question_en for item in faq)


def test_the_loader_fills_rules_once_and_keeps_what_staff_wrote(demo):
    call = Competition.objects.get(slug=OPEN_SLUG)
    call.rules_kk = "Қызметкер жазған ереже."
    call.save()
    call.faq.filter(position__gt=1).delete()
    load_rules(call)
    call.refresh_from_db()
    assert call.rules_kk == "Қызметкер жазған ереже."
    assert call.faq.count() == 1
    empty = CompetitionFactory(rules="", rules_kk="")
    load_rules(empty)
    empty.refresh_from_db()
    assert empty.rules_kk == source.COMPETITION_RULES["rules_kk"]
    assert empty.faq.count() == len(source.COMPETITION_FAQ)


def test_rules_pdf_is_built_from_the_rules_text_in_the_readers_language(client, demo, tmp_path):
    response = client.get(f"/competitions/{OPEN_SLUG}/rules.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "Байқау ережесі" in text and "Кім қатыса алады" in text and "Маңғыстау" in text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    text = pdf_text(client.get(f"/competitions/{OPEN_SLUG}/rules.pdf").content, tmp_path)
    assert "Правила конкурса" in text and "Кто может участвовать" in text


def test_rules_pdf_is_built_once_and_again_when_the_rules_change(client, demo):
    url = f"/competitions/{OPEN_SLUG}/rules.pdf"
    with mock.patch("competitions.rules.render_pdf", return_value=b"%PDF-1.7 a") as render:
        first = client.get(url)
        again = client.get(url)
        assert render.call_count == 1
        assert first.content == again.content == b"%PDF-1.7 a"
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        call = Competition.objects.get(slug=OPEN_SLUG)
        call.rules_kk += "\n\n8. Қосымша тармақ."
        call.save()
        changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
        assert render.call_count == 2


def test_an_uploaded_rules_file_wins_and_a_call_without_rules_is_404(
    client, demo, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    call = Competition.objects.get(slug=OPEN_SLUG)
    call.rules_pdf.save("rules.pdf", ContentFile(b"%PDF-1.4 uploaded"))
    assert b"".join(client.get(f"/competitions/{OPEN_SLUG}/rules.pdf").streaming_content) == (
        b"%PDF-1.4 uploaded"
    )
    bare = CompetitionFactory(rules="", rules_kk="")
    assert client.get(f"/competitions/{bare.slug}/rules.pdf").status_code == 404


def test_the_call_page_links_the_rules_pdf_and_the_faq(client, demo):
    html = client.get(f"/competitions/{OPEN_SLUG}/").content.decode()
    assert f'href="/competitions/{OPEN_SLUG}/rules.pdf"' in html
    assert 'id="rules"' in html and 'id="faq"' in html and 'href="#faq"' in html
    # The criteria as a list that a 360-px screen does not clip.
    assert 'data-testid="criteria"' in html and "0–10 балл" in html


def test_the_rules_tick_links_to_the_rules_their_pdf_and_the_faq(demo):
    call = Competition.objects.get(slug=OPEN_SLUG)
    help_text = str(DeclarationsForm(competition=call).fields["rules"].help_text)
    assert f'href="/competitions/{OPEN_SLUG}/#rules"' in help_text
    assert f'href="/competitions/{OPEN_SLUG}/rules.pdf"' in help_text
    assert f'href="/competitions/{OPEN_SLUG}/#faq"' in help_text
    assert 'target="_blank"' in help_text


def test_rules_sections_get_headings_and_the_text_is_escaped():
    from competitions.templatetags.call_rules import rules_html

    html = rules_html("1. Жалпы\nМәтін <b>қалың</b>\n\nҚорытынды")
    assert '<h3 class="rules-heading">1. Жалпы</h3>' in html
    assert "&lt;b&gt;қалың&lt;/b&gt;" in html and "<p>Қорытынды</p>" in html


def test_the_demo_loads_its_kazakh_source_whatever_language_was_left_active(db, settings):
    from django.utils import translation

    from demo.loader import load_demo

    settings.DEMO_LOADERS = []
    with translation.override("ru"):
        load_demo()
    call = Competition.objects.get(slug=COMPETITION_SLUG)
    assert "Растаулар" in call.rules_kk and "Подтверждения" in call.rules_ru
    assert call.rules_ru == source.COMPETITION_RULES["rules_ru"]
