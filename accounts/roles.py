"""The portal's roles: who they are, what each may do in the admin, where each lands."""

from django.apps import apps as global_apps
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Apps whose models GAMO staff manage and the operator may read.
PROJECT_APPS = (
    "projects",
    "competitions",
    "applications",
    "reviews",
    "mentoring",
    "media_campaign",
    "exhibition",
    "reports",
)


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    EXPERT = "expert", _("Expert")
    MENTOR = "mentor", _("Mentor")
    STAFF = "staff", _("GAMO staff")
    OPERATOR = "operator", _("Grant operator")


class Position(models.TextChoices):
    """What a GAMO staff member answers for. Money and awards need two of them:
    one person records or proposes, another approves (four eyes)."""

    DIRECTOR = "director", _("Director")
    COORDINATOR = "coordinator", _("Coordinator")
    ACCOUNTANT = "accountant", _("Accountant")


# When a person holds several roles, the first one here picks their home page.
PRIORITY = (Role.STAFF, Role.OPERATOR, Role.EXPERT, Role.MENTOR, Role.APPLICANT)

HOME_URL_NAMES = {
    Role.STAFF: "competitions:staff_home",
    Role.OPERATOR: "reports:home",
    Role.EXPERT: "reviews:home",
    Role.MENTOR: "mentoring:home",
    Role.APPLICANT: "applications:home",
}


def role_permissions(role: Role, permission_model) -> models.QuerySet:
    """Model permissions a role's group holds.

    Experts, mentors and applicants get none: they reach their own objects
    through the portal's pages, which check ownership object by object.
    """
    project_perms = permission_model.objects.filter(content_type__app_label__in=PROJECT_APPS)
    if role == Role.STAFF:
        # Staff also manage accounts and lift login lockouts (django-axes).
        return project_perms | permission_model.objects.filter(
            Q(content_type__app_label="accounts", content_type__model="user")
            | Q(content_type__app_label="axes")
        )
    if role == Role.OPERATOR:
        return project_perms.filter(codename__startswith="view_")
    return permission_model.objects.none()


def sync_role_groups(sender=None, apps=global_apps, **kwargs) -> None:
    """Creates a group per role and gives it exactly the permissions above."""
    # post_migrate is sent only for apps that have a models module.
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if sender is not None and sender.label != with_models[-1].label:
        return
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role in Role:
        group, _created = group_model.objects.get_or_create(name=role.value)
        group.permissions.set(role_permissions(role, permission_model))
