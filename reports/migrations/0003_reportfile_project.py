import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("competitions", "0011_kato_official_kazakh_names"),
        ("reports", "0002_indicator_snapshot_refreshed_in_place"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportfile",
            name="project",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="report_files",
                to="competitions.grantproject",
                verbose_name="project",
            ),
        ),
    ]
