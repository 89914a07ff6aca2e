"""The exhibition's staff pages show each figure against the target of its indicator row."""

import pytest

from tests.factories import ExhibitionFactory, IndicatorFactory, RegistrationFactory, StandFactory

pytestmark = pytest.mark.django_db


def target_of(html: str, testid: str) -> str:
    """The text of a figure's target line: "Target: at least 65 people"."""
    return html.split(f'data-testid="{testid}-target">')[1].split("</div>")[0].strip()


def test_the_exhibition_pages_read_their_targets_from_the_indicator_rows(
    client, operator, settings, tmp_path, django_assert_max_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    exhibition = ExhibitionFactory(slug="final")
    project = exhibition.project
    for _ in range(3):
        StandFactory(exhibition=exhibition)
    RegistrationFactory.create_batch(4, exhibition=exhibition)
    participants = IndicatorFactory(
        activity__project=project, source="exhibition_participants", unit="people", target=65
    )
    IndicatorFactory(activity__project=project, source="exhibition_stands", target=9)
    IndicatorFactory(activity__project=project, source="thank_you_letters", target=12)
    IndicatorFactory(
        activity__project=project, source="support_grew_share", unit="percent", target=35
    )
    client.force_login(operator)
    client.cookies["django_language"] = "en"
    with django_assert_max_num_queries(15):
        page = client.get("/exhibition/manage/final/")
    html = page.content.decode().replace("\xa0", " ")
    assert target_of(html, "checked-in").endswith(" 65 people")
    assert target_of(html, "stands").endswith(" 9 items")
    assert target_of(html, "letters").endswith(" 12 items")
    assert target_of(html, "support-grew").endswith(" 35 %")
    # No target typed into the page any more (it said 50, 7, 10 and 30 %).
    assert "/ 7<" not in html and "/ 10<" not in html and "30 %" not in html
    checked_in = client.get("/exhibition/manage/final/participants/")
    assert "65" in checked_in.content.decode()
    participants.target = 80
    participants.save()
    assert "80" in client.get("/exhibition/manage/final/participants/").content.decode()


def test_without_an_indicator_row_the_page_shows_no_target(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ExhibitionFactory(slug="final")
    client.force_login(staff)
    html = client.get("/exhibition/manage/final/").content.decode()
    assert 'data-testid="checked-in-target"' not in html
    assert "50" not in html.split('data-testid="checked-in"')[1][:80]
