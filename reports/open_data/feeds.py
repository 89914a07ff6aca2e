"""The feed of open and upcoming calls, as Atom and as JSON Feed 1.1.

Aggregators and Telegram channel bots poll one of these to announce a call when it is
announced and again while it is open. A call leaves the feed when it closes. Atom comes from
Django's syndication framework; the JSON is JSON Feed 1.1 (https://jsonfeed.org/version/1.1)
with the call's figures in its `_jastarurban` extension object.
"""

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, linebreaks
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from competitions.models import Competition
from jastarurban.money import format_tenge
from reports.open_data.grants import CURRENCY, AbsoluteUrl


def calls_announced(now=None) -> QuerySet[Competition]:
    """Calls open now or opening later, the soonest to close first; closed ones never."""
    now = now or timezone.now()
    return Competition.objects.filter(closes_at__gt=now).order_by("closes_at", "pk")


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")


def call_facts(competition: Competition) -> list[str]:
    """The lines an announcement needs besides the summary, in the active language."""
    return [
        f"{_('Grant per team, at most')}: {format_tenge(competition.max_request_kzt)}"
        f" · {_('Grants')}: {competition.award_count}",
        _("Applications from %(opens)s to %(closes)s (Aktau time)")
        % {"opens": _moment(competition.opens_at), "closes": _moment(competition.closes_at)},
    ]


def feed_title() -> str:
    return _("JastarUrban: open and upcoming competitions")


def feed_subtitle() -> str:
    return _("Small grants for teams of young villagers: calls open now and opening soon.")


class OpenCallsFeed(Feed):
    """Atom; the caller activates the feed's language (its address says which), which the
    feed states as its language (Django's default, get_language())."""

    feed_type = Atom1Feed

    def __init__(self, now=None):
        super().__init__()
        self.now = now

    def title(self) -> str:
        return feed_title()

    def subtitle(self) -> str:
        return feed_subtitle()

    def link(self) -> str:
        return reverse("competitions:home")

    def items(self) -> list[Competition]:
        return list(calls_announced(self.now))

    def item_title(self, item: Competition) -> str:
        return item.title

    def item_description(self, item: Competition) -> str:
        # Atom carries the summary as HTML: the typed texts are escaped, never markup.
        facts = format_html("<p>{}<br>{}</p>", *call_facts(item))
        return linebreaks(item.summary, autoescape=True) + facts

    def item_link(self, item: Competition) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Competition):
        return item.created_at

    def item_updateddate(self, item: Competition):
        return item.updated_at

    def item_categories(self, item: Competition) -> list[str]:
        return [str(item.phase(self.now).label)]


def calls_json_feed(*, absolute: AbsoluteUrl, feed_url: str, now=None) -> dict:
    """JSON Feed 1.1 of the same calls, with their figures as numbers and ISO dates."""
    now = now or timezone.now()
    items = []
    for competition in calls_announced(now):
        url = absolute(competition.get_absolute_url())
        phase = competition.phase(now)
        items.append(
            {
                "id": url,
                "url": url,
                "title": competition.title,
                "summary": competition.summary,
                "content_text": "\n\n".join([competition.summary, *call_facts(competition)]),
                "date_published": competition.created_at.isoformat(),
                "date_modified": competition.updated_at.isoformat(),
                "tags": [str(phase.label)],
                "_jastarurban": {
                    "slug": competition.slug,
                    "status": phase.value,
                    "opens_at": timezone.localtime(competition.opens_at).isoformat(),
                    "closes_at": timezone.localtime(competition.closes_at).isoformat(),
                    "max_request": competition.max_request_kzt,
                    "award_count": competition.award_count,
                    "currency": CURRENCY,
                },
            }
        )
    return {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed_title(),
        "description": feed_subtitle(),
        "home_page_url": absolute(reverse("competitions:home")),
        "feed_url": feed_url,
        "language": get_language(),
        "items": items,
    }
