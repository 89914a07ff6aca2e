from applications.models.application import (
    Application,
    ApplicationActivity,
    BudgetItem,
    StatusChange,
    TeamMember,
)
from applications.models.attachments import Attachment
from applications.models.privacy import DeletionRequest
from applications.models.profiles import ApplicantProfile
from applications.models.teammates import Teammate

__all__ = [
    "ApplicantProfile",
    "Application",
    "ApplicationActivity",
    "Attachment",
    "BudgetItem",
    "DeletionRequest",
    "StatusChange",
    "TeamMember",
    "Teammate",
]
