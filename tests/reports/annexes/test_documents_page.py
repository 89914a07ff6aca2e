"""Staff add the documents the portal does not record; the register lists them."""

import pytest
from django.urls import reverse

from projects.models import BudgetLine
from reports.annexes.models import ReportDocument
from tests.mentoring.conftest import pdf

pytestmark = pytest.mark.django_db


def _page(project) -> str:
    return reverse("reports:annex_documents", kwargs={"project": project.slug})


def test_staff_see_the_register_and_add_an_act_with_its_scan(
    client, staff, two_projects, django_assert_max_num_queries
):
    alpha, _beta = two_projects
    client.force_login(staff)
    with django_assert_max_num_queries(22):
        page = client.get(_page(alpha))
    html = page.content.decode()
    assert "Alpha-PAY-08" in html and "Beta" not in html
    assert "Alpha-PAY-PENDING" not in html

    line = BudgetLine.objects.get(project=alpha, name="Banners Alpha")
    response = client.post(
        _page(alpha),
        {
            "kind": "act",
            "number": "=1+1",
            "dated_on": "2025-11-07",
            "amount_kzt": "70000",
            "line": line.pk,
            "description": "Конференц-зал, жарты күн",
            "file": pdf("act.pdf"),
        },
    )
    assert response.status_code == 302
    added = ReportDocument.objects.get(number="=1+1")
    assert (added.project, added.amount_kzt, added.line, added.added_by) == (
        alpha,
        70_000,
        line,
        staff,
    )
    assert "=1+1" in client.get(_page(alpha)).content.decode()
    scan = reverse("reports:annex_document_file", kwargs={"project": alpha.slug, "pk": added.pk})
    assert client.get(scan)["Content-Type"] == "application/pdf"


def test_another_projects_line_a_huge_amount_or_a_bad_file_are_refused_with_a_message(
    client, staff, two_projects
):
    alpha, beta = two_projects
    client.force_login(staff)
    betas_line = BudgetLine.objects.get(project=beta, name="Banners Beta")
    before = ReportDocument.objects.count()
    for data in (
        {"line": betas_line.pk, "amount_kzt": "1"},
        {"amount_kzt": "9" * 40},
        {"amount_kzt": "-5"},
        {"dated_on": "31.02.2025"},
    ):
        response = client.post(
            _page(alpha),
            {"kind": "act", "number": "1", "dated_on": "2025-11-07", "description": "x", **data},
        )
        assert response.status_code == 200
        assert "is-invalid" in response.content.decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        _page(alpha),
        {
            "kind": "act",
            "number": "1",
            "dated_on": "2025-11-07",
            "description": "x",
            "file": SimpleUploadedFile("a.pdf", b"MZ\x90\x00", "application/pdf"),
        },
    )
    assert response.status_code == 200
    assert ReportDocument.objects.count() == before


def test_a_document_is_removed_only_through_its_own_project(client, staff, two_projects):
    alpha, beta = two_projects
    client.force_login(staff)
    betas = ReportDocument.objects.filter(project=beta).first()
    url = reverse("reports:annex_document_delete", kwargs={"project": alpha.slug, "pk": betas.pk})
    assert client.post(url).status_code == 404
    assert ReportDocument.objects.filter(pk=betas.pk).exists()
    url = reverse("reports:annex_document_delete", kwargs={"project": beta.slug, "pk": betas.pk})
    assert client.post(url).status_code == 302
    assert not ReportDocument.objects.filter(pk=betas.pk).exists()


@pytest.mark.parametrize("role", ["operator", "applicant"])
def test_only_staff_open_the_register_page(client, request, role, two_projects):
    alpha, _beta = two_projects
    client.force_login(request.getfixturevalue(role))
    assert client.get(_page(alpha)).status_code == 403
    assert client.post(_page(alpha), {"kind": "act"}).status_code == 403
