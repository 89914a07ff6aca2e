"""Two-factor sign-in: staff, the operator, experts and mentors confirm with an app, a
recovery code or a passkey before any page or the admin; applicants are not asked."""

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import Role
from accounts.two_factor import recovery_codes_regenerate
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.real_2fa]

HOMES = {
    Role.EXPERT: "/reviews/",
    Role.MENTOR: "/mentoring/",
    Role.STAFF: "/staff/",
    Role.OPERATOR: "/reports/",
}
TWO_FACTOR_ROLES = list(HOMES)
NOW = timezone.now().replace(microsecond=0)


def code_for(device: TOTPDevice, seconds_ago: int = 0) -> str:
    """What the person's app shows now (or showed `seconds_ago`)."""
    value = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0 + seconds_ago,
        digits=device.digits,
        drift=device.drift,
    )
    return f"{value:0{device.digits}d}"


def app_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def log_in(client, user, next_url: str = ""):
    data = {"username": user.email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/accounts/login/", data)


def verified(client) -> bool:
    return DEVICE_ID_SESSION_KEY in client.session


@pytest.mark.parametrize("role", TWO_FACTOR_ROLES)
def test_first_login_of_each_role_goes_to_setting_up_an_app(client, role):
    user = UserFactory(roles=[role])
    response = log_in(client, user)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/setup/?next=")
    assert client.get(HOMES[role])["Location"].startswith("/accounts/two-factor/setup/")


@pytest.mark.parametrize("role", TWO_FACTOR_ROLES)
def test_each_role_with_an_app_is_asked_for_the_code_before_its_page_and_the_admin(client, role):
    user = UserFactory(roles=[role], is_staff=role == Role.STAFF)
    app_device(user)
    assert log_in(client, user)["Location"].startswith("/accounts/two-factor/?next=")
    for url in (HOMES[role], "/admin/", "/admin/accounts/user/", "/accounts/security/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/two-factor/?next="), url
    # POSTs too: nothing changes before the second step.
    response = client.post("/accounts/security/recovery-codes/")
    assert response["Location"] == "/accounts/two-factor/"
    assert not StaticDevice.objects.filter(user=user).exists()


def test_a_superuser_without_a_role_is_asked_too(client):
    user = UserFactory(roles=[], is_staff=True, is_superuser=True)
    client.force_login(user)
    assert client.get("/admin/")["Location"].startswith("/accounts/two-factor/setup/")


def test_applicants_are_not_asked(client):
    user = UserFactory(roles=[Role.APPLICANT])
    assert log_in(client, user)["Location"] == "/accounts/home/"
    assert client.get("/applications/").status_code == 200
    assert client.get("/accounts/two-factor/")["Location"] == "/accounts/home/"
    assert client.get("/accounts/two-factor/setup/")["Location"] == "/accounts/home/"
    assert client.get("/accounts/security/").status_code == 403


def test_setting_up_refuses_a_wrong_code_and_confirms_the_right_one(client):
    staff = UserFactory(roles=[Role.STAFF])
    log_in(client, staff)
    page = client.get("/accounts/two-factor/setup/?next=/staff/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "style=" not in html.split("<svg", 1)[1].split("</svg>")[0]
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    secret = re.search(r'data-secret="([A-Z2-7]+)"', html).group(1)
    # Reloading keeps the key the person may have scanned already.
    assert secret in client.get("/accounts/two-factor/setup/").content.decode()
    assert TOTPDevice.objects.filter(user=staff).count() == 1

    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/two-factor/setup/", {"code": wrong, "next": "/staff/"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    device.refresh_from_db()
    assert not device.confirmed and not verified(client)

    device.throttle_reset()
    response = client.post(
        "/accounts/two-factor/setup/", {"code": code_for(device), "next": "/staff/"}
    )
    assert response["Location"] == "/accounts/two-factor/recovery-codes/?next=%2Fstaff%2F"
    device.refresh_from_db()
    assert device.confirmed and verified(client)

    codes_page = client.get(response["Location"])
    codes = codes_page.context["codes"]
    assert len(codes) == 10 == StaticToken.objects.filter(device__user=staff).count()
    assert all(code in codes_page.content.decode() for code in codes)
    # Shown once: the next visit has nothing to show and goes to the Security page.
    assert client.get("/accounts/two-factor/recovery-codes/")["Location"] == "/accounts/security/"
    assert client.get("/staff/").status_code == 200


def test_each_recovery_code_works_once(client):
    staff = UserFactory(roles=[Role.STAFF])
    app_device(staff)
    first, second, *_ = recovery_codes_regenerate(user=staff)
    log_in(client, staff)
    response = client.post("/accounts/two-factor/", {"code": first.upper(), "next": "/staff/"})
    assert response["Location"] == "/staff/"
    assert verified(client)
    assert StaticToken.objects.filter(device__user=staff).count() == 9

    client.post("/accounts/logout/")
    log_in(client, staff)
    StaticDevice.objects.get(user=staff).throttle_reset()
    response = client.post("/accounts/two-factor/", {"code": first, "next": "/staff/"})
    assert response.status_code == 200 and not verified(client)
    TOTPDevice.objects.get(user=staff).throttle_reset()
    StaticDevice.objects.get(user=staff).throttle_reset()
    assert client.post("/accounts/two-factor/", {"code": second})["Location"] == "/accounts/home/"


def test_login_with_the_apps_code_reaches_the_page_asked_for(client):
    expert = UserFactory(roles=[Role.EXPERT])
    device = app_device(expert)
    response = log_in(client, expert, next_url="/reviews/")
    assert response["Location"] == "/accounts/two-factor/?next=%2Freviews%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200 and not page.context["has_passkey"]
    response = client.post("/accounts/two-factor/", {"code": code_for(device), "next": "/reviews/"})
    assert response["Location"] == "/reviews/"
    assert client.get("/reviews/").status_code == 200


def test_a_next_address_on_another_site_is_ignored(client):
    mentor = UserFactory(roles=[Role.MENTOR])
    device = app_device(mentor)
    log_in(client, mentor)
    response = client.post(
        "/accounts/two-factor/", {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/accounts/home/"


def test_a_used_code_is_refused_the_second_time(client):
    with time_machine.travel(NOW, tick=False):
        operator = UserFactory(roles=[Role.OPERATOR])
        device = app_device(operator)
        code = code_for(device)
        log_in(client, operator)
        assert client.post("/accounts/two-factor/", {"code": code})["Location"] == "/accounts/home/"
        client.post("/accounts/logout/")
        log_in(client, operator)
        response = client.post("/accounts/two-factor/", {"code": code})
        assert response.status_code == 200 and not verified(client)


def test_an_old_code_is_refused(client):
    with time_machine.travel(NOW, tick=False):
        staff = UserFactory(roles=[Role.STAFF])
        device = app_device(staff)
        stale = code_for(device, seconds_ago=120)  # what the app showed two minutes ago
        assert stale != code_for(device)
        log_in(client, staff)
        response = client.post("/accounts/two-factor/", {"code": stale})
        assert response.status_code == 200 and not verified(client)


def test_wrong_codes_make_the_next_try_wait(client):
    with time_machine.travel(NOW, tick=False) as traveller:
        staff = UserFactory(roles=[Role.STAFF])
        device = app_device(staff)
        log_in(client, staff)
        for _ in range(3):
            client.post("/accounts/two-factor/", {"code": "000000"})
        right = code_for(device)
        response = client.post("/accounts/two-factor/", {"code": right})
        assert response.status_code == 200 and not verified(client)
        assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count >= 1
        traveller.shift(timedelta(seconds=10))
        right = code_for(device)
        assert (
            client.post("/accounts/two-factor/", {"code": right})["Location"] == "/accounts/home/"
        )


def test_the_security_page_never_removes_the_last_way_in(client):
    staff = UserFactory(roles=[Role.STAFF])
    device = app_device(staff)
    log_in(client, staff)
    client.post("/accounts/two-factor/", {"code": code_for(device)})
    page = client.get("/accounts/security/")
    assert page.status_code == 200 and not page.context["can_remove"]
    response = client.post("/accounts/security/remove-device/", {"device": device.persistent_id})
    assert response["Location"] == "/accounts/security/"
    assert TOTPDevice.objects.filter(pk=device.pk).exists()

    second = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    client.post("/accounts/security/remove-device/", {"device": second.persistent_id})
    assert not TOTPDevice.objects.filter(pk=second.pk).exists()
    # Someone else's device is not touched.
    other = app_device(UserFactory(roles=[Role.STAFF]))
    app_device(staff)
    client.post("/accounts/security/remove-device/", {"device": other.persistent_id})
    assert TOTPDevice.objects.filter(pk=other.pk).exists()


def test_new_recovery_codes_replace_the_old_ones(client):
    mentor = UserFactory(roles=[Role.MENTOR])
    device = app_device(mentor)
    old = recovery_codes_regenerate(user=mentor)
    log_in(client, mentor)
    client.post("/accounts/two-factor/", {"code": code_for(device)})
    response = client.post("/accounts/security/recovery-codes/")
    new = client.get(response["Location"]).context["codes"]
    assert set(new).isdisjoint(old)
    assert set(
        StaticToken.objects.filter(device__user=mentor).values_list("token", flat=True)
    ) == set(new)


def test_the_operator_may_confirm_and_manage_its_own_codes(client):
    operator = UserFactory(roles=[Role.OPERATOR])
    log_in(client, operator)
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=operator)
    response = client.post("/accounts/two-factor/setup/", {"code": code_for(device)})
    assert response.status_code == 302 and verified(client)
    assert client.post("/accounts/security/recovery-codes/").status_code == 302
    # The operator stays read-only everywhere else.
    assert client.post("/reports/").status_code in (403, 405)


def test_passkey_registration_starts_only_for_a_verified_person(client):
    staff = UserFactory(roles=[Role.STAFF])
    device = app_device(staff)
    assert client.post("/accounts/passkeys/registration/begin/").status_code in (401, 403)
    log_in(client, staff)
    refused = client.post("/accounts/passkeys/registration/begin/")
    assert refused.status_code == 403 and refused.json()["code"] == "user_not_verified"
    client.post("/accounts/two-factor/", {"code": code_for(device)})
    options = client.post("/accounts/passkeys/registration/begin/")
    assert options.status_code == 200
    body = options.json()
    assert body["challenge"] and body["rp"]["name"] == "JastarUrban"
    assert body["user"]["name"] == staff.email
    # A completion with nothing behind it registers nothing.
    refused = client.post(
        "/accounts/passkeys/registration/complete/", {}, content_type="application/json"
    )
    assert refused.status_code >= 400


def test_passkey_sign_in_is_a_second_factor_only(client):
    staff = UserFactory(roles=[Role.STAFF])
    app_device(staff)
    # No passwordless login: an anonymous visitor cannot start a passkey sign-in.
    assert client.post("/accounts/passkeys/authentication/begin/").status_code == 403
    log_in(client, staff)
    options = client.post("/accounts/passkeys/authentication/begin/")
    assert options.status_code == 200 and options.json()["challenge"]
    # Completing with garbage does not verify the session.
    refused = client.post(
        "/accounts/passkeys/authentication/complete/", {}, content_type="application/json"
    )
    assert refused.status_code >= 400 and not verified(client)
    assert client.get("/staff/")["Location"].startswith("/accounts/two-factor/")


def test_the_passkey_buttons_speak_kazakh_and_russian(client):
    for language, label in (("kk", "Кіру кілтін қосу"), ("ru", "Добавить ключ доступа")):
        client.cookies["django_language"] = language
        catalogue = client.get("/accounts/passkeys/jsi18n/").content.decode()
        assert json.dumps(label) in catalogue  # as the catalogue writes it: \\uXXXX escapes
