"""A report file's statuses: every step is the build task's own (nobody signed in takes one).

Queued → being built → ready, or failed; a failed request may be built again. The steps are
taken with `claim` (a worker racing another for the same request) or `move` (the file saved).
"""

from jastarurban.workflow import SYSTEM, Step, Workflow
from reports.models import ReportFile

Status = ReportFile.Status

REPORT_FILE_FLOW = Workflow(
    [
        Step(Status.QUEUED, Status.RUNNING, SYSTEM),
        Step(Status.FAILED, Status.RUNNING, SYSTEM),
        Step(Status.RUNNING, Status.DONE, SYSTEM),
        # A request fails wherever it stands until it is ready (the queue down, the build
        # raising, the storage refusing); failing again replaces the reason.
        Step(Status.QUEUED, Status.FAILED, SYSTEM),
        Step(Status.RUNNING, Status.FAILED, SYSTEM),
        Step(Status.FAILED, Status.FAILED, SYSTEM),
    ]
)
