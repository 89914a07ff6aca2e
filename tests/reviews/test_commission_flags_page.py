"""The commission page shows its conflict flags a page at a time, open ones first, with the
counts of them all, in a fixed number of queries however many flags were ever raised."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import selectors
from tests.applications.helpers import iin_for, village
from tests.reviews.helpers import dismiss_flags

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged(scored, staff):
    """A namesake of the first expert (Ахметова Гүлнар) in every team: four flags, the first
    (JU-2025-0001) dismissed, three open."""
    dismiss_flags(scored[0].competition, staff)
    for number, application in enumerate(scored[1:], start=2):
        add_namesake(application, number, "Ахметов Болат", date(1999, 2, number), position=3)
    return scored


def add_namesake(application, number: int, name: str, born: date, position: int) -> None:
    """A team member at `position` sharing an expert's surname, with an IIN and a phone of
    their own."""
    application.team.create(
        position=position,
        full_name=f"{name}{number}",
        iin=iin_for(born),
        birth_date=born,
        phone=f"+770{position - 1}00000{number:02d}",
        village=village(),
        role="Мүше",
    )


def listed(content: str) -> list[str]:
    """The applications' numbers in the order the page lists them."""
    shown = [n for n in ("0001", "0002", "0003", "0004") if f"JU-2025-{n}" in content]
    return sorted(shown, key=lambda number: content.index(f"JU-2025-{number}"))


def test_the_flags_are_paged_open_first_with_the_counts_of_all(
    client, staff, flagged, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(selectors, "FLAGS_PAGE_SIZE", 2)
    competition = flagged[0].competition
    client.force_login(staff)
    url = f"/reviews/commission/{competition.slug}/"
    with django_assert_max_num_queries(15):
        first = client.get(url).content.decode()
    flags_part = first.split('data-testid="flags"')[1]
    assert listed(flags_part) == ["0002", "0003"]
    assert "Барлығы 4 белгі · 3 ашық" in " ".join(first.split())
    assert 'href="?page=2#flags"' in first  # back at the flags, not the page's top
    with django_assert_max_num_queries(15):
        second = client.get(f"{url}?page=2").content.decode()
    assert listed(second.split('data-testid="flags"')[1]) == ["0004", "0001"]
    # Past the end: the last page, as every paged list in the portal.
    assert client.get(f"{url}?page=99").content.decode().count("JU-2025-0001") == 1


def test_the_query_count_does_not_grow_with_the_flags(client, staff, flagged):
    competition = flagged[0].competition
    client.force_login(staff)
    url = f"/reviews/commission/{competition.slug}/"
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    # A namesake of the second expert (Құлжанова Динара) in every team: four flags more.
    for number, application in enumerate(flagged, start=1):
        add_namesake(application, number, "Құлжанов Ерік", date(2000, 3, number), position=4)
    with CaptureQueriesContext(connection) as after:
        content = client.get(url).content.decode()
    assert "Барлығы 8 белгі · 7 ашық" in " ".join(content.split())
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_page_lists_the_protocols_flags_open_first(flagged, monkeypatch):
    """The page, counted and sorted from ids, holds exactly the flags the protocol builds
    from objects: the same pairs, reasons, resolutions and declarations, open ones first."""
    from reviews.models import Assignment

    competition = flagged[0].competition
    # The expert of one open flag declares the conflict themselves: no longer open.
    flag = next(flag for flag in selectors.conflict_flags(competition) if flag.is_open)
    Assignment.objects.update_or_create(
        application=flag.application,
        member=flag.member,
        defaults={"conflict": Assignment.Conflict.DECLARED, "conflict_kind": "kinship"},
    )
    monkeypatch.setattr(selectors, "FLAGS_PAGE_SIZE", 2)

    def shape(flags):
        return [
            (
                f.application.pk,
                f.application.registration_number,
                f.member.pk,
                f.member.expert.full_name,
                f.reasons,
                f.resolution and f.resolution.pk,
                f.declared_by_expert,
                f.is_open,
            )
            for f in flags
        ]

    pages = [selectors.conflict_flags_page(competition, n) for n in (1, 2)]
    every = selectors.conflict_flags(competition)
    expected = shape(sorted(every, key=lambda flag: not flag.is_open))
    assert [row for page in pages for row in shape(page.page.object_list)] == expected
    assert pages[0].total == len(every) == 4
    assert pages[0].open == sum(flag.is_open for flag in every) == 2
    assert {row[6] for row in expected} == {True, False} and any(row[5] for row in expected)
