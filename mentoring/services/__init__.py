"""Writes of the mentoring app; settings.AWARD_HOOKS names grantee_projects_sync here."""

from mentoring.services.projects import grantee_projects_sync

__all__ = ["grantee_projects_sync"]
