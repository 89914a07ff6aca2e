"""Demo applications: submitted through the same forms and service a team uses."""

from datetime import date

from django.contrib.auth.models import Group
from django.http import QueryDict

from accounts.models import User
from accounts.roles import Role
from applications.forms import ApplicationForms
from applications.iin import compose_iin, parse_iin
from applications.models import Application
from applications.profiles import profile_save
from applications.services import application_submit
from competitions.models import Competition, Settlement

# (village KATO code, title, problem, idea, [(member name, birth date)], [(item, unit, qty, cost)])
DEMO_APPLICATIONS = [
    (
        "473630100",
        "Бейнеудегі жасыл аула",
        "Аулаларда көлеңке мен орындық жоқ.",
        "Көпқабатты үйлер арасындағы аулаға ағаш отырғызып, орындық қою.",
        [("Сағынтаев Даурен", date(2000, 3, 15)), ("Әбілова Аружан", date(2002, 11, 2))],
        [("Көшет", "дана", "60", "6000"), ("Орындық", "дана", "6", "85000")],
    ),
    (
        "474630100",
        "Шетпе жастар алаңы",
        "Жастардың бос уақытын өткізетін орны жоқ.",
        "Ескі спорт алаңын жөндеп, жарық орнату.",
        [
            ("Төлеуов Нұржан", date(1998, 6, 1)),
            ("Қайратова Мадина", date(1999, 1, 20)),
            ("Есенов Бекзат", date(2003, 8, 8)),
        ],
        [
            ("Жарық шамы", "дана", "8", "45000"),
            ("Бояу", "литр", "120", "2500"),
            ("Тор", "метр", "30", "9000"),
        ],
    ),
    (
        "474230100",
        "Құрықтағы таза жағажай",
        "Жағажайда қоқыс жиналады.",
        "Қоқыс жәшіктерін қойып, экологиялық акциялар өткізу.",
        [("Жұмағалиев Арман", date(1996, 4, 4)), ("Бисенова Динара", date(1997, 12, 12))],
        [("Қоқыс жәшігі", "дана", "20", "18000"), ("Ақпараттық тақта", "дана", "4", "35000")],
    ),
]


def form_data(village: Settlement, title, problem, idea, members, budget, year: int) -> QueryDict:
    data = QueryDict(mutable=True)
    fields = {
        "main-title": title,
        "main-village": str(village.pk),
        "main-problem": problem,
        "main-idea": idea,
        "main-goal": idea,
        "main-expected_results": problem,
        "declare-rules": "on",
        "declare-accuracy": "on",
        "declare-no_ties": "on",
        "activity-TOTAL_FORMS": "1",
        "activity-INITIAL_FORMS": "0",
        "activity-0-name": title,
        "activity-0-starts_on": f"{year}-08-01",
        "activity-0-ends_on": f"{year}-09-30",
        "team-TOTAL_FORMS": str(len(members)),
        "team-INITIAL_FORMS": "0",
        "budget-TOTAL_FORMS": str(len(budget)),
        "budget-INITIAL_FORMS": "0",
    }
    for index, (name, _born, iin) in enumerate(members):
        fields |= {
            f"team-{index}-full_name": name,
            f"team-{index}-iin": iin,
            f"team-{index}-phone": "+77011234567",
            f"team-{index}-village": str(village.pk),
            f"team-{index}-role": "Үйлестіруші" if index == 0 else "Мүше",
        }
    for index, (item, unit, quantity, cost) in enumerate(budget):
        fields |= {
            f"budget-{index}-item": item,
            f"budget-{index}-unit": unit,
            f"budget-{index}-quantity": quantity,
            f"budget-{index}-unit_cost_kzt": cost,
        }
    for key, value in fields.items():
        data[key] = value
    return data


def load_applications(competition: Competition, domain: str, password: str) -> None:
    if competition.applications.exclude(status=Application.Status.DRAFT).exists():
        return
    applicants = Group.objects.get(name=Role.APPLICANT)
    serial = 100
    for number, (code, title, problem, idea, people, budget) in enumerate(
        DEMO_APPLICATIONS, start=1
    ):
        village = Settlement.objects.get(kato_code=code)
        members = []
        for name, born in people:
            serial += 10
            members.append((name, born, compose_iin(born, serial)))
        lead_name, _born, lead_iin = members[0]
        lead, _created = User.objects.get_or_create(
            email=f"team{number}@{domain}", defaults={"full_name": lead_name}
        )
        lead.set_password(password)
        lead.save()
        lead.groups.add(applicants)
        profile_save(
            user=lead,
            full_name=lead_name,
            phone="+77011234567",
            iin=parse_iin(lead_iin),
            village=village,
        )
        application = Application.objects.create(competition=competition, applicant=lead)
        year = competition.opens_at.year
        forms = ApplicationForms(
            competition,
            application,
            form_data(village, title, problem, idea, members, budget, year),
        )
        if not forms.is_valid():
            raise ValueError(
                f"demo application {number} is not valid: {[f.errors for f in forms.all]}"
            )
        application_submit(application=application, forms=forms, by=lead)
