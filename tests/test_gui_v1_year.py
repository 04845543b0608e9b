"""A first-generation box shown for one year says that year (issue 19, item 7)."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.model import BarChartSpec, MapSpec, TableSpec
from atlasviewer.core.plans import build_table_plan, credits_for
from atlasviewer.qt.map.legend import credits_text


@pytest.fixture(scope="module")
def library(v1_root):
    return AtlasLibrary([v1_root])


def test_map_legend_and_source_line_say_the_year_chosen(qtbot, open_window, library):
    atlas = library.get("v1-dagkir2")
    data = atlas.variant("nb").result_boxes[0].load()
    assert data.slices[0] == "2013" and data.period == "2013-2017"
    window = open_window(library)
    i18n.set_language("nb")
    window.open_atlas("v1-dagkir2", 1)
    window.state.set_slice("2015")
    pane = window.reader.box_view.map_pane
    qtbot.waitUntil(lambda: pane.map_plan is not None)
    plan = pane.map_plan
    assert plan.title.endswith(", 2015")  # the legend's title
    assert window.reader.box_view.slice_combo.currentText() == "2015"
    line = credits_text(plan)
    assert "2015" in line and "2013" not in line and "2017" not in line


def test_the_table_says_the_year_and_the_bar_chart_keeps_the_period(library):
    atlas = library.get("v1-dagkir2")
    variant = atlas.variant("nb")
    box = variant.result_boxes[0]
    data = box.load()
    credits = credits_for(variant, box, "nb", data)
    views = data.views_for("2015")
    table = next(v for v in views if isinstance(v, TableSpec))
    assert build_table_plan(data, table, "nb", credits=credits).credits.period == "2015"
    assert any(isinstance(v, MapSpec) for v in views)
    bar = next(v for v in views if isinstance(v, BarChartSpec))
    from atlasviewer.core.plans import build_bar_plan

    bar_plan = build_bar_plan(data, bar, "nb", credits=credits)
    assert "2013" in bar_plan.credits.period  # the dots show the other years
    assert bar_plan.title.endswith(", 2015")  # the bars are 2015's, and the chart says so
