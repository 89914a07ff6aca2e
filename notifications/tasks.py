from celery import shared_task

from notifications.models import Delivery, DeliveryStatus
from notifications.sms import SmsError, SmsMessage, get_backend

SMS_RETRIES = 4


def backoff_seconds(retries: int) -> int:
    """10 s, 30 s, 90 s, 270 s: a gateway that is down for minutes still gets the code out."""
    return 10 * 3**retries


@shared_task(bind=True, max_retries=SMS_RETRIES)
def deliver_sms(self, delivery_id: int, text: str) -> None:
    delivery = Delivery.objects.get(pk=delivery_id)
    delivery.attempts += 1
    try:
        delivery.provider_id = get_backend().send(SmsMessage(to=delivery.address, text=text))
    except SmsError as error:
        delivery.error = str(error)[:500]
        again = error.temporary and self.request.retries < self.max_retries
        delivery.status = DeliveryStatus.QUEUED if again else DeliveryStatus.FAILED
        delivery.save(update_fields=["attempts", "error", "status", "updated_at"])
        if again:
            raise self.retry(countdown=backoff_seconds(self.request.retries)) from error
        return
    delivery.status = DeliveryStatus.SENT
    delivery.error = ""
    delivery.save(update_fields=["attempts", "provider_id", "error", "status", "updated_at"])
