"""One way to change a record's status: a table of steps, who may take each, and a log line.

Each record with a status declares its `Workflow` beside its services (applications,
progress reports, report files, award decisions). A step names its source and target
status and who may take it: a role, a predicate `(user, record) -> bool`, or `SYSTEM`
(a task, nobody signed in). `Workflow.move` refuses with `TransitionRefused`, a
`ServiceError`, before anything changes; otherwise it sets the status, saves the record and
writes the step to the record's own history table (`log`) with who and why, so one reading
of the table answers "who moved it, when, and why" for every kind of record.

Set the record's other fields before calling `move`: it saves the whole record (or the
listed `fields`) together with the new status. A task that races other workers for a record
(a report file being built) takes its step with `claim`: one UPDATE whose WHERE holds the
step's allowed sources, so only one worker wins.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.errors import ServiceError
from accounts.roles import Role

logger = logging.getLogger(__name__)

SYSTEM = "system"


class TransitionRefused(ServiceError):
    """The record cannot move to that status now, or not by this person."""

    default_message = _("This step is not possible now.")


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    # A role, a predicate (user, record) -> bool, or SYSTEM for a task's own step.
    by: Role | Callable | str
    # What the person is told when `by` does not admit them.
    refusal: str = ""

    def admits(self, user, record) -> bool:
        if self.by == SYSTEM:
            return True
        if user is None or not user.is_authenticated:
            return False
        if isinstance(self.by, Role):
            return user.has_role(self.by)
        return bool(self.by(user, record))


# log(record, source, target, by, reason, at): writes one line to the history table.
Logger = Callable[[object, str, str, object, str, datetime], None]


class Workflow:
    def __init__(
        self,
        steps: list[Step],
        *,
        log: Logger | None = None,
        field: str = "status",
        # What a record in the wrong status is told; a callable `(record) -> str` may name
        # the status it is in.
        not_a_step: str | Callable | None = None,
        refused: type[TransitionRefused] = TransitionRefused,
    ):
        self.steps = {(step.source, step.target): step for step in steps}
        self.log = log
        self.field = field
        self.not_a_step = not_a_step
        self.refused = refused

    def sources(self, target: str) -> list[str]:
        """The statuses a record may leave for `target` (for a conditional UPDATE)."""
        return [source for source, to in self.steps if to == target]

    def check(self, record, target: str, by) -> Step:
        """The step from the record's status to `target`, or `refused` saying why not."""
        step = self.steps.get((getattr(record, self.field) or "", target))
        if step is None:
            not_a_step = self.not_a_step
            raise self.refused(not_a_step(record) if callable(not_a_step) else not_a_step)
        if not step.admits(by, record):
            raise self.refused(step.refusal or None)
        return step

    def allows(self, record, target: str, by) -> bool:
        try:
            self.check(record, target, by)
        except TransitionRefused:
            return False
        return True

    def move(
        self,
        record,
        target: str,
        *,
        by,
        reason: str = "",
        at: datetime | None = None,
        fields: list[str] | None = None,
    ) -> datetime:
        """Checks, then sets the status, saves the record and logs the step; returns when."""
        self.check(record, target, by)
        source = getattr(record, self.field) or ""
        at = at or timezone.now()
        setattr(record, self.field, target)
        if fields is None or record.pk is None:
            record.save()
        else:
            record.save(update_fields=[self.field, *fields])
        if self.log is not None:
            self.log(record, source, target, by, reason, at)
        # The history table is the record of the step; without one, the application log is.
        logger.log(
            logging.DEBUG if self.log is not None else logging.INFO,
            "%s %s: %s → %s by %s",
            type(record).__name__,
            record.pk,
            source or "—",
            target,
            getattr(by, "pk", SYSTEM),
        )
        return at

    def claim(self, queryset, target: str, **fields) -> int:
        """A SYSTEM step taken in the database: the rows of `queryset` whose status may move
        to `target` move, with `fields`, in one UPDATE; returns how many did."""
        moved = queryset.filter(**{f"{self.field}__in": self.sources(target)}).update(
            **{self.field: target}, **fields
        )
        if moved:
            logger.info("%s: %s rows → %s", queryset.model.__name__, moved, target)
        return moved
