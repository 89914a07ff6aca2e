"""Sources for activities 2–4: trainings and mentoring, the media campaign, the exhibition.

Each reads its app's own selectors, so that the figure on the dashboard is the one
the app's pages show. Mentoring figures are per competition; a project adds up its
competitions (in practice one).
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competitions.models import Competition
from exhibition import selectors as exhibition
from exhibition.models import Exhibition
from media_campaign import selectors as media
from media_campaign.models import Video
from mentoring import selectors as mentoring
from mentoring.models import GranteeProject
from projects.models import GrantProject
from reports.indicators.registry import percent, source


def _competitions(project: GrantProject) -> list[Competition]:
    """The project's competitions that have grantee projects: the rest have nothing to count."""
    return list(
        Competition.objects.filter(
            project=project,
            pk__in=GranteeProject.objects.values("application__competition"),
        )
    )


def _total(project: GrantProject, figure) -> Decimal:
    return Decimal(sum(figure(competition) for competition in _competitions(project)))


def _share(project: GrantProject, figure) -> Decimal:
    shares = [figure(competition) for competition in _competitions(project)]
    return percent(sum(s.part for s in shares), sum(s.whole for s in shares))


def _today() -> date:
    return timezone.localdate()


@source("trainings_held", _("Trainings held (first day passed)"))
def trainings_held(project: GrantProject) -> Decimal:
    return _total(project, lambda c: mentoring.trainings_held(c, _today()))


@source("training_programme_days", _("Days of the longest training programme"))
def training_programme_days(project: GrantProject) -> Decimal:
    return Decimal(max((mentoring.training_days(c) for c in _competitions(project)), default=0))


@source("grantees_trained", _("Grantee teams of which someone attended a training"))
def grantees_trained(project: GrantProject) -> Decimal:
    return _total(project, mentoring.grantees_trained)


@source("training_materials", _("Training materials published to grantees"))
def training_materials(project: GrantProject) -> Decimal:
    return _total(project, mentoring.materials_published)


@source("mentorships", _("Grantee projects with a personal mentor"))
def mentorships(project: GrantProject) -> Decimal:
    return _total(project, mentoring.mentorships)


@source("fewest_meetings", _("Mentoring meetings of the least-mentored grantee project"))
def fewest_meetings(project: GrantProject) -> Decimal:
    return Decimal(min((mentoring.fewest_meetings(c) for c in _competitions(project)), default=0))


@source("projects_completed", _("Grantee projects completed (fully or partly)"))
def projects_completed(project: GrantProject) -> Decimal:
    return _total(project, mentoring.projects_completed)


@source("projects_success_share", _("Share of grantee projects completed successfully"))
def projects_success_share(project: GrantProject) -> Decimal:
    return _share(project, mentoring.projects_success)


@source("training_satisfaction_share", _("Share of training feedback answers 4–5"))
def training_satisfaction_share(project: GrantProject) -> Decimal:
    return _share(project, mentoring.training_satisfaction)


@source("mentoring_useful_share", _("Share of mentoring evaluations 4–5"))
def mentoring_useful_share(project: GrantProject) -> Decimal:
    return _share(project, mentoring.mentoring_usefulness)


@source("life_improved_share", _("Share of grantee teams saying life in the village improved"))
def life_improved_share(project: GrantProject) -> Decimal:
    return _share(project, mentoring.life_improved)


@source("grantee_videos", _("Videos about grantee projects"))
def grantee_videos(project: GrantProject) -> Decimal:
    return Decimal(media.videos_count(project, grantee_only=True))


@source("video_villages", _("Villages where the grantee videos were filmed"))
def video_villages(project: GrantProject) -> Decimal:
    return Decimal(
        Video.objects.filter(project=project, grantee__isnull=False)
        .values("village")
        .distinct()
        .count()
    )


@source("video_posts", _("Posts promoting the videos"))
def video_posts(project: GrantProject) -> Decimal:
    return Decimal(media.posts_count(project, for_videos_only=True))


@source("videos_with_two_posts", _("Grantee videos with at least two posts each"))
def videos_with_two_posts(project: GrantProject) -> Decimal:
    """The document's "at least 2 posts per video", checked video by video: 14 posts on
    one video do not count for the other six."""
    return Decimal(media.videos_with_posts_count(project))


@source("video_average_seconds", _("Average length of the grantee videos, seconds"))
def video_average_seconds(project: GrantProject) -> Decimal:
    average = media.average_duration_seconds(project)
    return Decimal(round(average)) if average is not None else Decimal(0)


@source("promoted_videos", _("Grantee videos with a recorded promotion"))
def promoted_videos(project: GrantProject) -> Decimal:
    return Decimal(media.promotion_totals(project)["grantee_videos"])


@source("promotion_reach", _("People reached by the videos' promotions"))
def promotion_reach(project: GrantProject) -> Decimal:
    return Decimal(media.promotion_totals(project)["reach"])


@source("posts_total", _("Posts in all"))
def posts_total(project: GrantProject) -> Decimal:
    return Decimal(media.posts_count(project))


@source("videos_total", _("Videos in all"))
def videos_total(project: GrantProject) -> Decimal:
    return Decimal(media.videos_count(project))


@source("views_total", _("Views: the latest snapshot of every post"))
def views_total(project: GrantProject) -> Decimal:
    return Decimal(media.total_views(project))


@source("media_publications", _("Publications by outside media"))
def media_publications(project: GrantProject) -> Decimal:
    return Decimal(media.publications_count(project))


@source("positive_reactions_share", _("Share of positive reactions to the posts of the videos"))
def positive_reactions_share(project: GrantProject) -> Decimal:
    share = media.positive_share(project)
    return percent(round(share * 10_000), 10_000) if share is not None else Decimal(0)


@source("exhibitions_held", _("Exhibitions held"))
def exhibitions_held(project: GrantProject) -> Decimal:
    return Decimal(Exhibition.objects.filter(project=project, held_on__lte=_today()).count())


def _exhibition_figure(project: GrantProject, figure) -> Decimal:
    found = exhibition.project_exhibition(project)
    return Decimal(figure(found)) if found is not None else Decimal(0)


@source("exhibition_stands", _("Stands at the exhibition"))
def exhibition_stands(project: GrantProject) -> Decimal:
    return _exhibition_figure(project, exhibition.stands_count)


@source("exhibition_participants", _("Exhibition participants checked in at the door"))
def exhibition_participants(project: GrantProject) -> Decimal:
    return _exhibition_figure(project, exhibition.participants_checked_in)


@source("round_tables", _("Round tables held at the exhibition"))
def round_tables(project: GrantProject) -> Decimal:
    return _exhibition_figure(project, exhibition.round_tables_count)


@source("thank_you_letters", _("Thank-you letters issued"))
def thank_you_letters(project: GrantProject) -> Decimal:
    return _exhibition_figure(
        project, lambda found: exhibition.letters_count(found, ready_only=True)
    )


@source("support_grew_share", _("Share of exhibition feedback saying support grew"))
def support_grew_share(project: GrantProject) -> Decimal:
    found = exhibition.project_exhibition(project)
    share = exhibition.support_grew_share(found) if found is not None else None
    return percent(round(share * 10_000), 10_000) if share is not None else Decimal(0)
