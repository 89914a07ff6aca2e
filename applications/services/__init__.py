"""Writes of the applications app, by topic: ``application`` (draft to screening,
attachments, the applicant's profile), ``teammates`` (the team as people) and ``privacy``
(deletion and anonymisation of personal data). Reads are in applications/selectors.py.

Empty on purpose: a task may import one of these modules without running the others.
"""
