from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaCampaignConfig(AppConfig):
    name = "media_campaign"
    verbose_name = _("Media campaign")
