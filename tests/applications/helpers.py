from datetime import date

from applications.iin import compose_iin
from competitions.models import Settlement

_serials = iter(range(1, 10_000))
# One phone per IIN, never shared: two IINs may end in the same digits (compose_iin skips
# a serial without a check digit to the next one, which the next call may also get).
_phones: dict[str, str] = {}


_issued: set[str] = set()


def iin_for(born: date, male: bool = True) -> str:
    """A valid IIN for someone born on `born`, different each call: compose_iin skips a
    serial without a check digit to the next one, which the next call would get again
    (two experts born the same day had one IIN when the serials fell so)."""
    while True:
        iin = compose_iin(born, next(_serials), male)
        if iin not in _issued:
            _issued.add(iin)
            return iin


def village(name_ru: str = "Бейнеу") -> Settlement:
    return Settlement.objects.get(name_ru=name_ru, kind=Settlement.Kind.VILLAGE)


def with_profile_of(user, born: date):
    """`user` with an applicant profile: born on `born`, living in Beineu."""
    from applications.iin import parse_iin
    from applications.services.application import profile_save

    profile_save(
        user=user,
        full_name=user.full_name,
        # One number, one account.
        phone=f"+7701{user.pk:07d}",
        iin=parse_iin(iin_for(born)),
        village=village(),
    )
    return user


def application_post(members: list[dict], budget=None, **main) -> dict:
    """The form data of a complete application, as the browser posts it.

    `members` are the lead's teammates: the lead, member 1, comes from their profile.
    """
    beineu = village()
    data = {
        "main-title": main.get("title", "Ауыл саябағы"),
        "main-village": str(main.get("village", beineu).pk),
        "main-problem": "Балаларға ойнайтын орын жоқ",
        "main-idea": "Саябақ салу",
        "main-goal": "Ауылды көріктендіру",
        "main-expected_results": "Жаңа саябақ",
        "declare-rules": "on",
        "declare-accuracy": "on",
        "declare-no_ties": "on",
        "activity-TOTAL_FORMS": "1",
        "activity-INITIAL_FORMS": "0",
        "activity-0-name": "Орын дайындау",
        "activity-0-starts_on": "2025-08-01",
        "activity-0-ends_on": "2025-08-20",
        "team-TOTAL_FORMS": str(len(members)),
        "team-INITIAL_FORMS": "0",
    }
    for index, member in enumerate(members):
        data |= {
            f"team-{index}-full_name": member.get("full_name", f"Мүше {index + 1}"),
            f"team-{index}-iin": member["iin"],
            f"team-{index}-phone": member.get("phone", "+77011234567"),
            f"team-{index}-village": str(member.get("village", beineu).pk),
            f"team-{index}-role": member.get("role", "Үйлестіруші"),
        }
    budget = budget or [("Орындық", "дана", "4", "150000"), ("Жарық", "дана", "0.5", "3")]
    data |= {"budget-TOTAL_FORMS": str(len(budget)), "budget-INITIAL_FORMS": "0"}
    for index, (item, unit, quantity, cost) in enumerate(budget):
        data |= {
            f"budget-{index}-item": item,
            f"budget-{index}-unit": unit,
            f"budget-{index}-quantity": quantity,
            f"budget-{index}-unit_cost_kzt": cost,
        }
    return data


def confirmed_teammate(application, *, iin: str, full_name: str = "", place=None, role=""):
    """A teammate on `application` as if they had taken the invitation and confirmed
    themselves (their own account, IIN, village and consent)."""
    from django.utils import timezone

    from accounts.consent import CONSENT_VERSION
    from accounts.models import User
    from accounts.roles import Role
    from applications.iin import parse_iin
    from applications.models import Teammate
    from tests.factories import UserFactory

    parsed = parse_iin(iin)
    now = timezone.now()
    phone = _phones.setdefault(parsed.number, f"+7705{len(_phones) + 1:07d}")
    user = User.objects.filter(phone=phone).first() or UserFactory(
        full_name=full_name or "Серік Мүше", phone=phone, roles=[Role.APPLICANT]
    )
    return Teammate.objects.create(
        application=application,
        full_name=user.full_name,
        phone=phone,
        role=role or "Үйлестіруші",
        user=user,
        invited_at=now,
        token_expires_at=now,
        phone_confirmed_at=now,
        iin=parsed.number,
        birth_date=parsed.birth_date,
        village=place or village(),
        consent_version=CONSENT_VERSION,
        consent_at=now,
        confirmed_at=now,
    )


def teammates_from_post(application, data: dict) -> None:
    """The teammates an (older-style) post lists, each confirmed as if by themselves: the
    lead no longer types teammates' IINs, so tests set up the team this way. Rows without
    a valid IIN or village, and people already on the team, are left out."""
    from django.core.exceptions import ValidationError

    from applications.iin import parse_iin

    for index in range(int(data.get("team-TOTAL_FORMS", 0))):
        try:
            iin = parse_iin(data.get(f"team-{index}-iin", "")).number
            place = Settlement.objects.get(pk=int(data.get(f"team-{index}-village", "")))
        except (ValidationError, ValueError, Settlement.DoesNotExist):
            continue
        if application.teammates.filter(iin=iin).exists():
            continue
        confirmed_teammate(
            application,
            iin=iin,
            full_name=data.get(f"team-{index}-full_name", ""),
            place=place,
            role=data.get(f"team-{index}-role", ""),
        )
