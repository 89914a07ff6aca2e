"""Server-rendered SVG charts: pure functions, no JavaScript, the same in pages and PDFs.

Both functions return safe HTML, a ``<figure class="chart">`` holding:

- a visible title and a one-sentence summary of the data (the figure's caption);
- an ``<svg role="img">`` named by that title and described by that summary, drawn on a
  ``viewBox`` with ``width="100%"`` so it scales to its container (no pixel widths);
- the data as a table: inside a ``<details>`` ("Data table"), or shown at once with
  ``show_table=True``.

::

    line_chart(_("Views over time"), [(date(2025, 8, 1), 120), (date(2025, 8, 2), 340)])
    bar_chart(_("Applications by district"), [("Мұнайлы ауданы", 12), ("Қарақия ауданы", 5)])

Values are numbers (int, Decimal or float). ``value_format`` writes a value in full (the
table, the tooltips: "9 542 862 ₸"); ``axis_format`` writes the axis ticks and the labels at
the ends of bars, where short is better ("7,5 млн ₸", see ``format_tenge_short``); it
defaults to ``value_format``. Ticks are "nice" (steps of 1, 2, 2.5 or 5 × 10ⁿ, whole numbers
for whole data) and labels are laid out from an estimate of their width so that none
collide or leave the drawing: the server cannot measure text, so the estimate errs wide.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from itertools import count

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

Number = int | float | Decimal
Format = Callable[[Number], str]

# Coordinates of the viewBox. 400 units across keep 12-unit text readable (about 10 px)
# when a phone's 336-px column shrinks the drawing; wide screens cap it in CSS.
WIDTH = 400
FONT = 12
# DejaVu Sans, the widest font a browser here falls back to, advances about 0.6 em per
# letter or digit; 0.64 errs wide so that estimated labels never overlap.
EM_PER_CHAR = 0.64
GAP = 10
TOP, PLOT_HEIGHT, AXIS_BELOW = 10, 180, 26
COLOUR, GRID, INK = "#0d6efd", "#dee2e6", "#495057"
_ids = count(1)


def plain(value: Number) -> str:
    """A count or amount with the language's grouping: 31758 → "31 758" (kk, ru), "31,758" (en)."""
    number = Decimal(str(value))
    places = 0 if number == number.to_integral_value() else None
    return formats.number_format(
        _decimal_text(number), decimal_pos=places, use_l10n=True, force_grouping=True
    )


def _decimal_text(number: Decimal) -> Decimal:
    """2.50 → 2.5 and 10.00 → 10, never 1E+1 (which number_format would print)."""
    return Decimal(format(number.normalize(), "f"))


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * size * EM_PER_CHAR


def _n(value: float) -> str:
    """A coordinate with one decimal (format_html escapes its arguments to strings first)."""
    return f"{value:.1f}"


def nice_ticks(high: Number, *, whole: bool = False, intervals: int = 4) -> list[Decimal]:
    """Axis values from 0 to the first "nice" value at or above ``high``, in at most
    ``intervals`` equal steps of 1, 2, 2.5 or 5 times a power of ten.

    ``whole=True`` (counts) never steps by less than 1 nor by a fraction such as 2.5.
    An empty or all-zero series gets the axis 0–1.
    """
    high = Decimal(str(high))
    if high <= 0:
        return [Decimal(0), Decimal(1)]
    rough = high / intervals
    if whole:
        rough = max(rough, Decimal(1))
    power = Decimal(10) ** rough.adjusted()
    step = next(
        candidate
        for candidate in (power * factor for factor in (1, 2, Decimal("2.5"), 5, 10))
        if candidate >= rough and not (whole and candidate != candidate.to_integral_value())
    )
    steps = int((high / step).to_integral_value(rounding=ROUND_CEILING))
    return [_decimal_text(step * index) for index in range(steps + 1)]


def spaced_labels(centres: Sequence[float], width: float) -> list[int]:
    """Which of the labels centred at ``centres`` (ascending) to show so that none overlap:
    always the last (the newest date must be read whole), then from the first on, each
    that keeps a label's width and a gap from those already kept."""
    if not centres:
        return []
    last = len(centres) - 1
    kept: list[int] = []
    for index in range(last):
        clear_of_previous = not kept or centres[index] - centres[kept[-1]] >= width + GAP
        if clear_of_previous and centres[last] - centres[index] >= width + GAP:
            kept.append(index)
    return [*kept, last]


def wrap(text: str, width: float, lines: int = 3) -> list[str]:
    """Words into at most ``lines`` lines of estimated ``width``, breaking between words or
    after a hyphen ("Материалдық-" / "техникалық"); what does not fit ends in "…" (the
    full text stays in the tooltip and the data table)."""
    most = max(int(width / (FONT * EM_PER_CHAR)), 2)
    result: list[str] = []
    for word in str(text).split():
        for index, piece in enumerate(re.findall(r"[^-]+-?|-", word)):
            joined = f"{result[-1]}{'' if index else ' '}{piece}" if result else piece
            if result and len(joined) <= most:
                result[-1] = joined
            else:
                result.append(piece)
    if len(result) > lines or any(len(line) > most for line in result):
        result = result[:lines]
        result[-1] = result[-1][: most - 1].rstrip() + "…"
    return [line[:most] for line in result]


@dataclass(frozen=True)
class _Ids:
    title: str
    summary: str


def _figure(
    *,
    title: str,
    summary: str,
    svg: SafeString,
    header: tuple[str, str],
    rows: list[tuple[str, str]],
    show_table: bool,
    ids: _Ids,
) -> SafeString:
    table = format_html(
        '<table class="table table-sm chart-data">'
        # The figure's caption shows the title already; the table's is for screen readers.
        '<caption class="visually-hidden">{}</caption>'
        '<thead><tr><th scope="col">{}</th><th scope="col" class="text-end">{}</th></tr></thead>'
        "<tbody>{}</tbody></table>",
        title,
        capfirst(header[0]),
        capfirst(header[1]),
        format_html_join("", '<tr><th scope="row">{}</th><td class="text-end">{}</td></tr>', rows),
    )
    if not show_table:
        table = format_html(
            '<details class="chart-details"><summary class="small">{}</summary>{}</details>',
            _("Data table"),
            table,
        )
    return format_html(
        '<figure class="chart">'
        '<figcaption><span class="chart-title d-block fw-semibold" id="{}">{}</span>'
        '<span class="chart-summary d-block small text-body-secondary" id="{}">{}</span>'
        "</figcaption>{}{}</figure>",
        ids.title,
        title,
        ids.summary,
        summary,
        svg,
        table,
    )


def _svg(title: str, height: float, body: str, ids: _Ids) -> SafeString:
    return mark_safe(
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
            'role="img" aria-labelledby="{}" aria-describedby="{}" class="chart-svg" '
            'font-family="DejaVu Sans,sans-serif" font-size="{}"><title>{}</title>',
            WIDTH,
            _n(height),
            ids.title,
            ids.summary,
            FONT,
            title,
        )
        + body
        + "</svg>"
    )


def _new_ids() -> _Ids:
    number = next(_ids)
    return _Ids(title=f"chart-{number}-title", summary=f"chart-{number}-summary")


def _is_whole(values: Sequence[Number]) -> bool:
    return all(Decimal(str(v)) == Decimal(str(v)).to_integral_value() for v in values)


@dataclass(frozen=True)
class _ValueAxis:
    """A vertical axis: nice ticks, their labels, and where the plot starts after them."""

    ticks: list[Decimal]
    labels: list[str]
    left: float

    @classmethod
    def for_values(cls, values: Sequence[Number], axis_format: Format) -> "_ValueAxis":
        ticks = nice_ticks(max([*values, 0]), whole=_is_whole(values))
        labels = [axis_format(tick) for tick in ticks]
        return cls(ticks, labels, max(text_width(label) for label in labels) + GAP)

    @property
    def top(self) -> float:
        return float(self.ticks[-1])

    def y(self, value: Number) -> float:
        return TOP + PLOT_HEIGHT - PLOT_HEIGHT * float(value) / self.top

    def draw(self, right: float) -> str:
        return "".join(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>',
                _n(self.left),
                _n(right),
                _n(self.y(tick)),
                _n(self.y(tick)),
                GRID,
                _n(self.left - GAP / 2),
                _n(self.y(tick) + FONT / 3),
                INK,
                label,
            )
            for tick, label in zip(self.ticks, self.labels, strict=True)
        )


def _no_data(axis_left: float) -> str:
    return format_html(
        '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
        _n((axis_left + WIDTH) / 2),
        _n(TOP + PLOT_HEIGHT / 2),
        INK,
        _("No data yet."),
    )


def _day(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def line_summary(points: Sequence[tuple[date, Number]], value_format: Format) -> str:
    if not points:
        return _("No data yet.")
    first_day, first = points[0]
    last_day, last = points[-1]
    if len(points) == 1:
        return _("%(day)s: %(value)s.") % {"day": _day(first_day), "value": value_format(first)}
    summary = _("%(first_day)s: %(first)s; %(last_day)s: %(last)s.") % {
        "first_day": _day(first_day),
        "first": value_format(first),
        "last_day": _day(last_day),
        "last": value_format(last),
    }
    high_day, high = max(points, key=lambda point: point[1])
    if high > max(first, last):
        summary += " " + _("Highest: %(value)s (%(day)s).") % {
            "value": value_format(high),
            "day": _day(high_day),
        }
    return summary


def line_chart(
    title: str,
    points: Sequence[tuple[date, Number]],
    *,
    value_label: str = "",
    date_label: str = "",
    value_format: Format = plain,
    axis_format: Format | None = None,
    show_table: bool = False,
) -> SafeString:
    """A line over dates (points in any order; sorted here). An empty series says so."""
    points = sorted(points)
    axis = _ValueAxis.for_values([v for _d, v in points], axis_format or value_format)
    right = WIDTH - GAP
    first = points[0][0] if points else None
    span = max((points[-1][0] - first).days if points else 0, 1)

    def x(day: date) -> float:
        if len(points) == 1:
            return (axis.left + right) / 2
        return axis.left + (right - axis.left) * (day - first).days / span

    coords = [(x(day), axis.y(value)) for day, value in points]
    body = [axis.draw(right)]
    if len(coords) > 1:
        body.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>',
                " ".join(f"{px:.1f},{py:.1f}" for px, py in coords),
                COLOUR,
            )
        )
    body += [
        format_html('<circle cx="{}" cy="{}" r="3" fill="{}"/>', _n(px), _n(py), COLOUR)
        for px, py in coords
    ]
    if not points:
        body.append(_no_data(axis.left))
    # Date labels: centred under their points but kept inside the drawing, and only as
    # many as fit side by side.
    labels = [_day(day) for day, _v in points]
    label_width = max((text_width(label) for label in labels), default=0)
    centres = [min(max(px, label_width / 2 + 1), WIDTH - label_width / 2 - 1) for px, _py in coords]
    body += [
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
            _n(centres[index]),
            _n(TOP + PLOT_HEIGHT + FONT + 6),
            INK,
            labels[index],
        )
        for index in spaced_labels(centres, label_width)
    ]
    svg = _svg(title, TOP + PLOT_HEIGHT + AXIS_BELOW, "".join(body), ids := _new_ids())
    return _figure(
        title=title,
        summary=line_summary(points, value_format),
        svg=svg,
        header=(date_label, value_label),
        rows=[(_day(d), value_format(v)) for d, v in points],
        show_table=show_table,
        ids=ids,
    )


def bar_summary(bars: Sequence[tuple[str, Number]], value_format: Format) -> str:
    if not bars:
        return _("No data yet.")
    total = _("Total: %(total)s.") % {"total": value_format(sum(v for _c, v in bars))}
    if len(bars) == 1:
        return total
    top = max(bars, key=lambda bar: bar[1])
    bottom = min(bars, key=lambda bar: bar[1])
    return (
        total
        + " "
        + _("Most: %(top)s (%(top_value)s); fewest: %(bottom)s (%(bottom_value)s).")
        % {
            "top": top[0],
            "top_value": value_format(top[1]),
            "bottom": bottom[0],
            "bottom_value": value_format(bottom[1]),
        }
    )


def bar_chart(
    title: str,
    bars: Sequence[tuple[str, Number]],
    *,
    value_label: str = "",
    category_label: str = "",
    value_format: Format = plain,
    axis_format: Format | None = None,
    show_table: bool = False,
) -> SafeString:
    """Bars by category, in the order given; the parts of a whole (the summary gives the
    total). Short categories stand as columns over an axis; when one would not fit under
    its column (district names), the bars lie across, each category written out on up to
    two lines on its left and its value at its end."""
    bars = [(str(category), value) for category, value in bars]
    axis_format = axis_format or value_format
    ids = _new_ids()
    axis = _ValueAxis.for_values([v for _c, v in bars], axis_format)
    slot = (WIDTH - GAP - axis.left) / max(len(bars), 1)
    if all(text_width(category) <= slot - 4 for category, _v in bars):
        body = _columns_body(bars, axis, slot, value_format)
        if not bars:
            body += _no_data(axis.left)
        svg = _svg(title, TOP + PLOT_HEIGHT + AXIS_BELOW, body, ids)
    else:
        height, body = _rows_body(bars, value_format, axis_format)
        svg = _svg(title, height, body, ids)
    return _figure(
        title=title,
        summary=bar_summary(bars, value_format),
        svg=svg,
        header=(category_label, value_label),
        rows=[(c, value_format(v)) for c, v in bars],
        show_table=show_table,
        ids=ids,
    )


def _columns_body(
    bars: Sequence[tuple[str, Number]], axis: _ValueAxis, slot: float, value_format: Format
) -> str:
    parts = [axis.draw(WIDTH - GAP)]
    for index, (category, value) in enumerate(bars):
        x = axis.left + slot * index
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                _n(x + slot * 0.15),
                _n(axis.y(value)),
                _n(slot * 0.7),
                _n(axis.y(0) - axis.y(value)),
                COLOUR,
                category,
                value_format(value),
                _n(x + slot / 2),
                _n(TOP + PLOT_HEIGHT + FONT + 6),
                INK,
                category,
            )
        )
    return "".join(parts)


LINE_HEIGHT, ROW_PADDING = FONT + 3, 8


def _rows_body(
    bars: Sequence[tuple[str, Number]], value_format: Format, axis_format: Format
) -> tuple[float, str]:
    """Horizontal bars: the height grows with the number of categories, never the text's
    size; the value axis is not drawn, each bar carries its value."""
    label_room = WIDTH * 0.4
    wrapped = [wrap(category, label_room) for category, _v in bars]
    lines = max(len(lines) for lines in wrapped)
    row = lines * LINE_HEIGHT + ROW_PADDING
    values = [axis_format(value) for _c, value in bars]
    left = max(text_width(line) for lines in wrapped for line in lines) + GAP
    right = WIDTH - max(text_width(value) for value in values) - GAP
    high = max(float(value) for _c, value in bars) or 1
    parts = [
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>',
            _n(left),
            _n(left),
            TOP,
            _n(TOP + row * len(bars)),
            INK,
        )
    ]
    for index, ((category, value), label_lines, value_text) in enumerate(
        zip(bars, wrapped, values, strict=True)
    ):
        y = TOP + row * index
        length = (right - left) * float(value) / high
        middle = y + row / 2
        first_baseline = middle - (len(label_lines) - 1) * LINE_HEIGHT / 2 + FONT / 3
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" fill="{}">{}</text>'
                '<text x="{}" text-anchor="end" fill="{}">{}</text>',
                _n(left),
                _n(y + ROW_PADDING / 2),
                _n(length),
                _n(row - ROW_PADDING),
                COLOUR,
                category,
                value_format(value),
                _n(left + length + 4),
                _n(middle + FONT / 3),
                INK,
                value_text,
                _n(left - GAP / 2),
                INK,
                format_html_join(
                    "",
                    '<tspan x="{}" y="{}">{}</tspan>',
                    (
                        (_n(left - GAP / 2), _n(first_baseline + LINE_HEIGHT * n), line)
                        for n, line in enumerate(label_lines)
                    ),
                ),
            )
        )
    return TOP + row * len(bars) + ROW_PADDING, "".join(parts)
