"""The consistency check before a report is built: each problem found on a project built to
have it, nothing on a clean one; the final report refused "submitted to the operator" while a
blocking item is open; the demo's money reconciles with what the demo says happened."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from accounts.roles import Role
from mentoring.models import Disbursement, GrantAgreement
from projects.models import BudgetLine, ProjectExpense
from reports.budget import budget_execution
from reports.consistency import Problem, Severity, blocking, consistency_check, salary_months
from reports.models import IndicatorSnapshot, ReportFile
from reviews.services import commission_add
from tests.applications.helpers import iin_for, village
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    CompetitionFactory,
    GranteeProjectFactory,
    GrantProjectFactory,
    IndicatorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

AQTAU = ZoneInfo("Asia/Aqtau")
FINISHED = date(2026, 1, 15)  # the factory's project ran 01.06–30.11.2025


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AQTAU)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


class Clean:
    """A finished project whose records agree: every figure the check reads, in rows."""

    def __init__(self, staff):
        self.staff = staff
        self.accountant = UserFactory(roles=[Role.STAFF], full_name="Қошжанова Ақмарал")
        self.project = project = GrantProjectFactory(slug="clean")
        self.activity = ActivityFactory(project=project, number=4, title="Қорытынды көрме")
        self.banner = BudgetLineFactory(
            project=project,
            position=18,
            section=BudgetLine.Section.DIRECT,
            activity=self.activity,
            name="Баннер",
            quantity=Decimal(7),
            unit_cost_kzt=30_000,
        )
        self.spend(self.banner, 210_000, "АВР-11/01")
        self.stands = IndicatorFactory(activity=self.activity, name="Стендтер", target=7)
        IndicatorSnapshot.objects.create(indicator=self.stands, taken_on=FINISHED, value=7)
        self.salaries = [
            BudgetLineFactory(
                project=project,
                position=position,
                group=BudgetLine.Group.SALARIES,
                name=name,
                unit=BudgetLine.Unit.MONTH,
                quantity=Decimal(5),
                unit_cost_kzt=180_000,
            )
            for position, name in [(1, "Жоба директоры"), (2, "Жоба координаторы")]
        ]
        for line in self.salaries:
            for month in range(6, 11):
                self.spend(line, 180_000, f"ЖҚ-{month:02d}/{line.position:02d}")
        # A value typed by hand, with the scan of the agreed rules as its evidence.
        self.rules = IndicatorFactory(activity=self.activity, name="Ереже", target=1)
        self.rules.manual_value = Decimal(1)
        self.rules.manual_evidence = ContentFile(b"%PDF-1.7 rules", name="rules.pdf")
        self.rules.save()
        # A paid team, under an agreement both sides signed before the first payment.
        self.competition = CompetitionFactory(project=project, slug="clean-call")
        self.grantee = GranteeProjectFactory(application__competition=self.competition)
        self.agreement = GrantAgreement.objects.create(
            project=self.grantee,
            number="ГК-01",
            dated_on=date(2025, 7, 30),
            prepared_by=staff,
            team_signed_at=at(date(2025, 7, 31)),
            team_signed_by=self.grantee.application.applicant,
            team_signed_via=GrantAgreement.TeamSignedVia.SCAN,
            gamo_signed_at=at(date(2025, 8, 1)),
            gamo_signed_by=staff,
        )
        self.payment = Disbursement.objects.create(
            project=self.grantee,
            paid_on=date(2025, 8, 4),
            amount_kzt=700_000,
            document_number="ПП-101",
            recorded_by=self.accountant,
            status=Disbursement.Status.APPROVED,
            decided_by=staff,
            decided_at=at(date(2025, 8, 4)),
        )
        # An expert and a team on the commission, with nothing in common.
        self.application = self.grantee.application
        self.team_member("Сағынтаев Даурен")
        self.member = commission_add(
            competition=self.competition,
            expert=UserFactory(roles=[Role.EXPERT], full_name="Жақсылықова Әсел"),
            by=staff,
        )
        self.report = self.report_file(ReportFile.Kind.FINAL)

    def spend(self, line, amount, number, day=date(2025, 11, 5)):
        return ProjectExpense.objects.create(
            line=line,
            spent_on=day,
            amount_kzt=amount,
            document_number=number,
            entered_by=self.accountant,
        )

    def team_member(self, full_name):
        self.application.team.create(
            position=self.application.team.count() + 1,
            full_name=full_name,
            iin=iin_for(date(1999, 2, 3)),
            birth_date=date(1999, 2, 3),
            phone="+77010000001",
            village=village(),
            role="Мүше",
        )

    def report_file(self, kind, project=None, slug=None):
        project = project or self.project
        report = ReportFile.objects.create(
            project=project, kind=kind, format="pdf", requested_by=self.staff
        )
        report.file.save(
            f"{slug or project.slug}-{kind}-kk-{report.pk}.pdf", ContentFile(b"%PDF-1.7")
        )
        report.sha256 = "0" * 64
        report.status = ReportFile.Status.DONE
        report.save()
        return report

    def check(self, today=FINISHED):
        return consistency_check(self.project, today)


@pytest.fixture
def clean(staff):
    return Clean(staff)


def problems(items):
    return [(item.problem, item.severity) for item in items]


def test_a_clean_project_has_nothing_to_fix(clean):
    assert clean.check() == []
    assert budget_execution(clean.project).remaining_kzt == 0


def test_an_indicator_achieved_while_its_activity_spent_nothing_blocks(clean):
    ProjectExpense.objects.filter(line=clean.banner).delete()
    (item,) = clean.check()
    assert (item.problem, item.severity) == (Problem.ACHIEVED_WITHOUT_SPENDING, Severity.BLOCKING)
    assert "«Қорытынды көрме»" in item.message and "«Стендтер»" in item.message
    assert "210" in item.message
    assert item.url == "/projects/clean/reports/budget/expenses/new/"
    # Not yet achieved: nothing contradicts the money.
    IndicatorSnapshot.objects.filter(indicator=clean.stands).update(value=3)
    assert clean.check() == []


def test_salary_months_booked_are_compared_with_the_months_due(clean):
    director = clean.salaries[0]
    ProjectExpense.objects.filter(line=director, document_number="ЖҚ-10/01").delete()
    # Finished: 4 of the 5 budgeted months booked is a hole in the final report.
    (item,) = clean.check()
    assert (item.problem, item.severity) == (Problem.SALARY_MONTHS, Severity.BLOCKING)
    assert "4" in item.message and "«Жоба директоры»" in item.message
    # On 20.09.2025 three months have ended and four begun: the director's four booked
    # are fine, the coordinator's five are ahead of the work.
    during = clean.check(date(2025, 9, 20))
    assert problems(during) == [(Problem.SALARY_MONTHS, Severity.BLOCKING)]
    assert "«Жоба координаторы»" in during[0].message
    # While the project runs, a month not yet booked is a warning only.
    ProjectExpense.objects.filter(line__in=clean.salaries).delete()
    for month in (6, 7, 8):
        clean.spend(clean.salaries[1], 180_000, f"ЖҚ-{month:02d}/02")
    clean.spend(director, 180_000, "ЖҚ-06/01")
    (item,) = clean.check(date(2025, 9, 20))
    assert (item.problem, item.severity) == (Problem.SALARY_MONTHS, Severity.WARNING)
    assert "«Жоба директоры»" in item.message


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 5, 31), (0, 0)),
        (date(2025, 6, 1), (1, 0)),
        (date(2025, 6, 30), (1, 1)),
        (date(2025, 9, 20), (4, 3)),
        (date(2025, 11, 30), (6, 6)),
        (date(2026, 3, 1), (6, 6)),
    ],
)
def test_months_begun_and_ended(today, expected):
    project = GrantProjectFactory.build(starts_on=date(2025, 6, 1), ends_on=date(2025, 11, 30))
    assert salary_months(project, today) == expected


def test_a_payment_without_a_signed_agreement_blocks(clean):
    GrantAgreement.objects.filter(pk=clean.agreement.pk).update(
        gamo_signed_at=None, gamo_signed_by=None
    )
    (item,) = clean.check()
    assert (item.problem, item.severity) == (Problem.PAYMENT_WITHOUT_AGREEMENT, Severity.BLOCKING)
    assert "ПП-101" in item.message and "04.08.2025" in item.message
    assert item.url == f"/mentoring/projects/{clean.grantee.pk}/agreement/"
    # Signed, but only after the money left: still paid without an agreement.
    GrantAgreement.objects.filter(pk=clean.agreement.pk).update(
        gamo_signed_at=at(date(2025, 8, 5)), gamo_signed_by=clean.staff
    )
    assert problems(clean.check()) == [(Problem.PAYMENT_WITHOUT_AGREEMENT, Severity.BLOCKING)]
    # No agreement at all; a returned payment is not money paid.
    clean.agreement.delete()
    assert len(clean.check()) == 1
    Disbursement.objects.filter(pk=clean.payment.pk).update(status=Disbursement.Status.RETURNED)
    assert clean.check() == []


def test_an_unresolved_conflict_flag_blocks(clean):
    # The expert and a team member share a surname stem (Сағынтаев / Сағынтаева).
    commission_add(
        competition=clean.competition,
        expert=UserFactory(roles=[Role.EXPERT], full_name="Сағынтаева Гүлмира"),
        by=clean.staff,
    )
    (item,) = clean.check()
    assert (item.problem, item.severity) == (Problem.CONFLICT_FLAG_OPEN, Severity.BLOCKING)
    assert "«" + clean.competition.title + "»" in item.message
    assert item.url == "/reviews/commission/clean-call/flags/"


def test_a_value_entered_by_hand_without_evidence_is_a_warning(clean):
    clean.rules.manual_evidence = ""
    clean.rules.save()
    (item,) = clean.check()
    assert (item.problem, item.severity) == (Problem.MANUAL_WITHOUT_EVIDENCE, Severity.WARNING)
    assert "«Ереже»" in item.message
    assert item.url == f"/projects/clean/reports/indicators/{clean.rules.code}/"
    assert blocking(clean.check()) == []


def test_report_files_of_another_project_block(clean):
    other = GrantProjectFactory(slug="clean-2026")
    # Built for the other project's address (whose slug begins with this one's), filed here.
    foreign = clean.report_file(ReportFile.Kind.INTERIM, slug=other.slug)
    # Requested before this project existed: attributed to it by migration 0004.
    old = clean.report_file(ReportFile.Kind.FINAL)
    ReportFile.objects.filter(pk=old.pk).update(
        requested_at=clean.project.created_at - timedelta(days=30)
    )
    with translation.override("en"):
        items = clean.check()
    assert problems(items) == [(Problem.FOREIGN_REPORT_FILE, Severity.BLOCKING)] * 2
    # In the order they were requested: the old one first.
    assert f"No. {old.pk}" in items[0].message
    assert "«clean-2026»" in items[1].message and f"No. {foreign.pk}" in items[1].message
    # The other project's own files are its business, not this one's.
    clean.report_file(ReportFile.Kind.FINAL, project=other)
    assert consistency_check(other, FINISHED) == []


def test_the_page_lists_the_items_for_staff_with_their_links_in_a_fixed_query_count(
    client, clean, django_assert_max_num_queries
):
    ProjectExpense.objects.filter(line=clean.banner).delete()
    ProjectExpense.objects.filter(document_number="ЖҚ-10/01").delete()
    clean.rules.manual_evidence = ""
    clean.rules.save()
    GrantAgreement.objects.filter(pk=clean.agreement.pk).update(team_signed_at=None)
    for number in range(2, 6):  # more payments, more rows: no more queries
        Disbursement.objects.create(
            project=clean.grantee,
            paid_on=date(2025, 9, number),
            amount_kzt=10_000,
            document_number=f"ПП-10{number}",
            recorded_by=clean.accountant,
        )
    client.force_login(clean.staff)
    with django_assert_max_num_queries(24):
        response = client.get("/projects/clean/reports/check/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('data-severity="blocking"') == 1 + 1 + 5
    assert page.count('data-severity="warning"') == 1
    assert "/projects/clean/reports/budget/expenses/new/" in page
    assert f"/mentoring/projects/{clean.grantee.pk}/agreement/" in page


def test_the_operator_reads_the_page_without_the_links_and_applicants_are_refused(
    client, clean, operator, applicant
):
    ProjectExpense.objects.filter(line=clean.banner).delete()
    client.force_login(operator)
    page = client.get("/projects/clean/reports/check/").content.decode()
    assert 'data-severity="blocking"' in page
    assert "/budget/expenses/new/" not in page
    response = client.post(f"/projects/clean/reports/files/{clean.report.pk}/submit/")
    assert response.status_code == 403
    client.force_login(applicant)
    assert client.get("/projects/clean/reports/check/").status_code == 403
    assert (
        client.post(f"/projects/clean/reports/files/{clean.report.pk}/submit/").status_code == 403
    )
    assert client.get("/projects/nowhere/reports/check/").status_code == 403
    client.logout()
    assert client.get("/projects/clean/reports/check/").status_code == 302
    client.force_login(clean.staff)
    assert client.get("/projects/nowhere/reports/check/").status_code == 404
    assert ReportFile.objects.get(pk=clean.report.pk).submitted_at is None


def test_the_final_report_is_submitted_only_once_nothing_blocks(client, clean, operator):
    ProjectExpense.objects.filter(line=clean.banner).delete()
    client.force_login(clean.staff)
    url = f"/projects/clean/reports/files/{clean.report.pk}/submit/"
    response = client.post(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.url == "/projects/clean/reports/check/"
    # The refusal, then each blocking item as its own message.
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(shown) == 2 and "«Стендтер»" in shown[1]  # the refusal, then the item
    assert ReportFile.objects.get(pk=clean.report.pk).submitted_at is None
    # An interim report goes with the item open: it is printed in it for the operator.
    interim = clean.report_file(ReportFile.Kind.INTERIM)
    client.post(f"/projects/clean/reports/files/{interim.pk}/submit/")
    assert ReportFile.objects.get(pk=interim.pk).submitted_by == clean.staff

    clean.spend(clean.banner, 210_000, "АВР-11/01")  # the banners are paid for
    response = client.post(url)
    assert response.url == "/projects/clean/reports/files/"
    report = ReportFile.objects.get(pk=clean.report.pk)
    assert report.submitted_by == clean.staff and report.submitted_at is not None
    # Once is enough; the operator sees which file was submitted, and when.
    client.post(url)
    assert ReportFile.objects.get(pk=clean.report.pk).submitted_at == report.submitted_at
    client.force_login(operator)
    page = client.get("/projects/clean/reports/files/").content.decode()
    assert page.count('data-testid="submitted"') == 2
    assert timezone.localtime(report.submitted_at).strftime("%d.%m.%Y") in page
    assert "/submit/" not in page


def test_a_file_not_ready_or_not_a_report_cannot_be_submitted(client, clean):
    client.force_login(clean.staff)
    queued = ReportFile.objects.create(project=clean.project, kind="final", format="pdf")
    protocol = clean.report_file(ReportFile.Kind.PROTOCOL)
    for report in (queued, protocol):
        response = client.post(f"/projects/clean/reports/files/{report.pk}/submit/")
        assert response.url == "/projects/clean/reports/files/"
        assert ReportFile.objects.get(pk=report.pk).submitted_at is None
    other = GrantProjectFactory()
    assert (
        client.post(f"/projects/{other.slug}/reports/files/{clean.report.pk}/submit/").status_code
        == 404
    )


def test_the_demo_pays_for_what_it_says_happened(full_demo):
    project = full_demo[0]
    execution = budget_execution(project)
    assert (execution.plan_kzt, execution.actual_kzt) == (11_550_500, 11_550_500)
    exhibition = {
        item.line.name: item.actual_kzt
        for item in execution.lines
        if item.line.activity_id and item.line.activity.number == 4
    }
    assert sorted(exhibition.values()) == [25_000, 70_000, 210_000]
    salaries = [item for item in execution.lines if item.line.group == BudgetLine.Group.SALARIES]
    assert sum(item.actual_kzt for item in salaries) == 3_052_270
    # Nothing blocks the finished project's final report; the one warning is meant: the
    # rules agreed with the Youth Department are on paper, with no scan in the portal.
    items = consistency_check(project)
    assert problems(items) == [(Problem.MANUAL_WITHOUT_EVIDENCE, Severity.WARNING)]
