"""The village picker's list and how a chosen district and typed name are read back."""

import importlib

import pytest
from django.utils import translation

from competitions.models import District, Settlement
from competitions.places import (
    SELECTABLE_KINDS,
    PlaceNotFound,
    place_book,
    place_find,
    places_version,
)

pytestmark = pytest.mark.django_db


def district(kato_code: str) -> District:
    return District.objects.get(kato_code=kato_code)


def test_every_inhabited_place_has_a_kazakh_name():
    inhabited = Settlement.objects.filter(kind__in=SELECTABLE_KINDS)
    assert inhabited.count() == 450  # KATO's 454 villages and towns, less 4 nobody lives in
    missing = inhabited.filter(name_kk__isnull=True) | inhabited.filter(name_kk="")
    assert list(missing.values_list("name_ru", flat=True)) == []
    # The names the data migration gave, spelled as Kazakh, not as Russian.
    assert Settlement.objects.get(kato_code="473643121").name_kk == "Қызәулие"
    assert Settlement.objects.get(kato_code="475239109").name_kk == "Жағасарыптөбе 1"
    with translation.override("kk"):
        assert Settlement.objects.get(kato_code="474649331").name == "Қызылауыз"
    with translation.override("ru"):
        assert Settlement.objects.get(kato_code="474649331").name == "Кызылауз"


def test_same_named_villages_of_one_district_are_two_places_named_apart():
    """KATO gives Жанбике two codes under two rural districts of Бейнеу: two villages."""
    janbike = Settlement.objects.filter(name_ru="Жанбике").select_related("rural_district")
    assert janbike.count() == 2
    assert len({place.rural_district_id for place in janbike}) == 2
    assert len({place.district_id for place in janbike}) == 1
    with translation.override("kk"):
        names = sorted(place_book().by_pk[place.pk].name for place in janbike)
    assert names == ["Жанбике, Сам ауылдық округі", "Жанбике, Сарға ауылдық округі"]


def test_no_place_is_listed_twice_and_every_name_is_unique_in_its_district():
    for language in ("kk", "ru"):
        with translation.override(language):
            book = place_book()
        lines = [(place.district_pk, place.name) for place in book.places]
        assert len(lines) == len(set(lines)) == 450
        assert len({place.label for place in book.places}) == 450
        assert len(book.districts) == 7


def test_villages_are_in_kazakh_alphabetical_order():
    with translation.override("kk"):
        book = place_book()
    names = [place.name for place in book.places]
    # Python alone would put Қ after Я; in Kazakh order it follows К.
    assert names.index("Қызылсай (Кызылсай)") < names.index("Сам")
    assert names.index("Ақжігіт (Акжигит)") < names.index("Бейнеу")


def test_a_village_is_found_by_its_russian_or_kazakh_name_within_the_chosen_district():
    zhanaozen = district("471800000")
    mangystau = district("474600000")
    assert place_find("Кызылсай", district=zhanaozen.pk).kato_code == "471835100"
    assert place_find("қызылсай", district=mangystau.pk).kato_code == "474635119"
    assert place_find("Қызылсай (Кызылсай)", district=str(zhanaozen.pk)).district == zhanaozen


def test_a_name_several_places_share_asks_for_the_district():
    with pytest.raises(PlaceNotFound, match="деген бірнеше елді мекен бар"):
        place_find("Кызылсай")
    beineu = district("473600000")
    with pytest.raises(PlaceNotFound, match="деген бірнеше елді мекен бар"):
        place_find("Жанбике", district=beineu.pk)  # two in one district: the list names both
    with translation.override("kk"):
        line = place_book().by_pk[Settlement.objects.get(kato_code="473644113").pk].name
        assert place_find(line, district=beineu.pk).kato_code == "473644113"


def test_a_village_typed_under_the_wrong_district_says_so_in_kazakh_and_russian():
    aktau = district("471000000")
    for language, words in (
        ("kk", "«Бейнеу» деген ауыл «Ақтау қалалық әкімдігі» құрамында жоқ"),
        ("ru", "В «г. Актау» нет села «Бейнеу»"),
    ):
        with translation.override(language), pytest.raises(PlaceNotFound) as refusal:
            place_find("Бейнеу", district=aktau.pk)
        assert words in refusal.value.message


def test_a_whole_list_line_still_names_its_place_without_a_district():
    """Older drafts and a name typed with no district chosen: "Village — District"."""
    with translation.override("kk"):
        place = Settlement.objects.get(kato_code="471835100")
        line = place_book().by_pk[place.pk].label
        assert line == "Қызылсай (Кызылсай) — Жаңаөзен қалалық әкімдігі"
        assert place_find(line) == place
        assert place_find("Кызылсай — Жаңаөзен") == place


def test_renaming_a_place_gives_the_list_a_new_version():
    before = places_version()
    place = Settlement.objects.get(kato_code="473643117")
    place.name_kk = "Қаршылықоң"
    place.save()
    assert places_version() != before
    with translation.override("kk"):
        assert place_book().by_pk[place.pk].name == "Қаршылықоң (Каршлыкон)"


OFFICIAL_KAZAKH = {
    # Places of kato-kk-names.csv, as a check that the official names are the ones shown.
    "473630100": "Бейнеу",
    "474630100": "Шетпе",
    "474239100": "Жетібай",
    # Places whose Kazakh name 0010 first spelled by hand from the Russian one; 0011 put the
    # KATO Kazakh edition's name in its place (see competitions/data/kato-kk-names-added.csv).
    "473633115": "Көңлімқос",  # not Қоңлымкөс
    "473643117": "Каршлықон",  # not Қаршлықоң
    "475233133": "Іле 3",  # not Или 3
    "474635103": "Аманқызымет",  # not Аманқызмет
    "475239117": "Қоғалтөбе",  # not Көгалтөбе
    "473643113": "Ждан 1",  # the hand spelling was right
}


def test_known_places_carry_their_official_kazakh_names():
    found = dict(
        Settlement.objects.filter(kato_code__in=OFFICIAL_KAZAKH).values_list("kato_code", "name_kk")
    )
    assert found == OFFICIAL_KAZAKH
    with translation.override("kk"):
        assert Settlement.objects.get(kato_code="475233133").name == "Іле 3"
    with translation.override("ru"):
        assert Settlement.objects.get(kato_code="475233133").name == "Или 3"


def migration_apps():
    """The models as the migrations see them (plain columns, no translated `name` field)."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    state = MigrationLoader(connection).project_state(
        ("competitions", "0011_kato_official_kazakh_names")
    )
    return state.apps


def test_official_names_migration_leaves_names_staff_edited():
    apps = migration_apps()
    migration = importlib.import_module("competitions.migrations.0011_kato_official_kazakh_names")
    unsure = Settlement.objects.get(kato_code="473633115")
    edited = Settlement.objects.get(kato_code="475233133")
    unsure.name_kk, unsure.name = "Қоңлымкөс", "Қоңлымкөс"  # as 0010 first wrote it
    unsure.save()
    edited.name_kk, edited.name = "Іле-3", "Іле-3"  # put right by hand in the admin
    edited.save()

    migration.forwards(apps, None)
    unsure.refresh_from_db()
    edited.refresh_from_db()
    assert (unsure.name_kk, unsure.name) == ("Көңлімқос", "Көңлімқос")
    assert edited.name_kk == "Іле-3"

    migration.backwards(apps, None)
    unsure.refresh_from_db()
    edited.refresh_from_db()
    assert unsure.name_kk == "Қоңлымкөс"
    assert edited.name_kk == "Іле-3"


def test_going_back_past_both_kazakh_name_migrations_clears_the_names_they_wrote():
    apps = migration_apps()

    official = importlib.import_module("competitions.migrations.0011_kato_official_kazakh_names")
    first = importlib.import_module("competitions.migrations.0010_kato_kazakh_names")
    official.backwards(apps, None)  # Көңлімқос → Қоңлымкөс, the spelling 0010 first wrote
    first.backwards(apps, None)
    for code in ("473633115", "473643113"):
        place = Settlement.objects.get(kato_code=code)
        assert place.name_kk is None
        assert place.name == place.name_ru
