"""The notification settings page and the staff page of a person's delivery log."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Delivery, DeliveryStatus, Preference
from notifications.notify import notify
from tests.factories import UserFactory


@pytest.mark.django_db
def test_a_person_chooses_a_channel_and_turns_reminders_off(client, applicant):
    applicant.phone = "+77011234567"
    applicant.phone_confirmed_at = timezone.now()
    applicant.save()
    client.force_login(applicant)
    url = reverse("accounts:notifications")
    page = client.get(url).content.decode()
    assert applicant.email in page and "+7\u00a0701\u00a0123\u00a045\u00a067" in page
    response = client.post(url, {"channel": "sms", "reminders": ""})
    assert response.status_code == 302
    preference = Preference.objects.get(person=applicant)
    assert (preference.channel, preference.reminders) == ("sms", False)
    page = client.get(url).content.decode()
    assert re.search(r'value="sms"[^>]*checked', page)
    assert not re.search(r'name="reminders"[^>]*checked', page)
    assert 'data-testid="current-channel"' in page


@pytest.mark.django_db
def test_a_bad_channel_is_refused_with_a_message(client, applicant):
    client.force_login(applicant)
    response = client.post(reverse("accounts:notifications"), {"channel": "pigeon"})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert not Preference.objects.exists()


@pytest.mark.django_db
def test_a_person_nobody_can_reach_is_warned(client):
    person = UserFactory(email=None, phone=None)
    client.force_login(person)
    page = client.get(reverse("accounts:notifications")).content.decode()
    assert "alert-warning" in page


def deliveries(person, count):
    for number in range(count):
        notify(person, "exhibition.code", {"code": f"{number:06d}", "minutes": 15})
    Delivery.objects.create(
        person=person, event="application.status", status=DeliveryStatus.FAILED, error="Boom"
    )


@pytest.mark.django_db
def test_staff_see_a_persons_deliveries_in_constant_queries(
    client, staff, applicant, django_assert_max_num_queries
):
    client.force_login(staff)
    url = reverse("accounts:person_deliveries", args=[applicant.pk])
    deliveries(applicant, 2)
    with django_assert_max_num_queries(12) as few:
        page = client.get(url)
    assert page.content.decode().count('data-testid="delivery-row"') == 3
    deliveries(applicant, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url)
    html = page.content.decode()
    assert html.count('data-testid="delivery-row"') == 34
    assert "Boom" in html
    assert "Көрмеге тіркелу коды" in html  # the event's name, in the viewer's language
    # Someone else's messages are not on it.
    other = UserFactory()
    notify(other, "exhibition.code", {"code": "999999", "minutes": 15})
    assert other.email not in client.get(url).content.decode()


@pytest.mark.django_db
def test_only_staff_open_a_delivery_log(client, applicant, other_applicant):
    client.force_login(applicant)
    url = reverse("accounts:person_deliveries", args=[other_applicant.pk])
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_the_admin_lists_deliveries_in_constant_queries(
    admin_client, applicant, django_assert_max_num_queries
):
    def rows(page) -> int:
        table = page.content.decode().split('id="result_list"', 1)[1].split("</table>", 1)[0]
        return table.split("<tbody>", 1)[1].count("<tr")

    deliveries(applicant, 3)
    url = reverse("admin:notifications_delivery_changelist") + f"?person__id__exact={applicant.pk}"
    with django_assert_max_num_queries(12) as few:
        page = admin_client.get(url)
    assert rows(page) == Delivery.objects.filter(person=applicant).count() >= 4
    deliveries(applicant, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = admin_client.get(url)
    assert rows(page) == Delivery.objects.filter(person=applicant).count() >= 25
    change = reverse("admin:accounts_user_change", args=[applicant.pk])
    assert (
        reverse("accounts:person_deliveries", args=[applicant.pk])
        in admin_client.get(change).content.decode()
    )
