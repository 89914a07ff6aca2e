"""Writes of the mentoring app, by topic: agreements, mentorship, progress, projects,
trainings. Empty on purpose: a task may import one of these modules without running the
others (projects.py enqueues tasks)."""
