"""The team signs the grant agreement by every member accepting it with a one-time SMS code:
who, when, which text and from where is recorded; the codes keep accounts.codes' rules; a
new text voids earlier acceptances; payments still wait for both sides; staff see who has
accepted and invite within limits."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.roles import Role
from applications.models import Application, TeamMember
from mentoring.models import (
    AgreementAcceptance,
    AgreementCode,
    AgreementInvitation,
    Disbursement,
    GrantAgreement,
    GranteeProject,
    ProjectBudgetLine,
)
from mentoring.services.acceptance import SMS_TEXT
from notifications import sms
from notifications.models import Delivery
from notifications.sms import sms_parts
from tests.applications.helpers import iin_for, village
from tests.factories import UserFactory
from tests.mentoring.test_agreements import AGREEMENT, UNSIGNED

pytestmark = pytest.mark.django_db


def says(message: str, language: str = "kk") -> str:
    with translation.override(language):
        return escape(gettext(message))


def _person(number: int, position: int, *, language="kk", confirmed=True):
    return UserFactory(
        roles=[Role.APPLICANT],
        email=f"team{number}-{position}@example.kz",
        phone=f"+770{number:03d}{position:05d}",
        phone_confirmed_at=timezone.now() if confirmed else None,
        language=language,
    )


def team_project(competition, size: int, *, number: int = 1, confirmed=True):
    """A grantee project whose team of `size` confirmed their places with their accounts."""
    people = [_person(number, n, language=("kk", "ru")[n % 2]) for n in range(1, size + 1)]
    if not confirmed:
        people[-1].phone_confirmed_at = None
        people[-1].save(update_fields=["phone_confirmed_at"])
    application = Application.objects.create(
        competition=competition,
        applicant=people[0],
        status=Application.Status.ELIGIBLE,
        title=f"Ауыл алаңы {number}",
        village=village(),
        registration_number=f"JU-2025-{number:04d}",
        submitted_at=timezone.now(),
    )
    for position, person in enumerate(people, start=1):
        born = date(1998, 1, position)
        application.team.create(
            position=position,
            full_name=person.full_name,
            iin=iin_for(born),
            birth_date=born,
            phone=person.phone,
            village=village(),
            role="Мүше",
            source=TeamMember.Source.LEAD if position == 1 else TeamMember.Source.SELF,
            user=person,
        )
    project = GranteeProject.objects.create(application=application, award_kzt=1_000_000)
    ProjectBudgetLine.objects.create(
        project=project, position=1, item="Орындық", amount_kzt=1_000_000
    )
    return project, people


def prepare(client, staff, project, **changes) -> GrantAgreement:
    client.force_login(staff)
    response = client.post(
        f"/mentoring/projects/{project.pk}/agreement/prepare/", AGREEMENT | changes
    )
    assert response.status_code == 302
    client.logout()
    return GrantAgreement.objects.get(project=project)


def url(agreement) -> str:
    return f"/mentoring/agreements/{agreement.pk}/accept/"


def send_code(client, person, agreement, django_capture_on_commit_callbacks) -> str:
    """The member presses "accept"; returns the code the SMS carried."""
    client.force_login(person)
    before = len(sms.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(agreement), {"action": "send", "sha256": agreement.document_sha256}
        )
    assert response.status_code == 302
    assert len(sms.outbox) == before + 1, client.get(url(agreement)).content.decode()
    message = sms.outbox[-1]
    assert message.to == person.phone
    assert agreement.number in message.text
    return re.search(r"\b(\d{6})\b", message.text).group(1)


def type_code(client, agreement, code, sha256=None):
    return client.post(
        url(agreement),
        {"action": "accept", "code": code, "sha256": sha256 or agreement.document_sha256},
        REMOTE_ADDR="10.1.2.3",
    )


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.mark.parametrize("size", [2, 3])
def test_every_member_accepts_by_code_then_the_team_side_is_signed(
    client, staff, competition, media, capture, size
):
    project, people = team_project(competition, size)
    agreement = prepare(client, staff, project)
    for n, person in enumerate(people, start=1):
        code = send_code(client, person, agreement, capture)
        page = client.get(url(agreement)).content.decode()
        assert 'data-testid="code-form"' in page
        response = type_code(client, agreement, code)
        assert response.status_code == 302
        agreement.refresh_from_db()
        # Signed only once the last member has accepted.
        assert agreement.team_signed is (n == size)
        page = client.get(url(agreement)).content.decode()
        assert 'data-testid="accepted"' in page
    acceptances = list(AgreementAcceptance.objects.filter(agreement=agreement))
    assert [a.user for a in acceptances] == people
    for acceptance, person in zip(acceptances, people, strict=True):
        assert acceptance.full_name == person.full_name
        assert acceptance.phone == person.phone
        assert acceptance.ip == "10.1.2.3"
        assert acceptance.agreement_version == agreement.version == 1
        assert acceptance.document_sha256 == agreement.document_sha256
        assert re.fullmatch(r"[0-9a-f]{64}", acceptance.document_sha256)
    assert agreement.team_signed_via == GrantAgreement.TeamSignedVia.CODES
    assert agreement.team_signed_by == people[0]
    # Only HMACs were stored, never a code.
    assert all(
        re.fullmatch(r"[0-9a-f]{64}", digest)
        for digest in AgreementCode.objects.values_list("digest", flat=True)
    )


def test_each_member_reads_the_agreement_in_their_language(
    client, staff, competition, media, capture
):
    project, people = team_project(competition, 2)
    agreement = prepare(client, staff, project)
    for person, language in zip(people, ["ru", "kk"], strict=True):
        person.language = language
        person.save(update_fields=["language"])
        client.force_login(person)
        client.cookies["django_language"] = language
        page = client.get(url(agreement)).content.decode()
        assert says("What you accept", language) in page
        assert "700\xa0000\xa0₸" in page
        pdf = client.get(f"{url(agreement)}agreement.pdf")
        assert pdf["Content-Type"] == "application/pdf"
        code = send_code(client, person, agreement, capture)
        with translation.override(language):
            expected = gettext(SMS_TEXT) % {"code": code, "number": agreement.number}
        assert sms.outbox[-1].text == expected
        assert sms_parts(expected) <= 2


def test_a_wrong_code_is_refused_and_counted(client, staff, competition, media, capture):
    project, people = team_project(competition, 2)
    agreement = prepare(client, staff, project)
    code = send_code(client, people[0], agreement, capture)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    response = type_code(client, agreement, wrong)
    assert response.status_code == 400
    assert says("The code is wrong. Check the SMS and type it again.") in response.content.decode()
    assert AgreementCode.objects.get().attempts == 1
    assert not AgreementAcceptance.objects.exists()
    assert type_code(client, agreement, code).status_code == 302
    assert AgreementAcceptance.objects.count() == 1


def test_attempts_exhausted_void_the_code(client, staff, competition, media, capture):
    project, people = team_project(competition, 2)
    agreement = prepare(client, staff, project)
    code = send_code(client, people[0], agreement, capture)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _attempt in range(4):
        type_code(client, agreement, wrong)
    response = type_code(client, agreement, wrong)
    message = "Too many wrong codes: this one no longer works. Ask for a new one."
    assert says(message) in response.content.decode()
    # The right code no longer works either.
    response = type_code(client, agreement, code)
    assert response.status_code == 400
    assert not AgreementAcceptance.objects.exists()


def test_an_expired_code_is_refused(client, staff, competition, media, capture):
    project, people = team_project(competition, 2)
    agreement = prepare(client, staff, project)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        code = send_code(client, people[0], agreement, capture)
        traveller.shift(timedelta(minutes=5, seconds=1))
        response = type_code(client, agreement, code)
    assert response.status_code == 400
    message = "The code has expired or was never sent: ask for a new one."
    assert says(message) in response.content.decode()
    assert not AgreementAcceptance.objects.exists()


def test_new_codes_wait_a_minute_and_five_an_hour(client, staff, competition, media, capture):
    project, people = team_project(competition, 2)
    agreement = prepare(client, staff, project)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        first = send_code(client, people[0], agreement, capture)
        response = client.post(
            url(agreement), {"action": "send", "sha256": agreement.document_sha256}, follow=True
        )
        assert "60" in response.content.decode()  # "wait 60 s"
        assert len(sms.outbox) == 1
        for _more in range(4):
            traveller.shift(timedelta(seconds=61))
            last = send_code(client, people[0], agreement, capture)
        traveller.shift(timedelta(seconds=61))
        client.post(url(agreement), {"action": "send", "sha256": agreement.document_sha256})
        assert len(sms.outbox) == 5
        # A new code voids the one before it.
        assert type_code(client, agreement, first).status_code == 400
        assert type_code(client, agreement, last).status_code == 302


def test_another_team_or_an_applicant_cannot_accept(
    client, staff, competition, media, capture, applicant
):
    project, _people = team_project(competition, 2)
    other, others = team_project(competition, 2, number=2)
    agreement = prepare(client, staff, project)
    prepare(client, staff, other)
    for stranger in (others[1], applicant, staff):
        client.force_login(stranger)
        assert client.get(url(agreement)).status_code == 404
        assert client.get(f"{url(agreement)}agreement.pdf").status_code == 404
        response = client.post(
            url(agreement), {"action": "send", "sha256": agreement.document_sha256}
        )
        assert response.status_code == 404
        assert type_code(client, agreement, "123456").status_code == 404
    assert sms.outbox == []
    assert not AgreementAcceptance.objects.exists()


def test_a_member_without_a_confirmed_phone_is_told_how_to_confirm_it(
    client, staff, competition, media
):
    project, people = team_project(competition, 2, confirmed=False)
    agreement = prepare(client, staff, project)
    client.force_login(people[1])
    page = client.get(url(agreement)).content.decode()
    assert 'data-testid="no-phone"' in page
    assert 'href="/accounts/phone/"' in page
    assert 'data-testid="send-code"' not in page
    client.post(url(agreement), {"action": "send", "sha256": agreement.document_sha256})
    assert sms.outbox == []


def test_payments_wait_until_the_team_and_gamo_have_signed(
    client, staff, competition, media, capture, director
):
    accountant = UserFactory(roles=[Role.STAFF], position="accountant")
    project, people = team_project(competition, 2)
    agreement = prepare(client, staff, project)
    payment = {"paid_on": "2025-08-04", "amount_kzt": 700_000, "document_number": "ПП-1"}

    def pay():
        client.force_login(accountant)
        response = client.post(f"/mentoring/projects/{project.pk}/payments/", payment)
        return client.get(response["Location"]).content.decode()

    code = send_code(client, people[0], agreement, capture)
    type_code(client, agreement, code)
    assert says(UNSIGNED) in pay()  # one member of two
    code = send_code(client, people[1], agreement, capture)
    type_code(client, agreement, code)
    agreement.refresh_from_db()
    assert agreement.team_signed
    assert says(UNSIGNED) in pay()  # the team, not GAMO yet
    assert not Disbursement.objects.exists()
    client.force_login(director)
    client.post(f"/mentoring/agreements/{agreement.pk}/sign/")
    pay()
    assert Disbursement.objects.count() == 1


def test_a_new_text_voids_earlier_acceptances(client, staff, competition, media, capture):
    project, people = team_project(competition, 2)
    agreement = prepare(client, staff, project)
    old_sha = agreement.document_sha256
    type_code(client, agreement, send_code(client, people[0], agreement, capture))
    # Member 2 opened the page and asked for a code; GAMO then changes the schedule.
    code = send_code(client, people[1], agreement, capture)
    agreement = prepare(client, staff, project, report_dates="01.09.2025\n30.11.2025")
    assert agreement.version == 2 and agreement.document_sha256 != old_sha
    client.force_login(people[1])
    response = type_code(client, agreement, code, sha256=old_sha)
    assert says("GAMO has changed the agreement since you opened it: read the new text.") in (
        client.get(response["Location"]).content.decode()
    )
    agreement.refresh_from_db()
    assert not agreement.team_signed
    # Member 1's acceptance was of the old text: it stays on record but no longer counts.
    client.force_login(people[0])
    page = client.get(url(agreement)).content.decode()
    assert 'data-testid="earlier"' in page and 'data-testid="accepted"' not in page
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        type_code(client, agreement, send_code(client, people[1], agreement, capture))
    agreement.refresh_from_db()
    assert not agreement.team_signed  # member 1 has not accepted the new text
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        type_code(client, agreement, send_code(client, people[0], agreement, capture))
    agreement.refresh_from_db()
    assert agreement.team_signed
    assert AgreementAcceptance.objects.filter(document_sha256=old_sha).count() == 1
    assert (
        AgreementAcceptance.objects.filter(document_sha256=agreement.document_sha256).count() == 2
    )
    # Signed: the text can no longer change.
    client.force_login(staff)
    client.post(f"/mentoring/projects/{project.pk}/agreement/prepare/", AGREEMENT)
    agreement.refresh_from_db()
    assert agreement.version == 2


def test_staff_see_who_accepted_and_invite_within_limits(
    client, staff, competition, media, capture
):
    project, people = team_project(competition, 3)
    agreement = prepare(client, staff, project)
    type_code(client, agreement, send_code(client, people[0], agreement, capture))
    client.force_login(staff)
    page = client.get(f"/mentoring/projects/{project.pk}/agreement/").content.decode()
    assert page.count('data-testid="acceptance-row"') == 3
    assert "1 / 3" in page and "10.1.2.3" in page
    invite = f"/mentoring/agreements/{agreement.pk}/invite/"
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        with capture(execute=True):
            client.post(invite)
        # The two who have not accepted, not the one who has.
        assert set(AgreementInvitation.objects.values_list("user", flat=True)) == {
            people[1].pk,
            people[2].pk,
        }
        assert Delivery.objects.filter(event="mentoring.agreement_accept").count() == 2
        response = client.post(invite, {"member": people[1].pk}, follow=True)
        assert response.status_code == 200
        wait = says("%(name)s was invited less than a day ago; invite again tomorrow.")
        assert wait % {"name": escape(people[1].full_name)} in response.content.decode()
        assert AgreementInvitation.objects.count() == 2
        for _day in range(2):
            traveller.shift(timedelta(days=1, minutes=1))
            client.post(invite, {"member": people[1].pk})
        assert AgreementInvitation.objects.filter(user=people[1]).count() == 3
        traveller.shift(timedelta(days=1, minutes=1))
        client.post(invite, {"member": people[1].pk})
        assert AgreementInvitation.objects.filter(user=people[1]).count() == 3
    # Not a member of this team: 404; not staff: refused.
    assert client.post(invite, {"member": staff.pk}).status_code == 404
    client.force_login(people[0])
    assert client.post(invite).status_code == 403


def test_the_staff_page_with_rows_does_a_constant_number_of_queries(
    client, staff, competition, media, capture, django_assert_max_num_queries
):
    counts = []
    for size, number in ((2, 1), (6, 2)):
        project, people = team_project(competition, size, number=number)
        agreement = prepare(client, staff, project)
        for person in people[:-1]:
            type_code(client, agreement, send_code(client, person, agreement, capture))
        client.force_login(staff)
        with capture(execute=True):
            client.post(f"/mentoring/agreements/{agreement.pk}/invite/")
        with django_assert_max_num_queries(20) as queries:
            page = client.get(f"/mentoring/projects/{project.pk}/agreement/").content.decode()
        assert page.count('data-testid="acceptance-row"') == size
        counts.append(len(queries))
        # The member's own page too.
        client.force_login(people[-1])
        with django_assert_max_num_queries(16):
            client.get(url(agreement))
    assert counts[0] == counts[1]
