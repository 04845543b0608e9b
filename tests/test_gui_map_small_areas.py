"""Small areas readable: an inset large enough to click at 1024x768, and labels where they fit."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.map.labels import area_labels
from deck_atlas import library, make_atlas


def test_lovisenberg_is_clickable_in_the_inset_at_1024x768(open_window, v2_root, qtbot):
    window = open_window(AtlasLibrary([v2_root]), size=(1024, 768))
    window.open_atlas("radiologi2", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=20000)
    window.grab()
    map_widget = window.reader.box_view.map_widget
    inset = map_widget.inset
    assert inset.isVisible() and "Lovisenberg" in map_widget.inset_keys()
    item = map_widget.scene.area_item("Lovisenberg")
    shown = inset.mapFromScene(item.sceneBoundingRect()).boundingRect()
    assert shown.width() >= 20 and shown.height() >= 18, shown  # was 8x7 px
    point, _bounds = map_widget.scene.label_anchor("Lovisenberg")
    qtbot.mouseClick(inset.viewport(), Qt.MouseButton.LeftButton, pos=inset.mapFromScene(point))
    assert window.state.selection == {"lovisenberg"}
    # the selected area is labelled, even where its name does not fit inside it
    labels = {text: selected for text, _box, selected in area_labels(inset, map_widget.plan)}
    assert labels.get("Lovisenberg") is True
    # and the country stays the larger part of the map
    assert map_widget.view.mapFromScene(map_widget.scene.home_rect()).boundingRect().width() > (
        inset.width()
    )


def _tiny_cluster_atlas(root):
    """Four big areas and, far from Oslo in the north, three tiny ones."""
    make_atlas(root)
    path = root / "public" / "kart" / "kyst.geojson"
    raw = json.loads(path.read_text(encoding="utf-8"))
    features = raw["features"]
    for index, feature in enumerate(features):
        if feature["properties"]["area"] in ("Østmark", "Vestre", "Midtdal"):
            x, y = 20.0 + index * 0.01, 69.5
            ring = [[x, y], [x + 0.008, y], [x + 0.008, y + 0.004], [x, y + 0.004], [x, y]]
            feature["geometry"]["coordinates"] = [ring]
        else:
            x, y = 5.0 + index * 3.0, 58.0
            ring = [[x, y], [x + 3, y], [x + 3, y + 4], [x, y + 4], [x, y]]
            feature["geometry"]["coordinates"] = [ring]
    path.write_text(json.dumps(raw), encoding="utf-8")
    return root


def test_the_inset_comes_from_the_map_sets_own_geometry(open_window, tmp_path, qtbot):
    window = open_window(library(_tiny_cluster_atlas(tmp_path / "data")), size=(1024, 768))
    window.open_atlas("kyst", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted)
    window.grab()
    map_widget = window.reader.box_view.map_widget
    assert sorted(map_widget.inset_keys()) == ["Midtdal", "Vestre", "Østmark"]
    inset = map_widget.inset
    for key in map_widget.inset_keys():
        shown = inset.mapFromScene(map_widget.scene.area_item(key).sceneBoundingRect())
        assert shown.boundingRect().height() >= 18, key
    labels = [text for text, _box, _selected in area_labels(map_widget.view, map_widget.plan)]
    # the big areas carry their names; the tiny ones are too small at national scale
    assert "Nordvik" in labels and "Sørby" in labels and "Vestre" not in labels


def test_a_selected_area_is_labelled_and_a_label_never_overlaps(open_window, tmp_path, qtbot):
    window = open_window(library(_tiny_cluster_atlas(tmp_path / "data")), size=(1024, 768))
    window.open_atlas("kyst", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted)
    window.state.set_selection({"Vestre"})
    map_widget = window.reader.box_view.map_widget
    placed = area_labels(map_widget.view, map_widget.plan)
    assert ("Vestre", True) in [(text, selected) for text, _box, selected in placed]
    boxes = [box for _text, box, selected in placed if not selected]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
