"""Trainings: invite the grantee teams, mark who came each day, collect feedback."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.errors import ServiceError, refused_as_field
from applications.uploads import check_attachment
from mentoring.models import (
    AgendaItem,
    Material,
    Participant,
    Training,
    TrainingDay,
    TrainingFeedback,
)


@transaction.atomic
def training_create(*, days: list[dict], **fields) -> Training:
    """A training with its days and each day's agenda ("10:00", "topic") in order."""
    training = Training.objects.create(**fields)
    for number, day in enumerate(days, start=1):
        training_day = TrainingDay.objects.create(
            training=training, number=number, date=day["date"], theme=day["theme"]
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(day=training_day, starts_at=starts_at, topic=topic)
            for starts_at, topic in day.get("agenda", [])
        )
    return training


@transaction.atomic
def training_invite(*, training: Training, projects) -> list[Participant]:
    """Invites whole teams: the lead applicant and every team member, once each."""
    invited = []
    for project in projects:
        application = project.application
        # The lead is usually on the team list too: one invitation per name.
        people = {member.full_name: member.phone for member in application.team.all()}
        people.setdefault(application.applicant.full_name, application.applicant.phone or "")
        for full_name, phone in people.items():
            participant, _created = Participant.objects.get_or_create(
                training=training,
                project=project,
                full_name=full_name,
                defaults={"phone": phone or ""},
            )
            invited.append(participant)
    return invited


@transaction.atomic
def attendance_mark(*, day: TrainingDay, present: list[Participant]) -> None:
    """Sets who came on a day: the list is the whole truth for that day."""
    if any(participant.training_id != day.training_id for participant in present):
        raise ServiceError(_("Someone in the list was not invited to this training."))
    day.attendees.set(present)


def feedback_save(
    *, participant: Participant, satisfaction: int, useful: str, improve: str
) -> TrainingFeedback:
    try:
        with transaction.atomic():
            return TrainingFeedback.objects.create(
                participant=participant,
                satisfaction=satisfaction,
                useful=useful,
                improve=improve,
            )
    except IntegrityError:
        raise ServiceError(_("You have already answered. Thank you!")) from None


def material_add(*, upload=None, **fields) -> Material:
    material = Material(**fields)
    if upload is not None:
        with refused_as_field("upload"):
            material.file_type = check_attachment(upload)
        material.file.save(upload.name, upload, save=False)
    if not material.file and not material.link:
        raise ServiceError(_("Attach a file or give a link."))
    material.save()
    return material
