"""PDF files from templates: a pure function, so tasks and views only store or send bytes."""

from django.template.loader import render_to_string
from weasyprint import HTML


def render_pdf(template: str, context: dict, base_url: str | None = None) -> bytes:
    html = render_to_string(template, context)
    return HTML(string=html, base_url=base_url).write_pdf()
