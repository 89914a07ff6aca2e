from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from media_campaign.importers import ImportRefused
from media_campaign.models import PostSnapshot
from media_campaign.selectors import total_views
from media_campaign.services import snapshots_import
from tests.factories import GrantProjectFactory, PostFactory, VideoFactory

pytestmark = pytest.mark.django_db

GOOD = """link,date,views,likes,comments,shares,positive,neutral,negative
https://www.instagram.com/p/ju1/,01.10.2025,1 200,140,30,12,20,8,2
https://www.instagram.com/p/ju2?igsh=abc,2025-10-01,800,90,10,4,6,3,1
https://www.instagram.com/p/ju1,15.10.2025,1500,150,32,13,21,9,2
"""


@pytest.fixture
def posts(db):
    video = VideoFactory()
    return [
        PostFactory(video=video, link="https://www.instagram.com/p/ju1"),
        PostFactory(video=video, link="https://www.instagram.com/p/ju2"),
    ]


def test_a_good_file_is_imported_and_totals_use_the_latest_snapshot(posts):
    project = posts[0].project
    result = snapshots_import(project=project, content=GOOD.encode(), platform="generic")
    assert result == {"created": 3, "updated": 0}
    assert PostSnapshot.objects.get(post=posts[0], taken_on=date(2025, 10, 1)).views == 1200
    # ju1's latest (15.10: 1500) + ju2's only (800); ju1's 1200 is not added again.
    assert total_views(project) == 2300


def test_the_same_file_twice_does_not_double_count(posts):
    project = posts[0].project
    snapshots_import(project=project, content=GOOD.encode(), platform="generic")
    again = snapshots_import(project=project, content=GOOD.encode(), platform="generic")
    assert again == {"created": 0, "updated": 3}
    assert PostSnapshot.objects.count() == 3
    assert total_views(project) == 2300


def test_a_bad_row_imports_nothing_and_names_its_line(posts):
    bad = GOOD + "https://www.instagram.com/p/ju2,16.10.2025,много,1,1,1,1,0,0\n"
    with pytest.raises(ImportRefused) as refused:
        snapshots_import(project=posts[0].project, content=bad.encode(), platform="generic")
    assert PostSnapshot.objects.count() == 0
    assert any("5" in error and "много" in error for error in refused.value.errors)


def test_an_unknown_link_and_a_repeated_day_are_reported_by_line(posts):
    bad = GOOD + (
        "https://www.instagram.com/p/unknown,16.10.2025,1,1,1,1,1,0,0\n"
        "https://www.instagram.com/p/ju1/,15.10.2025,9,1,1,1,1,0,0\n"
    )
    with pytest.raises(ImportRefused) as refused:
        snapshots_import(project=posts[0].project, content=bad.encode(), platform="generic")
    errors = " ".join(refused.value.errors)
    assert "5" in errors and "unknown" in errors
    assert "6" in errors
    assert not PostSnapshot.objects.exists()


def test_a_meta_export_uses_its_own_columns_and_the_download_day(posts):
    export = (
        '"Post ID","Permalink","Publish time","Date","Views","Reach","Likes","Shares","Comments"\n'
        '"1","https://www.instagram.com/p/ju1/","09/01/2025 10:00","Lifetime",'
        '"2,400","1900","210","15","40"\n'
    )
    snapshots_import(
        project=posts[0].project,
        content=export.encode("utf-8-sig"),
        platform="meta",
        taken_on=date(2025, 10, 20),
    )
    snapshot = PostSnapshot.objects.get()
    assert (snapshot.taken_on, snapshot.views, snapshot.likes, snapshot.comments) == (
        date(2025, 10, 20),
        2400,
        210,
        40,
    )


def test_errors_come_in_the_users_language(posts):
    bad = "link,date,views\nhttps://www.instagram.com/p/ju1,01.10.2025,x\n"
    with translation.override("kk"), pytest.raises(ImportRefused) as refused:
        snapshots_import(project=posts[0].project, content=bad.encode(), platform="generic")
    assert "Line" not in refused.value.errors[0]


def test_staff_upload_the_file_and_see_the_bad_line(client, staff, posts, settings):
    settings.LANGUAGE_CODE = "en"
    client.force_login(staff)
    slug = posts[0].project.slug
    bad = GOOD + "https://www.instagram.com/p/ju2,bad-date,1,1,1,1,1,0,0\n"
    response = client.post(
        f"/projects/{slug}/media/import/",
        {"platform": "generic", "file": SimpleUploadedFile("export.csv", bad.encode())},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Line 5" in response.content.decode()
    assert not PostSnapshot.objects.exists()
    good = client.post(
        f"/projects/{slug}/media/import/",
        {"platform": "generic", "file": SimpleUploadedFile("export.csv", GOOD.encode())},
    )
    assert good.status_code == 302
    assert PostSnapshot.objects.count() == 3


def test_the_operator_cannot_import(client, operator):
    project = GrantProjectFactory()
    client.force_login(operator)
    response = client.post(
        f"/projects/{project.slug}/media/import/",
        {"platform": "generic", "file": SimpleUploadedFile("export.csv", GOOD.encode())},
    )
    assert response.status_code == 403
    assert not PostSnapshot.objects.exists()


def test_the_command_imports_a_file_or_lists_its_errors(posts, tmp_path):
    from django.core.management import CommandError, call_command

    project = posts[0].project
    project.slug = "ju"
    project.save()
    path = tmp_path / "export.csv"
    path.write_text(GOOD + "https://www.instagram.com/p/ju1,32.13.2025,1,1,1,1,1,0,0\n")
    with pytest.raises(CommandError, match=r"32\.13\.2025"):
        call_command("import_post_stats", str(path), "--project", "ju")
    path.write_text(GOOD)
    call_command("import_post_stats", str(path), "--project", "ju")
    assert PostSnapshot.objects.count() == 3
