"""The surname stem that the conflict checks compare (reviews.conflicts), as one rule.

A person's surname is the first word of the full name, compared without case and without
a final "а" (Kazakh and Russian surnames differ by sex: Ахметов, Ахметова). The stem is
stored on each team member (TeamMember.surname_stem) so that the commission page joins on
an index instead of computing it for every one of 78 000 members at 30 000 applications;
Python computes it on write, so PostgreSQL and SQLite hold exactly the same stems
(SQL's lower() differs from casefold(), and SQLite's only folds ASCII).
"""


def surname(full_name: str) -> str:
    return full_name.split()[0].casefold() if full_name.split() else ""


def surname_stem(full_name: str | None) -> str | None:
    """The compared stem, or None when there is nothing to compare (None never matches)."""
    words = (full_name or "").split(None, 1)
    return (words[0].casefold().removesuffix("а") or None) if words else None
