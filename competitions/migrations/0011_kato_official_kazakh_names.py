"""Puts the official KATO Kazakh names in place of 33 Kazakh names spelled by hand.

0010 gave the 180 settlements that had only a Russian name a Kazakh name written from the
Russian one. The classifier's Kazakh edition has since been found (the source is named in
competitions/data/kato-kk-names-added.csv, which now holds the official names): 147 of the
hand spellings were right, these 33 differ (Қоңлымкөс → Көңлімқос, Қаршлықоң → Каршлықон,
Или 3 → Іле 3 …).

A name is changed only where it is still the hand spelling 0010 wrote, so a name staff have
edited in the admin since is left alone; going back puts the hand spelling back only where
the official name is still there. The table is written out here, not read from the CSV, so
the migration does the same thing whatever the file says later.
"""

from django.db import migrations

# KATO code → (hand spelling 0010 wrote, official Kazakh name); the comment is the Russian name.
OFFICIAL = {
    "473633115": ("Қоңлымкөс", "Көңлімқос"),  # Конлимкос
    "473633118": ("Көмті", "Комти"),  # Комти
    "473633141": ("Шанытбай", "Шаңытбай"),  # Шанытбай
    "473637113": ("Шіліқұдық", "Шиліқұдық"),  # Шиликудук
    "473643104": ("Әлі", "Әли"),  # Али
    "473643111": ("Шіңкелдек", "Шіңкілдек"),  # Шинкелдек
    "473643117": ("Қаршлықоң", "Каршлықон"),  # Каршлыкон
    "473644209": ("Қоншымырау", "Қоңшымырау"),  # Коншымырау
    "473647107": ("Ақшы", "Ақши"),  # Акши
    "474249103": ("Ашысай", "Ащысай"),  # Ашысай
    "474249117": ("Мұрынаул", "Мұрынауыл"),  # Мурынаул
    "474249213": ("Қанбақтысай", "Қаңбақтысай"),  # Канбактысай
    "474249215": ("Қызылсенсір", "Қызылсеңсір"),  # Кызылсенсир
    "474633313": ("Жаңаша 1", "Жанаша 1"),  # Жанаша 1
    "474633315": ("Жаңаша", "Жанаша"),  # Жанаша
    "474635103": ("Аманқызмет", "Аманқызымет"),  # Аманкызымет
    "474635135": ("Сердалы", "Сердәлі"),  # Сердалы
    "474635141": ("Ұзынкүзе", "Ұзынкөзе"),  # Узынкузе
    "474635161": ("Инта", "Ынта"),  # Инта
    "474637121": ("Кабиналы", "Кәбиналы"),  # Кабиналы
    "474637145": ("Тұщықұй", "Тұщыкүй"),  # Тущыкуй
    "474643213": ("Сарықұп", "Сарыкүп"),  # Сарыкуп
    "474643305": ("Айлек", "Әйлек"),  # Айлек
    "474649113": ("Иер", "Иір"),  # Иер
    "475233117": ("Қақпаты", "Қақпақты"),  # Какпаты
    "475233133": ("Или 3", "Іле 3"),  # Или 3
    "475237103": ("Аленсай", "Әленсай"),  # Аленсай
    "475237124": ("Қаңға", "Қанға"),  # Канга
    "475237142": ("Саубет", "Сәубет"),  # Саубет
    "475237144": ("Сүршоқы", "Сұршоқы"),  # Суршокы
    "475239117": ("Көгалтөбе", "Қоғалтөбе"),  # Когалтобе
    "475239136": ("Ұшқан", "Үшқан"),  # Ушкан
    "475239137": ("Шіліқұдық", "Шиліқұдық"),  # Шиликудук
}


def rename(apps, old_of, new_of):
    Settlement = apps.get_model("competitions", "Settlement")
    for code, names in OFFICIAL.items():
        old, new = old_of(names), new_of(names)
        for place in Settlement.objects.filter(kato_code=code, name_kk=old):
            place.name_kk = new
            fields = ["name_kk"]
            # `name` is the Kazakh (default-language) column 0010 filled with the same spelling.
            if place.name == old:
                place.name = new
                fields.append("name")
            place.save(update_fields=fields)


def forwards(apps, schema_editor):
    rename(apps, lambda names: names[0], lambda names: names[1])


def backwards(apps, schema_editor):
    rename(apps, lambda names: names[1], lambda names: names[0])


class Migration(migrations.Migration):
    dependencies = [("competitions", "0010_kato_kazakh_names")]

    operations = [migrations.RunPython(forwards, backwards)]
