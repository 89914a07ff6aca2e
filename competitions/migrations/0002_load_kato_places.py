"""Loads Mangystau's districts, rural districts and settlements from KATO (17.10.2022).

The Russian names come from the classifier; the Kazakh names, where known, from
competitions/data/kato-kk-names.csv. A Kazakh name missing there falls back to Russian.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"

SETTLEMENT_PREFIXES = [
    ("с.", "village"),
    ("г.", "town"),
    ("рзд.", "siding"),
    ("зимовка", "winter_camp"),
]


def read_rows() -> list[dict]:
    with open(DATA / "kato-mangystau-2022-ru.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def read_kazakh_names() -> dict[str, str]:
    with open(DATA / "kato-kk-names.csv", encoding="utf-8") as handle:
        return {row["code"]: row["name_kk"] for row in csv.DictReader(handle, delimiter=";")}


def is_rural_district(name: str) -> bool:
    return "с.о." in name or "с.а." in name


def settlement_kind_and_name(name: str) -> tuple[str, str]:
    for prefix, kind in SETTLEMENT_PREFIXES:
        if name.startswith(prefix):
            return kind, name[len(prefix):].strip()
    return "other", name.strip()


def load_places(apps, schema_editor):
    District = apps.get_model("competitions", "District")
    RuralDistrict = apps.get_model("competitions", "RuralDistrict")
    Settlement = apps.get_model("competitions", "Settlement")
    rows = read_rows()
    kazakh = read_kazakh_names()
    by_id = {row["id"]: row for row in rows}
    region_id = next(row["id"] for row in rows if row["parent_id"] == "0")

    def names(code: str, russian: str) -> dict:
        kk = kazakh.get(code)
        return {"name": kk or russian, "name_kk": kk, "name_ru": russian}

    districts, rural_districts = {}, {}
    for row in rows:
        if row["parent_id"] == region_id:
            kind = "city" if row["name"].endswith("Г.А.") else "district"
            districts[row["id"]] = District.objects.create(
                kato_code=row["code"], kind=kind, **names(row["code"], row["name"])
            )
    for row in rows:
        if row["parent_id"] in districts and is_rural_district(row["name"]):
            rural_districts[row["id"]] = RuralDistrict.objects.create(
                kato_code=row["code"],
                district=districts[row["parent_id"]],
                **names(row["code"], row["name"]),
            )
    settlements = []
    for row in rows:
        if row["id"] == region_id or row["id"] in districts or row["id"] in rural_districts:
            continue
        # Small places hang under a village, so walk up to the nearest units.
        district = rural_district = None
        parent_id = row["parent_id"]
        while parent_id in by_id:
            if rural_district is None and parent_id in rural_districts:
                rural_district = rural_districts[parent_id]
            if parent_id in districts:
                district = districts[parent_id]
                break
            parent_id = by_id[parent_id]["parent_id"]
        kind, russian = settlement_kind_and_name(row["name"])
        centre = kind == "town" or (
            row["parent_id"] in rural_districts and row["code"].endswith("100")
        )
        settlements.append(
            Settlement(
                kato_code=row["code"],
                district=district,
                rural_district=rural_district,
                kind=kind,
                is_centre=centre,
                **names(row["code"], russian),
            )
        )
    Settlement.objects.bulk_create(settlements)


def unload_places(apps, schema_editor):
    for model in ("Settlement", "RuralDistrict", "District"):
        apps.get_model("competitions", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("competitions", "0001_initial")]

    operations = [migrations.RunPython(load_places, unload_places)]
