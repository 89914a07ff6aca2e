"""Which Celery queue runs each task, and how long a task of each kind may take.

One queue for everything let a 10-second report build delay an SMS or e-mail code; each
kind now has its own queue and its own workers (docker-compose.yml), so a slow kind only
ever waits for itself. Every task is named here: tests/jastarurban/test_queues.py fails for
a task without a queue, so a new task is placed on purpose.

A task past its soft limit gets SoftTimeLimitExceeded (an ordinary exception: a report is
then marked failed with the reason); past the hard limit its worker process is replaced.
Without a broker (a laptop, the tests) tasks run in-process at once and no limit applies.
"""

NOTIFICATIONS = "notifications"  # codes, receipts, status mails: seconds matter
REPORTS = "reports"  # report files, letters, the ranking's order: seconds each
MAINTENANCE = "maintenance"  # nightly and periodic batches: reminders, snapshots, clean-up

QUEUES = (NOTIFICATIONS, REPORTS, MAINTENANCE)

# (soft, hard) seconds per queue.
TIME_LIMITS = {
    NOTIFICATIONS: (30, 60),
    REPORTS: (300, 360),
    MAINTENANCE: (1800, 1900),
}

TASK_QUEUES = {
    "jastarurban.ping": NOTIFICATIONS,
    "accounts.tasks.send_activation_email": NOTIFICATIONS,
    "accounts.tasks.send_registration_notice": NOTIFICATIONS,
    "notifications.tasks.deliver_sms": NOTIFICATIONS,
    "notifications.tasks.deliver": NOTIFICATIONS,
    # Every minute, seconds long: a /start waits for it, so not behind the nightly batches.
    "notifications.tasks.poll_telegram_updates": NOTIFICATIONS,
    "mentoring.tasks.send_payment_notice": NOTIFICATIONS,
    "applications.tasks.send_submission_receipt": NOTIFICATIONS,
    "applications.tasks.send_status_email": NOTIFICATIONS,
    "reviews.tasks.send_appeal_answer": NOTIFICATIONS,
    "exhibition.tasks.send_registration_qr": NOTIFICATIONS,
    "reports.tasks.build_report_file": REPORTS,
    "exhibition.tasks.render_letters": REPORTS,
    # After a submitted review: the next view of the ranking reads what it computes.
    "reviews.tasks.refresh_ranking": REPORTS,
    "reviews.tasks.send_review_reminders": MAINTENANCE,
    "notifications.tasks.poll_sms_statuses": MAINTENANCE,
    "applications.tasks.send_draft_reminders": MAINTENANCE,
    "mentoring.tasks.send_mentoring_reminders": MAINTENANCE,
    "mentoring.tasks.send_report_due_reminders": MAINTENANCE,
    "exhibition.tasks.release_unconfirmed_registrations": MAINTENANCE,
    "applications.tasks.anonymise_personal_data": MAINTENANCE,
    "reports.tasks.snapshot_indicators": MAINTENANCE,
    "accounts.tasks.delete_old_phone_codes": MAINTENANCE,
}


def task_routes() -> dict[str, dict]:
    return {name: {"queue": queue} for name, queue in TASK_QUEUES.items()}


def task_annotations() -> dict[str, dict]:
    """Celery sets these attributes on each task: its queue's time limits."""
    annotations = {}
    for name, queue in TASK_QUEUES.items():
        soft, hard = TIME_LIMITS[queue]
        annotations[name] = {"soft_time_limit": soft, "time_limit": hard}
    return annotations
