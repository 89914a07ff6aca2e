from competitions.models.budget import BudgetLine, Expense
from competitions.models.competition import Announcement, Competition, Criterion, FaqItem
from competitions.models.indicators import Indicator
from competitions.models.places import District, RuralDistrict, Settlement
from competitions.models.projects import (
    Activity,
    GrantProject,
    GrantRecipient,
    PastProject,
    ProjectTask,
    TargetGroup,
)

__all__ = [
    "Activity",
    "Announcement",
    "BudgetLine",
    "Competition",
    "Criterion",
    "District",
    "Expense",
    "FaqItem",
    "GrantProject",
    "GrantRecipient",
    "Indicator",
    "PastProject",
    "ProjectTask",
    "RuralDistrict",
    "Settlement",
    "TargetGroup",
]
