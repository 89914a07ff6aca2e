"""Server-rendered SVG charts: pure functions, no JavaScript, the same in pages and PDFs.

Both functions return safe HTML: a ``<figure>`` with an accessible ``<svg role="img">``
(its ``<title>`` is the chart's title) and a data table as the text alternative (hidden on
screen with Bootstrap's ``visually-hidden`` unless ``show_table=True``)::

    line_chart(_("Views over time"), [(date(2025, 8, 1), 120), (date(2025, 8, 2), 340)])
    bar_chart(_("Applications by district"), [("Мұнайлы", 12), ("Қарақия", 5)])

Values are numbers (int, Decimal or float); ``value_format`` turns one into the label
shown in the table and on the axis (e.g. ``format_tenge``).
"""

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from itertools import count

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

Number = int | float | Decimal
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 90, 16, 12, 48
_ids = count(1)


def _n(value: float) -> str:
    """A coordinate with one decimal (format_html escapes its arguments to strings first)."""
    return f"{value:.1f}"


def plain(value: Number) -> str:
    return formats.number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


def _figure(
    title: str,
    svg: SafeString,
    header: tuple[str, str],
    rows: list[tuple[str, str]],
    show_table: bool,
) -> SafeString:
    table = format_html(
        '<table class="table table-sm chart-data{}"><caption>{}</caption>'
        '<thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
        "<tbody>{}</tbody></table>",
        "" if show_table else " visually-hidden",
        title,
        header[0],
        header[1],
        format_html_join("", "<tr><td>{}</td><td>{}</td></tr>", rows),
    )
    return format_html('<figure class="chart">{}{}</figure>', svg, table)


def _svg_open(title: str) -> tuple[str, str]:
    ident = f"chart-{next(_ids)}"
    opening = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{}" style="max-width:{}px;font-family:DejaVu Sans,sans-serif">'
        '<title id="{}">{}</title>',
        WIDTH,
        HEIGHT,
        ident,
        WIDTH,
        ident,
        title,
    )
    return opening, ident


def _axis(top_value: Number, value_format: Callable[[Number], str]) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    parts = []
    for step in range(5):
        y = TOP + plot_h - plot_h * step / 4
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#dee2e6"/>'
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#495057">{}'
                "</text>",
                LEFT,
                WIDTH - RIGHT,
                _n(y),
                _n(y),
                LEFT - 6,
                _n(y + 4),
                value_format(Decimal(str(top_value)) * step / 4),
            )
        )
    return "".join(parts)


def line_chart(
    title: str,
    points: Sequence[tuple[date, Number]],
    *,
    value_label: str = "",
    date_label: str = "",
    value_format: Callable[[Number], str] = plain,
    show_table: bool = False,
) -> SafeString:
    """A line over dates (points in any order; sorted here). An empty series shows axes only."""
    points = sorted(points)
    opening, _ident = _svg_open(title)
    top = max([float(v) for _d, v in points] + [0]) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    first = points[0][0] if points else None
    span = max(((points[-1][0] - first).days if points else 0), 1)

    def xy(day: date, value: Number) -> tuple[float, float]:
        x = LEFT + (plot_w * (day - first).days / span if len(points) > 1 else plot_w / 2)
        return x, TOP + plot_h - plot_h * float(value) / top

    coords = [xy(day, value) for day, value in points]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = "".join(
        format_html('<circle cx="{}" cy="{}" r="3" fill="#0d6efd"/>', _n(x), _n(y))
        for x, y in coords
    )
    labels = ""
    if points:
        ticks = [points[0], points[-1]] if len(points) > 1 else [points[0]]
        labels = "".join(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#495057">{}</text>',
                _n(xy(day, 0)[0]),
                HEIGHT - BOTTOM + 16,
                formats.date_format(day, "SHORT_DATE_FORMAT"),
            )
            for day, _v in ticks
        )
    svg = mark_safe(
        opening
        + _axis(top, value_format)
        + (
            format_html(
                '<polyline points="{}" fill="none" stroke="#0d6efd" stroke-width="2"/>', path
            )
            if len(points) > 1
            else ""
        )
        + dots
        + labels
        + "</svg>"
    )
    rows = [(formats.date_format(d, "SHORT_DATE_FORMAT"), value_format(v)) for d, v in points]
    return _figure(title, svg, (date_label, value_label), rows, show_table)


def bar_chart(
    title: str,
    bars: Sequence[tuple[str, Number]],
    *,
    value_label: str = "",
    category_label: str = "",
    value_format: Callable[[Number], str] = plain,
    show_table: bool = False,
) -> SafeString:
    """Vertical bars by category, in the order given."""
    opening, _ident = _svg_open(title)
    top = max([float(v) for _c, v in bars] + [0]) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(bars), 1)
    parts = []
    for index, (category, value) in enumerate(bars):
        h = plot_h * float(value) / top
        x = LEFT + slot * index + slot * 0.15
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="#0d6efd">'
                "<title>{}: {}</title></rect>"
                '<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="#495057">{}'
                "</text>",
                _n(x),
                _n(TOP + plot_h - h),
                _n(slot * 0.7),
                _n(h),
                category,
                value_format(value),
                _n(x + slot * 0.35),
                HEIGHT - BOTTOM + 14,
                str(category)[:14],
            )
        )
    svg = mark_safe(opening + _axis(top, value_format) + "".join(parts) + "</svg>")
    rows = [(str(c), value_format(v)) for c, v in bars]
    return _figure(title, svg, (category_label, value_label), rows, show_table)
