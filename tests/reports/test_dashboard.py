"""The dashboard: every indicator of the brief, from snapshots, in constant queries."""

import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation

from competitions.models import District
from media_campaign.models import PostSnapshot
from media_campaign.services import campaign_days_refresh
from projects.models import GrantProject, Indicator
from reports.chart_snapshots import charts_snapshot, dashboard_charts, dashboard_series
from reports.models import ChartSnapshot, IndicatorSnapshot
from reports.tasks import snapshot_indicators
from tests.reviews.helpers import demo_awarded_kzt

pytestmark = pytest.mark.django_db


def shown(page: str) -> dict[str, dict[str, str]]:
    """The dashboard's rows as the reader sees them: {code: {"target": …, "actual": …}}."""
    rows = {}
    for code, row in re.findall(r'<tr data-code="([^"]+)">(.*?)</tr>', page, re.S):
        cells = re.findall(r'data-testid="(target|actual|status)">(?:<[^>]*>)?([^<]*)<', row)
        rows[code] = {name: unescape(text).replace("\xa0", " ") for name, text in cells}
    return rows


def test_staff_and_operator_see_every_indicator_with_its_value(client, full_demo, operator):
    client.force_login(operator)
    client.cookies["django_language"] = "en"
    page = client.get("/projects/jastarurban/reports/dashboard/").content.decode()
    rows = shown(page)
    assert set(rows) == set(
        Indicator.objects.filter(project__slug="jastarurban").values_list("code", flat=True)
    )
    # The figures the reader sees, as the brief's report writes them.
    assert rows["applications_received"]["actual"] == "32"
    assert rows["small_grants_awarded"]["actual"] == "7"
    assert rows["small_grants_amount"]["actual"] == "7 000 000 ₸"
    assert rows["experts"]["actual"] == "5"
    assert rows["trainings"]["actual"] == "3"
    assert rows["mentorships"]["actual"] == "7"
    assert rows["projects_implemented"]["actual"] == "7"
    assert rows["rules_approved"]["actual"] == "1"
    assert rows["training_satisfaction_share"]["actual"].endswith(" %")
    assert int(rows["views_total"]["actual"].replace(",", "")) > 25_000
    # Each row shows its own indicator's latest value, not a neighbour's.
    with translation.override("en"):
        for snapshot in IndicatorSnapshot.objects.select_related("indicator"):
            indicator, row = snapshot.indicator, rows[snapshot.indicator.code]
            value = indicator.amount_display(snapshot.value).replace("\xa0", " ")
            assert row["actual"] == value, indicator.code
            assert row["target"] == indicator.target_display().replace("\xa0", " ")
            assert row["status"]
    measured = dict(IndicatorSnapshot.objects.values_list("indicator__code", "value"))
    # Every indicator of the brief has its actual value in the demo.
    assert set(measured) == {i.code for i in Indicator.objects.all()}
    assert measured["trainings"] == 3
    assert measured["training_days"] == 2
    assert measured["mentorships"] == 7
    assert measured["mentoring_meetings"] >= 5
    assert measured["projects_implemented"] == 7
    assert measured["training_satisfaction_share"] >= 80
    assert measured["mentoring_useful_share"] >= 80
    assert measured["grantees_life_improved"] >= 75
    assert measured["views_total"] > 25_000
    assert measured["video_posts"] >= 14
    assert measured["exhibition_participants"] >= 50
    assert measured["thank_you_letters"] >= 10
    assert measured["applications_received"] == 32
    assert measured["small_grants_awarded"] == 7
    assert measured["small_grants_amount"] == demo_awarded_kzt()
    assert measured["experts"] == 5
    assert measured["call_announcements"] == 5
    assert measured["rules_approved"] == 1
    assert "<svg" in page and "/projects/jastarurban/reports/dashboard/snapshot/" not in page


def test_the_dashboard_reads_in_the_same_queries_with_a_long_history(
    client, full_demo, staff, django_assert_num_queries
):
    client.force_login(staff)
    client.get("/projects/jastarurban/reports/dashboard/")  # warm the session and the content types
    with CaptureQueriesContext(connection) as short:
        client.get("/projects/jastarurban/reports/dashboard/")
    today = timezone.localdate()
    IndicatorSnapshot.objects.bulk_create(
        IndicatorSnapshot(indicator=snapshot.indicator, taken_on=today - timedelta(days=d),
                          value=snapshot.value)
        for snapshot in IndicatorSnapshot.objects.select_related("indicator")
        for d in range(1, 40)
    )  # fmt: skip
    ChartSnapshot.objects.bulk_create(
        ChartSnapshot(project=snapshot.project, taken_on=today - timedelta(days=d),
                      series=snapshot.series)
        for snapshot in ChartSnapshot.objects.all()
        for d in range(1, 40)
    )  # fmt: skip
    with django_assert_num_queries(len(short)):
        response = client.get("/projects/jastarurban/reports/dashboard/")
    assert len(short) <= 15
    rows = shown(response.content.decode())
    assert len(rows) == Indicator.objects.filter(project__slug="jastarurban").count() > 20
    assert rows["applications_received"]["actual"] == "32"


def test_staff_snapshot_now_updates_todays_values_in_place(client, full_demo, staff):
    client.force_login(staff)
    before = IndicatorSnapshot.objects.count()
    Indicator.objects.filter(code="applications_received").get().snapshots.update(value=0)
    response = client.post("/projects/jastarurban/reports/dashboard/snapshot/", follow=True)
    assert IndicatorSnapshot.objects.count() == before
    assert response.status_code == 200
    received = Indicator.objects.get(code="applications_received").snapshots.get()
    assert received.value == 32


def test_staff_enters_a_value_by_hand_with_evidence(client, full_demo, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # As if the portal could not count this one: the door list was kept on paper.
    Indicator.objects.filter(code="exhibition_participants").update(source="")
    client.force_login(staff)
    evidence = SimpleUploadedFile("list.pdf", b"%PDF-1.7 signatures")
    client.post(
        "/projects/jastarurban/reports/indicators/exhibition_participants/value/",
        {"value": "57", "file": evidence},
    )
    indicator = Indicator.objects.get(code="exhibition_participants")
    assert indicator.manual_value == Decimal(57) and indicator.manual_entered_by == staff
    assert indicator.manual_entered_at is not None
    page = client.get(
        "/projects/jastarurban/reports/indicators/exhibition_participants/"
    ).content.decode()
    assert staff.full_name in page
    file = client.get("/projects/jastarurban/reports/indicators/exhibition_participants/evidence/")
    assert b"".join(file.streaming_content) == b"%PDF-1.7 signatures"
    # A computed indicator takes no value by hand.
    response = client.post(
        "/projects/jastarurban/reports/indicators/applications_received/value/", {"value": "99"}
    )
    assert response.status_code == 403


def test_the_history_page_charts_the_snapshots(client, full_demo, operator):
    client.force_login(operator)
    page = client.get(
        "/projects/jastarurban/reports/indicators/applications_received/"
    ).content.decode()
    assert "<svg" in page and 'role="img"' in page and "<table" in page


def test_the_charts_are_read_from_their_snapshot_and_snapshot_now_refreshes_them(
    client, full_demo, staff
):
    project = GrantProject.objects.get(slug="jastarurban")
    client.force_login(staff)
    client.cookies["django_language"] = "en"
    client.get("/projects/jastarurban/reports/dashboard/")
    taken = ChartSnapshot.objects.get(project=project)
    posts = PostSnapshot.objects.filter(post__project=project).order_by("pk")
    PostSnapshot.objects.filter(pk__in=list(posts.values_list("pk", flat=True)[:5])).delete()
    # As the media services do after a change of the snapshots.
    campaign_days_refresh(project=project)
    page = client.get("/projects/jastarurban/reports/dashboard/").content.decode()
    # The page shows the day's snapshot, not the rows changed since.
    assert ChartSnapshot.objects.get(project=project).series == taken.series
    when = formats.date_format(timezone.localtime(taken.taken_at), "SHORT_DATETIME_FORMAT")
    assert f"Charts as of {when}." in page
    client.post("/projects/jastarurban/reports/dashboard/snapshot/")
    refreshed = ChartSnapshot.objects.get(project=project)
    assert refreshed.taken_on == taken.taken_on and refreshed.taken_at > taken.taken_at
    assert refreshed.series != taken.series
    assert dashboard_charts(project)[0] == dashboard_series(project)


def test_the_stored_charts_are_the_computed_ones(full_demo):
    project = GrantProject.objects.get(slug="jastarurban")
    ChartSnapshot.objects.all().delete()
    computed = dashboard_series(project)
    # Every chart has rows in the demo, so the comparison compares something.
    assert all(len(computed[name]) >= 2 for name in ("districts", "scores", "views"))
    assert isinstance(computed["views"][0][0], date)
    series, snapshot = dashboard_charts(project)
    assert series == computed
    assert snapshot.taken_on == timezone.localdate()


def test_the_stored_districts_are_named_in_the_readers_language(full_demo):
    """The nightly task runs in Kazakh; a Russian or English page names the districts in
    its own language all the same."""
    project = GrantProject.objects.get(slug="jastarurban")
    ChartSnapshot.objects.all().delete()
    # The classifier's Russian names are mostly the Kazakh ones; one that is not.
    District.objects.filter(name_kk="Бейнеу ауданы").update(name_ru="Бейнеуский район")
    with translation.override("kk"):
        charts_snapshot(project=project)
        kazakh = dashboard_charts(project)[0]["districts"]
    for language in ("ru", "en"):  # the places have no English names: Kazakh ones there
        with translation.override(language):
            assert dashboard_charts(project)[0] == dashboard_series(project)
    with translation.override("ru"):
        assert ("Бейнеуский район", 6) in dashboard_charts(project)[0]["districts"]
    assert ("Бейнеу ауданы", 6) in kazakh
    assert kazakh == dashboard_series(project)["districts"]


def test_the_first_view_takes_the_charts_once_and_the_daily_task_takes_them_each_day(
    client, full_demo, staff
):
    project = GrantProject.objects.get(slug="jastarurban")
    ChartSnapshot.objects.all().delete()
    client.force_login(staff)
    page = client.get("/projects/jastarurban/reports/dashboard/").content.decode()
    assert page.count("<svg") >= 4
    assert ChartSnapshot.objects.filter(project=project).count() == 1
    client.get("/projects/jastarurban/reports/dashboard/")
    assert ChartSnapshot.objects.filter(project=project).count() == 1
    ChartSnapshot.objects.update(taken_on=timezone.localdate() - timedelta(days=1))
    snapshot_indicators.apply().get()
    snapshot_indicators.apply().get()
    days = ChartSnapshot.objects.filter(project=project).values_list("taken_on", flat=True)
    assert sorted(days) == [timezone.localdate() - timedelta(days=1), timezone.localdate()]
    assert charts_snapshot(project=project) == 0
