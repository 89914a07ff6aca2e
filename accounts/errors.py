"""One way for a service to refuse, and one way for a view to show the refusal.

A service that will not do what was asked raises a `ServiceError` (or a subclass named for
what it refuses: `SubmissionRefused`, `DecisionRefused`, …) carrying a message for the person,
already translated, and optionally the form field it is about. A view catches `ServiceError`
and hands it to `refusal_show`, which puts it on the form (on that field, or above the form)
or, without a form, in `messages.error`; an htmx request that shows one line of text gets
`refusal_response`. Nothing else turns a refusal into what the person sees, so it reads the
same everywhere and in their language.

It lives in `accounts`, below every app that refuses anything (`tests/test_import_order.py`:
only `notifications`, which refuses nothing, is lower), because `accounts` itself refuses
(sign-in codes, two-factor devices, API tokens).

Not every exception is a refusal. Failures of the machinery (`SmsError`, `TelegramError`,
`notifications.tasks.DeliveryError`, `ops.backup.BackupError`) say that a provider or a disk
let us down, not that the person asked for something the rules forbid: they are retried,
logged or reported to staff, never shown as a form error, so they do not derive from
`ServiceError`.
"""

from contextlib import contextmanager

from django.contrib import messages as django_messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy


class ServiceError(Exception):
    """The rules refuse what was asked; `messages` say why, in the person's language.

    `message` is one text or a list of them (a submission can be refused for several
    reasons at once); `field` names the form field the refusal is about, if any.
    """

    default_message = gettext_lazy("This is not possible now.")
    # The form field a subclass's refusals are usually about (a code, a phone).
    field: str | None = None
    # What an htmx request gets: 400 for a request the rules refuse, 409 when the record
    # changed under it (submitted meanwhile, in another tab).
    status = 400
    # How it is shown without a form: an error, or (an answer already recorded) a note.
    level = django_messages.ERROR

    def __init__(self, message=None, *, field: str | None = None):
        if message is None:
            texts = [self.default_message]
        elif isinstance(message, (list, tuple)):
            texts = list(message) or [self.default_message]
        else:
            texts = [message]
        self.messages: list[str] = [str(text) for text in texts]
        if field is not None:
            self.field = field
        super().__init__("; ".join(self.messages))

    @property
    def message(self) -> str:
        return "; ".join(self.messages)


def refusal_show(request: HttpRequest, error: ServiceError, form=None) -> None:
    """Shows a refusal where the person is looking: on the form when there is one (on its
    field when the form has it, else above the form, keeping what was typed), otherwise as
    an error message on the next page."""
    for text in error.messages:
        if form is not None:
            form.add_error(error.field if error.field in form.fields else None, text)
        else:
            django_messages.add_message(request, error.level, text)


def refusal_response(error: ServiceError) -> HttpResponse:
    """The refusal as the one line an htmx request puts in its status area."""
    return HttpResponse(error.message, status=error.status)


@contextmanager
def refused_as_field(field: str | None = None):
    """A file or value check that raises Django's `ValidationError` (the same checks serve
    forms) refuses inside a service as a `ServiceError` about `field`."""
    try:
        yield
    except ValidationError as error:
        raise ServiceError(error.messages, field=field) from None
