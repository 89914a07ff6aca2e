from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from media_campaign import selectors
from media_campaign.importers import ImportRefused, parse_csv
from media_campaign.models import CampaignDay, Post, PostSnapshot, Promotion, normalize_link
from projects.models import GrantProject


@transaction.atomic
def snapshots_import(
    *, project: GrantProject, content: bytes, platform: str, taken_on: date | None = None
) -> dict[str, int]:
    """Imports an analytics export: all rows or none (ImportRefused with the errors by line).

    A post is found by its link. A row for a day the post already has a snapshot for
    updates that snapshot, so the same file imported twice changes nothing."""
    rows = parse_csv(content, platform=platform, taken_on=taken_on)
    posts = {normalize_link(post.link): post for post in Post.objects.filter(project=project)}
    errors, seen = [], {}
    for row in rows:
        post = posts.get(normalize_link(row.link))
        if post is None:
            errors.append(
                _("Line %(line)d: no post with the link %(link)s.")
                % {"line": row.line, "link": row.link}
            )
            continue
        key = (post.pk, row.taken_on)
        if key in seen:
            errors.append(
                _("Line %(line)d: the same post and date as line %(other)d.")
                % {"line": row.line, "other": seen[key]}
            )
            continue
        seen[key] = row.line
        row.post = post
    if errors:
        raise ImportRefused(errors)
    created = updated = 0
    for row in rows:
        _snapshot, was_created = PostSnapshot.objects.update_or_create(
            post=row.post, taken_on=row.taken_on, defaults=row.values
        )
        created += was_created
        updated += not was_created
    campaign_days_refresh(project=project)
    return {"created": created, "updated": updated}


@transaction.atomic
def snapshot_create(*, post: Post, snapshot: PostSnapshot) -> PostSnapshot:
    """Stores the figures staff typed in for one post and day (the form built the snapshot,
    not saved yet)."""
    snapshot.post = post
    snapshot.save()
    campaign_days_refresh(project=post.project)
    return snapshot


@transaction.atomic
def campaign_days_refresh(*, project: GrantProject) -> None:
    """Writes the project's campaign days (models.CampaignDay) anew from its snapshots.
    Whatever changes the snapshots, or moves a post between the posts about a video and
    the others, calls this: the media page and the indicators read only these rows.
    All of them are worked out again, not patched: 60 000 snapshots take PostgreSQL about
    0.1 s and SQLite 0.4 s, once per import or hand entry, and no change can be missed."""
    # Two refreshes of one project at once would both insert its days: the second waits.
    list(GrantProject.objects.select_for_update().filter(pk=project.pk).values_list("pk"))
    days = [
        CampaignDay(
            project=project,
            day=day,
            about_video=about_video,
            **dict(zip(selectors.FIGURES, changes, strict=True)),
        )
        for day, about_video, *changes in selectors.campaign_day_changes(project)
    ]
    CampaignDay.objects.filter(project=project).delete()
    CampaignDay.objects.bulk_create(days)


def _post_store(post: Post) -> Post:
    post.link = normalize_link(post.link)
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def post_create(*, post: Post) -> Post:
    """Stores a post the form built (not saved yet), its link in the one form duplicates are
    found by."""
    return _post_store(post)


@transaction.atomic
def post_update(*, post: Post) -> Post:
    was_about_video = Post.objects.filter(pk=post.pk, video__isnull=False).exists()
    _post_store(post)
    # Its snapshots now count with the other kind of post in the campaign days.
    if was_about_video != (post.video_id is not None):
        campaign_days_refresh(project=post.project)
    return post


@transaction.atomic
def promotion_create(*, promotion: Promotion) -> Promotion:
    promotion.full_clean()
    promotion.save()
    return promotion


@transaction.atomic
def promotion_update(*, promotion: Promotion) -> Promotion:
    promotion.full_clean()
    promotion.save()
    return promotion
