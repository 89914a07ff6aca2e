"""The rules of a call as a PDF, built from its rules text when staff uploaded no file."""

import hashlib

from django.core.cache import cache
from django.utils import translation

from competitions.models import Competition
from jastarurban.pdf import render_pdf

TEMPLATE = "competitions/pdf/rules.html"
# Bump when the layout changes, so cached PDFs are rebuilt.
LAYOUT_VERSION = "3"  # 3: PDF/A-3b, shared table rules


def rules_fingerprint(competition: Competition) -> str:
    """Changes whenever what the PDF shows changes: the rules, the title, the dates or the
    language. The cache key and the ETag are made from it, so an edit of the rules is served
    at once and an unchanged PDF is built only once."""
    parts = [
        LAYOUT_VERSION,
        translation.get_language() or "",
        competition.slug,
        competition.title,
        competition.rules,
        competition.opens_at.isoformat(),
        competition.closes_at.isoformat(),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def rules_pdf_bytes(competition: Competition) -> bytes:
    """The generated PDF in the active language, kept in the cache for a day per version."""
    key = f"competitions:rules-pdf:{rules_fingerprint(competition)}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(
            TEMPLATE,
            {
                "competition": competition,
                "LANGUAGE_CODE": translation.get_language(),
            },
        )
        cache.set(key, pdf, 24 * 3600)
    return pdf
