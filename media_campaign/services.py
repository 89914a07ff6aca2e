from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from media_campaign.importers import ImportRefused, parse_csv
from media_campaign.models import Post, PostSnapshot, Promotion, normalize_link
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
    return {"created": created, "updated": updated}


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
    return _post_store(post)


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
