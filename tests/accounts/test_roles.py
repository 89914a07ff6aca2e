import pytest
from django.contrib.auth.models import Group

from accounts.roles import Role

pytestmark = pytest.mark.django_db


def codenames(role: Role) -> set[str]:
    group = Group.objects.get(name=role.value)
    return set(group.permissions.values_list("codename", flat=True))


def test_every_role_has_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}


def test_the_operator_can_only_read():
    perms = codenames(Role.OPERATOR)
    assert perms
    assert all(codename.startswith("view_") for codename in perms)
    assert {"view_budgetline", "view_indicator", "view_competition"} <= perms


def test_staff_manage_the_project_and_accounts():
    perms = codenames(Role.STAFF)
    assert {"add_competition", "change_budgetline", "delete_indicator", "change_user"} <= perms


def test_applicants_experts_and_mentors_hold_no_model_permissions():
    for role in (Role.APPLICANT, Role.EXPERT, Role.MENTOR):
        assert codenames(role) == set()


def test_the_operator_cannot_use_the_admin(client, operator):
    client.force_login(operator)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_a_position_counts_only_for_staff(staff, applicant):
    from accounts.roles import Position

    staff.position = Position.DIRECTOR
    applicant.position = Position.DIRECTOR
    assert staff.has_position(Position.DIRECTOR)
    assert not staff.has_position(Position.ACCOUNTANT)
    assert not applicant.has_position(Position.DIRECTOR)


def test_the_demo_names_the_director_coordinator_and_accountant():
    from accounts.models import User
    from accounts.roles import Position
    from demo.loader import load_users

    load_users()
    positions = dict(User.objects.filter(position__gt="").values_list("email", "position"))
    assert sorted(positions.values()) == sorted(Position.values)
