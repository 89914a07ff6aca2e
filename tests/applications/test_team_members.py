"""Every teammate is a person: invited by name and phone, confirming and consenting themselves."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.consent import CONSENT_VERSION
from accounts.models import User
from accounts.roles import Role
from applications.models import Application, Teammate, TeamMember
from applications.services.application import application_screen
from notifications import sms
from notifications.models import Delivery
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, iin_for, village
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BEFORE = CLOSES - timedelta(days=2)
PHONE = "+77015550011"


@pytest.fixture(autouse=True)
def before_the_deadline():
    with time_machine.travel(BEFORE, tick=True):
        yield


def invite(client, draft, capture, phone=PHONE, name="Серік Асқаров"):
    client.force_login(draft.applicant)
    with capture(execute=True):
        response = client.post(
            f"/applications/{draft.pk}/team/invite/",
            {"invite-full_name": name, "invite-phone": phone, "invite-role": "Дизайнер"},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Teammate.objects.get(application=draft, phone=phone)


def link_in(message) -> str:
    return re.search(r"/applications/join/[\w-]+/", message.text).group(0)


def last_sms_to(phone):
    return next(message for message in reversed(sms.outbox) if message.to == phone)


def last_link_to(phone) -> str:
    return link_in(next(m for m in reversed(sms.outbox) if m.to == phone and "/join/" in m.text))


def confirm_phone(client, path, phone, capture, account=True):
    """Asks for the code on the invitation page and types it (the phone's holder has an
    account already unless `account` is False)."""
    if account and not User.objects.filter(phone=phone).exists():
        UserFactory(
            phone=phone,
            phone_confirmed_at=timezone.now(),
            full_name="Серік Асқаров",
            roles=[Role.APPLICANT],
        )
    with capture(execute=True):
        assert client.post(path, {"send": "1"}).status_code == 200
    code = re.search(r"\d{6}", last_sms_to(phone).text).group(0)
    with capture(execute=True):
        return client.post(path, {"code-code": code, "confirm": "1"})


def fill_own_data(client, draft, iin, consent=True):
    data = {"member-iin": iin, "member-village": str(village().pk)}
    if consent:
        data["member-consent"] = "on"
    return client.post(f"/applications/{draft.pk}/me/", data)


def join_team(client, draft, capture, phone=PHONE, born=date(2004, 3, 3), account=True):
    """Invited, phone confirmed, own IIN and consent given: a confirmed member."""
    teammate = invite(client, draft, capture, phone=phone)
    path = link_in(last_sms_to(phone))
    client.logout()
    response = confirm_phone(client, path, phone, capture, account=account)
    assert response["Location"] == f"/applications/{draft.pk}/me/"
    iin = iin_for(born)
    assert fill_own_data(client, draft, iin).status_code == 302
    teammate.refresh_from_db()
    return teammate, iin


def submit(client, draft):
    client.force_login(draft.applicant)
    return client.post(f"/applications/{draft.pk}/edit/", application_post([]) | {"submit": "1"})


def test_the_invitation_is_an_sms_link_whose_token_is_stored_only_hashed(
    client, draft, django_capture_on_commit_callbacks
):
    teammate = invite(client, draft, django_capture_on_commit_callbacks)
    message = last_sms_to(PHONE)
    token = link_in(message).split("/")[-2]
    assert draft.applicant.full_name in message.text
    assert teammate.token_digest and token not in teammate.token_digest
    assert not teammate.is_confirmed and teammate.user is None
    page = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert "Серік Асқаров" in page and "Әлі расталмады" in page  # "not confirmed yet"


def test_the_lead_never_types_a_teammates_iin(client, draft):
    client.force_login(draft.applicant)
    page = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert 'name="invite-phone"' in page and 'name="invite-full_name"' in page
    assert "iin" not in re.search(r'id="invite-form".*?</form>', page, re.S).group(0)


def test_a_teammate_confirms_with_a_code_and_gives_their_own_consent(
    client, draft, django_capture_on_commit_callbacks
):
    teammate, iin = join_team(client, draft, django_capture_on_commit_callbacks, account=False)
    assert teammate.is_confirmed
    assert teammate.user.email is None and teammate.user.phone_confirmed_at
    assert teammate.user.phone == PHONE and teammate.user.has_role(Role.APPLICANT)
    assert (teammate.iin, teammate.birth_date) == (iin, date(2004, 3, 3))
    assert teammate.consent_version == CONSENT_VERSION
    assert abs(teammate.consent_at - timezone.now()) < timedelta(minutes=1)
    # The lead's consent is not theirs: each member's is their own row.
    assert teammate.user_id != draft.applicant_id


def test_the_link_works_once(client, draft, django_capture_on_commit_callbacks):
    join_team(client, draft, django_capture_on_commit_callbacks)
    path = last_link_to(PHONE)
    client.logout()
    response = client.get(path)
    assert response.status_code == 404
    assert "Шақыру сілтемесі жұмыс істемейді" in response.content.decode()


def test_the_link_expires_after_a_week(client, draft, django_capture_on_commit_callbacks):
    invite(client, draft, django_capture_on_commit_callbacks)
    path = link_in(last_sms_to(PHONE))
    client.logout()
    assert "Серік Асқаров" in client.get(path).content.decode()
    with time_machine.travel(BEFORE + timedelta(days=7, minutes=1)):
        expired = client.get(path)
    assert expired.status_code == 404
    assert "Шақыру сілтемесі жұмыс істемейді" in expired.content.decode()
    assert "Серік Асқаров" not in expired.content.decode()


def test_a_wrong_code_joins_no_one(
    client, draft, other_applicant, django_capture_on_commit_callbacks
):
    """Another person holding the link (even logged in) cannot take the place without the
    code sent to the invited phone."""
    teammate = invite(client, draft, django_capture_on_commit_callbacks)
    path = link_in(last_sms_to(PHONE))
    client.force_login(other_applicant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path, {"send": "1"})
    assert last_sms_to(PHONE).to == PHONE  # the code went to the invited phone only
    assert not [m for m in sms.outbox if m.to == other_applicant.phone and other_applicant.phone]
    response = client.post(path, {"code-code": "000000", "confirm": "1"})
    assert response.status_code == 400
    teammate.refresh_from_db()
    assert teammate.user is None
    assert client.get(f"/applications/{draft.pk}/me/").status_code == 404
    assert client.get(f"/applications/{draft.pk}/").status_code == 404


def test_a_code_for_another_purpose_does_not_confirm(
    client, draft, django_capture_on_commit_callbacks
):
    from accounts.codes import CodePurpose, code_send

    teammate = invite(client, draft, django_capture_on_commit_callbacks)
    path = link_in(last_sms_to(PHONE))
    with django_capture_on_commit_callbacks(execute=True):
        code_send(phone=PHONE, purpose=CodePurpose.LOGIN, ip="10.0.0.9", language="kk")
    code = re.search(r"\d{6}", last_sms_to(PHONE).text).group(0)
    client.logout()
    client.post(path, {"code-code": code, "confirm": "1"})
    teammate.refresh_from_db()
    assert teammate.user is None


def test_without_consent_the_member_is_not_confirmed(
    client, draft, django_capture_on_commit_callbacks
):
    teammate = invite(client, draft, django_capture_on_commit_callbacks)
    client.logout()
    confirm_phone(client, link_in(last_sms_to(PHONE)), PHONE, django_capture_on_commit_callbacks)
    response = fill_own_data(client, draft, iin_for(date(2004, 3, 3)), consent=False)
    assert response.status_code == 400
    teammate.refresh_from_db()
    assert not teammate.is_confirmed and teammate.consent_at is None


def test_the_members_age_on_the_closing_day_is_checked(
    client, draft, django_capture_on_commit_callbacks
):
    invite(client, draft, django_capture_on_commit_callbacks)
    client.logout()
    confirm_phone(client, link_in(last_sms_to(PHONE)), PHONE, django_capture_on_commit_callbacks)
    too_old = iin_for(date(1980, 1, 1))
    response = fill_own_data(client, draft, too_old)
    assert response.status_code == 400
    assert "жас" in response.content.decode()  # the age rule, in Kazakh
    assert not Teammate.objects.get(phone=PHONE).is_confirmed


def test_submission_waits_for_every_teammate(client, draft, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    invite(client, draft, capture)
    response = submit(client, draft)
    assert response.status_code == 400
    assert "Серік Асқаров әлі растамады" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT

    client.post(f"/applications/{draft.pk}/team/{Teammate.objects.get(phone=PHONE).pk}/remove/")
    assert not draft.teammates.exists()
    teammate, iin = join_team(client, draft, capture, phone="+77015550012")
    with capture(execute=True):
        response = submit(client, draft)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    lead_row, member_row = draft.team.order_by("position")
    assert lead_row.source == TeamMember.Source.LEAD
    assert (member_row.source, member_row.iin, member_row.user) == (
        TeamMember.Source.SELF,
        iin,
        teammate.user,
    )
    assert member_row.consent_version == CONSENT_VERSION and member_row.consent_at


def test_the_smallest_team_is_two_and_the_largest_three(
    client, draft, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    assert (draft.competition.min_team_size, draft.competition.max_team_size) == (2, 3)
    assert "сіз және 1–2 серіктес" in submit(client, draft).content.decode()  # alone
    join_team(client, draft, capture, phone="+77015550021", born=date(2003, 1, 1))
    join_team(client, draft, capture, phone="+77015550022", born=date(2003, 1, 2))
    client.force_login(draft.applicant)
    page = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert 'id="invite-form"' not in page  # full: no fourth place offered
    response = client.post(
        f"/applications/{draft.pk}/team/invite/",
        {"invite-full_name": "Артық", "invite-phone": "+77015550023", "invite-role": "x"},
    )
    assert response.status_code == 302
    assert draft.teammates.count() == 2
    with capture(execute=True):
        assert submit(client, draft).status_code == 302
    assert draft.team.count() == 3


def test_a_blank_invitation_is_refused_in_words(client, draft):
    client.force_login(draft.applicant)
    response = client.post(f"/applications/{draft.pk}/team/invite/", {"invite-phone": "12"})
    assert response.status_code == 400
    assert "701 123 45 67" in response.content.decode()  # how to type the phone
    assert not draft.teammates.exists()


def test_the_lead_cannot_invite_their_own_number(client, draft):
    client.force_login(draft.applicant)
    draft.applicant.phone = PHONE
    draft.applicant.save()
    client.post(
        f"/applications/{draft.pk}/team/invite/",
        {"invite-full_name": "Мен", "invite-phone": PHONE, "invite-role": "x"},
    )
    assert not draft.teammates.exists()


def test_resend_replaces_the_link_and_is_rate_limited(
    client, draft, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    teammate = invite(client, draft, capture)
    first = link_in(last_sms_to(PHONE))
    resend = f"/applications/{draft.pk}/team/{teammate.pk}/resend/"
    with capture(execute=True):
        client.post(resend)
    assert last_sms_to(PHONE).text.count("/join/") == 1 and link_in(last_sms_to(PHONE)) == first
    for minute in range(2, 14, 2):  # six more tries, two minutes apart
        with time_machine.travel(BEFORE + timedelta(minutes=minute)), capture(execute=True):
            client.post(resend)
    sent = [m for m in sms.outbox if m.to == PHONE]
    assert len(sent) == 5  # five an hour, the code's own limit
    second = link_in(sent[-1])
    assert second != first
    client.logout()
    with time_machine.travel(BEFORE + timedelta(minutes=14)):
        assert client.get(first).status_code == 404
        assert client.get(second).status_code == 200


def test_another_applicant_cannot_resend_or_remove(
    client, draft, other_applicant, django_capture_on_commit_callbacks
):
    teammate = invite(client, draft, django_capture_on_commit_callbacks)
    client.force_login(other_applicant)
    for action in ("resend", "remove"):
        assert (
            client.post(f"/applications/{draft.pk}/team/{teammate.pk}/{action}/").status_code == 404
        )
    assert Teammate.objects.filter(pk=teammate.pk).exists()


def test_a_member_may_leave_before_submission_and_the_lead_is_told(
    client, draft, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    # A lead who signed up by phone: told by SMS (notify picks each person's channel).
    draft.applicant.email = None
    draft.applicant.phone = "+77019998877"
    draft.applicant.phone_confirmed_at = timezone.now()
    draft.applicant.save()
    teammate, _iin = join_team(client, draft, capture)
    client.force_login(teammate.user)
    with capture(execute=True):
        response = client.post(f"/applications/{draft.pk}/me/leave/")
    assert response.status_code == 302
    assert not draft.teammates.exists()
    told = last_sms_to("+77019998877").text
    assert "Серік Асқаров" in told and f"/applications/{draft.pk}/edit/" in told


def test_after_submission_a_member_cannot_leave(client, draft, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    teammate, _iin = join_team(client, draft, capture)
    with capture(execute=True):
        submit(client, draft)
    client.force_login(teammate.user)
    client.post(f"/applications/{draft.pk}/me/leave/")
    assert draft.teammates.filter(pk=teammate.pk).exists()
    page = client.get(f"/applications/{draft.pk}/me/").content.decode()
    assert 'name="member-iin"' not in page


def test_members_read_the_application_and_others_get_404(
    client, draft, other_applicant, staff, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    teammate, _iin = join_team(client, draft, capture)
    with capture(execute=True):
        submit(client, draft)
    client.force_login(teammate.user)
    page = client.get(f"/applications/{draft.pk}/")
    assert page.status_code == 200
    assert f"/applications/{draft.pk}/edit/" not in page.content.decode()
    assert client.get(f"/applications/{draft.pk}/edit/").status_code == 404
    assert client.get(f"/applications/{draft.pk}/receipt.pdf").status_code == 200
    assert draft.title in client.get("/applications/").content.decode()
    client.force_login(other_applicant)
    assert client.get(f"/applications/{draft.pk}/").status_code == 404
    assert client.get(f"/applications/{draft.pk}/me/").status_code == 404


def test_an_invited_but_unconfirmed_person_cannot_read_the_application(
    client, draft, django_capture_on_commit_callbacks
):
    invite(client, draft, django_capture_on_commit_callbacks)
    client.logout()
    confirm_phone(client, link_in(last_sms_to(PHONE)), PHONE, django_capture_on_commit_callbacks)
    assert client.get(f"/applications/{draft.pk}/").status_code == 404
    assert client.get(f"/applications/{draft.pk}/me/").status_code == 200


def test_members_hear_of_status_changes(
    client, draft, staff, mailoutbox, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    teammate, _iin = join_team(client, draft, capture)
    with capture(execute=True):
        submit(client, draft)
    with capture(execute=True):
        application_screen(application=draft, by=staff, eligible=True, reason="")
    draft.refresh_from_db()
    # Submitted, then eligible: the application's own status message, by the member's own
    # channel (this member has an e-mail address, which notify prefers to SMS).
    told = Delivery.objects.filter(person=teammate.user, event="application.status")
    assert told.count() == 2
    letters = [m for m in mailoutbox if m.to == [teammate.user.email]]
    assert len(letters) == 2
    assert all(draft.registration_number in m.subject for m in letters)
    assert f"/applications/{draft.pk}/" in letters[-1].body


def test_a_member_with_a_phone_only_hears_by_sms(
    client, draft, staff, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    join_team(client, draft, capture, account=False)
    with capture(execute=True):
        submit(client, draft)
    draft.refresh_from_db()
    texts = [m.text for m in sms.outbox if m.to == PHONE]
    assert draft.registration_number in texts[-1]
    assert f"/applications/{draft.pk}/" in texts[-1]


def test_an_existing_phone_account_is_used_not_duplicated(
    client, draft, django_capture_on_commit_callbacks
):
    person = UserFactory(phone=PHONE, phone_confirmed_at=timezone.now(), roles=[Role.APPLICANT])
    teammate, _iin = join_team(client, draft, django_capture_on_commit_callbacks)
    assert teammate.user == person
    assert User.objects.filter(phone=PHONE).count() == 1


def test_the_edit_page_with_a_team_takes_a_constant_number_of_queries(
    client, draft, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    names = ["Серік Асқаров", "Әлия Нұрланқызы"]
    for n, name in enumerate(names):
        invite(client, draft, django_capture_on_commit_callbacks, f"+7701555003{n}", name)
    client.force_login(draft.applicant)
    with django_assert_max_num_queries(17):
        page = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert page.count('data-testid="teammate"') == 2
    assert all(name in page for name in names)
    # Phones are shown as people write them (+7 701 555 00 30).
    assert "+7\xa0701\xa0555\xa000\xa030" in page and "+7\xa0701\xa0555\xa000\xa031" in page


def test_a_members_export_holds_their_own_place_and_consent(
    client, draft, django_capture_on_commit_callbacks
):
    from applications.selectors import personal_data_export

    teammate, iin = join_team(client, draft, django_capture_on_commit_callbacks)
    [place] = personal_data_export(user=teammate.user)["team_places"]
    assert (place["iin"], place["phone"], place["consent_version"]) == (
        iin,
        PHONE,
        CONSENT_VERSION,
    )


def test_the_consent_is_asked_in_the_persons_words(
    client, draft, django_capture_on_commit_callbacks
):
    invite(client, draft, django_capture_on_commit_callbacks)
    client.logout()
    confirm_phone(client, last_link_to(PHONE), PHONE, django_capture_on_commit_callbacks)
    response = fill_own_data(client, draft, iin_for(date(2004, 3, 3)), consent=False)
    assert "Келісіміңізсіз деректеріңізді өңдеуге болмайды." in response.content.decode()


def test_anonymisation_clears_the_invitations_but_keeps_the_consent_record(draft):
    from applications.services.privacy import project_personal_data_anonymise
    from tests.applications.helpers import confirmed_teammate

    teammate = confirmed_teammate(draft, iin=iin_for(date(2004, 3, 3)), full_name="Серік Асқаров")
    project_personal_data_anonymise(project=draft.competition.project)
    teammate.refresh_from_db()
    assert "Асқаров" not in teammate.full_name and teammate.iin.startswith("X")
    assert not teammate.phone.startswith("+7") and teammate.birth_date is None
    assert teammate.consent_at and teammate.consent_version == CONSENT_VERSION


def test_the_member_page_and_the_invitation_page_take_few_queries(
    client, draft, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    teammate, _iin = join_team(client, draft, django_capture_on_commit_callbacks)
    client.force_login(teammate.user)
    with django_assert_max_num_queries(12):
        mine = client.get(f"/applications/{draft.pk}/me/").content.decode()
    assert teammate.full_name in mine and draft.applicant.full_name in mine
    invite(client, draft, django_capture_on_commit_callbacks, "+77015550044", "Әлия Нұрланқызы")
    path = last_link_to("+77015550044")
    client.logout()
    with django_assert_max_num_queries(6):
        invitation = client.get(path).content.decode()
    assert "Әлия Нұрланқызы" in invitation and draft.applicant.full_name in invitation


def test_the_lead_reads_each_teammate_s_number_as_people_write_it(
    client, draft, django_capture_on_commit_callbacks
):
    invite(client, draft, django_capture_on_commit_callbacks)
    page = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert "+7\u00a0701\u00a0555\u00a000\u00a011" in page and PHONE not in page
