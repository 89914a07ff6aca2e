"""QR codes as SVG (segno: pure Python, no image library, prints sharp at any size)."""

from io import BytesIO

import segno


def qr_svg(data: str, *, scale: int = 6) -> str:
    """An SVG document (without XML declaration, so it can be inlined in a page)."""
    return segno.make(data, error="m").svg_inline(scale=scale, border=2)


def qr_png(data: str, *, scale: int = 8) -> bytes:
    """A PNG for e-mail: most mail programs do not show SVG attachments (segno writes PNG
    itself, without an image library)."""
    out = BytesIO()
    segno.make(data, error="m").save(out, kind="png", scale=scale, border=2)
    return out.getvalue()
