"""The consistency check run before a report is built: what in the portal's records would
make the operator's report contradict itself.

Each finding is an ``Item``: how serious it is, a sentence in the reader's language and the
page where staff fix it. A *blocking* item makes the report wrong (money that cannot have
been paid, a result the money denies, a file that is another project's): the final report
cannot be marked submitted to the operator while one is open. A *warning* is printed with
the report for the operator to read, and does not stop it.

What is checked, and why each is or is not blocking:

- an indicator reads "achieved" while its activity has planned direct costs and not one
  tenge spent on them (blocking: the report says it happened, the money says it did not);
- salary months (the "salaries, including" group, lines counted in months): months booked
  (spent ÷ the monthly rate) against the months due, i.e. the months elapsed, capped at the
  months budgeted (the смета budgets 5 months of a 6-month project). More than due is
  blocking (salary paid for months not yet worked or not budgeted); fewer is a warning
  while the project runs (the accountant books a month after it ends) and blocking after
  its end (the final report would close with salaries neither paid nor returned);
- a payment to a grantee team (approved or awaiting approval) without an agreement signed
  by both sides on or before the day it was paid (blocking: the law pays only under one);
- a conflict-of-interest flag in one of the project's competitions still unresolved
  (blocking: the commission's outcome it feeds is not defensible);
- an indicator valued by hand with no evidence file (warning: the paper may sit in GAMO's
  office; the operator sees which values to ask for);
- a report file listed under this project that is another project's: its stored name was
  built for another project's address, or it was requested before this project existed (a
  file attributed to it when report files learnt their project, reports migration 0004).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, partial
from pathlib import PurePath

from django.db import models
from django.db.models import F, Q
from django.urls import reverse_lazy
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from competitions.models import Competition
from jastarurban.charts import plain
from jastarurban.money import format_tenge
from mentoring.models import Disbursement
from projects.models import BudgetLine, GrantProject
from reports.budget import BudgetExecution, budget_execution
from reports.indicators.status import IndicatorRow, Status
from reports.models import ReportFile
from reports.selectors import indicator_rows
from reviews.selectors import open_flags


class Severity(models.TextChoices):
    BLOCKING = "blocking", gettext_lazy("Blocking")
    WARNING = "warning", gettext_lazy("Warning")


class Problem(models.TextChoices):
    """What an item is about: tests and the report's section refer to these."""

    ACHIEVED_WITHOUT_SPENDING = (
        "achieved_without_spending",
        gettext_lazy("Achieved without spending"),
    )
    SALARY_MONTHS = "salary_months", gettext_lazy("Salary months")
    PAYMENT_WITHOUT_AGREEMENT = (
        "payment_without_agreement",
        gettext_lazy("Payment without a signed agreement"),
    )
    CONFLICT_FLAG_OPEN = "conflict_flag_open", gettext_lazy("Conflict flag unresolved")
    MANUAL_WITHOUT_EVIDENCE = (
        "manual_without_evidence",
        gettext_lazy("Value entered by hand without evidence"),
    )
    FOREIGN_REPORT_FILE = "foreign_report_file", gettext_lazy("Report file of another project")


@dataclass(frozen=True)
class Item:
    problem: Problem
    severity: Severity
    message: str
    # Lazy: only the page's links are ever followed. The files print the messages alone,
    # and a worker building one would otherwise import every URLconf and view module of
    # the site (a second and 25 MB) to reverse 3 000 links it never writes.
    url: str
    link_label: str

    @property
    def is_blocking(self) -> bool:
        return self.severity == Severity.BLOCKING


def blocking(items: list[Item]) -> list[Item]:
    return [item for item in items if item.is_blocking]


def consistency_check(
    project: GrantProject,
    today: date | None = None,
    *,
    rows: list[IndicatorRow] | None = None,
    execution: BudgetExecution | None = None,
) -> list[Item]:
    """Every finding for the project, blocking ones first, in a fixed number of queries
    plus a few per competition (its conflict flags). A report builder that has read the
    indicators and the budget already passes them in."""
    today = today or timezone.localdate()
    rows = indicator_rows(project, today) if rows is None else rows
    execution = budget_execution(project) if execution is None else execution
    items = [
        *_achieved_without_spending(project, rows, execution),
        *_salary_months(project, execution, today),
        *_payments_without_agreement(project),
        *_conflict_flags_open(project),
        *_manual_without_evidence(project, rows),
        *_foreign_report_files(project),
    ]
    # sorted() is stable: within a severity the items keep the order of the checks.
    return sorted(items, key=lambda item: not item.is_blocking)


def _achieved_without_spending(
    project: GrantProject, rows: list[IndicatorRow], execution: BudgetExecution
) -> list[Item]:
    planned: dict[int, int] = {}
    spent: dict[int, int] = {}
    for item in execution.lines:
        activity = item.line.activity_id
        if activity is not None:
            planned[activity] = planned.get(activity, 0) + item.plan_kzt
            spent[activity] = spent.get(activity, 0) + item.actual_kzt
    achieved: dict[int, list[IndicatorRow]] = {}
    for row in rows:
        activity = row.indicator.activity_id
        # An activity that plans no money (or none yet) can be achieved without spending.
        if row.status == Status.ACHIEVED and planned.get(activity) and not spent.get(activity):
            achieved.setdefault(activity, []).append(row)
    url = reverse_lazy("reports:expense_add", args=[project.slug])
    return [
        Item(
            Problem.ACHIEVED_WITHOUT_SPENDING,
            Severity.BLOCKING,
            _(
                "Activity %(number)s «%(title)s»: %(indicators)s read “achieved”, but none "
                "of its %(plan)s planned is recorded as spent. Record the expenses or "
                "correct the indicators."
            )
            % {
                "number": found[0].indicator.activity.number,
                "title": found[0].indicator.activity.title,
                "indicators": ", ".join(f"«{row.indicator.name}»" for row in found),
                "plan": format_tenge(planned[activity]),
            },
            url,
            _("Record an expense"),
        )
        for activity, found in achieved.items()
    ]


def salary_months(project: GrantProject, today: date) -> tuple[int, int]:
    """(months begun, months ended) of the project by ``today``. A month's salary may be
    booked any day of that month, and is due once the month (or the project) has ended:
    01.06–30.11.2025 has 6 months ended once it is over."""
    if today < project.starts_on:
        return 0, 0
    end = min(today, project.ends_on)
    begun = (end.year - project.starts_on.year) * 12 + end.month - project.starts_on.month + 1
    month_over = (end + timedelta(days=1)).month != end.month or end == project.ends_on
    return begun, begun if month_over else begun - 1


def _months(amount: Decimal) -> str:
    return plain(amount.quantize(Decimal("0.1"), ROUND_HALF_UP))


def _salary_months(project: GrantProject, execution: BudgetExecution, today: date) -> list[Item]:
    begun, ended = salary_months(project, today)
    url = reverse_lazy("reports:expense_add", args=[project.slug])
    items = []
    for item in execution.lines:
        line = item.line
        if (
            line.group != BudgetLine.Group.SALARIES
            or line.unit != BudgetLine.Unit.MONTH
            or not line.unit_cost_kzt
        ):
            continue
        booked = Decimal(item.actual_kzt) / line.unit_cost_kzt
        figures = {
            "position": line.position,
            "name": line.name,
            "booked": _months(booked),
            "budgeted": _months(line.quantity),
            "begun": begun,
            "ended": ended,
        }
        if booked > min(Decimal(begun), line.quantity):
            severity = Severity.BLOCKING
            message = _(
                "Line %(position)s «%(name)s»: %(booked)s months of salary are booked, more "
                "than the months worked so far (%(begun)s) or budgeted (%(budgeted)s)."
            )
        elif booked < min(Decimal(ended), line.quantity):
            # While the project runs the accountant may book a month late; at its end the
            # final report would close with salary neither paid nor returned.
            severity = Severity.BLOCKING if today > project.ends_on else Severity.WARNING
            figures["due"] = _months(min(Decimal(ended), line.quantity))
            message = _(
                "Line %(position)s «%(name)s»: %(booked)s months of salary are booked of the "
                "%(due)s due (%(ended)s months ended, %(budgeted)s budgeted)."
            )
        else:
            continue
        items.append(
            Item(Problem.SALARY_MONTHS, severity, message % figures, url, _("Record an expense"))
        )
    return items


def _payments_without_agreement(project: GrantProject) -> list[Item]:
    """Payments standing (approved or awaiting approval) that no agreement signed by both
    sides covered on the day they were paid."""
    agreement = "project__agreement__"
    payments = (
        Disbursement.objects.standing()
        .filter(project__application__competition__project=project)
        .filter(
            Q(**{f"{agreement}team_signed_at__isnull": True})
            | Q(**{f"{agreement}gamo_signed_at__isnull": True})
            | Q(**{f"{agreement}team_signed_at__date__gt": F("paid_on")})
            | Q(**{f"{agreement}gamo_signed_at__date__gt": F("paid_on")})
        )
        .order_by("paid_on", "pk")
        # The printed columns: not the teams' applications whole (texts, drafts).
        .values_list(
            "document_number", "paid_on", "amount_kzt", "project_id", "project__application__title"
        )
    )
    message = _(
        "Payment %(document)s of %(date)s, %(amount)s to «%(team)s»: no grant "
        "agreement signed by the team and GAMO on or before that day."
    )
    link_label = _("Open the agreement")
    # Once per day and per team, not per payment: 6 000 payments at 30 000 applications.
    day = cache(partial(formats.date_format, format="SHORT_DATE_FORMAT"))
    agreement = cache(lambda pk: reverse_lazy("mentoring:agreement", args=[pk]))
    return [
        Item(
            Problem.PAYMENT_WITHOUT_AGREEMENT,
            Severity.BLOCKING,
            message
            % {
                "document": document,
                "date": day(paid_on),
                "amount": format_tenge(amount),
                "team": title,
            },
            agreement(project_id),
            link_label,
        )
        for document, paid_on, amount, project_id, title in payments
    ]


def _conflict_flags_open(project: GrantProject) -> list[Item]:
    items = []
    for competition in Competition.objects.filter(project=project).order_by("opens_at"):
        flags = open_flags(competition)
        if flags:
            items.append(
                Item(
                    Problem.CONFLICT_FLAG_OPEN,
                    Severity.BLOCKING,
                    ngettext(
                        "Competition «%(competition)s»: %(count)s conflict-of-interest flag "
                        "is not resolved.",
                        "Competition «%(competition)s»: %(count)s conflict-of-interest flags "
                        "are not resolved.",
                        len(flags),
                    )
                    % {"competition": competition.title, "count": len(flags)},
                    reverse_lazy("reviews:flag_resolve", args=[competition.slug]),
                    _("Resolve the flags"),
                )
            )
    return items


def _manual_without_evidence(project: GrantProject, rows: list[IndicatorRow]) -> list[Item]:
    return [
        Item(
            Problem.MANUAL_WITHOUT_EVIDENCE,
            Severity.WARNING,
            _("Indicator «%(name)s»: its value was entered by hand without an evidence file.")
            % {"name": row.indicator.name},
            reverse_lazy("reports:indicator", args=[project.slug, row.indicator.code]),
            _("Attach the evidence"),
        )
        for row in rows
        if not row.indicator.source
        and row.indicator.manual_value is not None
        and not row.indicator.manual_evidence
    ]


def _foreign_report_files(project: GrantProject) -> list[Item]:
    slugs = list(GrantProject.objects.exclude(pk=project.pk).values_list("slug", flat=True))
    items = []
    for report in ReportFile.objects.filter(project=project).order_by("requested_at", "pk"):
        stem = PurePath(report.file.name).name if report.file else ""
        # The builder names a file "<project>-<kind>-<language>-<id>.<format>".
        named = next((slug for slug in slugs if stem.startswith(f"{slug}-{report.kind}-")), None)
        if named is None and report.requested_at >= project.created_at:
            continue
        if named is not None:
            reason = _("its file was built for the project «%(slug)s»") % {"slug": named}
        else:
            reason = _("it was requested on %(date)s, before this project was created") % {
                "date": formats.date_format(
                    timezone.localtime(report.requested_at), "SHORT_DATE_FORMAT"
                )
            }
        items.append(
            Item(
                Problem.FOREIGN_REPORT_FILE,
                Severity.BLOCKING,
                _(
                    "Report file No. %(number)s (%(report)s): %(reason)s. Remove it from "
                    "this project's files."
                )
                % {"number": report.pk, "report": report, "reason": reason},
                reverse_lazy("admin:reports_reportfile_change", args=[report.pk]),
                _("Open the report file"),
            )
        )
    return items
