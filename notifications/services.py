from django.db import transaction

from notifications.models import Channel, Delivery, Preference, TelegramChat
from notifications.sms import sms_parts
from notifications.tasks import deliver_sms


def sms_send(*, to: str, text: str, event: str, person=None) -> Delivery:
    """Queues one SMS to an E.164 number and logs it; the task sends it after the commit
    (a code for a sign-up that rolled back is never sent)."""
    delivery = Delivery.objects.create(
        person=person, channel=Channel.SMS, address=to, event=event, parts=sms_parts(text)
    )
    transaction.on_commit(lambda: deliver_sms.delay(delivery.pk, text))
    return delivery


def preference_set(*, person, channel: str, reminders: bool) -> Preference:
    """Saves how the person wants to hear from the portal ("" channel: let it choose)."""
    preference, _created = Preference.objects.update_or_create(
        person=person, defaults={"channel": channel, "reminders": reminders}
    )
    return preference


def telegram_disconnect(*, person) -> bool:
    return TelegramChat.objects.filter(person=person).delete()[0] > 0
