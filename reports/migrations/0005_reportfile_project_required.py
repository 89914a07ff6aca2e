import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_reportfile_project_fill")]

    operations = [
        migrations.AlterField(
            model_name="reportfile",
            name="project",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="report_files",
                to="competitions.grantproject",
                verbose_name="project",
            ),
        ),
    ]
