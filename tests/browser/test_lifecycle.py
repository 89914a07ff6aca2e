"""The whole small-grants story, across every role, in Kazakh, through the browser.

Staff open a call, two teams apply from their phones, five experts score, staff
decide and publish, the winner sees the result, a mentor and the grantee work on
the project, staff record the media campaign and the exhibition, and the
operator downloads the final report whose totals must match the portal.

Two things have no page of their own besides the Django admin, so staff use the
admin in the browser: opening a call (the admin's "copy" action on last year's
call, then its dates) and creating the exhibition. Nothing is set up through
services: the `demo` fixture gives only the project, its budget, indicators and
the demo logins (not the 2025 applications), so every figure checked is the
story's own.
"""

import io
import re
from datetime import date, datetime, time, timedelta
from urllib.request import urlopen

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from PIL import Image
from playwright.sync_api import expect

from accounts.models import User
from applications.models import Application
from competitions.models import Competition
from competitions.places import place_label
from demo.loader import COMPETITION_SLUG, DEMO_PASSWORD
from exhibition.models import Exhibition, Registration
from media_campaign.models import Post, Video
from mentoring.models import GranteeExpense, GranteeProject, Meeting
from projects.models import GrantProject
from reviews.models import Assignment, Decision, Review
from reviews.services import conflict_declare, declaration_accept, review_submit
from tests.applications.helpers import confirmed_teammate, iin_for, village
from tests.browser.conftest import SECOND_STEP, pass_second_step, settle_autosave
from tests.xlsx_formulas import computed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DEMO = "demo.jastarurban.kz"
STAFF = f"coordinator@{DEMO}"
DIRECTOR = f"director@{DEMO}"
MENTOR = f"mentor@{DEMO}"
OPERATOR = f"operator@{DEMO}"
EXPERTS = [f"expert{number}@{DEMO}" for number in range(1, 6)]
# Two experts score on their phones; the other three through the services those pages
# call (the scoring page's own tests are tests/browser/test_expert.py and tests/reviews/):
# the story needs all five reviews, not the same two minutes of typing five times.
EXPERTS_ON_PHONES = EXPERTS[:2]
SLUG = "jastarurban-lifecycle"
# indicator code → the computation that measures it (reports/indicators/sources.py)
MEASURED = {
    "applications_received": "applications_received",
    "small_grants_awarded": "grants_awarded",
    "small_grants_amount": "grants_awarded_kzt",
    "videos_total": "videos_total",
    "exhibition_participants": "exhibition_participants",
}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# (applicant, e-mail, title, team, score per criterion from every expert)
TEAMS = [
    (
        "Жұмабаев Ерлан",
        "erlan@example.kz",
        "Ауыл саябағы",
        [("Жұмабаев Ерлан", date(2001, 4, 12)), ("Серікова Аяжан", date(2003, 9, 1))],
        9,
    ),
    (
        "Оразова Мадина",
        "madina@example.kz",
        "Жасыл аула",
        [
            ("Оразова Мадина", date(1999, 2, 3)),
            ("Қайратұлы Нұрбол", date(2000, 7, 21)),
            ("Есенова Ақбота", date(2002, 11, 5)),
        ],
        6,
    ),
]


def kk(text: str) -> str:
    with translation.override("kk"):
        return gettext(text)


def png_bytes(colour: str = "green") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), colour).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    """A small but real one-page PDF (with a correct cross-reference table)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


class Story:
    """One browser, a context (cookies) per person and device, like separate devices: a
    person who comes back to the same device is still logged in there."""

    def __init__(self, browser, url: str):
        self.browser, self.url = browser, url
        self.contexts = []
        self.signed_in = {}  # (email, viewport width) → that device's page
        self.users = {user.email: user for user in User.objects.filter(email__endswith=DEMO)}
        # The live server's first request imports every app's views (WeasyPrint, WebAuthn…):
        # on a busy machine that alone can pass Playwright's 15 seconds.
        urlopen(f"{url}/healthz", timeout=120).close()  # noqa: S310 - the test's own server

    def device(self, viewport=DESKTOP):
        context = self.browser.new_context(viewport=viewport, locale="en-US")
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    def login(self, email: str, password: str = DEMO_PASSWORD, viewport=DESKTOP):
        if (email, viewport["width"]) in self.signed_in:
            return self.signed_in[email, viewport["width"]]
        page = self.signed_in[email, viewport["width"]] = self.device(viewport)
        page.goto(f"{self.url}/accounts/login/")
        assert page.locator("html").get_attribute("lang") == "kk"
        page.fill("#id_username", email)
        page.fill("#id_password", password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        if SECOND_STEP.search(page.url):
            pass_second_step(page, email)
        return page

    def close(self):
        for context in self.contexts:
            context.close()


def open_the_call(story: Story) -> Competition:
    """Staff copy last year's call in the admin, then set it open now with one award."""
    page = story.login(STAFF)
    url = story.url
    last_year = Competition.objects.get(slug=COMPETITION_SLUG)
    page.goto(f"{url}/admin/competitions/competition/")
    page.check(f"input[name=_selected_action][value='{last_year.pk}']")
    page.select_option("select[name=action]", "copy_competition")
    page.locator("button[name=index]").click()
    expect(page.locator("ul.messagelist")).to_contain_text(f"{COMPETITION_SLUG}-copy-")
    copy = Competition.objects.get(slug=f"{COMPETITION_SLUG}-copy-{last_year.pk}")

    page.goto(f"{url}/admin/competitions/competition/{copy.pk}/change/")
    today = timezone.localdate()
    opens, closes = today - timedelta(days=1), today + timedelta(days=30)
    page.fill("#id_slug", SLUG)
    page.fill("#id_title_kk", "JastarUrban: Ауылдан басталады — жаңа байқау")
    page.fill("#id_opens_at_0", opens.strftime("%d.%m.%Y"))
    page.fill("#id_opens_at_1", "09:00")
    page.fill("#id_closes_at_0", closes.strftime("%d.%m.%Y"))
    page.fill("#id_closes_at_1", "18:00")
    page.fill("#id_review_deadline_0", (closes + timedelta(days=10)).strftime("%d.%m.%Y"))
    page.fill("#id_review_deadline_1", "18:00")
    page.fill("#id_award_count", "1")
    page.fill("#id_required_reviews", "5")
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{url}/admin/competitions/competition/")
    call = Competition.objects.get(slug=SLUG)
    assert call.is_open and call.award_count == 1 and call.last_number == 0
    opened = timezone.localtime(call.opens_at)  # Aktau time, as typed
    assert opened.replace(tzinfo=None) == datetime.combine(opens, time(9, 0))
    assert call.criteria.count() == 4

    page.goto(f"{url}/competitions/{SLUG}/")
    expect(page.locator("h1")).to_contain_text("жаңа байқау")

    # Once per project, staff say which computation measures an indicator (the
    # `demo` fixture leaves them unset; the full demo's reports loader sets them).
    for code, source in MEASURED.items():
        page.goto(f"{url}/admin/projects/indicator/")
        page.get_by_role("link", name=code, exact=True).click()
        page.locator("#id_source").select_option(source)
        page.locator("input[name=_save]").click()
        page.wait_for_url(f"{url}/admin/projects/indicator/")
    return call


def apply(story: Story, call: Competition, team) -> Application:
    """A villager registers on a phone, fills the profile, applies with a team and submits."""
    full_name, email, title, members, _score = team
    url = story.url
    page = story.device(PHONE)
    with translation.override("kk"):
        beineu = place_label(village())  # as the Kazakh village list shows it

    page.goto(f"{url}/accounts/register/")
    assert page.locator("html").get_attribute("lang") == "kk"
    page.fill("#id_full_name", full_name)
    page.fill("#id_email", email)
    page.fill("#id_phone", f"+7 701 111 23 {TEAMS.index(team):02d}")  # one number, one account
    page.fill("#id_password1", "ауыл-жастары-2025")
    page.fill("#id_password2", "ауыл-жастары-2025")
    page.check("#id_consent")
    page.locator("form button[type=submit].btn-primary").click()
    page.wait_for_url(f"{url}/accounts/register/done/")
    letter = next(message for message in reversed(mail.outbox) if email in message.to)
    link = re.search(r"https?://\S+/accounts/activate/\S+/", letter.body).group(0)
    page.goto(link)
    page.wait_for_url(f"{url}/applications/")

    page.goto(f"{url}/applications/profile/")
    page.fill("#id_iin", iin_for(members[0][1]))
    page.fill("#id_village", beineu)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{url}/applications/")

    page.locator(f"form[action='/applications/start/{call.slug}/'] button").click()
    page.wait_for_url(re.compile(r"/applications/\d+/edit/$"))
    edit_url = page.url
    page.set_input_files(
        "#id_file",
        files=[{"name": "smeta.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}],
    )
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_url(edit_url)
    expect(page.get_by_text("smeta.pdf")).to_be_visible()
    # The lead is member 1, from the profile; the teammates confirm themselves on their own
    # phones (tests/browser/test_team_invite.py walks that), here set up as confirmed.
    application = Application.objects.get(applicant__email=email)
    for name, born in members[1:]:
        confirmed_teammate(application, iin=iin_for(born), full_name=name, role="Ерікті")

    page.fill("#id_main-title", title)
    page.fill("#id_main-village", beineu)
    page.fill("#id_main-problem", "Балаларға ойнайтын орын жоқ")
    page.fill("#id_main-idea", "Ескі алаңды саябаққа айналдыру")
    page.fill("#id_main-goal", "Ауылды көріктендіру")
    page.fill("#id_main-expected_results", "Жаңа саябақ, 200 тұрғын")
    page.fill("#id_activity-0-name", "Алаңды тазалау")
    page.fill("#id_activity-0-starts_on", "2025-08-01")
    page.fill("#id_activity-0-ends_on", "2025-08-15")
    page.fill("#id_budget-0-item", "Орындық")
    page.fill("#id_budget-0-unit", "дана")
    page.fill("#id_budget-0-quantity", "4")
    page.fill("#id_budget-0-unit_cost_kzt", "150000")
    expect(page.locator("#save-status")).to_contain_text(re.compile(r"\d\d:\d\d:\d\d"))
    for name in ("rules", "accuracy", "no_ties"):
        page.check(f"#id_declare-{name}")
    settle_autosave(page)
    page.locator("button[name=submit]").click()
    page.wait_for_url(re.compile(r"/applications/\d+/$"))

    application = Application.objects.get(applicant__email=email)
    assert application.status == Application.Status.SUBMITTED
    assert re.fullmatch(r"JU-\d{4}-\d{4}", application.registration_number)
    expect(page.get_by_text(application.registration_number).first).to_be_visible()
    assert application.team.count() == len(members)
    assert application.attachments.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    return application


def screen_and_assign(story: Story, call: Competition, applications) -> None:
    page = story.login(STAFF)
    url = story.url
    for application in applications:
        page.goto(f"{url}/applications/staff/")
        page.get_by_role("link", name=application.registration_number).click()
        page.wait_for_url(f"{url}/applications/{application.pk}/")
        page.check("input[name=decision][value=eligible]")
        page.locator(f"form[action='/applications/{application.pk}/screen/'] button").click()
        page.wait_for_url(f"{url}/applications/{application.pk}/")
        application.refresh_from_db()
        assert application.status == Application.Status.ELIGIBLE

    page.goto(f"{url}/reviews/commission/{call.slug}/")
    for email in EXPERTS:
        expert = story.users[email]
        page.select_option("#id_expert", label=expert.full_name)
        page.locator(f"form[action='/reviews/commission/{call.slug}/add/'] button").click()
        page.wait_for_url(f"{url}/reviews/commission/{call.slug}/")
        expect(page.locator("table").first).to_contain_text(expert.full_name)
    page.check("input[name=mode][value=every]")
    page.locator(f"form[action='/reviews/commission/{call.slug}/assign/'] button").click()
    page.wait_for_url(f"{url}/reviews/commission/{call.slug}/")
    expect(page.locator(".alert-success")).to_contain_text("10")  # 5 experts × 2
    assert call.commission.count() == 5


def review(story: Story, email: str, applications) -> None:
    """An expert accepts the declaration, declares no conflict and scores both teams."""
    url = story.url
    page = story.login(email, viewport=PHONE)
    page.wait_for_url(re.compile(r"/reviews/declaration/\d+/$"))
    page.locator("button[name=accept]").click()
    page.wait_for_url(f"{url}/reviews/")
    for application, team in zip(applications, TEAMS, strict=True):
        page.get_by_test_id("assignment").filter(has_text=application.registration_number).click()
        page.wait_for_url(f"{url}/reviews/applications/{application.pk}/")
        page.check("input[name=answer][value=none]")
        page.locator("main form button[type=submit]").click()
        expect(page.locator("input[name^=score_]").first).to_be_visible()
        for criterion in application.competition.criteria.order_by("position"):
            page.fill(f"#id_score_{criterion.pk}", str(team[4]))
            page.fill(f"#id_justification_{criterion.pk}", "Негіздеме: ауылға қажет")
        page.fill("#id_comment", "Ауылға пайдалы жоба")
        # Leaving the field fires its `change` autosave now, not alongside the submit.
        page.locator("#id_comment").blur()
        expect(page.locator("#save-status")).to_contain_text(re.compile(r"\d\d:\d\d:\d\d"))
        settle_autosave(page)
        page.locator("button[name=submit]").click()
        page.wait_for_url(f"{url}/reviews/")
    assert (
        Review.objects.filter(
            assignment__member__expert__email=email, status=Review.Status.SUBMITTED
        ).count()
        == 2
    )


def review_without_a_browser(email: str, applications) -> None:
    """The same steps as review(), through the services the scoring page calls."""
    for application, team in zip(applications, TEAMS, strict=True):
        assignment = Assignment.objects.select_related("member__competition").get(
            member__expert__email=email, application=application
        )
        declaration_accept(member=assignment.member)
        assignment = conflict_declare(assignment=assignment, conflicted=False)
        criteria = application.competition.criteria.order_by("position")
        scores = {criterion.pk: (team[4], "Негіздеме: ауылға қажет") for criterion in criteria}
        review_submit(assignment=assignment, scores=scores, comment="Ауылға пайдалы жоба")


def decide_and_publish(story: Story, call: Competition, winner: Application) -> None:
    page = story.login(STAFF)
    url = story.url
    # Every conflict flag is resolved first (the decision is refused while one is open).
    page.goto(f"{url}/reviews/commission/{call.slug}/")
    dismiss = page.locator("button[name=outcome][value=dismissed]")
    while dismiss.count():
        form = dismiss.first.locator("xpath=ancestor::form")
        form.locator("input[name=note]").fill("Әртүрлі отбасылар — тексерілді.")
        dismiss.first.click()
        page.wait_for_url(f"{url}/reviews/commission/{call.slug}/")
    page.goto(f"{url}/reviews/ranking/{call.slug}/")
    ranking = page.get_by_test_id("ranking")
    expect(ranking.locator("tbody tr").first).to_contain_text(winner.registration_number)
    # The rank order decides: the first (and only) award is ticked already. The commission
    # has no chair, so GAMO staff propose.
    expect(page.locator(f"input[name=winner][value='{winner.pk}']")).to_be_checked()
    page.locator(
        f"form[action='/reviews/ranking/{call.slug}/propose/'] button[type=submit]"
    ).click()
    page.wait_for_url(f"{url}/reviews/ranking/{call.slug}/")
    expect(page.get_by_test_id("award-decision")).to_contain_text(
        kk("Proposed, awaiting the director")
    )
    # Four eyes: the director approves.
    director = story.login(DIRECTOR)
    director.goto(f"{url}/reviews/ranking/{call.slug}/")
    director.locator(f"form[action='/reviews/ranking/{call.slug}/approve/'] button").click()
    director.wait_for_url(f"{url}/reviews/ranking/{call.slug}/")
    expect(director.get_by_test_id("ranking")).to_contain_text(kk("Awarded"))
    page.goto(f"{url}/reviews/ranking/{call.slug}/")
    # The page's title is text only, whatever forms the page holds.
    assert "<" not in page.title()
    page.locator(f"form[action='/reviews/ranking/{call.slug}/publish/'] button").click()
    page.wait_for_url(f"{url}/reviews/ranking/{call.slug}/")
    expect(page.locator(".alert-success").first).to_be_visible()
    call.refresh_from_db()
    assert call.results_published_at is not None
    assert Decision.objects.get(application=winner).outcome == Decision.Outcome.AWARDED


def winner_sees_the_result(story: Story, winner: Application, team) -> GranteeProject:
    url = story.url
    page = story.login(team[1], password="ауыл-жастары-2025", viewport=PHONE)
    page.goto(f"{url}/applications/")
    card = page.get_by_test_id("application-card").filter(has_text=winner.registration_number)
    card.get_by_role("link", name=winner.title).click()
    page.wait_for_url(f"{url}/applications/{winner.pk}/")
    page.get_by_role("link", name=kk("See the result")).click()
    page.wait_for_url(f"{url}/reviews/result/{winner.pk}/")
    expect(page.get_by_test_id("outcome")).to_contain_text(kk("Awarded"))
    # The award is what the team requested: 4 chairs at 150 000 ₸.
    expect(page.get_by_test_id("outcome")).to_contain_text("600 000 ₸")
    return GranteeProject.objects.get(application=winner)


def mentoring_and_expense(story: Story, project: GranteeProject, team) -> None:
    url = story.url
    staff = story.login(STAFF)
    staff.goto(f"{url}/projects/{project.application.competition.project.slug}/grantees/")
    staff.get_by_role("link", name=project.application.title).first.click()
    staff.wait_for_url(f"{url}/mentoring/projects/{project.pk}/")
    staff.select_option("#id_mentor", label=story.users[MENTOR].full_name)
    staff.locator(f"form[action='/mentoring/projects/{project.pk}/mentor/'] button").click()
    staff.wait_for_url(f"{url}/mentoring/projects/{project.pk}/")
    expect(staff.locator("main")).to_contain_text(story.users[MENTOR].full_name)

    mentor = story.login(MENTOR, viewport=PHONE)
    mentor.goto(f"{url}/mentoring/projects/{project.pk}/")
    mentor.get_by_role("link", name=kk("Log a meeting")).click()
    mentor.wait_for_url(f"{url}/mentoring/projects/{project.pk}/meeting/")
    mentor.fill("#id_held_on", timezone.localdate().isoformat())
    mentor.check("input[name=format][value=online]")
    mentor.fill("#id_duration_minutes", "60")
    mentor.fill("#id_topics", "Жұмыс жоспары және сатып алу")
    mentor.fill("#id_next_steps", "Орындықтарды сатып алу")
    mentor.check("input[name=project_state][value=on_track]")
    mentor.locator("main form button").click()
    mentor.wait_for_url(f"{url}/mentoring/projects/{project.pk}/")
    expect(mentor.get_by_test_id("meeting")).to_have_count(1)
    assert Meeting.objects.filter(project=project, mentor__email=MENTOR).count() == 1

    grantee = story.login(team[1], password="ауыл-жастары-2025", viewport=PHONE)
    grantee.goto(f"{url}/applications/")
    grantee.get_by_test_id("grantee-project").click()
    grantee.wait_for_url(f"{url}/mentoring/projects/{project.pk}/")
    grantee.get_by_role("button", name=kk("Write a progress report")).click()
    grantee.wait_for_url(re.compile(r"/mentoring/reports/\d+/$"))
    report_url = grantee.url
    line = project.budget_lines.get()
    grantee.select_option("#id_line", label=line.item)
    grantee.fill("#id_spent_on", timezone.localdate().isoformat())
    grantee.fill("#id_amount_kzt", "150000")
    grantee.fill("#id_description", "Бір орындық")
    grantee.set_input_files(
        "#id_receipt",
        files=[{"name": "chek.png", "mimeType": "image/png", "buffer": png_bytes("white")}],
    )
    grantee.get_by_role("button", name=kk("Add the expense")).click()
    grantee.wait_for_url(report_url)
    expect(grantee.get_by_test_id("expense")).to_have_count(1)
    spent = grantee.locator("table", has_text=kk("Remaining")).last
    expect(spent.locator("tfoot")).to_contain_text("150 000 ₸")  # spent
    expect(spent.locator("tfoot")).to_contain_text("450 000 ₸")  # remaining of 600 000
    assert GranteeExpense.objects.filter(line__project=project).count() == 1
    assert grantee.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def media_and_exhibition(story: Story, project: GranteeProject) -> Exhibition:
    url = story.url
    page = story.login(STAFF)
    page.goto(f"{url}/projects/jastarurban/media/videos/add/")
    page.select_option("#id_grantee", str(project.pk))
    page.fill("#id_title", "Ауыл саябағы: жастар бастамасы")
    page.fill("#id_duration_seconds", "95")
    page.fill("#id_link", "https://www.youtube.com/watch?v=jastarurban1")
    page.fill("#id_filmed_on", timezone.localdate().isoformat())
    page.select_option("#id_status", "published")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{url}/projects/jastarurban/media/")
    expect(page.get_by_test_id("videos")).to_have_text("1")
    # The target comes from the indicator row, not from the template.
    expect(page.get_by_test_id("videos-target")).to_contain_text("10")
    video = Video.objects.get()
    assert video.grantee == project and video.village == project.application.village

    page.goto(f"{url}/projects/jastarurban/media/posts/add/")
    page.select_option("#id_platform", "instagram")
    page.fill("#id_link", "https://www.instagram.com/p/jastarurban1/")
    page.fill("#id_published_on", timezone.localdate().isoformat())
    page.select_option("#id_video", str(video.pk))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda address: "/add/" not in address)
    assert Post.objects.get().video == video

    # No staff page creates an exhibition: staff use the admin, in the browser.
    page.goto(f"{url}/admin/exhibition/exhibition/add/")
    page.select_option("#id_project", str(GrantProject.objects.get(slug="jastarurban").pk))
    page.fill("#id_slug", "korme")  # typed first: the admin then leaves it as it is
    page.fill("#id_title", "Ауыл жастарының көрмесі")
    expect(page.locator("#id_slug")).to_have_value("korme")
    page.fill("#id_held_on", (timezone.localdate() + timedelta(days=7)).strftime("%d.%m.%Y"))
    page.fill("#id_opens_at", "10:00")
    page.fill("#id_closes_at", "16:00")
    page.fill("#id_venue", "Ақтау, Жастар орталығы")
    page.fill("#id_programme", "10:00 Ашылу\n11:00 Дөңгелек үстел")
    page.fill("#id_capacity", "80")
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{url}/admin/exhibition/exhibition/")
    exhibition = Exhibition.objects.get()
    assert exhibition.slug == "korme", exhibition.slug

    visitor = story.device(PHONE)
    visitor.goto(f"{url}/exhibition/korme/register/")
    visitor.fill("#id_full_name", "Әлиев Самат")
    visitor.select_option("#id_category", "volunteer")
    visitor.fill("#id_phone", "+7 702 333 44 55")
    visitor.fill("#id_email", "samat@example.kz")
    visitor.check("#id_consent")
    visitor.locator("main form button[type=submit]").click()
    visitor.wait_for_url(f"{url}/exhibition/korme/register/confirm/")
    # The place is held until the visitor types the code the e-mail brought.
    letter = next(m for m in reversed(mail.outbox) if "samat@example.kz" in m.to)
    visitor.fill("#id_code", re.search(r"\b\d{6}\b", letter.body).group())
    visitor.locator("main form button[type=submit]").click()
    visitor.wait_for_url(re.compile(r"/exhibition/registered/[^/]+/$"))
    expect(visitor.get_by_test_id("qr")).to_be_visible()
    assert "<" not in visitor.title()

    page.goto(f"{url}/exhibition/manage/korme/participants/")
    expect(page.get_by_test_id("checked-in")).to_contain_text("0 / кемінде 50")
    page.locator("li", has_text="Әлиев Самат").get_by_role("button", name=kk("Check in")).click()
    page.wait_for_url(lambda address: "/check-in/" not in address)
    page.goto(f"{url}/exhibition/manage/korme/participants/")
    expect(page.get_by_test_id("checked-in")).to_contain_text("1 / кемінде 50")
    assert Registration.objects.get(exhibition=exhibition).checked_in_at is not None

    # The dashboard shows daily snapshots (Celery beat takes them at night); staff take
    # today's now, so that the operator sees the story's figures.
    page.goto(f"{url}/projects/jastarurban/reports/dashboard/")
    page.get_by_role("button", name=kk("Snapshot now")).click()
    page.wait_for_url(f"{url}/projects/jastarurban/reports/dashboard/")
    expect(page.locator(".alert-success")).to_contain_text(
        kk("Today's values are updated (%(time)s).").split("(")[0]
    )
    return exhibition


def final_report(story: Story, call: Competition, applications, tmp_path) -> None:
    url = story.url
    page = story.login(OPERATOR)
    # What the portal shows the operator, the file must say too.
    page.goto(f"{url}/projects/jastarurban/reports/budget/")
    expect(page.get_by_test_id("budget-total")).to_have_text("11 550 500 ₸")
    page.goto(f"{url}/projects/jastarurban/reports/dashboard/")
    for code, shown in [
        ("applications_received", "2"),
        ("small_grants_awarded", "1"),
        ("small_grants_amount", r"600\s?000\s?₸"),
    ]:
        actual = page.locator(f"tr[data-code={code}]").get_by_test_id("actual")
        expect(actual).to_have_text(re.compile(rf"^\s*{shown}\s*$"))
    page.goto(f"{url}/projects/jastarurban/reports/files/")
    page.select_option("#id_kind", "final")
    page.select_option("#id_format", "xlsx")
    page.select_option("#id_language", "kk")
    page.get_by_role("button", name=kk("Build the report")).click()
    page.wait_for_url(f"{url}/projects/jastarurban/reports/files/")
    row = page.locator("tr[data-status=done]").first
    with page.expect_download() as download_info:
        row.get_by_role("link", name=kk("Download")).click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    assert path.suffix == ".xlsx"
    book = load_workbook(path)

    summary = book[kk("Summary")[:31]]
    # The summary's figures are formulas: computed as a spreadsheet would.
    totals = {row[0].value: row[1].coordinate for row in summary.iter_rows() if len(row) > 1}
    assert computed(book, summary, totals[kk("Budget total")]) == 11_550_500

    grantees = book[kk("Grantee projects")[:31]]
    rows = [row for row in grantees.iter_rows(min_row=2, values_only=True) if row[0]]
    assert [(row[0], row[4]) for row in rows] == [(applications[0].registration_number, 600_000)]

    ranked = book[kk("Applications")[:31]]
    numbers = [row[2] for row in ranked.iter_rows(min_row=2, values_only=True) if row[0]]
    assert sorted(numbers) == sorted(a.registration_number for a in applications)

    indicators = {
        row[1]: row[5] for row in book[kk("Indicators")[:31]].iter_rows(min_row=2, values_only=True)
    }
    assert indicators["applications_received"] == 2
    assert indicators["small_grants_awarded"] == 1
    assert indicators["small_grants_amount"] == 600_000


def test_the_whole_story_from_the_call_to_the_final_report(
    live_server, browser, demo, settings, tmp_path
):
    assert kk("Awarded") != "Awarded", "compile the catalogues first: make messages"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url
    story = Story(browser, live_server.url)
    try:
        call = open_the_call(story)
        applications = [apply(story, call, team) for team in TEAMS]
        numbers = [application.registration_number for application in applications]
        assert numbers[0].endswith("-0001") and numbers[1].endswith("-0002")
        screen_and_assign(story, call, applications)
        for email in EXPERTS:
            if email in EXPERTS_ON_PHONES:
                review(story, email, applications)
            else:
                review_without_a_browser(email, applications)
        winner = applications[0]
        decide_and_publish(story, call, winner)
        project = winner_sees_the_result(story, winner, TEAMS[0])
        mentoring_and_expense(story, project, TEAMS[0])
        media_and_exhibition(story, project)
        final_report(story, call, applications, tmp_path)
    finally:
        story.close()
