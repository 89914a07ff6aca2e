"""The SVG charts: nice ticks, labels that fit, and the text a reader without the picture gets."""

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from jastarurban.charts import (
    EM_PER_CHAR,
    FONT,
    WIDTH,
    bar_chart,
    line_chart,
    nice_ticks,
    spaced_labels,
    wrap,
)
from jastarurban.money import format_tenge, format_tenge_short

SVG = "{http://www.w3.org/2000/svg}"
DISTRICTS = [
    ("Бейнеу ауданы", 6),
    ("Маңғыстау ауданы", 6),
    ("Қарақия ауданы", 6),
    ("Жаңаөзен қалалық әкімдігі", 4),
    ("Мұнайлы ауданы", 4),
    ("Түпқараған ауданы", 4),
    ("Ақтау қалалық әкімдігі", 2),
]


@pytest.fixture(autouse=True)
def kazakh():
    with translation.override("kk"):
        yield


def svg_of(html: str) -> ET.Element:
    # The charts' own output, not untrusted input.
    return ET.fromstring(re.search(r"<svg.*</svg>", html, re.S).group(0))  # noqa: S314


def label_boxes(html: str) -> list[tuple[float, float, float, float, str]]:
    """Each line of text drawn, as (left, right, top, bottom, text), from the same width
    estimate the charts use (DejaVu Sans, the widest font a browser falls back to)."""
    boxes = []
    for text in svg_of(html).iter(f"{SVG}text"):
        lines = list(text.iter(f"{SVG}tspan")) or [text]
        for line in lines:
            content = "".join(line.itertext()) if line is not text else (text.text or "")
            x, y = float(line.get("x", text.get("x"))), float(line.get("y", text.get("y")))
            width = len(content) * FONT * EM_PER_CHAR
            left = {"end": x - width, "middle": x - width / 2}.get(text.get("text-anchor"), x)
            boxes.append((left, left + width, y - FONT * 0.8, y + FONT * 0.2, content))
    return boxes


def assert_no_collision_and_inside(html: str) -> None:
    boxes = label_boxes(html)
    height = float(svg_of(html).get("viewBox").split()[3])
    for left, right, top, bottom, content in boxes:
        assert left >= 0 and right <= WIDTH, f"{content!r} leaves the drawing"
        assert top >= 0 and bottom <= height, f"{content!r} leaves the drawing"
    for index, a in enumerate(boxes):
        for b in boxes[index + 1 :]:
            overlap_x = a[0] < b[1] and b[0] < a[1]
            overlap_y = a[2] < b[3] and b[2] < a[3]
            assert not (overlap_x and overlap_y), f"{a[4]!r} and {b[4]!r} overlap"


# Ticks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("high", "whole", "expected"),
    [
        (0, True, [0, 1]),  # empty or all-zero series: an axis still
        (-5, False, [0, 1]),
        (1, True, [0, 1]),  # counts never step by a fraction
        (3, True, [0, 1, 2, 3]),
        (6, True, [0, 2, 4, 6]),
        (10, True, [0, 5, 10]),  # not 2.5 steps for counts
        (10, False, [0, "2.5", 5, "7.5", 10]),
        (100, True, [0, 25, 50, 75, 100]),  # a nice maximum is the top
        (101, True, [0, 50, 100, 150]),  # just above it: the next nice step
        (130, True, [0, 50, 100, 150]),
        ("0.3", False, [0, "0.1", "0.2", "0.3"]),
        (31758, True, [0, 10000, 20000, 30000, 40000]),
        (9542862, True, [0, 2500000, 5000000, 7500000, 10000000]),
    ],
)
def test_ticks_are_nice_steps_from_zero_to_the_first_nice_value_above_the_data(
    high, whole, expected
):
    assert nice_ticks(Decimal(str(high)), whole=whole) == [Decimal(str(v)) for v in expected]


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**10), places=2), st.booleans())
def test_ticks_cover_the_data_in_two_to_four_equal_nice_steps(high, whole):
    ticks = nice_ticks(high, whole=whole)
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0 and ticks[-1] >= high and ticks[-2] < high
    assert 2 <= len(ticks) <= 5
    assert all(b - a == step for a, b in pairwise(ticks))
    mantissa = step / Decimal(10) ** step.adjusted()
    assert mantissa in {1, 2, Decimal("2.5"), 5}
    if whole:
        assert step >= 1 and step == step.to_integral_value()


# Short money on the axis -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "kk", "ru", "en"),
    [
        (0, "0 ₸", "0 ₸", "0 ₸"),
        (999, "999 ₸", "999 ₸", "999 ₸"),
        (Decimal("999.5"), "1 мың ₸", "1 тыс. ₸", "1 K ₸"),  # rounds to whole tenge first
        (1000, "1 мың ₸", "1 тыс. ₸", "1 K ₸"),
        (250_000, "250 мың ₸", "250 тыс. ₸", "250 K ₸"),
        (999_994, "999,99 мың ₸", "999,99 тыс. ₸", "999.99 K ₸"),
        (999_995, "1 млн ₸", "1 млн ₸", "1 M ₸"),  # never "1 000 мың ₸"
        (2_500_000, "2,5 млн ₸", "2,5 млн ₸", "2.5 M ₸"),
        (7_000_000, "7 млн ₸", "7 млн ₸", "7 M ₸"),
        (9_542_862, "9,54 млн ₸", "9,54 млн ₸", "9.54 M ₸"),
        (10**9, "1 млрд ₸", "1 млрд ₸", "1 bn ₸"),
        (-2_500_000, "−2,5 млн ₸", "−2,5 млн ₸", "−2.5 M ₸"),
    ],
)
def test_short_money_reads_in_each_language(amount, kk, ru, en):
    for language, expected in (("kk", kk), ("ru", ru), ("en", en)):
        with translation.override(language):
            # No-break spaces: "2,5 млн ₸" never wraps between the number and its unit.
            assert format_tenge_short(amount) == expected.replace(" ", "\xa0")


# Label layout ----------------------------------------------------------------------------


def test_spaced_labels_keep_the_last_and_drop_what_would_overlap():
    assert spaced_labels([], 70) == []
    assert spaced_labels([200], 70) == [0]
    assert spaced_labels([40, 200, 360], 70) == [0, 1, 2]
    # Daily points 10 units apart: every eighth label, the last always.
    kept = spaced_labels([40 + 10 * i for i in range(30)], 70)
    assert kept[0] == 0 and kept[-1] == 29
    assert all(b - a >= 8 for a, b in pairwise(kept))


def test_wrap_breaks_between_words_and_marks_what_it_cuts():
    room = 10 * FONT * EM_PER_CHAR  # ten characters
    assert wrap("Бейнеу", room) == ["Бейнеу"]
    assert wrap("Бейнеу ауданы", room) == ["Бейнеу", "ауданы"]
    assert wrap("Жаңаөзен қалалық әкімдігі", room) == ["Жаңаөзен", "қалалық", "әкімдігі"]
    assert wrap("Жаңаөзен қалалық әкімдігі", room, lines=2) == ["Жаңаөзен", "қалалық…"]
    assert wrap("Материалдық-техникалық", 12 * FONT * EM_PER_CHAR) == ["Материалдық-", "техникалық"]
    assert wrap("Материалдық", room) == ["Материалд…"]


# Line charts -----------------------------------------------------------------------------


def test_a_line_chart_scales_to_its_container_and_shows_the_last_date_whole():
    days = [date(2026, 6, 1) + timedelta(days=n) for n in range(0, 93)]  # to 01.09.2026
    html = line_chart(
        "Spent",
        [(day, 100_000 * n) for n, day in enumerate(days)],
        value_format=format_tenge,
        axis_format=format_tenge_short,
    )
    svg = svg_of(html)
    assert svg.get("viewBox").startswith(f"0 0 {WIDTH} ") and svg.get("width") == "100%"
    assert svg.get("height") is None  # the height follows the width
    texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert "01.09.2026" in texts and "01.06.2026" in texts
    # Round ticks of short money, up to the first nice value above 9 200 000.
    for tick in ("0\xa0₸", "2,5\xa0млн\xa0₸", "5\xa0млн\xa0₸", "7,5\xa0млн\xa0₸", "10\xa0млн\xa0₸"):
        assert tick in texts
    assert_no_collision_and_inside(html)


@pytest.mark.parametrize("count", [0, 1, 2, 5, 40, 365])
def test_line_chart_labels_never_collide_whatever_the_number_of_points(count):
    points = [(date(2025, 1, 1) + timedelta(days=7 * n), n * 1234) for n in range(count)]
    assert_no_collision_and_inside(line_chart("Views", points))


def test_a_line_chart_has_a_visible_title_a_summary_and_its_data_as_a_table():
    html = line_chart(
        "Views <over> time",
        [(date(2025, 8, 2), 340), (date(2025, 8, 3), 200), (date(2025, 8, 1), 120)],
        value_label="views",
        date_label="date",
    )
    assert "Views &lt;over&gt; time" in html and "<over>" not in html
    caption = re.search(r"<figcaption>(.*)</figcaption>", html).group(1)
    assert 'class="chart-title' in caption and "Views &lt;over&gt; time" in caption
    # The summary names the first, the last and the highest value (kk).
    assert "01.08.2025: 120; 03.08.2025: 200. Ең жоғары мәні: 340 (02.08.2025)." in caption
    svg = svg_of(html)
    assert svg.get("role") == "img"
    ids = re.findall(r'id="([^"]+)"', caption)
    assert [svg.get("aria-labelledby"), svg.get("aria-describedby")] == ids
    assert html.count("<circle") == 3 and "<polyline" in html
    table = html[html.index("<details") :]
    assert "<summary" in table and "Деректер кестесі" in table
    assert table.index("01.08.2025") < table.index("02.08.2025")  # sorted by date
    # The table itself is visible (its caption repeats the title for screen readers only).
    assert '<table class="table table-sm chart-data"><caption class="visually-hidden">' in table


def test_charts_take_empty_and_single_series():
    empty = line_chart("Nothing yet", [])
    assert "<polyline" not in empty and "Әзірге деректер жоқ." in empty
    single = line_chart("One day", [(date(2025, 8, 1), Decimal("2.5"))])
    assert "<circle" in single and "01.08.2025: 2,5." in single
    assert "<rect" not in bar_chart("No bars", []) and "Әзірге деректер жоқ." in bar_chart(
        "No bars", []
    )


# Bar charts ------------------------------------------------------------------------------


def test_short_categories_stand_as_columns_over_a_round_axis():
    html = bar_chart("Scores", [(str(n), n * 13) for n in range(1, 11)], show_table=True)
    texts = ["".join(t.itertext()) for t in svg_of(html).iter(f"{SVG}text")]
    assert {"0", "50", "100", "150"} <= set(texts) and "10" in texts
    assert html.count("<rect") == 10
    assert "<details" not in html and "<table" in html  # shown at once
    assert_no_collision_and_inside(html)


def test_long_district_names_lie_across_written_out_and_never_collide():
    html = bar_chart("Applications by district", DISTRICTS)
    lines = [box[4] for box in label_boxes(html)]
    # Whole names, wrapped between words, never cut at 14 characters.
    assert "Маңғыстау ауданы" in lines and "Түпқараған ауданы" in lines
    assert {"Жаңаөзен қалалық", "әкімдігі"} <= set(lines)
    assert html.count("<rect") == 7
    assert_no_collision_and_inside(html)
    assert "Барлығы: 32. Ең көбі: Бейнеу ауданы (6); ең азы: Ақтау қалалық әкімдігі (2)." in (html)


def test_bar_values_at_the_ends_of_bars_are_short_money_and_the_table_full():
    html = bar_chart(
        "Spent",
        [
            ("Әкімшілік шығыстар", 1_846_862),
            ("Материалдық-техникалық қамтамасыз ету", 0),
            ("Институционалдық даму", 0),
            ("Тікелей шығыстар", 7_696_000),
        ],
        value_format=format_tenge,
        axis_format=format_tenge_short,
    )
    texts = ["".join(t.itertext()) for t in svg_of(html).iter(f"{SVG}text")]
    assert "1,85\xa0млн\xa0₸" in texts and "7,7\xa0млн\xa0₸" in texts and "0\xa0₸" in texts
    lines = [box[4] for box in label_boxes(html)]
    # Broken after its hyphen, never cut.
    assert lines[lines.index("Материалдық-") :][:3] == [
        "Материалдық-",
        "техникалық",
        "қамтамасыз ету",
    ]
    table = html[html.index("<table") :]
    assert "1\xa0846\xa0862\xa0₸" in table and "7\xa0696\xa0000\xa0₸" in table
    assert_no_collision_and_inside(html)
