from projects.models.budget import BudgetLine, Expense
from projects.models.indicators import Indicator
from projects.models.passport import (
    Activity,
    GrantProject,
    GrantRecipient,
    PastProject,
    ProjectTask,
    TargetGroup,
)

__all__ = [
    "Activity",
    "BudgetLine",
    "Expense",
    "GrantProject",
    "GrantRecipient",
    "Indicator",
    "PastProject",
    "ProjectTask",
    "TargetGroup",
]
