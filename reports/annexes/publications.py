"""Annex: the list of publications. The source document counts as the project's coverage
both the media's articles and TV stories and the posts on social networks, so the list
holds both, oldest first, each with its link and date."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from media_campaign.models import Post, Publication
from projects.models import GrantProject
from reports.annexes.period import in_period


@dataclass(frozen=True)
class PublicationRow:
    published_on: date
    kind: str  # "Article", "Instagram", ...
    outlet: str  # the outlet, or the platform for a post
    title: str  # the article's title, or what the post promotes
    link: str
    is_post: bool


def _first_days(queryset, limit: int | None):
    """The rows dated up to the day of the ``limit``-th oldest (all of that day's): the first
    ``limit`` in the list's order are among them, whatever the order within a day."""
    if limit is None:
        return queryset
    last = (
        queryset.order_by("published_on")
        .values_list("published_on", flat=True)[limit - 1 : limit]
        .first()
    )
    return queryset if last is None else queryset.filter(published_on__lte=last)


def publications_count(
    project: GrantProject, start: date | None = None, end: date | None = None
) -> int:
    period = in_period("published_on", start, end)
    return (
        Publication.objects.filter(period, project=project).count()
        + Post.objects.filter(period, project=project).count()
    )


def publications(
    project: GrantProject,
    start: date | None = None,
    end: date | None = None,
    *,
    limit: int | None = None,
) -> list[PublicationRow]:
    """Every publication and post of the period, oldest first; or the first ``limit``."""
    period = in_period("published_on", start, end)
    # Each label translated once, not looked up through the field's choices per row.
    kinds = {value: str(label) for value, label in Publication.Kind.choices}
    platforms = {value: str(label) for value, label in Post.Platform.choices}
    post_kind = _("Social media post")
    rows = [
        PublicationRow(
            published_on=item.published_on,
            kind=kinds.get(item.kind, item.kind),
            outlet=item.outlet,
            title=item.title,
            link=item.link,
            is_post=False,
        )
        for item in _first_days(Publication.objects.filter(period, project=project), limit)
    ]
    posts = Post.objects.filter(period, project=project).values_list(
        "published_on", "platform", "link", "event", "video_id", "video__title"
    )
    rows += [
        PublicationRow(
            published_on=published_on,
            kind=post_kind,
            outlet=platforms.get(platform, platform),
            title=video_title if video else event,
            link=link,
            is_post=True,
        )
        for published_on, platform, link, event, video, video_title in _first_days(posts, limit)
    ]
    rows.sort(key=lambda row: (row.published_on, row.is_post, row.outlet, row.link))
    return rows if limit is None else rows[:limit]
