"""Activity 3: videos about the grantees, the posts that promote them, their reach, the press."""

from urllib.parse import urlsplit, urlunsplit

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from competitions.models import Settlement
from mentoring.models import GranteeProject
from projects.models import GrantProject

# The brief asks for 1–2 minute videos: outside this range the form warns, it does not refuse.
EXPECTED_SECONDS = (60, 120)
# The source document: "at least 14 posts, at least 2 per video" — checked video by video.
POSTS_PER_VIDEO = 2


def normalize_link(url: str) -> str:
    """One spelling per post link, so a CSV row finds its post: no query (share trackers such
    as ?igsh=), no fragment, no trailing slash, lower-case host."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


class Video(TimeStampedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        FILMED = "filmed", _("Filmed")
        EDITED = "edited", _("Edited")
        PUBLISHED = "published", _("Published")

    project = models.ForeignKey(
        GrantProject, on_delete=models.PROTECT, related_name="videos", verbose_name=_("project")
    )
    grantee = models.ForeignKey(
        GranteeProject,
        on_delete=models.PROTECT,
        related_name="videos",
        null=True,
        blank=True,
        verbose_name=_("grantee project"),
        help_text=_("Empty for a video about the project as a whole."),
    )
    title = models.CharField(_("title"), max_length=200)
    village = models.ForeignKey(
        Settlement,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("village"),
    )
    duration_seconds = models.PositiveSmallIntegerField(
        _("duration, seconds"), null=True, blank=True
    )
    link = models.URLField(_("link"), blank=True)
    filmed_on = models.DateField(_("filmed on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["grantee__application__registration_number", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def duration_unusual(self) -> bool:
        low, high = EXPECTED_SECONDS
        return self.duration_seconds is not None and not low <= self.duration_seconds <= high


class Post(TimeStampedModel):
    class Platform(models.TextChoices):
        INSTAGRAM = "instagram", "Instagram"
        FACEBOOK = "facebook", "Facebook"
        TIKTOK = "tiktok", "TikTok"
        YOUTUBE = "youtube", "YouTube"
        OTHER = "other", _("Other")

    project = models.ForeignKey(
        GrantProject, on_delete=models.PROTECT, related_name="posts", verbose_name=_("project")
    )
    platform = models.CharField(_("platform"), max_length=10, choices=Platform.choices)
    link = models.URLField(_("link"), max_length=500, unique=True)
    published_on = models.DateField(_("published on"))
    video = models.ForeignKey(
        Video,
        on_delete=models.PROTECT,
        related_name="posts",
        null=True,
        blank=True,
        verbose_name=_("video"),
    )
    event = models.CharField(
        _("event"),
        max_length=200,
        blank=True,
        help_text=_("What the post promotes when it is not a video, e.g. the final exhibition."),
    )

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-published_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(video__isnull=False) | ~Q(event=""), name="post_promotes_something"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} · {self.published_on:%d.%m.%Y}"


class PostSnapshot(TimeStampedModel):
    """A post's figures on one day. Totals read the latest one per post, so importing the
    same export twice, or a newer one, never adds views up twice."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="snapshots", verbose_name=_("post")
    )
    taken_on = models.DateField(_("as of"))
    views = models.PositiveIntegerField(_("views"), default=0)
    likes = models.PositiveIntegerField(_("likes"), default=0)
    comments = models.PositiveIntegerField(_("comments"), default=0)
    shares = models.PositiveIntegerField(_("shares"), default=0)
    positive = models.PositiveIntegerField(_("positive reactions"), default=0)
    neutral = models.PositiveIntegerField(_("neutral reactions"), default=0)
    negative = models.PositiveIntegerField(_("negative reactions"), default=0)

    class Meta:
        verbose_name = _("post snapshot")
        verbose_name_plural = _("post snapshots")
        ordering = ["post", "-taken_on"]
        constraints = [
            models.UniqueConstraint(fields=["post", "taken_on"], name="one_snapshot_per_post_day"),
        ]

    def __str__(self) -> str:
        return f"{self.post} · {self.taken_on:%d.%m.%Y}"

    @property
    def classified(self) -> int:
        return self.positive + self.neutral + self.negative


class CampaignDay(models.Model):
    """What the snapshots taken on one day added to the campaign's figures: each snapshot
    less its post's previous one, summed over the posts about a video and over the others.

    Summed up to a day, the rows give the figures known that day (each post counted with
    its latest snapshot); all of them, the totals. The media page reads these few rows
    instead of every snapshot: worked out at each read, 60 000 snapshots cost SQLite
    130–160 ms. services.campaign_days_refresh writes them after every change of the
    snapshots or of a post's video; a figure that went down adds a negative change."""

    project = models.ForeignKey(
        GrantProject, on_delete=models.CASCADE, related_name="+", verbose_name=_("project")
    )
    day = models.DateField(_("day"))
    about_video = models.BooleanField(_("posts about a video"))
    views = models.BigIntegerField(_("views"))
    likes = models.BigIntegerField(_("likes"))
    comments = models.BigIntegerField(_("comments"))
    shares = models.BigIntegerField(_("shares"))
    positive = models.BigIntegerField(_("positive reactions"))
    neutral = models.BigIntegerField(_("neutral reactions"))
    negative = models.BigIntegerField(_("negative reactions"))

    class Meta:
        verbose_name = _("campaign day")
        verbose_name_plural = _("campaign days")
        ordering = ["project", "day", "about_video"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "day", "about_video"], name="one_campaign_day_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.day:%d.%m.%Y}"


class Promotion(TimeStampedModel):
    """One paid or targeted promotion of a video on a platform: what the document calls the
    video's promotion (its budget line "social-media publications"), with its own reach."""

    video = models.ForeignKey(
        Video, on_delete=models.PROTECT, related_name="promotions", verbose_name=_("video")
    )
    platform = models.CharField(_("platform"), max_length=10, choices=Post.Platform.choices)
    targeting = models.TextField(
        _("targeting"),
        help_text=_("Who the promotion was shown to: places, ages, interests."),
    )
    budget_kzt = models.PositiveIntegerField(_("budget, ₸"))
    reach = models.PositiveIntegerField(
        _("reach"), default=0, help_text=_("People reached, from the platform's report.")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        verbose_name = _("video promotion")
        verbose_name_plural = _("video promotions")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="promotion_dates_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.video} · {self.get_platform_display()} · {self.starts_on:%d.%m.%Y}"


class Publication(TimeStampedModel):
    """An outside outlet's article or TV story about the project."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        TV = "tv", _("TV story")
        WEB = "web", _("Web publication")

    project = models.ForeignKey(
        GrantProject,
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name=_("project"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    outlet = models.CharField(_("outlet"), max_length=200)
    title = models.CharField(_("title"), max_length=300)
    published_on = models.DateField(_("published on"))
    link = models.URLField(_("link"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("media publication")
        verbose_name_plural = _("media publications")
        ordering = ["-published_on", "pk"]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title}"
