from competitions.models.budget import BudgetLine
from competitions.models.competition import Competition, Criterion
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
    "BudgetLine",
    "Competition",
    "Criterion",
    "District",
    "GrantProject",
    "GrantRecipient",
    "Indicator",
    "PastProject",
    "ProjectTask",
    "RuralDistrict",
    "Settlement",
    "TargetGroup",
]
