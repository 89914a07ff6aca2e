from mentoring.models.agreements import AgreementTranche, GrantAgreement, ReportDue
from mentoring.models.mentorship import (
    POSITIVE_SCORES,
    Meeting,
    MentoringEvaluation,
    Reminder,
    Score,
)
from mentoring.models.progress import Expense, Photo, ProgressReport, ReportStatusChange
from mentoring.models.projects import (
    APPROVED_DISBURSEMENTS,
    BudgetLineChange,
    ClosingAnswer,
    Disbursement,
    DisbursementStatusChange,
    GranteeProject,
    Milestone,
    MonitoringVisit,
    ProjectBudgetLine,
)
from mentoring.models.trainings import (
    AgendaItem,
    Material,
    Participant,
    Training,
    TrainingDay,
    TrainingFeedback,
)

__all__ = [
    "APPROVED_DISBURSEMENTS",
    "POSITIVE_SCORES",
    "AgendaItem",
    "AgreementTranche",
    "BudgetLineChange",
    "ClosingAnswer",
    "Disbursement",
    "DisbursementStatusChange",
    "Expense",
    "GrantAgreement",
    "GranteeProject",
    "Material",
    "Meeting",
    "MentoringEvaluation",
    "Milestone",
    "MonitoringVisit",
    "Participant",
    "Photo",
    "ProgressReport",
    "ProjectBudgetLine",
    "Reminder",
    "ReportDue",
    "ReportStatusChange",
    "Score",
    "Training",
    "TrainingDay",
    "TrainingFeedback",
]
