from competitions.models.competition import Announcement, Competition, Criterion, FaqItem
from competitions.models.places import District, RuralDistrict, Settlement

__all__ = [
    "Announcement",
    "Competition",
    "Criterion",
    "District",
    "FaqItem",
    "RuralDistrict",
    "Settlement",
]
