"""Gives the 180 inhabited settlements that had only a Russian name their Kazakh name.

It also names the two city administrations in Russian as people say them ("г. Актау"),
not as the classifier abbreviates them ("Актау Г.А."): the village picker shows them
as the first step, beside the districts.

The names and where each comes from are in competitions/data/kato-kk-names-added.csv
(see its header). Only places still without a Kazakh name are touched, so a name put
right by hand in the admin is never overwritten; going back clears only the names this
migration set.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "kato-kk-names-added.csv"
CITIES_RU = {"471000000": ("Актау Г.А.", "г. Актау"), "471800000": ("Жанаозен Г.А.", "г. Жанаозен")}


def read_names() -> dict[str, tuple[str, str]]:
    """KATO code → (Russian name, Kazakh name); lines starting with # are the header notes."""
    with open(DATA, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return {
        row["code"]: (row["name_ru"], row["name_kk"])
        for row in csv.DictReader(lines, delimiter=";")
    }


def forwards(apps, schema_editor):
    Settlement = apps.get_model("competitions", "Settlement")
    names = read_names()
    for place in Settlement.objects.filter(kato_code__in=names):
        if place.name_kk:
            continue
        _russian, kazakh = names[place.kato_code]
        place.name_kk = kazakh
        # `name` held the Russian fallback the first load gave a place without a Kazakh name.
        place.name = kazakh
        place.save(update_fields=["name_kk", "name"])
    District = apps.get_model("competitions", "District")
    for code, (kato, spoken) in CITIES_RU.items():
        District.objects.filter(kato_code=code, name_ru=kato).update(name_ru=spoken)


def earlier_spellings() -> dict[str, str]:
    """KATO code → the hand spelling 0010 first wrote, where the official name differs.

    Going back past 0011 puts those spellings back, so they must be cleared here too.
    """
    with open(DATA, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return {
        row["code"]: row["spelling_kk"]
        for row in csv.DictReader(lines, delimiter=";")
        if row.get("spelling_kk")
    }


def backwards(apps, schema_editor):
    Settlement = apps.get_model("competitions", "Settlement")
    earlier = earlier_spellings()
    for code, (russian, kazakh) in read_names().items():
        spellings = [kazakh] + ([earlier[code]] if code in earlier else [])
        Settlement.objects.filter(kato_code=code, name_kk__in=spellings).update(
            name_kk=None, name=russian
        )


class Migration(migrations.Migration):
    dependencies = [("competitions", "0009_criterion_levels_from_source")]

    operations = [migrations.RunPython(forwards, backwards)]
