"""The grant project's passport, budget and indicators move to the projects app: first their
tables take the new app's names, rows, keys and foreign keys kept (projects 0001 then takes
them into its state, competitions 0015 lets them go).

ALTER TABLE … RENAME keeps everything in the table: on PostgreSQL the identity column keeps
its sequence (it stays named competitions_*_id_seq, owned by the column, so
pg_get_serial_sequence and sqlsequencereset find it); on SQLite the foreign keys of other
tables follow the rename. The one index whose name the state holds is renamed with it.
"""

from django.db import migrations

MOVED = [
    "grantrecipient",
    "pastproject",
    "grantproject",
    "projecttask",
    "targetgroup",
    "activity",
    "budgetline",
    "expense",
    "indicator",
]


class Migration(migrations.Migration):
    dependencies = [
        ("competitions", "0013_budget_line_group"),
    ]

    operations = [
        *(migrations.AlterModelTable(name=name, table=f"projects_{name}") for name in MOVED),
        migrations.RenameIndex(
            model_name="expense",
            new_name="projects_ex_line_id_1f85a4_idx",
            old_name="competition_line_id_346efa_idx",
        ),
    ]
