"""The grant project's passport, budget and indicators, moved here from competitions with
their rows: competitions 0014 renamed the tables, this migration gives them to the projects
app's state, and moves their content types, so permissions, the audit log and anything
else that names a model by its content type keep pointing at the same rows."""

import django.core.validators
import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.comparison
import django.db.models.functions.math
import projects.models.budget
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

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


def content_types_relabel(apps, *, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        moved = ContentType.objects.filter(app_label=old, model=model)
        if not moved.exists():
            continue  # a new database: post_migrate makes the rows afterwards
        # A row under the new label exists only if post_migrate ran while this migration
        # was unapplied (migrated back and forth): the moved row has the history and wins.
        ContentType.objects.filter(app_label=new, model=model).delete()
        moved.update(app_label=new)


def content_types_move(apps, schema_editor):
    content_types_relabel(apps, old="competitions", new="projects")


def content_types_move_back(apps, schema_editor):
    content_types_relabel(apps, old="projects", new="competitions")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("competitions", "0014_project_tables_renamed"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # The tables exist (renamed by competitions 0014 with their rows): the state learns them here.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Activity',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='No.')),
                        ('task', models.TextField(verbose_name='task')),
                        ('task_kk', models.TextField(null=True, verbose_name='task')),
                        ('task_ru', models.TextField(null=True, verbose_name='task')),
                        ('task_en', models.TextField(null=True, verbose_name='task')),
                        ('title', models.CharField(max_length=300, verbose_name='event')),
                        ('title_kk', models.CharField(max_length=300, null=True, verbose_name='event')),
                        ('title_ru', models.CharField(max_length=300, null=True, verbose_name='event')),
                        ('title_en', models.CharField(max_length=300, null=True, verbose_name='event')),
                        ('starts_on', models.DateField(verbose_name='from')),
                        ('ends_on', models.DateField(verbose_name='to')),
                        ('result', models.TextField(blank=True, verbose_name='expected result')),
                        ('result_kk', models.TextField(blank=True, null=True, verbose_name='expected result')),
                        ('result_ru', models.TextField(blank=True, null=True, verbose_name='expected result')),
                        ('result_en', models.TextField(blank=True, null=True, verbose_name='expected result')),
                        ('place', models.CharField(blank=True, max_length=300, verbose_name='place')),
                        ('place_kk', models.CharField(blank=True, max_length=300, null=True, verbose_name='place')),
                        ('place_ru', models.CharField(blank=True, max_length=300, null=True, verbose_name='place')),
                        ('place_en', models.CharField(blank=True, max_length=300, null=True, verbose_name='place')),
                    ],
                    options={
                        'verbose_name': 'activity',
                        'verbose_name_plural': 'calendar plan',
                        'ordering': ['project', 'number'],
                    },
                ),
                migrations.CreateModel(
                    name='GrantProject',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('slug', models.SlugField(unique=True, verbose_name='short address')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('title_kk', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_ru', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_en', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('operator_name', models.CharField(max_length=300, verbose_name='grant operator')),
                        ('operator_name_kk', models.CharField(max_length=300, null=True, verbose_name='grant operator')),
                        ('operator_name_ru', models.CharField(max_length=300, null=True, verbose_name='grant operator')),
                        ('operator_name_en', models.CharField(max_length=300, null=True, verbose_name='grant operator')),
                        ('region', models.CharField(max_length=120, verbose_name='region')),
                        ('region_kk', models.CharField(max_length=120, null=True, verbose_name='region')),
                        ('region_ru', models.CharField(max_length=120, null=True, verbose_name='region')),
                        ('region_en', models.CharField(max_length=120, null=True, verbose_name='region')),
                        ('starts_on', models.DateField(verbose_name='starts on')),
                        ('ends_on', models.DateField(verbose_name='ends on')),
                        ('goal', models.TextField(verbose_name='goal')),
                        ('goal_kk', models.TextField(null=True, verbose_name='goal')),
                        ('goal_ru', models.TextField(null=True, verbose_name='goal')),
                        ('goal_en', models.TextField(null=True, verbose_name='goal')),
                        ('summary', models.TextField(blank=True, verbose_name='summary')),
                        ('summary_kk', models.TextField(blank=True, null=True, verbose_name='summary')),
                        ('summary_ru', models.TextField(blank=True, null=True, verbose_name='summary')),
                        ('summary_en', models.TextField(blank=True, null=True, verbose_name='summary')),
                        ('relevance', models.TextField(blank=True, verbose_name='relevance')),
                        ('relevance_kk', models.TextField(blank=True, null=True, verbose_name='relevance')),
                        ('relevance_ru', models.TextField(blank=True, null=True, verbose_name='relevance')),
                        ('relevance_en', models.TextField(blank=True, null=True, verbose_name='relevance')),
                        ('expected_results', models.TextField(blank=True, verbose_name='expected results')),
                        ('expected_results_kk', models.TextField(blank=True, null=True, verbose_name='expected results')),
                        ('expected_results_ru', models.TextField(blank=True, null=True, verbose_name='expected results')),
                        ('expected_results_en', models.TextField(blank=True, null=True, verbose_name='expected results')),
                    ],
                    options={
                        'verbose_name': 'grant project',
                        'verbose_name_plural': 'grant projects',
                        'ordering': ['-starts_on'],
                    },
                ),
                migrations.CreateModel(
                    name='GrantRecipient',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('name', models.CharField(max_length=300, verbose_name='full name')),
                        ('name_kk', models.CharField(max_length=300, null=True, verbose_name='full name')),
                        ('name_ru', models.CharField(max_length=300, null=True, verbose_name='full name')),
                        ('name_en', models.CharField(max_length=300, null=True, verbose_name='full name')),
                        ('short_name', models.CharField(max_length=60, verbose_name='short name')),
                        ('short_name_kk', models.CharField(max_length=60, null=True, verbose_name='short name')),
                        ('short_name_ru', models.CharField(max_length=60, null=True, verbose_name='short name')),
                        ('short_name_en', models.CharField(max_length=60, null=True, verbose_name='short name')),
                        ('bin', models.CharField(max_length=12, unique=True, validators=[django.core.validators.RegexValidator('^\\d{12}$', 'A BIN has exactly 12 digits.')], verbose_name='BIN')),
                        ('registered_on', models.DateField(verbose_name='registered on')),
                        ('reregistered_on', models.DateField(blank=True, null=True, verbose_name='re-registered on')),
                        ('legal_address', models.CharField(max_length=300, verbose_name='legal address')),
                        ('legal_address_kk', models.CharField(max_length=300, null=True, verbose_name='legal address')),
                        ('legal_address_ru', models.CharField(max_length=300, null=True, verbose_name='legal address')),
                        ('legal_address_en', models.CharField(max_length=300, null=True, verbose_name='legal address')),
                        ('actual_address', models.CharField(blank=True, max_length=300, verbose_name='actual address')),
                        ('actual_address_kk', models.CharField(blank=True, max_length=300, null=True, verbose_name='actual address')),
                        ('actual_address_ru', models.CharField(blank=True, max_length=300, null=True, verbose_name='actual address')),
                        ('actual_address_en', models.CharField(blank=True, max_length=300, null=True, verbose_name='actual address')),
                        ('head_full_name', models.CharField(max_length=200, verbose_name='head of the organisation')),
                        ('head_position', models.CharField(max_length=120, verbose_name="head's position")),
                        ('head_position_kk', models.CharField(max_length=120, null=True, verbose_name="head's position")),
                        ('head_position_ru', models.CharField(max_length=120, null=True, verbose_name="head's position")),
                        ('head_position_en', models.CharField(max_length=120, null=True, verbose_name="head's position")),
                        ('phone', models.CharField(max_length=30, verbose_name='phone')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                        ('social_links', models.JSONField(blank=True, default=list, verbose_name='social media pages')),
                        ('activities', models.TextField(blank=True, verbose_name='statutory activities')),
                        ('activities_kk', models.TextField(blank=True, null=True, verbose_name='statutory activities')),
                        ('activities_ru', models.TextField(blank=True, null=True, verbose_name='statutory activities')),
                        ('activities_en', models.TextField(blank=True, null=True, verbose_name='statutory activities')),
                    ],
                    options={
                        'verbose_name': 'grant recipient',
                        'verbose_name_plural': 'grant recipients',
                    },
                ),
                migrations.CreateModel(
                    name='BudgetLine',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(verbose_name='No.')),
                        ('section', models.CharField(choices=[('administrative', 'Administrative costs'), ('material_technical', 'Material-technical support'), ('institutional', 'Institutional development'), ('direct', 'Direct costs')], max_length=20, verbose_name='section')),
                        ('group', models.CharField(blank=True, choices=[('salaries', 'Salaries, including'), ('consumables', 'Consumables and other materials, including')], help_text='The subtotal of the section this line is counted in, as the budget form shows it; direct costs are subtotalled by activity.', max_length=20, verbose_name='group')),
                        ('name', models.CharField(max_length=300, verbose_name='item')),
                        ('name_kk', models.CharField(max_length=300, null=True, verbose_name='item')),
                        ('name_ru', models.CharField(max_length=300, null=True, verbose_name='item')),
                        ('name_en', models.CharField(max_length=300, null=True, verbose_name='item')),
                        ('unit', models.CharField(choices=[('month', 'month'), ('service', 'service'), ('person', 'person'), ('piece', 'piece'), ('day', 'day')], max_length=10, verbose_name='unit')),
                        ('quantity', models.DecimalField(decimal_places=2, help_text='May be fractional, e.g. 0.5 of a day.', max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'))], verbose_name='quantity')),
                        ('unit_cost_kzt', models.PositiveBigIntegerField(verbose_name='unit cost, ₸')),
                        ('total_kzt', models.GeneratedField(db_persist=True, expression=django.db.models.functions.comparison.Cast(django.db.models.functions.math.Round(django.db.models.expressions.CombinedExpression(models.F('quantity'), '*', models.F('unit_cost_kzt'))), models.BigIntegerField()), output_field=models.BigIntegerField(), verbose_name='total, ₸')),
                        ('funding_source', models.CharField(choices=[('grant', 'Grant funds'), ('own', 'Own contribution')], default='grant', max_length=10, verbose_name='funding source')),
                        ('justification', models.TextField(blank=True, verbose_name='justification')),
                        ('justification_kk', models.TextField(blank=True, null=True, verbose_name='justification')),
                        ('justification_ru', models.TextField(blank=True, null=True, verbose_name='justification')),
                        ('justification_en', models.TextField(blank=True, null=True, verbose_name='justification')),
                        ('includes_grantee_spending', models.BooleanField(default=False, help_text='The small-grant line: what is paid out to grantees counts as spent here.', verbose_name="includes the grantees' small-grant spending")),
                        ('activity', models.ForeignKey(blank=True, help_text='Direct costs belong to an activity of the calendar plan.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='budget_lines', to='projects.activity', verbose_name='activity')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='budget_lines', to='projects.grantproject', verbose_name='project')),
                    ],
                    options={
                        'verbose_name': 'budget line',
                        'verbose_name_plural': 'budget lines',
                        'ordering': ['project', 'position'],
                    },
                ),
                migrations.AddField(
                    model_name='activity',
                    name='project',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='projects.grantproject'),
                ),
                migrations.AddField(
                    model_name='grantproject',
                    name='recipient',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='projects', to='projects.grantrecipient', verbose_name='grant recipient'),
                ),
                migrations.CreateModel(
                    name='Indicator',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(verbose_name='No.')),
                        ('code', models.SlugField(max_length=60, verbose_name='code')),
                        ('kind', models.CharField(choices=[('quantitative', 'Quantitative'), ('qualitative', 'Qualitative')], max_length=15, verbose_name='kind')),
                        ('name', models.CharField(max_length=300, verbose_name='indicator')),
                        ('name_kk', models.CharField(max_length=300, null=True, verbose_name='indicator')),
                        ('name_ru', models.CharField(max_length=300, null=True, verbose_name='indicator')),
                        ('name_en', models.CharField(max_length=300, null=True, verbose_name='indicator')),
                        ('unit', models.CharField(choices=[('count', 'items'), ('people', 'people'), ('percent', '%'), ('views', 'views'), ('days', 'days'), ('seconds', 'seconds'), ('tenge', '₸')], max_length=10, verbose_name='unit')),
                        ('target', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='target')),
                        ('comparison', models.CharField(choices=[('at_least', 'at least'), ('exactly', 'exactly'), ('between', 'between')], default='at_least', max_length=10, verbose_name='target means')),
                        ('target_max', models.DecimalField(blank=True, decimal_places=2, help_text='Only for a target that is a range, such as 60–120 seconds.', max_digits=14, null=True, verbose_name='upper bound of the target')),
                        ('measurement', models.TextField(blank=True, verbose_name='how it is measured')),
                        ('measurement_kk', models.TextField(blank=True, null=True, verbose_name='how it is measured')),
                        ('measurement_ru', models.TextField(blank=True, null=True, verbose_name='how it is measured')),
                        ('measurement_en', models.TextField(blank=True, null=True, verbose_name='how it is measured')),
                        ('source', models.CharField(blank=True, help_text='How the portal computes the actual value from its own data.', max_length=60, verbose_name='computed by')),
                        ('manual_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='value entered by hand')),
                        ('manual_evidence', models.FileField(blank=True, upload_to='indicators/evidence/', verbose_name='evidence')),
                        ('manual_entered_at', models.DateTimeField(blank=True, null=True, verbose_name='entered at')),
                        ('activity', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='indicators', to='projects.activity', verbose_name='activity')),
                        ('manual_entered_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='entered by')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='indicators', to='projects.grantproject', verbose_name='project')),
                    ],
                    options={
                        'verbose_name': 'indicator',
                        'verbose_name_plural': 'indicators',
                        'ordering': ['project', 'position'],
                    },
                ),
                migrations.CreateModel(
                    name='PastProject',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(verbose_name='No.')),
                        ('title', models.CharField(max_length=400, verbose_name='title')),
                        ('title_kk', models.CharField(max_length=400, null=True, verbose_name='title')),
                        ('title_ru', models.CharField(max_length=400, null=True, verbose_name='title')),
                        ('title_en', models.CharField(max_length=400, null=True, verbose_name='title')),
                        ('funder', models.CharField(max_length=300, verbose_name='funder')),
                        ('funder_kk', models.CharField(max_length=300, null=True, verbose_name='funder')),
                        ('funder_ru', models.CharField(max_length=300, null=True, verbose_name='funder')),
                        ('funder_en', models.CharField(max_length=300, null=True, verbose_name='funder')),
                        ('period', models.CharField(max_length=60, verbose_name='period')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('amount_kzt', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='amount, ₸')),
                        ('results', models.TextField(blank=True, verbose_name='results')),
                        ('results_kk', models.TextField(blank=True, null=True, verbose_name='results')),
                        ('results_ru', models.TextField(blank=True, null=True, verbose_name='results')),
                        ('results_en', models.TextField(blank=True, null=True, verbose_name='results')),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='past_projects', to='projects.grantrecipient')),
                    ],
                    options={
                        'verbose_name': 'earlier project',
                        'verbose_name_plural': 'earlier projects',
                        'ordering': ['recipient', 'position'],
                    },
                ),
                migrations.CreateModel(
                    name='ProjectTask',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='No.')),
                        ('text', models.TextField(verbose_name='task')),
                        ('text_kk', models.TextField(null=True, verbose_name='task')),
                        ('text_ru', models.TextField(null=True, verbose_name='task')),
                        ('text_en', models.TextField(null=True, verbose_name='task')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tasks', to='projects.grantproject')),
                    ],
                    options={
                        'verbose_name': 'project task',
                        'verbose_name_plural': 'project tasks',
                        'ordering': ['project', 'number'],
                    },
                ),
                migrations.CreateModel(
                    name='TargetGroup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(verbose_name='No.')),
                        ('name', models.CharField(max_length=300, verbose_name='name')),
                        ('name_kk', models.CharField(max_length=300, null=True, verbose_name='name')),
                        ('name_ru', models.CharField(max_length=300, null=True, verbose_name='name')),
                        ('name_en', models.CharField(max_length=300, null=True, verbose_name='name')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('description_kk', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_ru', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_en', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('count', models.PositiveIntegerField(blank=True, null=True, verbose_name='people')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='target_groups', to='projects.grantproject')),
                    ],
                    options={
                        'verbose_name': 'target group',
                        'verbose_name_plural': 'target groups',
                        'ordering': ['project', 'position'],
                    },
                ),
                migrations.CreateModel(
                    name='Expense',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('spent_on', models.DateField(verbose_name='date')),
                        ('amount_kzt', models.PositiveBigIntegerField(verbose_name='amount, ₸')),
                        ('document_number', models.CharField(max_length=60, verbose_name='document number')),
                        ('file', models.FileField(blank=True, upload_to=projects.models.budget.expense_file_path, verbose_name='document')),
                        ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                        ('entered_at', models.DateTimeField(auto_now_add=True, verbose_name='entered at')),
                        ('entered_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='entered by')),
                        ('line', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='expenses', to='projects.budgetline', verbose_name='budget line')),
                    ],
                    options={
                        'verbose_name': 'expense',
                        'verbose_name_plural': 'expenses',
                        'ordering': ['spent_on', 'pk'],
                        'indexes': [models.Index(fields=['line', 'spent_on'], name='projects_ex_line_id_1f85a4_idx')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('amount_kzt__gt', 0)), name='expense_amount_positive')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='budgetline',
                    constraint=models.UniqueConstraint(fields=('project', 'position'), name='budget_line_position_unique'),
                ),
                migrations.AddConstraint(
                    model_name='budgetline',
                    constraint=models.CheckConstraint(condition=models.Q(('quantity__gte', 0)), name='budget_line_quantity_not_negative'),
                ),
                migrations.AddConstraint(
                    model_name='budgetline',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('section', 'direct'), ('activity__isnull', False)), models.Q(models.Q(('section', 'direct'), _negated=True), ('activity__isnull', True)), _connector='OR'), name='budget_line_activity_iff_direct'),
                ),
                migrations.AddConstraint(
                    model_name='activity',
                    constraint=models.UniqueConstraint(fields=('project', 'number'), name='activity_number_unique'),
                ),
                migrations.AddConstraint(
                    model_name='activity',
                    constraint=models.CheckConstraint(condition=models.Q(('ends_on__gte', models.F('starts_on'))), name='activity_ends_after_start'),
                ),
                migrations.AddConstraint(
                    model_name='grantproject',
                    constraint=models.CheckConstraint(condition=models.Q(('ends_on__gte', models.F('starts_on'))), name='project_ends_after_start'),
                ),
                migrations.AddConstraint(
                    model_name='indicator',
                    constraint=models.UniqueConstraint(fields=('project', 'code'), name='indicator_code_unique'),
                ),
                migrations.AddConstraint(
                    model_name='indicator',
                    constraint=models.CheckConstraint(condition=models.Q(('target__gte', 0)), name='indicator_target_positive'),
                ),
                migrations.AddConstraint(
                    model_name='indicator',
                    constraint=models.CheckConstraint(condition=models.Q(('manual_value__isnull', True), ('source', ''), _connector='OR'), name='indicator_computed_or_manual'),
                ),
                migrations.AddConstraint(
                    model_name='indicator',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('unit', 'percent'), _negated=True), ('target__lte', 100), _connector='OR'), name='indicator_percent_at_most_100'),
                ),
                migrations.AddConstraint(
                    model_name='indicator',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('comparison', 'between'), ('target_max__gte', models.F('target'))), models.Q(models.Q(('comparison', 'between'), _negated=True), ('target_max__isnull', True)), _connector='OR'), name='indicator_range_has_upper_bound'),
                ),
                migrations.AddConstraint(
                    model_name='pastproject',
                    constraint=models.UniqueConstraint(fields=('recipient', 'position'), name='past_project_position_unique'),
                ),
                migrations.AddConstraint(
                    model_name='projecttask',
                    constraint=models.UniqueConstraint(fields=('project', 'number'), name='task_number_unique'),
                ),
            ],
            database_operations=[
                migrations.RunPython(content_types_move, content_types_move_back),
            ],
        ),
    ]
