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


def publications(
    project: GrantProject, start: date | None = None, end: date | None = None
) -> list[PublicationRow]:
    period = in_period("published_on", start, end)
    rows = [
        PublicationRow(
            published_on=item.published_on,
            kind=str(item.get_kind_display()),
            outlet=item.outlet,
            title=item.title,
            link=item.link,
            is_post=False,
        )
        for item in Publication.objects.filter(period, project=project)
    ]
    posts = (
        Post.objects.filter(period, project=project)
        .select_related("video")
        .only("platform", "link", "published_on", "event", "video__title")
    )
    rows += [
        PublicationRow(
            published_on=post.published_on,
            kind=_("Social media post"),
            outlet=str(post.get_platform_display()),
            title=post.video.title if post.video_id else post.event,
            link=post.link,
            is_post=True,
        )
        for post in posts
    ]
    rows.sort(key=lambda row: (row.published_on, row.is_post, row.outlet, row.link))
    return rows
