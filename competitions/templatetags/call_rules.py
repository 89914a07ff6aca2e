import re

from django import template
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

NUMBERED = re.compile(r"^\d+\.\s")


def paragraphs(text: str) -> SafeString:
    # linebreaks escapes the text itself (autoescape=True) but returns a plain str.
    return mark_safe(linebreaks(text, autoescape=True))


@register.filter
def rules_html(text: str) -> SafeString:
    """The rules text as sections: a paragraph whose first line is numbered ("2. Кім қатыса
    алады") opens with that line as a heading; everything is escaped."""
    parts = []
    for paragraph in (p.strip() for p in (text or "").split("\n\n")):
        if not paragraph:
            continue
        first, _newline, rest = paragraph.partition("\n")
        if NUMBERED.match(first) and rest:
            parts.append(
                format_html('<h3 class="rules-heading">{}</h3>{}', first, paragraphs(rest))
            )
        else:
            parts.append(paragraphs(paragraph))
    return format_html_join("", "{}", ((part,) for part in parts))
