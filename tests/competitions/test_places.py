import pytest
from django.utils import translation

from competitions.models import District, RuralDistrict, Settlement

pytestmark = pytest.mark.django_db


def test_the_classifier_is_loaded_whole():
    assert District.objects.count() == 7  # 5 districts and 2 city administrations
    assert RuralDistrict.objects.count() == 46
    assert Settlement.objects.count() == 528


def test_towns_are_not_rural_and_villages_are():
    towns = Settlement.objects.filter(kind=Settlement.Kind.TOWN)
    assert sorted(towns.values_list("name_ru", flat=True)) == ["Актау", "Жанаозен", "Форт-Шевченко"]
    assert not any(town.is_rural for town in towns)
    assert Settlement.objects.get(name_ru="Бейнеу").is_rural


def test_sidings_and_winter_camps_do_not_count_as_villages():
    for kind in (Settlement.Kind.SIDING, Settlement.Kind.WINTER_CAMP, Settlement.Kind.OTHER):
        place = Settlement.objects.filter(kind=kind).first()
        assert place is not None and not place.is_rural


def test_every_district_and_rural_district_centre_has_a_kazakh_name():
    assert not District.objects.filter(name_kk__isnull=True).exists()
    assert not RuralDistrict.objects.filter(name_kk__isnull=True).exists()
    centres = Settlement.objects.filter(is_centre=True)
    assert centres.count() == 46 + 3
    assert not centres.filter(name_kk__isnull=True).exists()
    kazakh = set(centres.values_list("name_kk", flat=True))
    for name in ["Бейнеу", "Шетпе", "Құрық", "Жетібай", "Ақшұқыр", "Таушық", "Баянды", "Өмірзақ"]:
        assert name in kazakh


def test_a_small_place_under_a_village_knows_its_rural_district_and_district():
    place = Settlement.objects.get(kato_code="473633102")  # с.Айтжан, under с.Акжигит
    assert place.rural_district.kato_code == "473633000"
    assert place.district.kato_code == "473600000"


def test_the_russian_name_is_the_fallback_where_no_kazakh_name_is_known():
    place = Settlement.objects.filter(name_kk__isnull=True).first()
    with translation.override("kk"):
        assert place.name == place.name_ru
    with translation.override("en"):
        assert Settlement.objects.get(kato_code="474230100").name == "Құрық"


def test_kato_villages_nobody_lives_in_are_re_kinded_and_kept():
    for name in ("Большой Эмир", "Малый Эмир", "15 бекет", "Оазис разъезд"):
        place = Settlement.objects.get(name_ru=name)
        assert not place.is_rural and place.kind != Settlement.Kind.VILLAGE
