from celery import shared_task

from accounts.codes import phone_codes_delete_old
from accounts.models import User
from accounts.services import user_send_activation, user_send_registration_notice


@shared_task
def send_activation_email(user_id: int) -> None:
    user = User.objects.filter(pk=user_id, is_active=False).first()
    if user is not None:
        user_send_activation(user=user)


@shared_task
def send_registration_notice(user_id: int) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is not None:
        user_send_registration_notice(user=user)


@shared_task
def delete_old_phone_codes() -> int:
    return phone_codes_delete_old()
