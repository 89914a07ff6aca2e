"""Each team member's stored surname stem is the conflict checks' rule applied to the full
name, however the name was written: the commission page finds conflicts through it."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.db.models import Value
from django.db.models.functions import Concat

from applications.models import TeamMember
from tests.applications.helpers import iin_for, village
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

NAMES = [
    "Ахметова Гүлнар",
    "АХМЕТОВ Серік",
    "  серікова Аяжан",
    "Иванова Мария Петровна",
    "ӘЛИЕВА Әсел",
    "Жалғыз",
    "а Ғ",
    "А",
    "ИСЛАМ\tАли",
    "Straße X",
    "İlker Şahin",
    "",
    "   ",
]


def stem_oracle(full_name: str) -> str | None:
    """The rule as the conflict checks state it, written out plainly."""
    words = full_name.split()
    if not words:
        return None
    stem = words[0].casefold()
    if stem.endswith("а"):
        stem = stem[:-1]
    return stem or None


def member(application, position: int, full_name: str) -> TeamMember:
    born = date(1999, 3, position)
    return TeamMember(
        application=application,
        position=position,
        full_name=full_name,
        iin=iin_for(born),
        birth_date=born,
        phone="+77010000000",
        village=village(),
        role="Мүше",
    )


def stored(application) -> list[tuple[str, str | None]]:
    return list(application.team.order_by("position").values_list("full_name", "surname_stem"))


def expected(names) -> list[tuple[str, str | None]]:
    return [(name, stem_oracle(name)) for name in names]


def test_created_one_by_one_or_in_bulk_the_stem_is_the_rule():
    single, bulk = ApplicationFactory(), ApplicationFactory()
    for position, name in enumerate(NAMES, start=1):
        member(single, position, name).save()
    TeamMember.objects.bulk_create(
        member(bulk, position, name) for position, name in enumerate(NAMES, start=1)
    )
    assert stored(single) == stored(bulk) == expected(NAMES)
    assert {stem for _name, stem in stored(single)} >= {"ахметов", "иванов", "әлиев", "strasse"}


def test_a_renamed_member_gets_the_new_stem_by_every_write_path():
    application = ApplicationFactory()
    TeamMember.objects.bulk_create(
        member(application, position, "Ахметов Серік") for position in (1, 2, 3, 4)
    )
    first, second, third, fourth = application.team.order_by("position")
    first.full_name = "Иванова Мария"
    first.save(update_fields=["full_name"])
    second.full_name = "ӘЛИЕВ Марат"
    TeamMember.objects.bulk_update([second], ["full_name"])
    application.team.filter(pk=third.pk).update(full_name="  Төлеуова Дана")
    fourth.full_name = ""
    fourth.save()
    assert stored(application) == expected(["Иванова Мария", "ӘЛИЕВ Марат", "  Төлеуова Дана", ""])


def test_a_name_from_an_expression_is_refused_rather_than_left_unstemmed():
    application = ApplicationFactory()
    member(application, 1, "Ахметов Серік").save()
    with pytest.raises(TypeError):
        application.team.update(full_name=Concat(Value("Иванов "), "role"))
    assert stored(application) == expected(["Ахметов Серік"])


def test_the_migration_stems_the_members_written_before_it():
    application = ApplicationFactory()
    TeamMember.objects.bulk_create(
        member(application, position, name) for position, name in enumerate(NAMES, start=1)
    )
    application.team.update(surname_stem=None)
    module = importlib.import_module("applications.migrations.0008_team_member_surname_stem")
    module.fill_stems(apps, None)
    assert stored(application) == expected(NAMES)
