"""A click on a selected bar does what a click on the map does, and says so (issue 19, item 9)."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def _click_bar(chart, name):
    """Press the left button on the bar of area ``name``, as matplotlib hands a click on."""
    from matplotlib.backend_bases import MouseEvent

    ax = chart.figure.axes[0]
    chart.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    y_data = ax.get_yticks()[labels.index(name)]
    x, y = ax.transData.transform((ax.get_xlim()[1] * 0.05, y_data))
    MouseEvent("button_press_event", chart.canvas, x, y, button=1)._process()


def test_clicking_a_selected_bar_unselects_it_as_on_the_map_and_says_so(
    qtbot, open_window, library
):
    window = open_window(library, (1280, 800))
    i18n.set_language("en")
    window.open_atlas("radiologi2", 1)
    view = window.reader.box_view
    qtbot.waitUntil(view.is_painted, timeout=20000)
    chart = view.chart_tabs.chart_widgets[0]
    _click_bar(chart, "Bergen")
    key = window.state.canonical_key("Bergen")
    assert window.state.selection == {key}
    assert "Bergen selected" in window.statusBar().currentMessage()
    _click_bar(chart, "Bergen")
    assert window.state.selection == frozenset()
    message = window.statusBar().currentMessage()
    assert message == "Bergen unselected: no area is selected now."
    # ... and it can be read: the hover label beside it leaves it the room.
    bar = window.statusBar()
    room = window.hover_label.geometry().left() if window.hover_label.isVisible() else bar.width()
    assert bar.fontMetrics().horizontalAdvance(message) < room
    # The map's click does the same, through the same state.
    window.state.select("Bergen")
    window.state.select("Bergen")
    assert window.state.selection == frozenset()


def test_the_status_says_it_in_bokmal(qtbot, open_window, library):
    window = open_window(library)
    i18n.set_language("nb")
    window.open_atlas("radiologi2", 1)
    window.state.select("Bergen")
    window.state.select("Innlandet", add=True)
    assert window.statusBar().currentMessage() == (
        "Innlandet er lagt til i utvalget: 2 områder er valgt."
    )
