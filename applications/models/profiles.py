from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from applications.iin import validate_iin
from competitions.models import Settlement


class ApplicantProfile(TimeStampedModel):
    """What an applicant states about themself; name, phone and e-mail live on the user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applicant_profile"
    )
    iin = models.CharField(_("IIN"), max_length=12, unique=True, validators=[validate_iin])
    # Read out of the IIN, never typed: a typed date could disagree with it.
    birth_date = models.DateField(_("date of birth"), editable=False)
    village = models.ForeignKey(
        Settlement, on_delete=models.PROTECT, related_name="+", verbose_name=_("village")
    )

    class Meta:
        verbose_name = _("applicant profile")
        verbose_name_plural = _("applicant profiles")

    def __str__(self) -> str:
        return str(self.user)
