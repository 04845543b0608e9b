"""The map shows the measure of the chart chosen, and says which (issue 19, item 6)."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.model import BarChartSpec, LineChartSpec, MapSpec
from atlasviewer.core.plans import map_view_for_chart


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def _psa(library):
    box = library.get("lab").variant("en").result_boxes[2]
    data = box.load()
    charts = [v for v in data.views if isinstance(v, (BarChartSpec, LineChartSpec))]
    maps = [v for v in data.views if isinstance(v, MapSpec)]
    return data, charts, maps


def test_the_chart_of_another_measure_per_area_gets_its_own_map(library):
    data, charts, maps = _psa(library)
    share = next(c for c in charts if isinstance(c, BarChartSpec) and "andel" in c.x[0])
    chosen = map_view_for_chart(data, maps, share)
    assert chosen.x == share.x[0] and chosen.caption == share.x_label
    # Charts of the map's own measure, of other units (health authorities), and line
    # charts keep the box's map.
    assert map_view_for_chart(data, maps, charts[0]) is maps[0]
    by_region = next(c for c in charts if isinstance(c, BarChartSpec) and c.y == "borhf")
    assert map_view_for_chart(data, maps, by_region) is maps[0]
    line = next(c for c in charts if isinstance(c, LineChartSpec))
    assert map_view_for_chart(data, maps, line) is maps[0]


def test_choosing_the_share_tab_redraws_the_map_and_its_legend(qtbot, open_window, library):
    window = open_window(library, (1280, 800))
    i18n.set_language("en")
    window.open_atlas("lab", 3)
    view = window.reader.box_view
    qtbot.waitUntil(view.is_painted, timeout=20000)
    pane = view.map_pane
    assert pane.map_plan.title.startswith("Number of PSA tests")
    tabs = view.chart_tabs
    share_tab = next(i for i in range(tabs.count()) if "Proportion" in tabs.tabToolTip(i))
    tabs.setCurrentIndex(share_tab)
    qtbot.waitUntil(lambda: pane.map_plan.title.startswith("Proportion of PSA tests"))
    legend = [entry.label for entry in pane.map_plan.legend]
    assert all("%" in label for label in legend), legend
    tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: pane.map_plan.title.startswith("Number of PSA tests"))
