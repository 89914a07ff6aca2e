from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CompetitionsConfig(AppConfig):
    name = "competitions"
    verbose_name = _("Competitions")

    def ready(self):
        from competitions.models import District, RuralDistrict, Settlement
        from competitions.places import forget_places_version

        # The village picker's list is cached under a fingerprint: a changed place, or a
        # migration (data migrations rename places), makes it be computed again.
        for model in (Settlement, District, RuralDistrict):
            post_save.connect(forget_places_version, sender=model, dispatch_uid=f"places-{model}")
            post_delete.connect(
                forget_places_version, sender=model, dispatch_uid=f"places-del-{model}"
            )
        post_migrate.connect(forget_places_version, dispatch_uid="places-migrate")
