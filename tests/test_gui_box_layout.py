"""What a result box gives its room to, at the 1,280 x 800 window a manager's laptop shows.

A box whose data cannot be read gives its texts the room and says once why there are no
figures; a box with a map draws the country large in its pane, not in a corner of it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QLabel

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.map.scene import AreaItem


@pytest.fixture(scope="module")
def library(v2_root, v1_root):
    return AtlasLibrary([v2_root, v1_root])


@pytest.fixture
def window(open_window, library):
    return open_window(library, (1280, 800))


def _shown_labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def test_unreadable_box_says_once_why_its_figures_are_missing_and_texts_get_the_room(qtbot, window):
    assert window.open_atlas("psyk2-1", 1)
    box_view = window.reader.box_view
    qtbot.waitUntil(box_view.is_painted, timeout=10000)
    file_name = "pasient_polyklinikk_65.json"
    qtbot.waitUntil(lambda: any(file_name in t for t in _shown_labels(box_view)), timeout=5000)
    shown = _shown_labels(box_view)
    # No pane gives a wrong reason ("has no map" / "has no chart"), and the problem is said
    # once, in the figures' place, naming the missing file.
    assert not any("has no map" in t or "has no chart" in t for t in shown), shown
    messages = [t for t in shown if file_name in t]
    assert len(messages) == 1
    assert "cannot be shown because its data could not be read" in messages[0]
    assert not box_view.view_tabs.isVisible()
    # The texts get the height the figures had (they were squeezed to ~120 px).
    assert box_view.text.isVisible()
    assert box_view.text.height() > 0.6 * box_view.height()

    # A readable box of the same atlas shows its figures again, with most of the height.
    assert window.open_atlas("psyk2-1", 12)
    qtbot.waitUntil(box_view.is_painted, timeout=20000)
    assert box_view.view_tabs.isVisible()
    assert not box_view.figures_note.isVisible()
    assert box_view.map_widget is not None and box_view.map_widget.isVisible()
    assert box_view.view_tabs.height() > 2 * box_view.text.height()


def _map_extent(map_widget) -> QRectF:
    """Where the country is painted in the map's viewport, in pixels."""
    view = map_widget.view
    return QRectF(view.mapFromScene(map_widget.scene.home_rect()).boundingRect())


def _land_under(map_widget, rect: QRectF) -> bool:
    view = map_widget.view
    scene_rect = view.mapToScene(rect.toAlignedRect()).boundingRect()
    items = map_widget.scene.items(scene_rect, Qt.ItemSelectionMode.IntersectsItemShape)
    return any(isinstance(item, AreaItem) for item in items)


@pytest.mark.parametrize(
    ("atlas_id", "box", "size"),
    [
        ("v1-barn", 1, (1280, 800)),
        ("v1-barn", 1, (1600, 1000)),
        ("radiologi2", 2, (1280, 800)),
        ("radiologi2", 2, (1600, 1000)),
    ],
)
def test_map_fills_its_pane_beside_the_legend(qtbot, window, atlas_id, box, size):
    window.resize(*size)
    assert window.open_atlas(atlas_id, box)
    box_view = window.reader.box_view
    qtbot.waitUntil(box_view.is_painted, timeout=20000)
    map_widget = box_view.map_widget
    window.grab()  # the final layout, as the screen shows it
    viewport = QRectF(map_widget.view.viewport().rect())
    extent = _map_extent(map_widget)
    # The country takes most of the pane's height or width (v1-barn at 1,280 px had it
    # squeezed right of its legend: 190 x 250 px of a 430 x 640 px pane) ...
    assert extent.height() > 0.6 * viewport.height() or extent.width() > 0.85 * viewport.width(), (
        extent,
        viewport,
    )
    assert viewport.adjusted(-1, -1, 1, 1).contains(extent)
    # ... and no area hides under the legend.
    legend = QRectF(map_widget.legend.geometry())
    assert not _land_under(map_widget, legend)
