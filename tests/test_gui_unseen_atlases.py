"""The window on atlases it has never seen: generated geographies, and the real data's defects.

A map whose areas cover nothing says so in the map's place; problems speak to a manager, with
the files under "Details"; a plain ``--atlas`` id is said when the smoke run chose by it; a
generated atlas folder opened with File > Open data folder… reads without a crash or a false
error.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from atlas_factory import AtlasSpec, write_atlas
from atlasviewer.core.library import AtlasLibrary

VIEWER = Path(sys.executable).with_name("atlasviewer")


def _shown_labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def _flatten(coordinates):
    """Every vertex on one point: the feature is kept, its area is nothing."""
    if isinstance(coordinates[0], int | float):
        return [10.0, 60.0]
    return [_flatten(part) for part in coordinates]


def test_a_map_with_no_drawable_area_says_so_in_its_place(qtbot, open_window, tmp_path):
    atlas = write_atlas(tmp_path / "atlas", AtlasSpec(2, 5, 41))
    collection = json.loads(atlas.map_file.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        feature["geometry"]["coordinates"] = _flatten(feature["geometry"]["coordinates"])
    atlas.map_file.write_text(json.dumps(collection), encoding="utf-8")
    errors: list[BaseException] = []
    hook, sys.excepthook = sys.excepthook, lambda kind, value, tb: errors.append(value)
    try:
        window = open_window(AtlasLibrary([atlas.root]), (1024, 768))
        assert window.open_atlas(atlas.library_id, 1)
        pane = window.reader.box_view.map_pane
        qtbot.waitUntil(window.reader.box_view.is_painted, timeout=20000)
        window.resize(1280, 800)  # a new layout of the map's overlays: must not divide by 0
        qtbot.wait(50)
        window.grab()
    finally:
        sys.excepthook = hook
    assert not errors, errors
    assert pane.map_empty.isVisible()
    assert "no area that can be drawn" in pane.map_empty.text()
    assert "charts and tables still work" in pane.map_empty.text()
    assert window.reader.box_view.chart_tabs.isVisible()  # the rest of the box is there


def test_problems_speak_plainly_and_the_file_waits_under_details(qtbot, open_window, v2_root):
    window = open_window(AtlasLibrary([v2_root]))
    assert window.open_atlas("psyk2-1", 1)  # a draft whose data file was never written
    box_view = window.reader.box_view
    qtbot.waitUntil(lambda: box_view.figures_note.isVisible(), timeout=20000)
    note = box_view.figures_note.text()
    assert "could not be read" in note
    assert ".json" not in note and "/" not in note  # no path in what a manager reads
    details = box_view.problem_details
    assert details.isVisible() and not details.text.isVisible()
    assert details.toggle.text() == "Details"
    assert not any(".json" in text for text in _shown_labels(box_view))
    qtbot.mouseClick(details.toggle, Qt.MouseButton.LeftButton)
    assert details.text.isVisible()
    assert "pasient_polyklinikk_65.json" in details.text.text()
    # Another box folds the details again.
    assert window.open_atlas("psyk2-1", 12)
    qtbot.waitUntil(box_view.is_painted, timeout=20000)
    assert not details.text.isVisible()


def test_smoke_says_which_atlas_a_plain_id_chose(tmp_path):
    atlas = write_atlas(tmp_path / "atlas", AtlasSpec(1, 5, 7))
    assert atlas.library_id.startswith("v1-")
    plain = atlas.library_id.removeprefix("v1-")
    done = subprocess.run(
        [str(VIEWER), "--data", str(atlas.root), "--smoke", "--atlas", plain, "--lang", "en"],
        capture_output=True, text=True, timeout=180,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
             "ATLASVIEWER_CONFIG_DIR": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"“{plain}” is the atlas {atlas.library_id}." in done.stderr


@pytest.mark.parametrize(
    "spec",
    [
        AtlasSpec(2, 70, 11, region_rows=False),
        AtlasSpec(2, 30, 12, registry_areas=True, region_rows=True, merged=True, profile_rows=True),
        AtlasSpec(1, 70, 13, lonlat=False),
    ],
    ids=["v2-70", "v2-regions-merged", "v1-70"],
)
def test_a_generated_folder_opens_from_the_menu_without_a_false_error(
    qtbot, open_window, v2_root, tmp_path, monkeypatch, answer_dialogs, spec
):
    atlas = write_atlas(tmp_path / "atlas", spec)
    window = open_window(AtlasLibrary([v2_root]))
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(atlas.root))
    )
    action = next(a for a in window.file_menu.actions() if a.text() == "&Open data folder…")
    action.trigger()
    assert not answer_dialogs.asked  # no error dialog about the folder
    assert window.library.get(atlas.library_id) is not None
    assert not window.library_view.notice.isVisible()
    assert window.open_atlas(atlas.library_id, 1)
    box_view = window.reader.box_view
    qtbot.waitUntil(box_view.is_painted, timeout=20000)
    assert not box_view.notice.isVisible(), box_view.notice.text()
    assert not box_view.figures_note.isVisible()
    pane = box_view.map_pane
    assert pane.map_plan is not None and pane.map_empty.isHidden()
    assert len(pane.map_plan.areas) == len(atlas.area_names) - len(atlas.merged) // 2


@pytest.fixture
def regional_window(qtbot, open_window, tmp_path):
    spec = AtlasSpec(2, 30, 12, registry_areas=True, region_rows=True, merged=True)
    atlas = write_atlas(tmp_path / "regional", spec)
    window = open_window(AtlasLibrary([atlas.root]))
    assert window.open_atlas(atlas.library_id, 1)
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=20000)
    return window, atlas


def _bar_chart(window):
    chart = window.reader.box_view.chart_tabs.chart_widgets[0]
    assert chart.plan is not None and hasattr(chart.plan, "rows")
    return chart


def test_a_click_on_a_region_bar_selects_its_areas_in_every_view(qtbot, regional_window):
    window, atlas = regional_window
    state, registry = window.state, window.state.registry
    chart = _bar_chart(window)
    region = next(row for row in chart.plan.rows if row.is_region)
    registry.lookups = 0
    chart.area_clicked.emit(region.key, False)
    assert registry.lookups == 0  # compared by id: no registry look-up at a click
    assert state.selection == set(region.selects) and len(region.selects) > 1
    # The map outlines the region's areas (a merged area of two of them too), nothing else.
    pane = window.reader.box_view.map_pane
    outlined = set(pane.map_widget.scene._selection)
    assert outlined and outlined <= set(pane.map_plan.areas)
    assert all(set(pane.ids_of(key)) <= set(region.selects) for key in outlined)
    # The bar chart highlights the region's own bar and each of its areas' bars.
    highlighted = {chart.plan.rows[i].key for i in chart.highlighted_rows}
    assert region.key in highlighted
    for index in chart.highlighted_rows:
        assert set(chart.plan.rows[index].selects) <= set(region.selects)
    # The table marks the same rows once built, the region's row among them.
    tables = window.reader.box_view.table_tabs
    view = tables.table_views[0]
    tables.show_selection()
    proxy, model = view.model(), view.model().sourceModel()
    marked = {
        model.row_key(proxy.mapToSource(i).row()) for i in view.selectionModel().selectedRows()
    }
    assert region.key in marked and marked == highlighted


def test_a_click_on_a_region_table_row_selects_its_areas(qtbot, regional_window):
    window, _atlas = regional_window
    state = window.state
    tables = window.reader.box_view.table_tabs
    view = tables.table_views[0]
    proxy, model = view.model(), view.model().sourceModel()
    plan = model.plan
    [first_region, *_rest] = plan.region_rows
    view.selectRow(proxy.mapFromSource(model.index(first_region, 0)).row())
    region_name = plan.row_keys[first_region]
    chart = _bar_chart(window)
    region = next(row for row in chart.plan.rows if row.key == region_name)
    assert state.selection == set(region.selects)
    # A plain click on an area's bar then selects that area alone.
    area = next(row for row in chart.plan.rows if not row.is_region and not row.is_national)
    chart.area_clicked.emit(area.key, False)
    assert state.selection == {area.area_id}


def test_region_rows_are_listed_after_the_areas_set_apart_and_not_ranked(qtbot, regional_window):
    window, atlas = regional_window
    tables = window.reader.box_view.table_tabs
    window.reader.box_view.view_tabs.setCurrentIndex(1)
    view = tables.table_views[0]
    proxy, model = view.model(), view.model().sourceModel()
    plan = model.plan
    regions = {plan.row_keys[row] for row in plan.region_rows}
    assert regions == set(atlas.regions)
    numeric = next(i for i, column in enumerate(plan.columns) if column.numeric)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        view.sortByColumn(numeric, order)
        shown = [
            model.row_key(proxy.mapToSource(proxy.index(r, 0)).row())
            for r in range(proxy.rowCount())
        ]
        # The regions close the table in either order; the areas (and Norway) are ranked.
        assert set(shown[-len(regions) :]) == regions, (order, shown)
    # Visibly apart: a region row's cells are on slate grey, an area's are not.
    qtbot.waitUntil(view.isVisible, timeout=5000)
    last = proxy.rowCount() - 1
    view.scrollTo(proxy.index(last, 0))
    image = view.viewport().grab().toImage()

    def colour(row):
        rect = view.visualRect(proxy.index(row, 0))
        assert 0 <= rect.center().y() < image.height()
        return image.pixelColor(rect.right() - 3, rect.center().y()).name()

    assert colour(last) == "#e9edf2"
    assert colour(last - len(regions)) != "#e9edf2"  # the last area, just above them
    assert model.data(model.index(plan.region_rows[0], 0), Qt.ItemDataRole.ToolTipRole)


def test_on_the_real_data_a_click_asks_the_registry_nothing(qtbot, open_window, v2_root):
    window = open_window(AtlasLibrary([v2_root]))
    assert window.open_atlas("radiologi2", 1)
    box_view = window.reader.box_view
    qtbot.waitUntil(box_view.is_painted, timeout=20000)
    chart = box_view.chart_tabs.chart_widgets[0]
    assert not chart.scrolls  # about 20 areas fit the pane, as before
    registry = window.state.registry
    pane = box_view.map_pane
    key = next(k for k, style in pane.map_plan.areas.items() if style.value is not None)
    registry.lookups = 0
    pane.map_widget.area_clicked.emit(key, False)
    assert registry.lookups == 0
    assert window.state.selection == set(pane.ids_of(key))
    bars = {chart.plan.rows[i].key for i in chart.highlighted_rows}
    assert [pane.map_plan.areas[key].name] == [
        row.label for row in chart.plan.rows if row.key in bars
    ]
