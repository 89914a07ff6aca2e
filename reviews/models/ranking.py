"""The ranking's state: which inputs it was computed from, and the order itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from competitions.models import Competition


class RankingState(models.Model):
    """One row per competition. `version` is a new random token every time something the
    ranking depends on is written (reviews.services.ranking_changed, in the same
    transaction as the write); `order` is the computed order (reviews.ranking_order's
    RankingOrder as JSON) and `computed_for` the version and inputs it was computed from.

    Kept in the database, not only in the cache: clearing the cache (a deploy, a restart)
    must not cost every competition a recomputation of 30 000 applications, and knowing
    whether the inputs changed must not mean reading every review (the fingerprint did:
    150 ms at 30 000 applications). A random token rather than a counter: a test's rolled
    back row, or a restored backup, can never give an old cache entry's key again.
    """

    competition = models.OneToOneField(
        Competition, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.CharField(_("version"), max_length=32)
    computed_for = models.CharField(_("computed for"), max_length=80, blank=True)
    order = models.JSONField(_("order"), null=True, blank=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("ranking state")
        verbose_name_plural = _("ranking states")

    def __str__(self) -> str:
        return f"{self.competition_id}: {self.version}"
