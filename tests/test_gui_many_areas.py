"""Bar charts of 70 and 400 areas in the window: they grow and scroll, every name readable.

Measured on the drawn canvas: the extents of the visible area names (never overlapping, never
below the theme's minimum size), the canvas's height against the plan's wanted height, and
what hovering over a bar says.
"""

from __future__ import annotations

import pytest
from matplotlib.backend_bases import MouseEvent

from atlas_factory import AtlasSpec, write_atlas
from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module", params=[70, 400])
def many(request, tmp_path_factory):
    atlas = write_atlas(
        tmp_path_factory.mktemp(f"many{request.param}"), AtlasSpec(2, request.param, 21)
    )
    return request.param, atlas


def _open(qtbot, open_window, atlas, size):
    window = open_window(AtlasLibrary([atlas.root]), size)
    assert window.open_atlas(atlas.library_id, 1)
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=30000)
    chart = window.reader.box_view.chart_tabs.chart_widgets[0]
    qtbot.waitUntil(lambda: chart.plan is not None and bool(chart.figure.axes), timeout=10000)
    chart.canvas.draw()
    return window, chart


def _names(chart):
    ax = chart.figure.axes[0]
    renderer = chart.canvas.get_renderer()
    labels = [t for t in ax.get_yticklabels() if t.get_visible() and t.get_text()]
    return labels, [t.get_window_extent(renderer) for t in labels]


def _assert_readable(chart, style_min):
    labels, extents = _names(chart)
    boxes = sorted(extents, key=lambda b: b.y0)
    for lower, upper in zip(boxes, boxes[1:], strict=False):
        assert lower.y1 <= upper.y0 + 0.01, (lower, upper)
    assert all(t.get_fontsize() >= style_min for t in labels)
    return labels


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_bar_chart_grows_scrolls_and_shows_every_name(qtbot, open_window, many, size):
    count, atlas = many
    window, chart = _open(qtbot, open_window, atlas, size)
    assert chart.scrolls
    pane = chart.scroll_area.viewport().height()
    assert chart.canvas.height() > pane
    dpi = chart.figure.dpi / chart.canvas.device_pixel_ratio
    assert chart.canvas.height() >= round(chart.plan.wanted_height * dpi) - 1
    labels = _assert_readable(chart, chart.chart_style.min_tick_size)
    assert len(labels) == count + 1  # every area and Norway, none thinned
    # The scroll bar reaches the last area.
    bar = chart.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.maximum() >= chart.canvas.height() - pane - 1


def test_hovering_over_a_bar_shows_its_name_and_value(qtbot, open_window, many):
    _count, atlas = many
    window, chart = _open(qtbot, open_window, atlas, (1024, 768))
    said: list[str] = []
    window.reader.box_view.chart_tabs.hover_text_changed.connect(said.append)
    ax = chart.figure.axes[0]
    index = len(chart.plan.rows) // 2
    row = chart.plan.rows[index]
    value = next(v for v in row.values if v is not None)
    x, y = ax.transData.transform((value / 2, index))
    MouseEvent("motion_notify_event", chart.canvas, x, y)._process()
    assert said and said[-1].startswith(f"{row.label}: ") and row.value_texts[0] in said[-1]
    assert row.label in chart.tooltip_for(index)


def test_a_taller_pane_fits_the_names_again_on_resize(qtbot, open_window, many):
    count, atlas = many
    if count > 70:
        pytest.skip("400 names need more than any screen's height")
    window, chart = _open(qtbot, open_window, atlas, (1024, 768))
    assert chart.scrolls
    window.reader.box_view.splitter.setSizes([0, 4000])  # the texts give their room
    window.resize(1600, 1800)
    qtbot.waitUntil(lambda: not chart.scrolls, timeout=10000)
    qtbot.waitUntil(lambda: chart.canvas.height() <= chart.scroll_area.viewport().height() + 1)
    chart.canvas.draw()
    labels = _assert_readable(chart, chart.chart_style.min_tick_size)
    assert len(labels) == count + 1


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_legend_shows_every_class_range_whole(qtbot, open_window, many, size):
    from PySide6.QtGui import QFontMetricsF

    _count, atlas = many
    window, _chart = _open(qtbot, open_window, atlas, size)
    map_widget = window.reader.box_view.map_pane.map_widget
    legend = map_widget.legend.legend_painter
    assert legend is not None
    metrics = QFontMetricsF(legend.font)
    room = legend.inner_width - legend.swatch.width() - legend.unit * 0.6
    for entry in legend.plan.legend:
        assert metrics.horizontalAdvance(entry.label) <= room, entry.label
    # The overlay is as large as the legend painted, inside the map's view.
    assert map_widget.legend.width() >= legend.size().width()
    assert map_widget.legend.geometry().right() < map_widget.view.width()


def test_a_box_that_fits_after_one_that_scrolled_fills_its_pane(qtbot, open_window, many, tmp_path):
    _count, atlas = many
    small = write_atlas(tmp_path / "small", AtlasSpec(2, 12, 3))
    window = open_window(AtlasLibrary([atlas.root, small.root]), (1280, 800))
    tabs = window.reader.box_view.chart_tabs
    assert window.open_atlas(atlas.library_id, 1)
    qtbot.waitUntil(lambda: bool(tabs.chart_widgets) and tabs.chart_widgets[0].scrolls)
    assert window.open_atlas(small.library_id, 1)
    widget = window.reader.box_view.chart_tabs.chart_widgets[0]
    qtbot.waitUntil(lambda: not widget.scrolls, timeout=30000)
    qtbot.wait(200)
    viewport = widget.scroll_area.viewport().size()
    assert widget.canvas.size() == viewport  # the canvas fills the pane, no scroll bar's gap
    assert widget.canvas.get_width_height() == viewport.toTuple()  # and the figure with it
    assert not widget.scroll_area.verticalScrollBar().isVisible()
