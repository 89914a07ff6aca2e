from datetime import date

from applications.iin import compose_iin
from competitions.models import Settlement

_serials = iter(range(1, 10_000))


def iin_for(born: date, male: bool = True) -> str:
    """A valid IIN for someone born on `born`, different each call."""
    return compose_iin(born, next(_serials), male)


def village(name_ru: str = "Бейнеу") -> Settlement:
    return Settlement.objects.get(name_ru=name_ru, kind=Settlement.Kind.VILLAGE)


def with_profile_of(user, born: date):
    """`user` with an applicant profile: born on `born`, living in Beineu."""
    from applications.iin import parse_iin
    from applications.profiles import profile_save

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
