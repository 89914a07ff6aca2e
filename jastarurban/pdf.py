"""PDF files from templates: pure functions, so tasks and views only store or send bytes.

Every PDF the portal makes is PDF/A-3b: the operator archives what GAMO sends, and PDF/A
keeps a file readable for decades (fonts embedded, colours with an output intent, metadata
in XMP). A report PDF may also carry a PAdES signature (``pdf_sign``) when the settings
name the organisation's PKCS#12 key.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

PDF_VARIANT = "pdf/a-3b"


def render_pdf(template: str, context: dict, base_url: str | None = None) -> bytes:
    # Rendered without a request, so no context processor names the language: the
    # document's lang (hyphenation, the PDF's /Lang) follows the active translation.
    html = render_to_string(template, {"LANGUAGE_CODE": translation.get_language(), **context})
    # WeasyPrint is imported here, not with the module: the system checks import this one
    # at start-up, and WeasyPrint with Pango and its fonts is 45 MB and a second that a
    # process building an XLSX, or serving pages, never needs.
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT)


@dataclass(frozen=True)
class SigningKey:
    """The PKCS#12 file and its passphrase, as the settings name them."""

    path: Path
    passphrase: str


def signing_key_configured() -> SigningKey | None:
    path = getattr(settings, "REPORT_SIGNING_P12", "")
    if not path:
        return None
    return SigningKey(Path(path), getattr(settings, "REPORT_SIGNING_PASSPHRASE", ""))


def _signer(key: SigningKey):
    # pyHanko is imported here: only a portal with a key configured pays for it.
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(
        pfx_file=str(key.path), passphrase=key.passphrase.encode() if key.passphrase else None
    )
    if signer is None:
        raise ValueError(f"{key.path}: not a PKCS#12 file, or a wrong passphrase")
    return signer


def signing_key_check(key: SigningKey) -> None:
    """Raises ValueError when the key cannot be loaded (the system check reports it)."""
    if not key.path.is_file():
        raise ValueError(f"{key.path}: no such file")
    _signer(key)


def pdf_sign(content: bytes, *, key: SigningKey, reason: str = "", location: str = "") -> bytes:
    """The PDF with a PAdES (B-B) signature added as an incremental update: the signed bytes
    are the original file unchanged, so its PDF/A-3b identity and fonts stay as they were."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(BytesIO(content), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name="Signature",
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    out = signers.sign_pdf(writer, metadata, signer=_signer(key))
    return out.getvalue()


def pdf_sign_if_configured(content: bytes, *, reason: str = "", location: str = "") -> bytes:
    key = signing_key_configured()
    if key is None:
        return content
    return pdf_sign(content, key=key, reason=reason, location=location)
