"""Numbers, percentages, ranges and dates as a reader in each language expects them."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.formatting import (
    distinguishing_spec,
    format_date,
    format_number,
    format_range,
    month_name,
)

NBSP = "\u00a0"  # babel's group separator and percent spacing for nb_NO / nn_NO

CASES = [
    # value, spec, nb (= nn), en
    (1234.5, ",.1f", f"1{NBSP}234,5", "1,234.5"),
    (1234.5, ",.0f", f"1{NBSP}235", "1,235"),
    (2.5, ",.0f", "3", "3"),  # half away from zero, as d3 on the atlas web site
    (1234.567, ",.2f", f"1{NBSP}234,57", "1,234.57"),
    (1234.567, ".2f", "1234,57", "1234.57"),
    (0.2634, ",.0%", f"26{NBSP}%", "26%"),
    (0.2634, ",.1%", f"26,3{NBSP}%", "26.3%"),
    (0.125, ",.0%", f"13{NBSP}%", "13%"),
    (12345.0, ",.0%", f"1{NBSP}234{NBSP}500{NBSP}%", "1,234,500%"),
    (1234.5, "", "1234,5", "1234.5"),
    (12.0, "", "12", "12"),
    (1234.4, "d", "1234", "1234"),
    (3, "month", "mars", "March"),
    (-1234.5, ",.1f", f"-1{NBSP}234,5", "-1,234.5"),
    (-0.2, ",.0f", "0", "0"),
    ("  0.6142", ",.2f", "0,61", "0.61"),  # numbers written as text in some files
    (None, ",.0f", "\u2013", "\u2013"),
    (float("nan"), ",.1%", "\u2013", "\u2013"),
]


@pytest.mark.parametrize(("value", "spec", "norwegian", "english"), CASES)
def test_each_spec_in_each_language(value, spec, norwegian, english):
    assert format_number(value, spec, "nb") == norwegian
    assert format_number(value, spec, "nn") == norwegian
    assert format_number(value, spec, "en") == english


def test_norwegian_spaces_are_no_break_spaces():
    text = format_number(1234567.25, ",.2f", "nb")
    assert text == "1\u00a0234\u00a0567,25"
    assert " " not in text  # a plain space would let a line break split the number


def test_default_language_is_the_active_ui_language():
    assert format_number(1234.5, ",.1f") == "1,234.5"
    i18n.set_language("nb")
    assert format_number(1234.5, ",.1f") == f"1{NBSP}234,5"
    assert format_date("2024-03-07") == "7. mars 2024"


def test_names_pass_through_a_table_column_without_format():
    assert format_number("Finnmark", "", "nb") == "Finnmark"


def test_dates():
    assert format_date("2024-03-07", "nb") == "7. mars 2024"
    assert format_date("2024-03-07", "nn") == "7. mars 2024"
    assert format_date("2024-03-07", "en") == "7 March 2024"
    assert format_date("2024-03-07T10:00:00Z", "en") == "7 March 2024"
    assert format_date("not a date", "en") == "not a date"
    assert format_date("", "en") == ""


def test_ranges_for_legends():
    assert format_range(292.156, 317.852, ",.0f", "nb") == "292\u2013318"
    assert format_range(0.0461, 0.0788, ",.1%", "en") == "4.6%\u20137.9%"
    assert format_range(474.5, 474.5, ",.0f", "en") == "475"
    assert format_range(None, 318, ",.0f", "en") == "\u2264 318"
    assert format_range(1234.5, None, ",.0f", "nb") == f"\u2265 1{NBSP}235"


def test_month_names():
    assert month_name(12, "nn") == "desember"
    assert month_name(1, "en", "abbreviated") == "Jan"


def test_legend_precision_grows_until_distinct_values_look_distinct():
    assert distinguishing_spec(",.0f", [292.2, 318.4, 343.0], "nb") == ",.0f"
    assert distinguishing_spec(",.0f", [0.97, 1.01, 1.30], "en") == ",.2f"
    assert distinguishing_spec(",.0%", [0.211, 0.214], "nb") == ",.1%"
    assert distinguishing_spec("", [1, 2], "nb") == ""
