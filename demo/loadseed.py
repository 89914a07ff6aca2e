"""The load test's world: the demo, 100 applicants at the open call, 5 experts with a queue.

Applicants submit to the demo's open call, which closes an hour after seeding (the last
hour before a deadline). The experts score a second call whose applications were screened
already, so neither side waits for the other.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from accounts.two_factor import app_secret, totp_device_set
from applications.forms import ApplicationForms
from applications.iin import compose_iin, parse_iin
from applications.models import ApplicantProfile, Application, StatusChange
from applications.services.application import (
    application_screen,
    application_start,
    application_submit,
    profile_save,
)
from competitions.models import Competition, Settlement
from competitions.services import competition_copy
from demo import loadplan
from demo.app_keys import demo_app_key
from demo.loader import DEMO_DOMAIN, DEMO_PASSWORD, OPEN_SLUG, load_demo
from demo.steps.applications import confirmed_teammate_add, form_data, lead_typed_members
from reviews.models import Assignment, Review
from reviews.services import assignments_create_all, commission_add, declaration_accept

VILLAGES = ["473630100", "474630100", "474230100", "475030100", "471043100"]


def _village(number: int) -> Settlement:
    return Settlement.objects.get(kato_code=VILLAGES[number % len(VILLAGES)])


def _members(number: int, offset: int) -> list[tuple[str, str]]:
    """Two people born on days no other team uses, so every IIN is different."""
    born = date(1997, 1, 1) + timedelta(days=offset + number * 3)
    return [
        (f"Жүктеме Жетекші {number}", compose_iin(born, 100)),
        (f"Жүктеме Мүше {number}", compose_iin(born + timedelta(days=1), 200, male=False)),
    ]


def submit_fields(number: int, email: str, village: Settlement, year: int) -> dict:
    """Everything the applicant's form holds at submission, as the browser posts it."""
    data = form_data(
        village,
        f"Жүктеме сынағы {number}: жастар алаңы",
        loadplan.final_text(email),
        "Ескі алаңды жөндеп, жарық орнату.",
        _members(number, 0),
        [("Орындық", "дана", 4, 85000), ("Жарық шамы", "дана", 6, 45000)],
        year,
    )
    return {key: data.getlist(key)[-1] for key in data}


def _users(emails: list[str], role: Role, password_hash: str) -> list[User]:
    group = Group.objects.get(name=role)
    users = []
    for email in emails:
        user, _created = User.objects.get_or_create(
            email=email, defaults={"full_name": email.split("@")[0], "password": password_hash}
        )
        user.groups.add(group)
        users.append(user)
    return users


@transaction.atomic
def load_seed(*, applicants: int, experts: int = 5, reviewed: int = 10, closes_in=None) -> dict:
    """Creates what is missing and returns the plan the Locust script follows."""
    now = timezone.now()
    load_demo()
    open_call = Competition.objects.get(slug=OPEN_SLUG)
    open_call.closes_at = now + (closes_in or timedelta(hours=1))
    open_call.save(update_fields=["closes_at"])
    year = timezone.localtime(open_call.opens_at).year
    # One hash for all: hashing 100 passwords one by one would take a minute.
    password_hash = make_password(loadplan.PASSWORD)
    plan_applicants = []
    emails = [loadplan.applicant_email(n) for n in range(1, applicants + 1)]
    for number, user in enumerate(_users(emails, Role.APPLICANT, password_hash), start=1):
        village = _village(number)
        if not ApplicantProfile.objects.filter(user=user).exists():
            lead_iin = _members(number, 0)[0][1]
            profile_save(
                user=user,
                full_name=f"Жүктеме Жетекші {number}",
                phone=f"+7701{user.pk:07d}",  # one number, one account
                iin=parse_iin(lead_iin),
                village=village,
            )
        # The lead's teammate has confirmed themselves (the load test submits, and an
        # application waits for every teammate): the draft the "Apply" button opens.
        application = application_start(competition=open_call, applicant=user)
        if not application.teammates.exists():
            name, iin = _members(number, 0)[1]
            confirmed_teammate_add(
                application=application,
                full_name=name,
                phone=f"+7702{number:07d}",
                role="Мүше",
                iin=iin,
                village=village,
            )
        # Confirmed, so the load test can also log applicants in by an SMS code.
        User.objects.filter(pk=user.pk, phone_confirmed_at__isnull=True).update(
            phone_confirmed_at=now
        )
        user.refresh_from_db(fields=["phone"])
        plan_applicants.append(
            {
                "email": user.email,
                "phone": user.phone,
                "fields": submit_fields(number, user.email, village, year),
            }
        )
    review_call = _review_call(now, experts, reviewed, year, password_hash)
    return {
        "created_at": now.isoformat(),
        "password": loadplan.PASSWORD,
        "open_call": {"slug": open_call.slug, "id": open_call.pk},
        "review_call": {"slug": review_call.slug, "id": review_call.pk},
        "applicants": plan_applicants,
        "experts": [loadplan.expert_email(n) for n in range(1, experts + 1)],
        "staff": [{"email": f"coordinator@{DEMO_DOMAIN}", "password": DEMO_PASSWORD}],
        # Experts and staff sign in with two factors: their apps' keys (base32).
        "app_keys": _app_keys(
            [loadplan.expert_email(n) for n in range(1, experts + 1)]
            + [f"coordinator@{DEMO_DOMAIN}"]
        ),
        "autosaves": loadplan.AUTOSAVES,
    }


def _app_keys(emails: list[str]) -> dict[str, str]:
    keys = {}
    for email in emails:
        user = User.objects.get(email__iexact=email)
        keys[email] = app_secret(totp_device_set(user=user, key=demo_app_key(email)))
    return keys


def _review_call(now, experts: int, reviewed: int, year: int, password_hash: str):
    """A call that closed yesterday: its teams are screened and its commission scores now."""
    source = Competition.objects.exclude(slug=OPEN_SLUG).order_by("pk").first()
    call = Competition.objects.filter(slug=loadplan.REVIEW_SLUG).first()
    if call is None:
        call = competition_copy(
            competition=source,
            slug=loadplan.REVIEW_SLUG,
            opens_at=now - timedelta(days=30),
            closes_at=now - timedelta(days=1),
        )
        call.number_prefix = "LR"
        call.review_deadline = now + timedelta(days=14)
        call.results_published_at = None
        call.save()
    staff = User.objects.filter(groups__name=Role.STAFF).order_by("pk").first()
    teams = [loadplan.team_email(n) for n in range(1, reviewed + 1)]
    for number, lead in enumerate(_users(teams, Role.APPLICANT, "!"), start=1):
        if call.applications.filter(applicant=lead).exists():
            continue
        village = _village(number)
        members = _members(number, 3000)
        if not ApplicantProfile.objects.filter(user=lead).exists():
            # The lead is member 1, read from the profile at submission.
            profile_save(
                user=lead,
                full_name=members[0][0],
                phone=f"+7701{lead.pk:07d}",  # one number, one account
                iin=parse_iin(members[0][1]),
                village=village,
            )
        application = Application.objects.create(competition=call, applicant=lead)
        lead_typed_members(application, members, village)
        data = form_data(
            village,
            f"Сараптама {number}: таза жағалау",
            "Жағалауда қоқыс жиналады.",
            "Қоқыс жәшіктерін қойып, акциялар өткізу.",
            members,
            [("Қоқыс жәшігі", "дана", 10, 18000)],
            year,
        )
        forms = ApplicationForms(call, application, data)
        if not forms.is_valid():
            raise ValueError(f"review-call application {number}: {[f.errors for f in forms.all]}")
        when = call.opens_at + timedelta(days=1, minutes=number)
        application_submit(application=application, forms=forms, by=lead, now=when)
        application_screen(application=application, by=staff, eligible=True, reason="", now=when)
    emails = [loadplan.expert_email(n) for n in range(1, experts + 1)]
    for index, expert in enumerate(_users(emails, Role.EXPERT, password_hash)):
        member = commission_add(competition=call, expert=expert, by=staff, is_chair=index == 0)
        declaration_accept(member=member)
    assignments_create_all(competition=call, by=staff)
    return call


# --- verification ----------------------------------------------------------------------


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class Verdict:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def add(self, name: str, problems: list[str], detail: str) -> None:
        shown = "; ".join(problems[:5]) + (
            f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
        )
        self.checks.append(Check(name, not problems, shown or detail))

    def as_dict(self) -> dict:
        return {"ok": self.ok, "checks": [check.__dict__ for check in self.checks]}


NUMBER = re.compile(r"^(?P<prefix>[A-Z]+)-(?P<year>\d{4})-(?P<serial>\d{4,})$")


def load_verify(*, plan: dict, sent: dict | None = None) -> Verdict:
    """What the database must show after the run, whatever Locust reported."""
    verdict = Verdict()
    call = Competition.objects.get(slug=plan["open_call"]["slug"])
    emails = [entry["email"] for entry in plan["applicants"]]
    Status = Application.Status

    rows = {
        row["applicant__email"]: row
        for row in Application.objects.filter(competition=call, applicant__email__in=emails)
        .values("applicant__email")
        .annotate(
            n=Count("pk", distinct=True),
            submitted=Count("pk", filter=Q(status=Status.SUBMITTED), distinct=True),
        )
    }
    problems = [
        f"{email}: {rows[email]['n'] if email in rows else 0} applications, "
        f"{rows[email]['submitted'] if email in rows else 0} submitted"
        for email in emails
        if email not in rows or rows[email]["n"] != 1 or rows[email]["submitted"] != 1
    ]
    verdict.add(
        "every applicant submitted exactly once",
        problems,
        f"{len(emails)} applicants, {len(emails)} submitted applications",
    )

    # The seed opens each applicant's draft (with their confirmed teammate): one never
    # submitted is reported above, and only submitted ones are checked below.
    applications = list(
        Application.objects.filter(
            competition=call, applicant__email__in=emails, submitted_at__isnull=False
        ).select_related("applicant")
    )
    submits = dict(
        StatusChange.objects.filter(application__in=applications, to_status=Status.SUBMITTED)
        .values_list("application")
        .annotate(n=Count("pk"))
    )
    problems = [
        f"{a.applicant.email}: {submits.get(a.pk, 0)} submissions recorded"
        for a in applications
        if submits.get(a.pk, 0) != 1
    ]
    problems += [
        f"{a.applicant.email}: {a.attachments.count()} attachments"
        for a in applications
        if a.attachments.count() != 1
    ]
    verdict.add(
        "one submission and one file each in the history",
        problems,
        f"{len(applications)} × 1 status change, 1 attachment",
    )

    # The load applicants' numbers: the demo's own applications in the call (a phone
    # applicant's, numbered JU-2026-9001 by the demo, not by the call's counter) are not
    # the run's to check.
    numbers = [
        application.registration_number
        for application in applications
        if application.registration_number
    ]
    problems, serials = [], []
    for number in numbers:
        match = NUMBER.match(number)
        if not match:
            problems.append(f"malformed number {number}")
        else:
            serials.append(int(match["serial"]))
    serials.sort()
    if len(set(serials)) != len(serials):
        problems.append(f"duplicate numbers: {len(serials) - len(set(serials))}")
    if serials and serials != list(range(1, len(serials) + 1)):
        missing = sorted(set(range(1, max(serials) + 1)) - set(serials))
        problems.append(f"gaps in the numbers, missing {missing[:10]}")
    if call.last_number != len(serials):
        problems.append(f"the call's counter is {call.last_number}, {len(serials)} numbers given")
    verdict.add(
        "registration numbers consecutive, no gaps or duplicates",
        problems,
        f"{len(serials)} numbers, 1…{len(serials)}",
    )

    problems = []
    for application in applications:
        email = application.applicant.email
        expected = loadplan.final_text(email)
        if sent is not None and sent.get(email) not in (None, expected):
            problems.append(f"{email}: the script's last autosave was not the final text")
        if application.draft_data.get("main-problem") != [expected]:
            problems.append(f"{email}: the saved draft differs from the last text autosaved")
        if application.problem != expected:
            problems.append(f"{email}: the submitted text differs from the last text autosaved")
    verdict.add(
        "no lost draft text", problems, f"{len(applications)} drafts equal the last autosave"
    )

    experts = plan.get("experts", [])
    if experts:
        assignments = Assignment.objects.filter(
            member__competition__slug=loadplan.REVIEW_SLUG, member__expert__email__in=experts
        )
        total = assignments.count()
        done = Review.objects.filter(
            assignment__in=assignments, status=Review.Status.SUBMITTED
        ).count()
        verdict.add(
            "every expert's review submitted",
            [] if done == total else [f"{done} of {total} reviews submitted"],
            f"{done} of {total} reviews submitted",
        )
    return verdict


def plan_write(plan: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
