from reviews.models.audit import AuditEvent
from reviews.models.commission import Assignment, CommissionMember
from reviews.models.decision import Decision
from reviews.models.integrity import Appeal, AwardDecision, AwardDecisionStep, FlagResolution
from reviews.models.ranking import RankingState
from reviews.models.review import CriterionScore, Review

__all__ = [
    "Appeal",
    "Assignment",
    "AuditEvent",
    "AwardDecision",
    "AwardDecisionStep",
    "CommissionMember",
    "CriterionScore",
    "Decision",
    "FlagResolution",
    "RankingState",
    "Review",
]
