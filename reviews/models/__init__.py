from reviews.models.audit import AuditEvent
from reviews.models.commission import Assignment, CommissionMember
from reviews.models.decision import Decision
from reviews.models.review import CriterionScore, Review

__all__ = ["Assignment", "AuditEvent", "CommissionMember", "CriterionScore", "Decision", "Review"]
