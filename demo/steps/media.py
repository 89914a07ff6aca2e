"""The demo's media campaign: 7 grantee videos in 7 villages plus 3 about the project,
25 posts with their figures on four dates (27 000+ views, most reactions positive),
a targeted promotion of each grantee video (the смета's 9 230 ₸ "social-media
publications" line, split over the seven), and 5 press publications. Creates only what
is missing."""

import random
from datetime import date, timedelta

from competitions.models import Settlement
from media_campaign.models import Post, PostSnapshot, Promotion, Publication, Video
from media_campaign.services import campaign_days_refresh
from mentoring.models import GranteeProject

SNAPSHOT_DAYS = [date(2025, 9, 15), date(2025, 10, 1), date(2025, 10, 15), date(2025, 11, 1)]
PROJECT_VIDEOS = [
    ("JastarUrban: ауылдан басталады — жоба туралы", 110),
    ("Жеті ауыл, жеті бастама: байқау қорытындысы", 95),
    ("Тәлімгерлер мен тренингтер: жастар не үйренді", 80),
]
EVENT_POSTS = [
    "Қорытынды көрме: тіркеу ашылды",
    "Қорытынды көрме: бағдарлама",
    "Дөңгелек үстел: тәжірибе алмасу",
    "Көрмеден фоторепортаж",
    "Алғыс хаттар табысталды",
]
PUBLICATIONS = [
    (
        Publication.Kind.ARTICLE,
        "«Маңғыстау» газеті",
        "Ауыл жастары өз ауылын өзгертуде",
        date(2025, 9, 5),
    ),
    (
        Publication.Kind.TV,
        "«Қазақстан-Ақтау» телеарнасы",
        "JastarUrban: жеті ауылдағы жеті жоба",
        date(2025, 9, 20),
    ),
    (
        Publication.Kind.WEB,
        "lada.kz",
        "Гранты для сельской молодёжи: итоги конкурса JastarUrban",
        date(2025, 8, 12),
    ),
    (
        Publication.Kind.ARTICLE,
        "«Огни Мангистау»",
        "Молодёжь сёл Мангистау меняет общественные пространства",
        date(2025, 10, 8),
    ),
    (
        Publication.Kind.TV,
        "«Хабар 24» аймақтық тілшісі",
        "Ақтаудағы қорытынды көрме",
        date(2025, 11, 6),
    ),
]
# The смета's line "social-media publications" (9 230 ₸), one share per grantee video.
PROMOTION_BUDGETS = [1_300, 1_300, 1_300, 1_330, 1_330, 1_330, 1_340]
PROMOTION_DAYS = 7

PLATFORMS = [
    Post.Platform.INSTAGRAM,
    Post.Platform.FACEBOOK,
    Post.Platform.TIKTOK,
    Post.Platform.YOUTUBE,
]
LINK_BASES = {
    Post.Platform.INSTAGRAM: "https://www.instagram.com/p/ju25",
    Post.Platform.FACEBOOK: "https://www.facebook.com/gamo.aktau/posts/ju25",
    Post.Platform.TIKTOK: "https://www.tiktok.com/@gamo_aktau/video/ju25",
    Post.Platform.YOUTUBE: "https://www.youtube.com/watch/ju25",
}


def _post(project, rng, number, *, video=None, event="", published_on):
    platform = PLATFORMS[number % len(PLATFORMS)]
    post, created = Post.objects.get_or_create(
        link=f"{LINK_BASES[platform]}{number:03d}",
        defaults={
            "project": project,
            "platform": platform,
            "published_on": published_on,
            "video": video,
            "event": event,
        },
    )
    if not created:
        return post
    final_views = rng.randint(850, 1600)
    for step, day in enumerate(SNAPSHOT_DAYS, start=1):
        if day < published_on:
            continue
        views = final_views * step // len(SNAPSHOT_DAYS)
        comments = max(3, views // 40)
        positive = comments * rng.randint(55, 75) // 100
        negative = comments * rng.randint(3, 10) // 100
        PostSnapshot.objects.create(
            post=post,
            taken_on=day,
            views=views,
            likes=views // 9,
            comments=comments,
            shares=views // 60,
            positive=positive,
            negative=negative,
            neutral=comments - positive - negative,
        )
    return post


def _promotion(video: Video, rng, index: int, *, village: Settlement, starts_on: date) -> None:
    if video.promotions.exists():
        return
    platform = (Post.Platform.INSTAGRAM, Post.Platform.FACEBOOK)[index % 2]
    district = village.district.name
    Promotion.objects.create(
        video=video,
        platform=platform,
        targeting=f"{district}, {village.name_kk} және көрші ауылдар; 18–35 жас; "
        "қызығушылықтары: жастар бастамалары, абаттандыру",
        budget_kzt=PROMOTION_BUDGETS[index % len(PROMOTION_BUDGETS)],
        reach=rng.randint(1_800, 3_600),
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=PROMOTION_DAYS - 1),
    )


def _filming_village(home: Settlement, used: set[int]) -> Settlement:
    """The team's village; when two winning teams share one, the second film is shot in a
    neighbouring village of the same district where that team also works (7 villages)."""
    village = home
    if home.pk in used:
        village = (
            Settlement.objects.filter(district=home.district, kind=Settlement.Kind.VILLAGE)
            .exclude(pk__in=used)
            .order_by("kato_code")
            .first()
        ) or home
    used.add(village.pk)
    return village


def load_media(demo) -> None:
    competition = demo.competition
    project = competition.project
    rng = random.Random(25)
    grantees = GranteeProject.objects.filter(
        application__competition=competition,
        status__in=[GranteeProject.Status.ACTIVE, GranteeProject.Status.COMPLETED],
    ).select_related("application__village")
    number = 0
    used: set[int] = set()
    for index, grantee in enumerate(grantees):
        application = grantee.application
        village = _filming_village(application.village, used)
        video, _created = Video.objects.get_or_create(
            project=project,
            grantee=grantee,
            defaults={
                "title": f"{village.name_kk}: {application.title.split(': ')[-1]}",
                "village": village,
                "duration_seconds": 70 + 7 * index,
                "link": f"https://www.youtube.com/watch?v=ju25grantee{index + 1}",
                "filmed_on": date(2025, 8, 11) + timedelta(days=4 * index),
                "status": Video.Status.PUBLISHED,
            },
        )
        first_post_on = date(2025, 9, 1) + timedelta(days=number + 1)
        for _ in range(2):
            number += 1
            _post(
                project,
                rng,
                number,
                video=video,
                published_on=date(2025, 9, 1) + timedelta(days=number),
            )
        _promotion(video, rng, index, village=village, starts_on=first_post_on)
    for index, (title, seconds) in enumerate(PROJECT_VIDEOS):
        video, _created = Video.objects.get_or_create(
            project=project,
            title=title,
            defaults={
                "duration_seconds": seconds,
                "link": f"https://www.youtube.com/watch?v=ju25project{index + 1}",
                "filmed_on": date(2025, 8, 25) + timedelta(days=10 * index),
                "status": Video.Status.PUBLISHED,
            },
        )
        for _ in range(2):
            number += 1
            _post(
                project,
                rng,
                number,
                video=video,
                published_on=date(2025, 9, 1) + timedelta(days=number),
            )
    for event in EVENT_POSTS:
        number += 1
        _post(
            project,
            rng,
            number,
            event=event,
            published_on=date(2025, 9, 10) + timedelta(days=number),
        )
    for kind, outlet, title, published_on in PUBLICATIONS:
        Publication.objects.get_or_create(
            project=project,
            title=title,
            defaults={"kind": kind, "outlet": outlet, "published_on": published_on},
        )
    # The figures the media page and the indicators read, from the snapshots made above.
    campaign_days_refresh(project=project)
