"""Each figure pane follows the state by itself: no result box view tells it what to draw."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.charts.tabs import ChartTabs
from atlasviewer.qt.map.pane import MapPane
from atlasviewer.qt.state import AppState
from atlasviewer.qt.tables.tabs import TableTabs


@pytest.fixture
def state(qapp, v2_root):
    app_state = AppState()
    app_state.set_library(AtlasLibrary([v2_root]))
    yield app_state
    app_state.close()


def test_map_chart_and_table_panes_draw_a_box_and_its_selection_alone(qtbot, state):
    map_pane, charts, tables = MapPane(state), ChartTabs(state), TableTabs(state)
    for pane in (map_pane, charts, tables):
        qtbot.addWidget(pane)
        pane.resize(640, 480)
        pane.show()
    state.set_atlas(state.library.get("radiologi2"))
    box = state.variant.result_boxes[0]
    state.set_box(box)
    assert map_pane.map_plan is not None and map_pane.map_widget is not None
    assert charts.count() >= 1 and charts.chart_widgets[0].plan is not None
    assert tables.table_views and tables.table_views[0].model().rowCount() > 0
    state.select("UNN")
    assert map_pane.map_widget.scene._selection == set(
        state.selected_names(list(map_pane.map_plan.areas))
    )
    assert map_pane.map_widget.scene._selection  # UNN is outlined
    view = tables.table_views[0]
    assert view.selectionModel().selectedRows()  # and its row selected
    # A language switch relabels what each pane shows, each on its own.
    title_en = charts.tabText(0)
    i18n.set_language("nb")
    assert charts.tabText(0) != title_en
