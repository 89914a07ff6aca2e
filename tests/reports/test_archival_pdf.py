"""Documents the operator can archive and trust: every PDF the portal makes is PDF/A-3b
(metadata, output intent, embedded fonts, extractable text), and with the organisation's
PKCS#12 key configured a report PDF carries a PAdES signature a reader verifies."""

import datetime
import re
from io import BytesIO
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.management import call_command
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from competitions.models import Competition
from projects.models import GrantProject
from reports.builders import build_report
from tests.pdf_checks import assert_archival, pages, pdfa_identity, text

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "test-only passphrase"


def demo_project() -> GrantProject:
    """The demo's 2025 project, whose reports these tests read."""
    return GrantProject.objects.get(slug="jastarurban")


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "GAMO (test)"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _certificate(subject, issuer, public_key, signing_key, *, ca: bool) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    return builder.sign(signing_key, hashes.SHA256())


@pytest.fixture
def signing_key(tmp_path, settings):
    """A test CA and the organisation's RSA key and certificate it issued, in a PKCS#12
    file the settings name, as production would configure it."""
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = _certificate(_name("Test root"), _name("Test root"), ca_key.public_key(), ca_key, ca=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = _certificate(
        _name("GAMO report signing"), ca.subject, key.public_key(), ca_key, ca=False
    )
    path = tmp_path / "gamo.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"gamo",
            key,
            certificate,
            [ca],
            serialization.BestAvailableEncryption(PASSPHRASE.encode()),
        )
    )
    settings.REPORT_SIGNING_P12 = str(path)
    settings.REPORT_SIGNING_PASSPHRASE = PASSPHRASE
    return ca, certificate


def _asn1(certificate: x509.Certificate):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


@pytest.mark.parametrize("kind", ["interim", "final", "applications"])
def test_report_pdfs_are_pdf_a_3b_with_embedded_fonts_and_text(demo, kind, tmp_path):
    for language, words in (("kk", ("БСН", "051140010597")), ("ru", ("БИН", "051140010597"))):
        content = build_report(kind, "pdf", language, project=demo_project())
        assert_archival(content, tmp_path, contains=words)


def test_the_receipt_the_protocol_and_the_rules_are_pdf_a_3b_too(full_demo, tmp_path):
    from applications.models import Application
    from applications.receipts import receipt_pdf
    from competitions.rules import rules_pdf_bytes
    from reviews.protocol import protocol_pdf

    application = Application.objects.filter(decision__outcome="awarded").first()
    assert_archival(receipt_pdf(application), tmp_path, contains=(application.registration_number,))
    assert_archival(protocol_pdf(application.competition, "ru"), tmp_path, contains=("Протокол",))
    assert_archival(rules_pdf_bytes(application.competition), tmp_path, contains=("JastarUrban",))


def test_every_pdf_is_written_by_the_one_archival_function():
    """A new PDF written with WeasyPrint straight away would miss PDF/A: only
    jastarurban/pdf.py may call write_pdf."""
    callers = [
        path.relative_to(ROOT).as_posix()
        for app in ROOT.iterdir()
        if app.is_dir() and (app / "__init__.py").exists() and app.name != "tests"
        for path in app.rglob("*.py")
        if re.search(r"\.write_pdf\(", path.read_text())
    ]
    assert callers == ["jastarurban/pdf.py"]


def test_with_a_key_configured_the_report_is_signed_and_the_signature_verifies(
    demo, signing_key, tmp_path
):
    ca, _certificate = signing_key
    content = build_report("final", "pdf", "kk", project=demo_project())

    reader = PdfFileReader(BytesIO(content))
    [signature] = reader.embedded_signatures
    status = validate_pdf_signature(
        signature, ValidationContext(trust_roots=[_asn1(ca)], allow_fetching=False)
    )
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.signing_cert.subject.native["common_name"] == "GAMO report signing"
    assert status.coverage.name == "ENTIRE_FILE"
    # PAdES, not the older PKCS#7 detached form.
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    # The signature is an incremental update: the archival identity and fonts stay.
    assert_archival(content, tmp_path, contains=("БСН", "051140010597"))


def test_a_changed_byte_breaks_the_signature(demo, signing_key):
    ca, _certificate = signing_key
    content = bytearray(build_report("interim", "pdf", "ru", project=demo_project()))
    # A byte of the original file's page content (the signature is appended at the end).
    content[len(content) // 3] ^= 0x01
    [signature] = PdfFileReader(BytesIO(bytes(content)), strict=False).embedded_signatures
    status = validate_pdf_signature(
        signature, ValidationContext(trust_roots=[_asn1(ca)], allow_fetching=False)
    )
    assert not status.intact


def test_a_signature_from_an_untrusted_root_does_not_verify(demo, signing_key):
    content = build_report("interim", "pdf", "kk", project=demo_project())
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    stranger = _certificate(_name("Other"), _name("Other"), other.public_key(), other, ca=True)
    [signature] = PdfFileReader(BytesIO(content)).embedded_signatures
    status = validate_pdf_signature(
        signature, ValidationContext(trust_roots=[_asn1(stranger)], allow_fetching=False)
    )
    assert status.intact and not status.trusted


def test_without_a_key_the_report_is_not_signed(demo, settings):
    settings.REPORT_SIGNING_P12 = ""
    content = build_report("interim", "pdf", "kk", project=demo_project())
    assert PdfFileReader(BytesIO(content)).embedded_signatures == []
    assert pdfa_identity(content) == ("3", "B")


def test_a_key_that_does_not_load_fails_the_system_check(settings, tmp_path, signing_key):
    from django.core.management.base import SystemCheckError

    call_command("check", verbosity=0)  # the generated key loads
    settings.REPORT_SIGNING_PASSPHRASE = "wrong"
    with pytest.raises(SystemCheckError, match=r"reports\.E002"):
        call_command("check", verbosity=0)
    settings.REPORT_SIGNING_P12 = str(tmp_path / "missing.p12")
    with pytest.raises(SystemCheckError, match="no such file"):
        call_command("check", verbosity=0)


def test_the_pdf_text_keeps_the_kazakh_letters(demo, tmp_path):
    assert "Бюджеттің орындалуы" in text(
        build_report("interim", "pdf", "kk", project=demo_project()), tmp_path
    )


def test_long_tables_repeat_their_header_and_keep_each_applications_reviews_together(
    full_demo, tmp_path
):
    """The protocol's ranking runs over several pages: each page repeats the header row,
    and an application's five reviews (one row each, its rank and mean spanning them)
    never start on one page and end on the next."""
    from reviews.protocol import protocol_context, protocol_pdf

    competition = Competition.objects.get(slug="jastarurban-2025")
    # Surnames: a full name may wrap inside its cell.
    surnames = [m.expert.full_name.split()[0] for m in protocol_context(competition)["members"]]
    printed = pages(protocol_pdf(competition, "kk"), tmp_path)
    ranking = [page for page in printed if re.search(r"^\s*\d+\s+JU-2025-\d+\s", page, re.M)]
    assert len(ranking) >= 3
    for page in ranking:
        assert "Орташа" in page and "Сарапшы" in page  # the repeated header row
        lines = page.split("Орын", 1)[1].splitlines()
        # The page's first review row opens its application's group (rank, number,
        # title): a group split across pages would start the page with a bare review.
        first_row = next(line for line in lines if any(name in line for name in surnames))
        assert re.match(r"\s*\d+\s+JU-2025-\d+\s", first_row), first_row

    report = pages(build_report("final", "pdf", "kk", project=demo_project()), tmp_path)
    ranked = [page for page in report if re.search(r"^\s*\d+\s+JU-2025-\d+\s", page, re.M)]
    assert len(ranked) >= 2
    assert all("Орташа" in page for page in ranked)
