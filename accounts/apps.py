from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from accounts.roles import sync_role_groups

        # Like Django's own permissions, role groups follow the code after every
        # migrate; post_migrate is sent once per app, and only after the last one
        # do all the permissions the roles need exist.
        post_migrate.connect(sync_role_groups)
