"""Phone accounts: the phone becomes one number per account, the e-mail optional.

Phones typed before were never confirmed and could repeat. Each is rewritten in E.164;
blanks and numbers that are not Kazakh mobiles become NULL; when several accounts typed
the same number, the one that logged in last keeps it (then the newest account) and the
others lose it. Nobody loses a login: an unconfirmed phone never logged anyone in.
The next migration makes the column unique (its own transaction on PostgreSQL).
"""

from django.db import migrations, models


def phones_clean(apps, schema_editor):
    from django.core.exceptions import ValidationError

    from accounts.phones import normalize_phone

    User = apps.get_model("accounts", "User")
    taken = set()
    rows = User.objects.order_by(
        models.F("last_login").desc(nulls_last=True), "-date_joined", "-pk"
    ).values_list("pk", "phone")
    for pk, typed in rows.iterator():
        try:
            phone = normalize_phone(typed) or None
        except ValidationError:
            phone = None
        if phone in taken:
            phone = None
        if phone:
            taken.add(phone)
        if phone != typed:
            User.objects.filter(pk=pk).update(phone=phone)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_phone_code"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="phone_confirmed_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Set when its owner typed the code sent to it; only then it logs in.",
                null=True,
                verbose_name="phone confirmed",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="email",
            field=models.EmailField(
                blank=True, max_length=254, null=True, unique=True, verbose_name="e-mail"
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="phone",
            field=models.CharField(blank=True, max_length=20, null=True, verbose_name="phone"),
        ),
        migrations.RunPython(phones_clean, migrations.RunPython.noop, elidable=True),
    ]
