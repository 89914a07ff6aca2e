"""The one list of records whose every change goes to the audit log (django-auditlog).

To audit another model, add a line to AUDITED: the log, its page, filters and exports pick
it up. Fields typed over and over by an autosave (drafts, review comments) are left out
with `include`, so that a line in the log is a decision someone made.
"""

from dataclasses import dataclass

from auditlog.registry import auditlog
from django.apps import apps


@dataclass(frozen=True)
class Audited:
    model: str  # "app_label.ModelName"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    m2m: tuple[str, ...] = ()


TIMESTAMPS = ("created_at", "updated_at")

AUDITED: list[Audited] = [
    # Applications: their status and its history (the applicant's draft text is not logged).
    Audited("applications.Application", include=("status", "registration_number")),
    Audited("applications.StatusChange"),
    # The competition's own settings (dates, amounts, rules).
    Audited("competitions.Competition", exclude=TIMESTAMPS),
    # Budgets: the project's estimate, its expenses, the grantees' approved lines and changes.
    Audited("projects.BudgetLine"),
    Audited("projects.ProjectExpense"),
    Audited("mentoring.ProjectBudgetLine"),
    Audited("mentoring.BudgetLineChange"),
    # Payments to grantees and their approval.
    Audited("mentoring.Disbursement"),
    Audited("mentoring.DisbursementStatusChange"),
    Audited("mentoring.GranteeProject", exclude=TIMESTAMPS),
    Audited(
        "mentoring.ProgressReport",
        include=("status", "staff_comment", "reviewed_by", "reviewed_at"),
    ),
    # The commission: declarations, conflicts, reviews, scores, decisions and awards.
    Audited("reviews.CommissionMember", exclude=("reminded_on",)),
    Audited("reviews.Assignment"),
    Audited("reviews.Review", include=("status", "submitted_at", "reopened_reason")),
    Audited("reviews.CriterionScore", include=("score",)),
    Audited("reviews.Decision"),
    Audited("reviews.FlagResolution", exclude=TIMESTAMPS),
    Audited("reviews.AwardDecision", exclude=TIMESTAMPS),
    Audited("reviews.AwardDecisionStep"),
    # Appeals: the applicant's grounds and the commission's answer.
    Audited("reviews.Appeal", exclude=TIMESTAMPS),
    # Requests to delete personal data.
    Audited("applications.DeletionRequest"),
    # Indicators: the values entered by hand and the targets.
    Audited(
        "projects.Indicator",
        include=("target", "source", "manual_value", "manual_evidence", "manual_entered_by"),
    ),
    # People and roles: role groups, position, whether the account may log in.
    Audited(
        "accounts.User",
        include=("email", "full_name", "is_active", "is_staff", "is_superuser", "position"),
        m2m=("groups",),
    ),
    # API tokens made and revoked: whose and which (the key's digest stays out of the log).
    Audited("accounts.ApiToken", include=("user", "prefix")),
]


def audited_models() -> list:
    return [apps.get_model(entry.model) for entry in AUDITED]


def register_all() -> None:
    for entry in AUDITED:
        model = apps.get_model(entry.model)
        if auditlog.contains(model):
            continue
        auditlog.register(
            model,
            include_fields=list(entry.include) or None,
            exclude_fields=list(entry.exclude) or None,
            m2m_fields=set(entry.m2m) or None,
        )
