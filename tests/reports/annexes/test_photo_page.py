"""The photo annex's page: staff pick this project's photos only, others are refused."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from exhibition.models import StandPhoto
from mentoring.models import Photo
from reports.annexes.models import ReportPhoto
from tests.mentoring.conftest import jpeg

pytestmark = pytest.mark.django_db


def _page(project) -> str:
    return reverse("reports:annex_photos", kwargs={"project": project.slug})


def _photo(project, model=Photo):
    if model is Photo:
        return Photo.objects.get(caption=f"Photo {project.title.split()[-1]}")
    return StandPhoto.objects.get(caption=f"Stand {project.title.split()[-1]}")


def _choose(client, project, source, pk, caption="Саябақ ашылды"):
    return client.post(
        reverse("reports:annex_photo_choose", kwargs={"project": project.slug}),
        {"source": source, "pk": pk, "caption": caption},
    )


def test_staff_see_this_projects_photos_and_pick_them_with_a_caption(
    client, staff, two_projects, django_assert_max_num_queries
):
    alpha, _beta = two_projects
    client.force_login(staff)

    with django_assert_max_num_queries(12):
        page = client.get(_page(alpha))

    html = page.content.decode()
    assert page.status_code == 200
    assert "JU-2025-0001" in html and "JU-2025-0002" not in html
    assert "Draft photo Alpha" not in html
    photo, stand = _photo(alpha), _photo(alpha, StandPhoto)
    thumbnail = reverse(
        "reports:annex_photo_thumbnail",
        kwargs={"project": alpha.slug, "source": "grantee", "pk": photo.pk},
    )
    assert thumbnail in html

    assert _choose(client, alpha, "grantee", photo.pk, "Саябақ ашылды").status_code == 302
    assert _choose(client, alpha, "stand", stand.pk, "Стенд: көрме").status_code == 302

    chosen = list(ReportPhoto.objects.filter(project=alpha).order_by("position"))
    assert [(c.grantee_photo, c.stand_photo, c.caption) for c in chosen] == [
        (photo, None, "Саябақ ашылды"),
        (None, stand, "Стенд: көрме"),
    ]
    # Rows render with a constant number of queries however many are chosen.
    with django_assert_max_num_queries(12):
        assert client.get(_page(alpha)).status_code == 200


def test_another_projects_photo_cannot_be_picked_nor_seen_through_this_project(
    client, staff, two_projects
):
    alpha, beta = two_projects
    client.force_login(staff)
    betas = _photo(beta)

    response = _choose(client, alpha, "grantee", betas.pk)
    assert response.status_code == 302
    assert not ReportPhoto.objects.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    with translation.override("kk"):
        assert messages == [_("This photo is not one of the project's.")]

    for source, pk in (("grantee", betas.pk), ("stand", _photo(beta, StandPhoto).pk)):
        url = reverse(
            "reports:annex_photo_thumbnail",
            kwargs={"project": alpha.slug, "source": source, "pk": pk},
        )
        assert client.get(url).status_code == 404
    draft = Photo.objects.get(caption="Draft photo Alpha")
    assert _choose(client, alpha, "grantee", draft.pk) and not ReportPhoto.objects.exists()

    own = reverse(
        "reports:annex_photo_thumbnail",
        kwargs={"project": alpha.slug, "source": "grantee", "pk": _photo(alpha).pk},
    )
    response = client.get(own)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response.content.startswith(b"\xff\xd8\xff")


def test_captions_and_order_are_saved_and_another_projects_rows_are_untouched(
    client, staff, two_projects
):
    alpha, beta = two_projects
    client.force_login(staff)
    _choose(client, alpha, "grantee", _photo(alpha).pk, "Бірінші")
    _choose(client, alpha, "stand", _photo(alpha, StandPhoto).pk, "Екінші")
    _choose(client, beta, "grantee", _photo(beta).pk, "Beta's own")
    first, second = ReportPhoto.objects.filter(project=alpha).order_by("position")
    betas = ReportPhoto.objects.get(project=beta)

    data = {
        "chosen-TOTAL_FORMS": "2",
        "chosen-INITIAL_FORMS": "2",
        "chosen-0-id": first.pk,
        "chosen-0-caption": "Ашылу",
        "chosen-0-position": "5",
        "chosen-1-id": second.pk,
        "chosen-1-caption": "Открытие стенда",
        "chosen-1-position": "1",
    }
    assert client.post(_page(alpha), data).status_code == 302
    assert list(
        ReportPhoto.objects.filter(project=alpha)
        .order_by("position")
        .values_list("caption", flat=True)
    ) == ["Открытие стенда", "Ашылу"]

    # Another project's row posted through this page is not one of its forms: unchanged.
    hostile = {**data, "chosen-0-id": betas.pk, "chosen-0-caption": "changed"}
    assert client.post(_page(alpha), hostile).status_code == 200
    betas.refresh_from_db()
    assert (betas.project, betas.caption) == (beta, "Beta's own")
    assert ReportPhoto.objects.filter(caption="changed").count() == 0
    # An extra form cannot create a row either.
    extra = {**data, "chosen-TOTAL_FORMS": "3", "chosen-2-caption": "new", "chosen-2-position": "1"}
    assert client.post(_page(alpha), extra).status_code == 302
    assert ReportPhoto.objects.filter(project=alpha).count() == 2

    removed = {**data, "chosen-1-DELETE": "on"}
    assert client.post(_page(alpha), removed).status_code == 302
    assert list(ReportPhoto.objects.filter(project=alpha)) == [first]

    # The removed row posted again (a second tab): the page says the annex changed.
    stale = client.post(_page(alpha), data)
    assert stale.status_code == 200
    with translation.override("kk"):
        message = _("The annex changed meanwhile: reload the page and make the changes again.")
    assert message in stale.content.decode()

    only_first = {
        "chosen-TOTAL_FORMS": "1",
        "chosen-INITIAL_FORMS": "1",
        "chosen-0-id": first.pk,
        "chosen-0-caption": "Ашылу",
        "chosen-0-position": "100000000000000000000",
    }
    response = client.post(_page(alpha), only_first)
    assert response.status_code == 200
    assert "999" in response.content.decode()


def test_staff_upload_an_events_photo_and_a_file_that_is_no_photo_is_refused(
    client, staff, two_projects
):
    alpha, _beta = two_projects
    client.force_login(staff)
    url = reverse("reports:annex_photo_upload", kwargs={"project": alpha.slug})

    client.post(url, {"image": jpeg("t.jpg"), "caption": "Тренинг", "taken_on": "2025-08-12"})
    uploaded = ReportPhoto.objects.get(project=alpha)
    assert (uploaded.caption, str(uploaded.taken_on)) == ("Тренинг", "2025-08-12")
    assert uploaded.image.name.startswith("reports/photos/")
    thumbnail = reverse(
        "reports:annex_photo_thumbnail",
        kwargs={"project": alpha.slug, "source": "own", "pk": uploaded.pk},
    )
    assert client.get(thumbnail).status_code == 200

    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("x.jpg", b"<html>not a photo</html>", "image/jpeg")
    response = client.post(url, {"image": fake, "caption": "x", "taken_on": "2025-08-12"})
    assert response.status_code == 302
    assert ReportPhoto.objects.count() == 1
    bad_date = client.post(url, {"image": jpeg(), "caption": "x", "taken_on": "12.13.2025"})
    assert bad_date.status_code == 302 and ReportPhoto.objects.count() == 1


@pytest.mark.parametrize("role", ["operator", "applicant", "mentor", "expert"])
def test_only_staff_open_the_photo_page_and_its_thumbnails(client, request, role, two_projects):
    alpha, _beta = two_projects
    client.force_login(request.getfixturevalue(role))
    thumbnail = reverse(
        "reports:annex_photo_thumbnail",
        kwargs={"project": alpha.slug, "source": "grantee", "pk": _photo(alpha).pk},
    )
    assert client.get(_page(alpha)).status_code == 403
    assert client.get(thumbnail).status_code == 403
    assert _choose(client, alpha, "grantee", _photo(alpha).pk).status_code == 403
    assert not ReportPhoto.objects.exists()


def test_a_visitor_is_sent_to_log_in(client, two_projects):
    alpha, _beta = two_projects
    assert client.get(_page(alpha))["Location"].startswith(reverse("accounts:login"))


def test_a_photo_of_an_unknown_project_or_source_is_not_found(client, staff, two_projects):
    alpha, _beta = two_projects
    client.force_login(staff)
    assert client.get("/projects/nope/reports/annexes/photos/").status_code == 404
    url = reverse(
        "reports:annex_photo_thumbnail",
        kwargs={"project": alpha.slug, "source": "other", "pk": 1},
    )
    assert client.get(url).status_code == 404
