"""The team size and requested amount stored on each application, from its rows.

TeamMember and BudgetItem rows are written at submission, which stores the two figures
with them (applications.services.application_submit); anything else that writes those rows
(the scale seed in bulk, a test) calls `totals_refresh` after it. The staff list then
filters, counts and pages on two indexed columns.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from applications.models import Application, BudgetItem, TeamMember


def totals_refresh(applications=None) -> int:
    """Recounts the team and re-adds the budget of `applications` (a queryset or a list
    of pks; all applications if None) in one UPDATE; returns how many rows it updated."""
    team = (
        TeamMember.objects.filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(n=Count("pk"))
        .values("n")
    )
    budget = (
        BudgetItem.objects.filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(total=Sum("total_kzt"))
        .values("total")
    )
    rows = Application.objects.all()
    if applications is not None:
        rows = rows.filter(pk__in=applications)
    return rows.update(
        team_count=Coalesce(Subquery(team, output_field=IntegerField()), 0),
        requested_total_kzt=Coalesce(Subquery(budget, output_field=IntegerField()), 0),
    )
