"""The awarded grants as open data: 360Giving JSON (validated against the standard's own
schema), CSV and XLSX; only published awards, no team member's personal data, public."""

import csv
import json
from datetime import datetime
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from jsonschema import Draft202012Validator
from openpyxl import load_workbook
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from applications.models import Application
from reports import open_data
from reports.open_data.tables import COLUMNS
from reviews.models import Decision
from tests.factories import GrantProjectFactory
from tests.reports.open_data.conftest import TEAM_NAMES, published_award

pytestmark = pytest.mark.django_db

AQTAU = timezone.get_fixed_timezone(5 * 60)
DECIDED = datetime(2025, 8, 14, 11, 0, tzinfo=AQTAU)
PUBLISHED = datetime(2025, 8, 15, 10, 0, tzinfo=AQTAU)
SCHEMA_DIR = Path(open_data.__file__).parent / "schema"
# The package schema's $ref to the grant schema (the standard points at the 1.4.2 address).
GRANT_REF = (
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/"
    "360-giving-schema.json"
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def package_validator() -> Draft202012Validator:
    """360Giving 1.4.3's package schema, its grant schema registered locally under both the
    address the package refers to and its own $id; formats (date-time, uri) checked."""
    grant = json.loads((SCHEMA_DIR / "360-giving-schema.json").read_text())
    package = json.loads((SCHEMA_DIR / "360-giving-package-schema.json").read_text())
    resource = Resource.from_contents(grant, default_specification=DRAFT202012)
    registry = Registry().with_resources([(GRANT_REF, resource), (grant["$id"], resource)])
    Draft202012Validator.check_schema(package)
    return Draft202012Validator(
        package, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(data: dict) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in package_validator().iter_errors(data)
    ]


def grants_json(client, path="/open-data/360giving.json") -> dict:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_the_json_validates_against_the_360giving_schema(client, awarded):
    data = grants_json(client)
    assert errors(data) == []
    assert data["version"] == "1.4"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["publisher"]["identifier"] == "KZ-BIN-051140010597"


def test_each_grant_says_who_what_where_when_and_how_much(client, awarded):
    grants = {grant["title"]: grant for grant in grants_json(client)["grants"]}
    grant = grants[awarded[0].title]
    competition = awarded[0].competition
    place = awarded[0].village
    assert grant["id"] == f"360G-GAMO-{competition.slug}-JU-2025-0001"
    assert grant["currency"] == "KZT"
    assert grant["amountAwarded"] == 900_000
    # The director approved on 14.08.2025; the results came out the next day.
    assert grant["awardDate"] == "2025-08-14"
    assert grant["plannedDates"] == [{"startDate": "2025-09-01", "endDate": "2025-10-20"}]
    assert grant["beneficiaryLocation"][0] | {} == {
        "id": f"KATO-{place.kato_code}",
        "name": place.name,
        "description": place.district.name,
        "countryCode": "KZ",
        "geoCode": place.kato_code,
        "geoCodeType": "KATO",
    }
    assert len(place.kato_code) == 9
    recipient = competition.project.recipient
    assert grant["fundingOrganization"] == [{"id": "KZ-BIN-051140010597", "name": recipient.name}]
    assert grant["grantProgramme"][0]["code"] == competition.slug
    assert grant["grantProgramme"][0]["url"].endswith(f"/competitions/{competition.slug}/")
    assert grant["recipientOrganization"][0]["id"] == grant["id"] + "-group"
    assert awarded[0].title in grant["recipientOrganization"][0]["name"]
    assert grant["description"] == "Мақсат"


def test_the_validator_is_not_a_rubber_stamp(client, awarded):
    """The checks above mean something: the schema refuses the mistakes an export makes."""
    data = grants_json(client)
    grant = data["grants"][0]
    assert errors(data | {"grants": [grant | {"amountAwarded": "900 000 ₸"}]})
    assert errors(data | {"grants": [grant | {"awardDate": "14.08.2025"}]})
    assert errors(data | {"grants": [grant | {"currency": "ТГ"}]})
    assert errors(
        data | {"grants": [{k: v for k, v in grant.items() if k != "fundingOrganization"}]}
    )


def test_only_published_awards_appear(client, awarded):
    body = client.get("/open-data/360giving.json").content.decode()
    titles = [grant["title"] for grant in json.loads(body)["grants"]]
    assert sorted(titles) == sorted([awarded[0].title, awarded[1].title])
    for absent in [
        awarded[2].title,  # reserve list
        awarded[3].title,  # not ranked
        "Жобаның жобасы",  # draft
        "Қабылданбаған жоба",  # rejected
        "Жарияланбаған жеңімпаз",  # decided, results not published
    ]:
        assert absent not in body


def test_a_withdrawn_winner_leaves_the_data(client, awarded):
    Decision.objects.filter(application=awarded[1]).update(outcome=Decision.Outcome.WITHDRAWN)
    titles = [grant["title"] for grant in grants_json(client)["grants"]]
    assert titles == [awarded[0].title]


def _texts(client) -> dict[str, str]:
    """Every format's whole content as text."""
    xlsx = client.get("/open-data/360giving.xlsx").content
    sheet = load_workbook(BytesIO(xlsx)).active
    cells = " ".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row)
    return {
        "json": client.get("/open-data/360giving.json").content.decode(),
        "csv": client.get("/open-data/360giving.csv").content.decode("utf-8-sig"),
        "xlsx": cells,
    }


def test_no_personal_data_in_any_format(client, awarded):
    private = []
    for application in awarded:
        private += [application.applicant.full_name, application.applicant.email]
        for member in application.team.all():
            private += [member.full_name, member.iin, member.phone]
    assert {name for pair in TEAM_NAMES for name in pair} <= set(private)
    for fmt, text in _texts(client).items():
        leaked = [value for value in private if value in text]
        assert leaked == [], fmt


def test_the_csv_and_xlsx_hold_the_json_grants_in_the_360giving_columns(client, awarded):
    grants = grants_json(client)["grants"]
    csv_response = client.get("/open-data/360giving.csv")
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="jastarurban-360giving-kk.csv"' in csv_response["Content-Disposition"]
    rows = list(csv.DictReader(StringIO(csv_response.content.decode("utf-8-sig"))))
    assert [row["Identifier"] for row in rows] == [grant["id"] for grant in grants]
    assert rows[0]["Amount Awarded"] == "900000"
    assert rows[0]["Beneficiary Location:Geographic Code"] == awarded[0].village.kato_code

    xlsx_response = client.get("/open-data/360giving.xlsx")
    assert xlsx_response["Content-Type"] == XLSX
    sheet = load_workbook(BytesIO(xlsx_response.content)).active
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0]) == [title for title, _path in COLUMNS]
    assert [row[0] for row in table[1:]] == [grant["id"] for grant in grants]
    amount = table[0].index("Amount Awarded")
    assert table[1][amount] == 900_000  # a number the spreadsheet can sum
    assert sheet.auto_filter.ref == f"A1:X{len(grants) + 1}"


def test_the_column_titles_are_the_schemas_field_titles(client):
    """360Giving's tools read the flat table by the schema's titles (flatten-tool)."""
    grant = json.loads((SCHEMA_DIR / "360-giving-schema.json").read_text())
    for title, path in COLUMNS:
        if isinstance(path, str):
            field = grant["properties"][path]
            if "$ref" in field:
                field = grant["$defs"][field["$ref"].rsplit("/", 1)[-1]]
            assert field["title"] == title
        else:
            parent, child = title.split(":")
            assert grant["properties"][path[0]]["title"] == parent
            item = grant["properties"][path[0]]["items"]["$ref"].rsplit("/", 1)[-1]
            assert grant["$defs"][item]["properties"][path[1]]["title"] == child


def test_typed_text_that_looks_like_a_formula_stays_text(client, awarded):
    hostile = '=HYPERLINK("http://evil.example","click")'
    Application.objects.filter(pk=awarded[0].pk).update(title=hostile, goal="+7 701 000 00 00")
    rows = list(
        csv.reader(StringIO(client.get("/open-data/360giving.csv").content.decode("utf-8-sig")))
    )
    assert "'" + hostile in rows[1] + rows[2]
    sheet = load_workbook(BytesIO(client.get("/open-data/360giving.xlsx").content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    typed = [cell for cell in cells if cell.value in (hostile, "+7 701 000 00 00")]
    assert len(typed) == 2
    assert all(cell.data_type == "s" for cell in typed)
    assert not any(cell.data_type == "f" for cell in cells)


def test_it_is_public_read_only_and_cacheable(client, awarded):
    response = client.get("/open-data/360giving.json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Language"] == "kk"
    again = client.get("/open-data/360giving.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.post("/open-data/360giving.json").status_code == 405
    assert client.head("/open-data/360giving.csv").status_code == 200


def test_the_language_is_in_the_address_kazakh_by_default(client, awarded):
    client.cookies["django_language"] = "ru"
    kazakh = grants_json(client)
    russian_response = client.get("/open-data/ru/360giving.json")
    russian = json.loads(russian_response.content)
    assert russian_response["Content-Language"] == "ru"
    assert "жобасының бастамашыл тобы" in kazakh["grants"][0]["recipientOrganization"][0]["name"]
    assert "Инициативная группа проекта" in russian["grants"][0]["recipientOrganization"][0]["name"]
    assert [g["id"] for g in kazakh["grants"]] == [g["id"] for g in russian["grants"]]
    assert errors(russian) == []


def test_a_projects_file_holds_only_its_own_grants(client, awarded, staff):
    other = published_award(
        project=GrantProjectFactory(slug="next-project"), title="Келесі жоба", by=staff, number=1
    )
    first = awarded[0].competition.project
    everything = [g["title"] for g in grants_json(client)["grants"]]
    assert other.title in everything
    own = grants_json(client, f"/open-data/projects/{first.slug}/360giving.json")
    assert other.title not in [g["title"] for g in own["grants"]]
    assert len(own["grants"]) == 2
    assert errors(own) == []
    theirs = grants_json(client, "/open-data/ru/projects/next-project/360giving.json")
    assert [g["title"] for g in theirs["grants"]] == [other.title]
    # Without an approved award decision the decision's own date is the award date.
    assert theirs["grants"][0]["awardDate"] == "2024-04-20"
    assert client.get("/open-data/projects/no-such/360giving.json").status_code == 404


def test_no_award_yet_gives_an_empty_list_not_an_error(client, db):
    for fmt in ("json", "csv", "xlsx"):
        assert client.get(f"/open-data/360giving.{fmt}").status_code == 200
    assert grants_json(client)["grants"] == []


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_the_query_count_does_not_grow_with_the_grants(
    client, awarded, staff, fmt, django_assert_max_num_queries
):
    path = f"/open-data/360giving.{fmt}"
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    project = awarded[0].competition.project
    for number in range(1, 6):
        published_award(project=project, title=f"Тағы бір жоба {number}", by=staff, number=number)
    # The publisher, then the grants with their place, call, funder and award decision.
    with django_assert_max_num_queries(2):
        assert client.get(path).status_code == 200
    assert len(few.captured_queries) == 2
    assert len(grants_json(client)["grants"]) == 7


def test_the_demos_awards_validate_and_name_no_team_member(client, full_demo):
    """The demo's seven grants of 1 000 000 ₸, as a 360Giving consumer would receive them."""
    from applications.models import TeamMember

    data = grants_json(client)
    assert errors(data) == []
    grants = data["grants"]
    assert len(grants) == 7
    assert sum(grant["amountAwarded"] for grant in grants) == 7_000_000
    assert all(len(grant["beneficiaryLocation"][0]["geoCode"]) == 9 for grant in grants)
    texts = _texts(client)
    members = TeamMember.objects.filter(application__decision__outcome="awarded")
    private = [
        value
        for member in members
        for value in (member.full_name, member.iin, member.phone)
        if value
    ]
    assert len(private) >= 14
    for fmt, text in texts.items():
        assert [value for value in private if value in text] == [], fmt
