from datetime import date
from decimal import Decimal

from jastarurban.charts import bar_chart, line_chart
from jastarurban.money import format_tenge


def test_a_line_chart_is_an_accessible_svg_with_its_data_as_a_table():
    html = line_chart(
        "Views <over> time",
        [(date(2025, 8, 2), 340), (date(2025, 8, 1), 120)],
        value_label="views",
        date_label="date",
    )
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert "<title" in html and "Views &lt;over&gt; time" in html and "<over>" not in html
    assert "<polyline" in html and html.count("<circle") == 2
    table = html[html.index("<table") :]
    assert table.index("01.08.2025") < table.index("02.08.2025")  # sorted by date
    assert "visually-hidden" in table


def test_charts_take_empty_and_single_series():
    assert "<polyline" not in line_chart("Nothing yet", [])
    assert "<circle" in line_chart("One day", [(date(2025, 8, 1), Decimal("2.5"))])
    assert "<rect" not in bar_chart("No bars", [])


def test_a_bar_chart_draws_a_bar_per_category_with_formatted_values():
    html = bar_chart(
        "Spent",
        [("Әкімшілік", 1_000_000), ("Тікелей", 250_000)],
        value_format=format_tenge,
        show_table=True,
    )
    assert html.count("<rect") == 2
    assert "Әкімшілік" in html and "1\xa0000\xa0000\xa0₸" in html
    assert "visually-hidden" not in html
