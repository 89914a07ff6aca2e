"""Experts see an application's files by number only: a file name may carry a team's name."""

import io
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from applications.models import Attachment
from reviews.services import assignments_create_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(competition, eligible, commission, staff):
    assignments_create_all(competition=competition, by=staff)
    application = eligible[0]
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    Attachment.objects.create(
        application=application,
        file=ContentFile(out.getvalue(), name="p.png"),
        original_name="Team Қарақұс Ахметовтар site.png",
        content_type=Attachment.Kind.PNG,
        size=len(out.getvalue()),
    )
    return application


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [("kk", "Қосымша 1.pdf", "Қосымша 2.png"), ("ru", "Приложение 1.pdf", "Приложение 2.png")],
)
def test_an_expert_sees_and_downloads_numbered_names_in_their_language(
    client, application, experts, settings, language, first, second
):
    client.force_login(experts[0])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.post(f"/reviews/applications/{application.pk}/", {"answer": "none"})
    page = client.get(f"/reviews/applications/{application.pk}/").content.decode()
    assert first in page and second in page
    assert "sketch-1" not in page and "Қарақұс" not in page
    files = list(application.attachments.order_by("pk"))
    for attachment, name in zip(files, (first, second), strict=True):
        response = client.get(f"/reviews/applications/{application.pk}/files/{attachment.pk}/")
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;")
        assert "sketch" not in disposition and "Team" not in disposition
        assert quote(name) in disposition


def test_the_applicant_and_staff_still_see_the_real_name(client, application, staff):
    attachment = application.attachments.order_by("pk").last()
    for user in (application.applicant, staff):
        client.force_login(user)
        page = client.get(f"/applications/{application.pk}/").content.decode()
        assert "Team Қарақұс Ахметовтар site.png" in page
        response = client.get(f"/applications/{application.pk}/files/{attachment.pk}/")
        assert "Team%20%D2%9A" in response["Content-Disposition"]  # "Team Қ…" percent-encoded


def test_another_applications_file_is_404_for_the_expert(client, application, eligible, experts):
    client.force_login(experts[0])
    client.post(f"/reviews/applications/{application.pk}/", {"answer": "none"})
    foreign = eligible[1].attachments.get()
    url = f"/reviews/applications/{application.pk}/files/{foreign.pk}/"
    assert client.get(url).status_code == 404
