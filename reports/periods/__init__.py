"""Reports for a period: what an interim report covers (from–to, set by the operator or
staff inside the project's dates) and what a final report covers (the whole project).

``events`` compiles each activity's event log and its state from the records, ``money``
the spending in the period and up to its end, ``narratives`` the texts staff write per
activity and period (versioned), ``sections`` puts them together per activity.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from projects.models import GrantProject


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    final: bool = False

    @property
    def until(self) -> date | None:
        """The last day whose records the report counts: an interim report's end; a final
        report counts everything recorded about the project (its closing papers and the
        indicators' last snapshots come after its last day)."""
        return None if self.final else self.end

    @property
    def as_of(self) -> date:
        """The day the calendar plan's states are judged on."""
        return max(self.end, timezone.localdate()) if self.final else self.end

    @property
    def bounds(self) -> tuple[date | None, date | None]:
        """The dates an annex or a list is cut to: none for the final report (the whole
        project, closing papers included), the period's for an interim one."""
        return (None, None) if self.final else (self.start, self.end)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        return (
            f"{formats.date_format(self.start, 'SHORT_DATE_FORMAT')} – "
            f"{formats.date_format(self.end, 'SHORT_DATE_FORMAT')}"
        )


def project_period(project: GrantProject) -> Period:
    return Period(project.starts_on, project.ends_on, final=True)


def period_errors(project: GrantProject, start: date | None, end: date | None) -> dict:
    """What is wrong with an interim period, by field: each day given and inside the
    project's dates, and the start not after the end."""
    bounds = {
        "start": formats.date_format(project.starts_on, "SHORT_DATE_FORMAT"),
        "end": formats.date_format(project.ends_on, "SHORT_DATE_FORMAT"),
    }
    outside = _("The project runs from %(start)s to %(end)s: choose a day inside it.") % bounds
    missing = {
        "period_start": _("Enter the first day of the period."),
        "period_end": _("Enter the last day of the period."),
    }
    errors: dict[str, str] = {}
    for name, day in (("period_start", start), ("period_end", end)):
        if day is None:
            errors[name] = missing[name]
        elif not project.starts_on <= day <= project.ends_on:
            errors[name] = outside
    if not errors and start > end:
        errors["period_end"] = _("The period cannot end before it starts.")
    return errors
