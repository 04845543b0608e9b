"""The map's tooltip always names the area under the pointer (issue 19, item 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip

from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def _point_in(view, key):
    """A viewport point inside area ``key`` (found on a grid over its bounds)."""
    scene = view.scene()
    box = view.mapFromScene(scene._items[key].path().boundingRect()).boundingRect()
    for x in range(box.left(), box.right(), 3):
        for y in range(box.top(), box.bottom(), 3):
            point = QPoint(x, y)
            if view.viewport().rect().contains(point) and view.key_at(point) == key:
                return point
    raise AssertionError(key)


def _move(view, point):
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(view.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_a_quick_move_leaves_no_tooltip_naming_the_area_left(qtbot, open_window, library):
    window = open_window(library, (1280, 800))
    window.open_atlas("radiologi2", 1)
    pane = window.reader.box_view.map_pane
    qtbot.waitUntil(lambda: pane.map_widget is not None and pane.map_widget.isVisible())
    view = pane.map_widget.view
    telemark, sorlandet = _point_in(view, "Telemark"), _point_in(view, "Sørlandet")
    _move(view, telemark)
    help_event = QHelpEvent(QEvent.Type.ToolTip, telemark, view.viewport().mapToGlobal(telemark))
    QApplication.sendEvent(view.viewport(), help_event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("Telemark:")
    _move(view, sorlandet)  # quick: no rest, no new tooltip event
    assert window.hover_label.text().startswith("Sørlandet")
    assert not QToolTip.isVisible() or QToolTip.text().startswith("Sørlandet:")
    QToolTip.hideText()
