"""The portal can be added to a phone's home screen, asks for no missing file on the first
visit, and `make demo` mails links to the address it serves."""

import json
import re
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def test_favicon_ico_answers_with_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("icons/favicon.ico")
    assert "max-age=86400" in response["Cache-Control"]
    assert finders.find("icons/favicon.ico")


def test_every_page_links_the_icons_and_the_manifest_and_each_file_exists(client):
    html = client.get("/").content.decode()
    links = dict(re.findall(r'<link rel="(icon|apple-touch-icon|manifest)" href="([^"]+)"', html))
    assert set(links) == {"icon", "apple-touch-icon", "manifest"}
    for href in re.findall(r'<link rel="(?:icon|apple-touch-icon|manifest)" href="([^"]+)"', html):
        assert finders.find(href.removeprefix("/static/")), href
    manifest = json.loads(Path(finders.find("manifest.webmanifest")).read_text())
    # The phone's title bar takes the navbar's blue, the same in the page and the manifest.
    assert f'<meta name="theme-color" content="{manifest["theme_color"]}">' in html


def test_the_manifest_has_a_kazakh_short_name_icons_and_a_start_url():
    manifest = json.loads(Path(finders.find("manifest.webmanifest")).read_text())
    assert manifest["lang"] == "kk"
    assert manifest["name"].startswith("JastarUrban")
    assert re.search("[әғқңөұүһі]|[а-я]", manifest["short_name"])
    assert manifest["start_url"].startswith("/") and manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#0a58ca"  # the theme's blue, 6.4:1 on white
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"]), icon["src"]


def test_lead_text_is_not_light():
    """DejaVu has no light face with the Kazakh letters."""
    css = Path(finders.find("css/portal.css")).read_text()
    assert re.search(r"\.lead[^{]*\{[^}]*font-weight:\s*400", css)


def test_make_demo_mails_links_to_the_port_it_serves():
    commands = subprocess.run(
        ["make", "-n", "demo", "PORT=8101"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    serve = next(line for line in commands.splitlines() if "runserver" in line)
    assert "SITE_URL=http://127.0.0.1:8101" in serve and "127.0.0.1:8101" in serve
    load = next(line for line in commands.splitlines() if "load_demo" in line)
    assert "SITE_URL=http://127.0.0.1:8101" in load
    given = subprocess.run(
        ["make", "-n", "demo", "PORT=8101", "SITE_URL=https://jastarurban.kz"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "SITE_URL=https://jastarurban.kz" in given
