"""The projector theme and colour-blind-safe colours (View menu), and presentation mode's sizes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from atlasviewer.core.classify import palette_colours
from atlasviewer.qt import theme
from deck_atlas import library, make_atlas


@pytest.fixture
def themed(open_window, tmp_path, qtbot):
    font = QApplication.font()
    window = open_window(library(make_atlas(tmp_path / "data")), size=(1024, 768))
    window.open_atlas("kyst", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted)
    yield window
    theme.set_theme(theme.Theme())
    QApplication.setFont(font)


def _tick_px(chart) -> float:
    axes = chart.figure.axes[0]
    sizes = [t.get_fontsize() for t in axes.get_yticklabels() + axes.get_xticklabels()]
    return min(sizes) * chart.figure.dpi / 72


def test_projector_theme_makes_text_large_and_outlines_thick(themed, qtbot):
    window = themed
    box_view = window.reader.box_view
    chart = box_view.chart_widgets[0]
    map_widget = box_view.map_widget
    window.state.set_selection({"Sørby"})
    before = _tick_px(chart)
    assert before < 16
    present = window.presentation
    assert present.projector_action in window.menus.view_menu.actions()
    present.projector_action.trigger()
    assert window.settings.projector_theme
    assert QApplication.font().pixelSize() >= 20
    qtbot.waitUntil(lambda: not chart.figure.stale)
    chart.canvas.draw()
    assert _tick_px(chart) >= 16  # drawn again in the theme, not a scaled picture
    assert map_widget.legend.legend_painter.font.pixelSize() >= 16
    outline = map_widget.scene.area_item("Sørby").pen().widthF()
    assert outline >= 5
    present.projector_action.trigger()
    assert QApplication.font().pixelSize() != 20 and not window.settings.projector_theme
    chart.canvas.draw()
    assert _tick_px(chart) == pytest.approx(before)
    # The ring's pen is twice its visible width: its inner half lies under the area's fill.
    assert map_widget.scene.area_item("Sørby").pen().widthF() == 2 * 3


def test_colour_blind_safe_colours_recolour_the_map(themed):
    window = themed
    scene = window.reader.box_view.map_widget.scene
    purple = scene.brush_colour("Midtdal").name()
    window.presentation.colour_blind_action.trigger()
    scene = window.reader.box_view.map_widget.scene
    safe = scene.brush_colour("Midtdal").name()
    assert safe != purple
    assert safe in [c.lower() for c in palette_colours("ylgnbu", 5)] + [
        c.lower() for n in range(1, 8) for c in palette_colours("ylgnbu", n)
    ]
    assert window.reader.box_view.map_plan.palette == "ylgnbu"


def test_slides_are_in_projector_sizes_at_1024x768(themed, qtbot):
    from atlasviewer.core.deck import Slide

    window = themed
    present = window.presentation
    present.controller.add(Slide(atlas="kyst", box=1, view="bar1"))
    view = present.present(0)
    view.setWindowState(view.windowState() & ~view.windowState())
    view.resize(1024, 768)
    slide = view.current
    assert slide.finding.font().pixelSize() >= 20 and slide.title.font().pixelSize() >= 20
    assert slide.source.font().pixelSize() >= 16
    chart = slide.view.chart
    chart.canvas.draw()
    assert _tick_px(chart) >= 16
    view.close()


def test_a_map_slide_labels_its_areas_in_projector_sizes(themed, qtbot):
    from atlasviewer.core.deck import Slide
    from atlasviewer.qt.map.labels import area_labels, label_font

    window = themed
    present = window.presentation
    present.controller.add(Slide(atlas="kyst", box=1, view="map", areas=["Vestre"]))
    view = present.present(0)
    view.setWindowState(view.windowState() & ~view.windowState())
    view.resize(1024, 768)
    view.grab()
    live = view.current.view.map
    assert live.legend.legend_painter.font.pixelSize() >= 16
    assert label_font(False, live.view.label_px).pixelSize() >= 16
    placed = area_labels(live.view, live.plan, live.view.label_px)
    assert ("Vestre", True) in [(text, selected) for text, _box, selected in placed]
    view.close()


def test_projector_theme_enlarges_the_box_texts_and_keeps_labels_clear(open_window, v2_root, qtbot):
    from PySide6.QtCore import QRectF

    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.qt.map.labels import area_labels

    font = QApplication.font()
    window = open_window(AtlasLibrary([v2_root]), size=(1024, 768))
    try:
        window.open_atlas("radiologi2", 1)
        window.state.set_selection({"st_olav"})
        box_view = window.reader.box_view
        qtbot.waitUntil(box_view.is_painted, timeout=20000)
        window.presentation.projector_action.trigger()
        window.grab()
        assert box_view.title.font().pixelSize() >= 27  # 1.35 x the 20 px body text
        assert box_view.text.document().defaultFont().pixelSize() >= 20
        map_widget = box_view.map_widget
        view = map_widget.view
        obstacles = [QRectF(w.geometry()) for w in view.label_obstacles if w.isVisible()]
        placed = area_labels(view, map_widget.plan, view.label_px, obstacles)
        olav = [box for text, box, selected in placed if selected and text == "St. Olav"]
        assert olav and not any(olav[0].intersects(o) for o in obstacles)
    finally:
        theme.set_theme(theme.Theme())
        QApplication.setFont(font)
