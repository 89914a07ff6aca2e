from collections import Counter

import pytest
from django.utils import translation
from django.utils.translation import gettext

from accounts.roles import Role
from applications.models import Application
from reviews.models import Assignment, AuditEvent
from reviews.services import (
    AssignmentRefused,
    ChairTaken,
    assignments_create_all,
    assignments_create_k_each,
    commission_add,
    conflict_declare,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_expert_gets_every_eligible_application(competition, eligible, commission, staff):
    Application.objects.filter(pk=eligible[0].pk).update(status=Application.Status.INELIGIBLE)
    assert assignments_create_all(competition=competition, by=staff) == 3 * 3
    assert assignments_create_all(competition=competition, by=staff) == 0  # idempotent
    assert not Assignment.objects.filter(application=eligible[0]).exists()


@pytest.mark.parametrize("k", [1, 2, 3])  # 3: the whole commission, the most allowed
def test_k_experts_per_application_with_balanced_loads(competition, eligible, commission, staff, k):
    assignments_create_k_each(competition=competition, k=k, by=staff)
    per_application = Counter(Assignment.objects.values_list("application_id", flat=True))
    assert set(per_application.values()) == {k}
    loads = Counter(Assignment.objects.values_list("member_id", flat=True))
    assert max(loads.values()) - min(loads.values()) <= 1


def test_the_same_assignment_every_run(competition, eligible, commission, staff):
    assignments_create_k_each(competition=competition, k=2, by=staff)
    first = sorted(Assignment.objects.values_list("application_id", "member_id"))
    Assignment.objects.all().delete()
    assignments_create_k_each(competition=competition, k=2, by=staff)
    assert sorted(Assignment.objects.values_list("application_id", "member_id")) == first


def test_a_conflicted_pair_is_never_assigned_again(competition, eligible, commission, staff):
    assignments_create_k_each(competition=competition, k=1, by=staff)
    assignment = Assignment.objects.order_by("pk").first()
    conflict_declare(assignment=assignment, conflicted=True, kind="kinship")
    assignments_create_k_each(competition=competition, k=2, by=staff)
    pairs = Assignment.objects.filter(application=assignment.application)
    assert pairs.get(member=assignment.member).conflict == "declared"
    assert pairs.exclude(conflict="declared").count() == 2  # k usable reviewers


def test_more_experts_than_the_commission_is_refused(competition, eligible, commission, staff):
    with pytest.raises(AssignmentRefused):
        assignments_create_k_each(competition=competition, k=4, by=staff)
    assert not Assignment.objects.exists()


def test_staff_asking_for_more_experts_than_there_are_are_told_in_their_language(
    client, competition, eligible, commission, staff
):
    client.force_login(staff)
    client.cookies["django_language"] = "ru"
    commission_page = f"http://testserver/reviews/commission/{competition.slug}/"
    response = client.post(
        f"/reviews/commission/{competition.slug}/assign/",
        {"mode": "k", "k": 4},
        HTTP_REFERER=commission_page,
    )
    page = response.content.decode()
    with translation.override("ru"):
        assert gettext("The commission has fewer experts than that.") in page
    assert 'name="k" value="4"' in page  # what was typed stays
    # The language buttons come back to the commission, not to the address that takes POSTs.
    back = f'name="next" type="hidden" value="/reviews/commission/{competition.slug}/"'
    assert back in page
    assert not Assignment.objects.exists()


def test_assignments_are_in_the_audit_log_which_cannot_be_edited(
    competition, eligible, commission, staff
):
    assignments_create_all(competition=competition, by=staff)
    event = AuditEvent.objects.filter(action="assigned").get()
    assert event.actor == staff and event.details["count"] == 12
    event.details = {}
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_staff_assign_by_hand_but_never_a_conflicted_pair(
    client, competition, eligible, commission, staff
):
    client.force_login(staff)
    url = f"/reviews/commission/{competition.slug}/assign-one/"
    client.post(
        url, {"registration_number": "ju-2025-0001", "member": commission[0].pk}, follow=True
    )
    assignment = Assignment.objects.get(application=eligible[0], member=commission[0])
    conflict_declare(assignment=assignment, conflicted=True, kind="kinship")
    response = client.post(
        url, {"registration_number": "JU-2025-0001", "member": commission[0].pk}, follow=True
    )
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Assignment.objects.filter(application=eligible[0]).count() == 1
    # A number with no eligible application: said on the form, the number still typed in.
    client.cookies["django_language"] = "ru"
    response = client.post(url, {"registration_number": "JU-2025-9999", "member": commission[1].pk})
    page = response.content.decode()
    with translation.override("ru"):
        assert gettext("No eligible application has this number.") in page
    assert 'value="JU-2025-9999"' in page
    assert AuditEvent.objects.filter(action="assigned", details__mode="by_hand").count() == 1


def test_a_second_chair_is_refused_with_a_message_not_a_server_error(client, competition, staff):
    # Found by the form fuzz test: the one-chair constraint used to surface as a 500.
    first, second = UserFactory(roles=[Role.EXPERT]), UserFactory(roles=[Role.EXPERT])
    commission_add(competition=competition, expert=first, is_chair=True, by=staff)
    client.force_login(staff)
    url = f"/reviews/commission/{competition.slug}/add/"
    response = client.post(url, {"expert": second.pk, "is_chair": "on"}, follow=True)
    assert response.status_code == 200
    assert "alert-danger" in response.content.decode()
    assert list(competition.commission.values_list("expert", "is_chair")) == [(first.pk, True)]
    with pytest.raises(ChairTaken):
        commission_add(competition=competition, expert=second, is_chair=True, by=staff)
    # As an ordinary member the second expert is welcome.
    client.post(url, {"expert": second.pk})
    assert competition.commission.get(expert=second).is_chair is False
