"""Annex: photos. Staff pick photos from the grantees' progress reports and monitoring
visits and from the exhibition's stands, or upload a photo of an event (a training, say),
write each a caption and put them in order; the report prints the period's ones."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from exhibition.models import StandPhoto
from mentoring.models import Photo, ProgressReport
from projects.models import GrantProject
from reports.annexes.models import ReportPhoto
from reports.annexes.period import in_period

GRANTEE, STAND = "grantee", "stand"


def photos(
    project: GrantProject, start: date | None = None, end: date | None = None
) -> list[ReportPhoto]:
    """The annex's photos in the order staff gave them, with what serves each file."""
    return list(
        ReportPhoto.objects.filter(in_period("taken_on", start, end), project=project)
        .select_related("grantee_photo", "stand_photo")
        .order_by("position", "taken_on", "pk")
    )


@dataclass
class Candidate:
    """A photo staff may put in the annex, and the annex's row when it is in."""

    source: str  # GRANTEE or STAND
    pk: int
    taken_on: date
    origin: str  # where it comes from, for the page: the grantee, the report, the stand
    caption: str  # the caption the team or staff typed with the photo, if any
    chosen: ReportPhoto | None = None


def grantee_photos(project: GrantProject):
    """The project's grantees' photos: from reports the team has sent (a draft is still
    the team's) and from monitoring visits."""
    return Photo.objects.filter(
        Q(
            report__project__application__competition__project=project,
            report__status__in=[
                ProgressReport.Status.SUBMITTED,
                ProgressReport.Status.ACCEPTED,
                ProgressReport.Status.RETURNED,
            ],
        )
        | Q(visit__project__application__competition__project=project)
    )


def stand_photos(project: GrantProject):
    return StandPhoto.objects.filter(stand__exhibition__project=project)


def photo_candidates(project: GrantProject) -> list[Candidate]:
    """Every photo of the project staff may choose from, newest first, in three queries."""
    chosen = {
        (
            GRANTEE if row.grantee_photo_id else STAND,
            row.grantee_photo_id or row.stand_photo_id,
        ): row
        for row in ReportPhoto.objects.filter(project=project).exclude(image__gt="")
    }
    candidates = []
    for photo in grantee_photos(project).select_related(
        "report__project__application", "visit__project__application"
    ):
        if photo.report_id:
            grantee = photo.report.project
            taken_on = timezone.localdate(photo.uploaded_at)
            where = f"{photo.report} · {photo.get_stage_display()}"
        else:
            grantee = photo.visit.project
            taken_on = photo.visit.visited_on
            where = _("Monitoring visit")
        candidates.append(
            Candidate(
                source=GRANTEE,
                pk=photo.pk,
                taken_on=taken_on,
                origin=f"{grantee.application.registration_number} · {where}",
                caption=photo.caption,
                chosen=chosen.get((GRANTEE, photo.pk)),
            )
        )
    for photo in stand_photos(project).select_related(
        "stand__exhibition", "stand__grantee__application"
    ):
        stand = photo.stand
        candidates.append(
            Candidate(
                source=STAND,
                pk=photo.pk,
                taken_on=stand.exhibition.held_on,
                origin=_("%(exhibition)s · stand %(number)s (%(grantee)s)")
                % {
                    "exhibition": stand.exhibition.title,
                    "number": stand.position,
                    "grantee": stand.grantee.application.registration_number,
                },
                caption=photo.caption,
                chosen=chosen.get((STAND, photo.pk)),
            )
        )
    candidates.sort(key=lambda candidate: (candidate.taken_on, candidate.pk), reverse=True)
    return candidates


def photo_source(project: GrantProject, source: str, pk: int) -> Photo | StandPhoto | None:
    """The project's photo of that source and id, or None: another project's never."""
    queryset = {GRANTEE: grantee_photos, STAND: stand_photos}.get(source)
    if queryset is None:
        return None
    return queryset(project).filter(pk=pk).first()


def photo_day(photo: Photo | StandPhoto) -> date:
    if isinstance(photo, StandPhoto):
        return photo.stand.exhibition.held_on
    if photo.visit_id:
        return photo.visit.visited_on
    return timezone.localdate(photo.uploaded_at)
