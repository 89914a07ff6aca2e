"""KATO lists a few places as villages (с.) that are not villages anyone gives as a home.

Большой Эмир and Малый Эмир are wintering grounds, "15 бекет" a railway post and "Оазис
разъезд" a siding. They are re-kinded, not deleted, so nothing that points at them breaks;
the village picker offers only villages and towns (competitions/places.py).
"""

from django.db import migrations

RE_KINDED = {
    "475036103": ("village", "winter_camp"),  # Большой Эмир
    "475036105": ("village", "winter_camp"),  # Малый Эмир
    "474644200": ("village", "siding"),  # 15 бекет
    "473633125": ("village", "siding"),  # Оазис разъезд
}


def forwards(apps, schema_editor):
    Settlement = apps.get_model("competitions", "Settlement")
    for code, (_old, new) in RE_KINDED.items():
        Settlement.objects.filter(kato_code=code).update(kind=new)


def backwards(apps, schema_editor):
    Settlement = apps.get_model("competitions", "Settlement")
    for code, (old, _new) in RE_KINDED.items():
        Settlement.objects.filter(kato_code=code).update(kind=old)


class Migration(migrations.Migration):
    dependencies = [("competitions", "0007_competition_appeal_days")]

    operations = [migrations.RunPython(forwards, backwards)]
