"""Every report file built so far records its project.

Until now a report was built from the project with the latest start date (the hidden
"current project"), so that is the project each existing file holds. A request made while
no project existed could only have failed, and has no project to name: it is removed.
"""

from django.db import migrations


def fill(apps, schema_editor):
    GrantProject = apps.get_model("competitions", "GrantProject")
    ReportFile = apps.get_model("reports", "ReportFile")
    latest = GrantProject.objects.order_by("-starts_on", "-pk").first()
    if latest is None:
        ReportFile.objects.filter(project__isnull=True).delete()
    else:
        ReportFile.objects.filter(project__isnull=True).update(project=latest)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_reportfile_project")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
