from django.db import transaction

from applications.iin import Iin
from applications.models import ApplicantProfile
from competitions.models import Settlement


@transaction.atomic
def profile_save(*, user, full_name: str, phone: str, iin: Iin, village: Settlement):
    user.full_name = full_name
    user.phone = phone
    user.save(update_fields=["full_name", "phone"])
    profile, _created = ApplicantProfile.objects.update_or_create(
        user=user,
        defaults={"iin": iin.number, "birth_date": iin.birth_date, "village": village},
    )
    return profile
