import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_members(apps, schema_editor):
    """Each existing review's expert from its assignment, in one UPDATE."""
    Review = apps.get_model("reviews", "Review")
    Assignment = apps.get_model("reviews", "Assignment")
    Review.objects.update(
        member_id=Subquery(
            Assignment.objects.filter(pk=OuterRef("assignment_id")).values("member_id")[:1]
        )
    )


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0007_criterion_score_value'),
    ]

    operations = [
        migrations.AddField(
            model_name='review',
            name='member',
            field=models.ForeignKey(db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='reviews.commissionmember'),
        ),
        # Before the fill: an index built over rows just updated in place would stay unused
        # by PostgreSQL until every transaction older than it ended (pg_index.indcheckxmin).
        migrations.AddIndex(
            model_name='review',
            index=models.Index(fields=['member', 'status'], name='review_member_state'),
        ),
        migrations.RunPython(fill_members, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='review',
            name='member',
            field=models.ForeignKey(db_index=False, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='reviews.commissionmember'),
        ),
    ]
