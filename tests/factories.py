from datetime import date, timedelta
from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from competitions.models import Competition
from media_campaign.services import campaign_days_refresh
from projects.models import Activity, BudgetLine, GrantProject, GrantRecipient, Indicator

PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.kz")
    full_name = factory.Faker("name", locale="ru_RU")
    password = factory.django.Password(PASSWORD)
    is_active = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=[role.value for role in extracted]))
            if Role.STAFF in extracted:
                self.is_staff = True
                self.save(update_fields=["is_staff"])


class GrantRecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantRecipient
        django_get_or_create = ["bin"]

    name = "«Қоғамды дамыту мәселелері жөніндегі Маңғыстау облысының Азаматтық Альянсы» ЗТБ"
    short_name = "ГАМО"
    bin = "051140010597"
    registered_on = date(2005, 11, 21)
    legal_address = "Ақтау қ., 26 шағын аудан"
    head_full_name = "Ахметова Жібек Аманбайқызы"
    head_position = "Президент"
    phone = "+7 7292 303784"
    email = "gamo_aktau@mail.ru"


class GrantProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantProject

    recipient = factory.SubFactory(GrantRecipientFactory)
    slug = factory.Sequence(lambda n: f"project-{n}")
    title = factory.Sequence(lambda n: f"Жоба {n}")
    operator_name = "«Азаматтық бастамаларды қолдау орталығы» КЕАҚ"
    region = "Маңғыстау облысы"
    starts_on = date(2025, 6, 1)
    ends_on = date(2025, 11, 30)
    goal = "Ауыл жастарының бастамаларын қолдау"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    project = factory.SubFactory(GrantProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    task = "Міндет"
    title = factory.Sequence(lambda n: f"Іс-шара {n}")
    starts_on = date(2025, 6, 1)
    ends_on = date(2025, 7, 31)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    project = factory.SubFactory(GrantProjectFactory)
    position = factory.Sequence(lambda n: n + 1)
    section = BudgetLine.Section.ADMINISTRATIVE
    name = factory.Sequence(lambda n: f"Шығын {n}")
    unit = BudgetLine.Unit.SERVICE
    quantity = Decimal(1)
    unit_cost_kzt = 1000


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    activity = factory.SubFactory(ActivityFactory)
    project = factory.SelfAttribute("activity.project")
    position = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"indicator_{n}")
    kind = Indicator.Kind.QUANTITATIVE
    name = factory.Sequence(lambda n: f"Көрсеткіш {n}")
    unit = Indicator.Unit.COUNT
    target = Decimal(5)


class CompetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competition

    project = factory.SubFactory(GrantProjectFactory)
    slug = factory.Sequence(lambda n: f"competition-{n}")
    title = factory.Sequence(lambda n: f"Байқау {n}")
    summary = "Ауыл жастарына арналған шағын гранттар байқауы"
    eligibility = "18–35 жастағы ауыл жастары"
    funds = "Қоғамдық кеңістіктерді абаттандыру"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    max_request_kzt = 1_000_000
    award_count = 7


# --- media_campaign and exhibition ---


def _village():
    from competitions.models import Settlement

    return Settlement.objects.filter(kind=Settlement.Kind.VILLAGE).order_by("kato_code").first()


class GranteeProjectFactory(factory.django.DjangoModelFactory):
    """A winning application turned grantee project, with its team lead."""

    class Meta:
        model = "mentoring.GranteeProject"

    application = factory.SubFactory(
        "tests.factories.ApplicationFactory",
        status="eligible",
        registration_number=factory.Sequence(lambda n: f"JU-2025-{n + 1:04d}"),
    )
    award_kzt = 1_000_000


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Application"

    competition = factory.SubFactory(CompetitionFactory)
    applicant = factory.SubFactory(UserFactory, full_name="Қасымова Әйгерім")
    title = factory.Sequence(lambda n: f"Ауыл саябағы {n}")
    village = factory.LazyFunction(_village)


class VideoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "media_campaign.Video"

    project = factory.SubFactory(GrantProjectFactory)
    title = factory.Sequence(lambda n: f"Бейнеролик {n}")
    duration_seconds = 90
    status = "published"


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "media_campaign.Post"

    video = factory.SubFactory(VideoFactory)
    project = factory.SelfAttribute("video.project")
    platform = "instagram"
    link = factory.Sequence(lambda n: f"https://www.instagram.com/p/post{n}")
    published_on = date(2025, 9, 1)


class PostSnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "media_campaign.PostSnapshot"
        skip_postgeneration_save = True

    post = factory.SubFactory(PostFactory)
    taken_on = date(2025, 10, 1)
    views = 1000
    comments = 10
    positive = 6
    neutral = 3
    negative = 1

    @factory.post_generation
    def campaign_days(snapshot, create, extracted, **kwargs):
        """The campaign's stored days follow, as after the services' writes."""
        if create:
            campaign_days_refresh(project=snapshot.post.project)


class ExhibitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "exhibition.Exhibition"

    project = factory.SubFactory(GrantProjectFactory)
    slug = factory.Sequence(lambda n: f"exhibition-{n}")
    title = "Қорытынды көрме"
    held_on = date(2025, 11, 7)
    opens_at = "10:00"
    closes_at = "18:00"
    venue = "Ақтау қ., Жастар сарайы"
    programme = "10:00 Ашылу\n14:00 Дөңгелек үстел"
    capacity = 60


class StandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "exhibition.Stand"

    exhibition = factory.SubFactory(ExhibitionFactory)
    grantee = factory.SubFactory(GranteeProjectFactory)
    position = factory.Sequence(lambda n: n + 1)
    summary = "Ауыл жастары салған саябақ"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "exhibition.Registration"

    exhibition = factory.SubFactory(ExhibitionFactory)
    full_name = factory.Sequence(lambda n: f"Қонақ Нұрсұлу {n}")
    category = "resident"
    phone = factory.Sequence(lambda n: f"+7701{1000000 + n:07d}")
    consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(lambda registration: registration.consent_at)
