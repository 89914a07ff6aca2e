"""QR codes as SVG (segno: pure Python, no image library, prints sharp at any size)."""

import segno


def qr_svg(data: str, *, scale: int = 6) -> str:
    """An SVG document (without XML declaration, so it can be inlined in a page)."""
    return segno.make(data, error="m").svg_inline(scale=scale, border=2)
