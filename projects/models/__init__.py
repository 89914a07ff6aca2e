from projects.models.budget import BudgetLine, ProjectExpense
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
    "GrantProject",
    "GrantRecipient",
    "Indicator",
    "PastProject",
    "ProjectExpense",
    "ProjectTask",
    "TargetGroup",
]
