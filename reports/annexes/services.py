"""Writes for the annexes: choosing, uploading, ordering and removing photos; documents."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.errors import ServiceError, refused_as_field
from accounts.models import User
from jastarurban.images import photo_prepare
from projects.models import GrantProject
from reports.annexes.models import ReportDocument, ReportPhoto
from reports.annexes.photos import GRANTEE, photo_day, photo_source


def _next_position(project: GrantProject) -> int:
    last = ReportPhoto.objects.filter(project=project).aggregate(last=Max("position"))["last"]
    return min((last or 0) + 1, 999)


@transaction.atomic
def annex_photo_choose(
    *, project: GrantProject, source: str, pk: int, caption: str, added_by: User
) -> ReportPhoto:
    """Puts one of the project's photos in the annex, last; a photo already in stays as is."""
    photo = photo_source(project, source, pk)
    if photo is None:
        raise ServiceError(_("This photo is not one of the project's."))
    field = "grantee_photo" if source == GRANTEE else "stand_photo"
    chosen, _created = ReportPhoto.objects.get_or_create(
        project=project,
        **{field: photo},
        defaults={
            "caption": caption,
            "taken_on": photo_day(photo),
            "position": _next_position(project),
            "added_by": added_by,
        },
    )
    return chosen


@transaction.atomic
def annex_photo_upload(
    *, project: GrantProject, image, caption: str, taken_on: date, added_by: User
) -> ReportPhoto:
    """A photo of an event the portal keeps no photos of (a training, a round table)."""
    with refused_as_field("image"):
        prepared = photo_prepare(image)
    chosen = ReportPhoto(
        project=project,
        caption=caption,
        taken_on=taken_on,
        position=_next_position(project),
        added_by=added_by,
    )
    chosen.image.save(prepared.name, prepared, save=False)
    chosen.save()
    return chosen


def annex_photos_save(*, formset) -> None:
    """Captions and order as staff set them; a removed upload takes its file with it."""
    with transaction.atomic():
        formset.save(commit=False)
        for chosen in formset.changed_objects:
            chosen[0].save(update_fields=["caption", "position"])
        for chosen in formset.deleted_objects:
            chosen.delete()
    for chosen in formset.deleted_objects:
        if chosen.image:
            chosen.image.delete(save=False)


def annex_document_add(*, project: GrantProject, added_by: User, **fields) -> ReportDocument:
    return ReportDocument.objects.create(project=project, added_by=added_by, **fields)


def annex_document_delete(*, document: ReportDocument) -> None:
    file = document.file
    document.delete()
    if file:
        file.delete(save=False)
