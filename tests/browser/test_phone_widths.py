"""Every page an applicant meets reads on a 360-px phone, in Kazakh, Russian and English."""

from datetime import date

import pytest
from django.http import QueryDict

from accounts.models import User
from applications.forms import ApplicationForms
from applications.models import Application
from applications.services.application import application_submit
from demo.loader import DEMO_PASSWORD
from tests.applications.helpers import application_post, iin_for, teammates_from_post
from tests.factories import CompetitionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

APPLICANT = "applicant@demo.jastarurban.kz"


def submitted_application(competition, user) -> Application:
    application = Application.objects.create(competition=competition, applicant=user)
    data = QueryDict(mutable=True)
    post = application_post(
        [{"iin": iin_for(date(2002, 3, 3)), "full_name": "Серікова Аяжан"}],
        budget=[
            ("Құрылыс материалдары мен жабдықтар", "қызмет", "1.5", "333333"),
            ("Орындық", "дана", "4", "85000"),
        ],
    )
    # The teammate has confirmed themselves, as every member must before submission.
    teammates_from_post(application, post)
    for key, value in post.items():
        data[key] = value
    forms = ApplicationForms(competition, application, data)
    assert forms.is_valid(), [form.errors for form in forms.all]
    return application_submit(application=application, forms=forms, by=user)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_no_applicant_page_scrolls_sideways_at_360_px(live_server, browser, demo, language):
    _project, call = demo
    user = User.objects.get(email=APPLICANT)
    submitted = submitted_application(call, user)
    draft = Application.objects.create(competition=CompetitionFactory(), applicant=user)
    url = live_server.url
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    widths = {}

    def visit(path: str) -> None:
        page.goto(f"{url}{path}")
        assert page.locator("html").get_attribute("lang") == language
        widths[path] = page.evaluate("document.documentElement.scrollWidth")

    for path in ("/", f"/competitions/{call.slug}/", "/accounts/register/", "/accounts/login/"):
        visit(path)
    page.fill("#id_username", APPLICANT)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda address: "/accounts/login/" not in address)
    for path in (
        "/applications/",
        "/applications/profile/",
        f"/applications/{draft.pk}/edit/",
        f"/applications/{submitted.pk}/",
    ):
        visit(path)
    context.close()
    assert {path: width for path, width in widths.items() if width > 360} == {}
