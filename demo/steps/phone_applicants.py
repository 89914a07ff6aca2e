"""Demo phone accounts: applicants who signed up by phone and have no e-mail.

They log in under *Log in → By phone*; the code is printed by the console SMS backend in
the runserver output. The demo applicant (applicant@…) has a confirmed phone too, so it
logs in both ways.
"""

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.consent import CONSENT_VERSION
from accounts.models import User
from accounts.roles import Role

# (number, full name, language)
PHONE_APPLICANTS = [
    ("+77015550101", "Серікбаев Ерасыл", "kk"),
    ("+77015550102", "Қайыржанова Аружан", "kk"),
    ("+77015550103", "Ким Виктория", "ru"),
]
DEMO_APPLICANT_PHONE = "+77011112233"


def load_phone_applicants(demo) -> None:
    now = timezone.now()
    applicants = Group.objects.get(name=Role.APPLICANT)
    for phone, full_name, language in PHONE_APPLICANTS:
        if User.objects.filter(phone=phone).exists():
            continue
        user = User(
            email=None,
            full_name=full_name,
            phone=phone,
            phone_confirmed_at=now,
            language=language,
            personal_data_consent_at=now,
            personal_data_consent_version=CONSENT_VERSION,
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(applicants)
    User.objects.filter(
        email__iexact=f"applicant@{demo.domain}",
        phone=DEMO_APPLICANT_PHONE,
        phone_confirmed_at__isnull=True,
    ).update(phone_confirmed_at=now)
