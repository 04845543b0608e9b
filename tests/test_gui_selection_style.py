"""One selection style, whatever the count, that keeps the class colour readable (item 8)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.plans import SELECTION_COLOUR


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def _orange_share(widget, key: str) -> float:
    """Of the screen pixels inside area ``key``, the share painted in the selection colour."""
    view = widget.view
    item = widget.scene.item(key) if hasattr(widget.scene, "item") else widget.scene._items[key]
    image = view.viewport().grab().toImage()
    orange = QColor(SELECTION_COLOUR)
    inside = painted = 0
    box = view.mapFromScene(item.path().boundingRect()).boundingRect()
    for x in range(box.left(), box.right() + 1):
        for y in range(box.top(), box.bottom() + 1):
            if not item.path().contains(QPointF(view.mapToScene(QPoint(x, y)))):
                continue
            if not image.rect().contains(x, y):
                continue
            inside += 1
            colour = image.pixelColor(x, y)
            near = abs(colour.red() - orange.red()) + abs(colour.green() - orange.green())
            painted += near + abs(colour.blue() - orange.blue()) < 60
    assert inside > 20
    return painted / inside


@pytest.mark.parametrize("selection", [["Bergen"], ["Bergen", "Innlandet"]])
def test_a_small_selected_area_keeps_its_class_colour(qtbot, open_window, library, selection):
    window = open_window(library, (1280, 800))
    window.open_atlas("radiologi2", 1)
    pane = window.reader.box_view.map_pane
    qtbot.waitUntil(lambda: pane.map_widget is not None and pane.map_widget.isVisible())
    window.state.set_selection([window.state.canonical_key(n) for n in selection])
    qtbot.wait(100)
    widget = pane.map_widget
    key = "Bergen"  # the map key (its geography's area name)
    assert key in widget.scene.selection()
    assert _orange_share(widget, key) < 0.1
