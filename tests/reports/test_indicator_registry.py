"""The registry of indicator sources: complete whatever is imported first, and the only
keys an indicator may name (a system check and the admin's form hold it to that)."""

import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib import admin
from django.core import checks
from django.utils import translation

from projects.models import Indicator
from reports.checks import UNKNOWN_SOURCE, indicator_sources_known
from reports.forms import IndicatorAdminForm
from reports.indicators.registry import SOURCES
from reports.indicators.status import Status, indicator_status
from reports.models import IndicatorSnapshot
from reports.snapshots import indicators_snapshot
from tests.factories import ActivityFactory, IndicatorFactory, PostFactory, VideoFactory

AQTAU = ZoneInfo("Asia/Aqtau")


@pytest.mark.parametrize(
    "first", ["reports.indicators.activities", "reports.indicators.sources", "reports.checks"]
)
def test_the_registry_is_complete_whichever_module_is_imported_first(first):
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
        "'jastarurban.settings'); django.setup(); "
        f"import importlib; importlib.import_module({first!r}); "
        "from reports.indicators.registry import SOURCES; print(sorted(SOURCES))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == str(sorted(SOURCES))
    assert "applications_received" in output and "videos_with_two_posts" in output


@pytest.mark.django_db
def test_an_unknown_source_fails_the_system_check_with_a_hint():
    IndicatorFactory(code="views", source="views_total")
    wrong = IndicatorFactory(code="typo", source="view_total")
    errors = indicator_sources_known(databases=["default"])
    assert [error.id for error in errors] == [UNKNOWN_SOURCE]
    assert "typo" in errors[0].msg and "view_total" in errors[0].msg
    assert "views_total" in errors[0].hint and errors[0].obj.endswith(str(wrong.pk))
    # Registered with Django's checks: the database checks run it.
    found = checks.run_checks(databases=["default"], tags=[checks.Tags.database])
    assert UNKNOWN_SOURCE in [error.id for error in found]
    # A plain `manage.py check` reads no database.
    assert indicator_sources_known(databases=None) == []
    wrong.source = ""
    wrong.save()
    assert indicator_sources_known(databases=["default"]) == []


@pytest.mark.django_db
def test_the_admin_form_offers_only_registered_sources():
    assert admin.site._registry[Indicator].form is IndicatorAdminForm
    keys = [key for key, _label in IndicatorAdminForm.base_fields["source"].choices]
    assert keys[0] == "" and set(keys[1:]) == set(SOURCES)
    indicator = IndicatorFactory()
    form_class = admin.site._registry[Indicator].get_form(request=None, obj=indicator)
    data = {
        field: value
        for field, value in {
            "project": indicator.project_id,
            "activity": indicator.activity_id,
            "position": 1,
            "code": indicator.code,
            "kind": indicator.kind,
            "name_kk": "Көрсеткіш",
            "name": "Көрсеткіш",
            "unit": indicator.unit,
            "target": "5",
            "comparison": "at_least",
        }.items()
    }
    bad = form_class({**data, "source": "no_such_source"}, instance=indicator)
    assert not bad.is_valid() and "source" in bad.errors
    good = form_class({**data, "source": "views_total"}, instance=indicator)
    assert good.is_valid(), good.errors


def test_a_range_target_is_met_inside_it_and_behind_outside_it():
    activity = ActivityFactory.build(starts_on=date(2025, 8, 1), ends_on=date(2025, 10, 31))

    def status(actual, today=date(2025, 11, 5)):
        return indicator_status(
            target=Decimal(60),
            target_max=Decimal(120),
            actual=actual,
            comparison=Indicator.Comparison.BETWEEN,
            activity=activity,
            today=today,
        )

    assert status(Decimal(60)) == status(Decimal(120)) == Status.ACHIEVED
    assert status(Decimal(59)) == status(Decimal(121)) == Status.BEHIND
    assert status(Decimal(0), today=date(2025, 9, 1)) == Status.ON_TRACK
    assert status(Decimal(150), today=date(2025, 9, 1)) == Status.BEHIND
    indicator = Indicator(
        unit=Indicator.Unit.SECONDS,
        target=Decimal(60),
        target_max=Decimal(120),
        comparison=Indicator.Comparison.BETWEEN,
    )
    with translation.override("en"):
        assert indicator.target_display().replace("\xa0", " ") == "60–120 seconds"


@pytest.mark.django_db
def test_a_range_needs_its_upper_bound():
    from django.core.exceptions import ValidationError

    indicator = IndicatorFactory.build(
        activity=ActivityFactory(), comparison=Indicator.Comparison.BETWEEN, target=60
    )
    with pytest.raises(ValidationError) as refused:
        indicator.clean()
    assert "target_max" in refused.value.message_dict
    indicator.target_max = Decimal(30)
    with pytest.raises(ValidationError):
        indicator.clean()
    indicator.target_max = Decimal(120)
    indicator.clean()


@pytest.mark.django_db
def test_snapshot_now_updates_todays_snapshot_in_place(client, staff, operator):
    video = VideoFactory()
    project = video.project
    indicator = IndicatorFactory(activity__project=project, source="video_posts")
    PostFactory(video=video)
    with time_machine.travel(datetime(2025, 9, 1, 9, tzinfo=AQTAU), tick=False):
        indicators_snapshot(project=project, day=date(2025, 8, 31))  # yesterday: history
        assert indicators_snapshot(project=project) == 1
    first = IndicatorSnapshot.objects.get(indicator=indicator, taken_on=date(2025, 9, 1))
    assert first.value == 1
    PostFactory(video=video)
    # The daily task keeps a day already taken...
    with time_machine.travel(datetime(2025, 9, 1, 12, tzinfo=AQTAU), tick=False):
        assert indicators_snapshot(project=project) == 0
    first.refresh_from_db()
    assert first.value == 1
    # ...staff's "Snapshot now" updates it, and records when.
    client.force_login(operator)
    with time_machine.travel(datetime(2025, 9, 1, 15, 30, tzinfo=AQTAU), tick=False):
        assert (
            client.post(f"/projects/{project.slug}/reports/dashboard/snapshot/").status_code == 403
        )
        client.force_login(staff)
        response = client.post(f"/projects/{project.slug}/reports/dashboard/snapshot/", follow=True)
    assert response.status_code == 200
    assert "15:30" in " ".join(str(message) for message in response.context["messages"])
    today = IndicatorSnapshot.objects.filter(indicator=indicator, taken_on=date(2025, 9, 1))
    assert today.count() == 1
    refreshed = today.get()
    assert refreshed.pk == first.pk and refreshed.value == 2
    assert refreshed.taken_at == datetime(2025, 9, 1, 15, 30, tzinfo=AQTAU)
    # The past day is left as it was.
    assert IndicatorSnapshot.objects.get(indicator=indicator, taken_on=date(2025, 8, 31)).value == 1


@pytest.mark.django_db
def test_the_check_waits_while_migrations_are_pending(monkeypatch):
    """`migrate` runs the database checks first: a data migration renaming a source must
    be able to run, so the rows are judged once nothing is pending."""
    from django.db.migrations.executor import MigrationExecutor

    IndicatorFactory(source="renamed_in_this_release")
    assert indicator_sources_known(databases=["default"])
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: ["pending"])
    assert indicator_sources_known(databases=["default"]) == []


@pytest.mark.django_db
def test_the_indicator_page_shows_when_its_latest_value_was_taken(client, staff):
    indicator = IndicatorFactory(source="video_posts")
    IndicatorSnapshot.objects.create(
        indicator=indicator,
        taken_on=date(2025, 9, 1),
        value=3,
        taken_at=datetime(2025, 9, 1, 15, 30, tzinfo=AQTAU),
    )
    client.force_login(staff)
    page = client.get(
        f"/projects/{indicator.project.slug}/reports/indicators/{indicator.code}/"
    ).content.decode()
    taken_at = page.split('data-testid="taken-at">')[1].split("<")[0]
    assert "01.09.2025" in taken_at and "15:30" in taken_at
