"""What the report's PDF needs for its annexes beyond the rows: the photos inlined."""

from datetime import date

from projects.models import GrantProject
from reports.annexes import annexes
from reports.annexes.images import data_uri

PHOTOS_PER_ROW = 2


def annex_context(
    project: GrantProject,
    start: date | None = None,
    end: date | None = None,
    *,
    limit: int | None = None,
):
    """The context _annexes.html reads: ``annexes`` (with ``limit``, the long lists' first
    rows only) and the photos in rows of two, each as (number, photo, data URI or None)."""
    found = annexes(project, start, end, limit=limit)
    photos = [
        (number, photo, data_uri(photo.file)) for number, photo in enumerate(found.photos, start=1)
    ]
    return {
        "annexes": found,
        "annex_photo_rows": [
            photos[index : index + PHOTOS_PER_ROW]
            for index in range(0, len(photos), PHOTOS_PER_ROW)
        ],
    }
