"""The tests' `force_login` passes the second step the way a real one does (tests/conftest.py)."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def test_force_login_verifies_the_session_with_a_confirmed_app(client, staff):
    client.force_login(staff)
    device = TOTPDevice.objects.get(user=staff, confirmed=True)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/staff/").status_code == 200


def test_force_login_leaves_applicants_without_a_device(client, applicant):
    client.force_login(applicant)
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert not TOTPDevice.objects.filter(user=applicant).exists()
