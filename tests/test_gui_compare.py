"""The comparison workspace in the window, on the real atlases in ../shared (issue #14, item 5)."""

from __future__ import annotations

import os
import subprocess
import sys

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from atlasviewer.core.compare.cells import SIGNIFICANCE_COLOURS, indicator_cells
from atlasviewer.core.compare.significance import (
    HIGHER,
    LOWER,
    METHOD_LABELS,
    NOT_COMPARED,
    SIMILAR,
)
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.compare.models import AREA_ROLE, INDICATOR_ROLE, NATIONAL_ROLE, SORT_ROLE

BOX_1 = "radiologi2/1/datasett_1/totsnitt"
"""MR examinations of the spine per 10,000 inhabitants, the map of radiologi2's first box."""


@pytest.fixture(scope="module")
def library(v2_root, v1_root):
    return AtlasLibrary([v2_root, v1_root], check_checksums=False)


def _workspace(window, keys=None):
    window.compare.show()
    workspace = window.compare.workspace
    if keys is not None:
        workspace.session.set_keys(keys)
    return workspace


def _radiologi2(workspace):
    return [i.key for i in workspace.session.index.indicators(["radiologi2"])]


def _column_of(page, key):
    model = page.proxy
    for column in range(model.columnCount()):
        if model.headerData(column, Qt.Orientation.Horizontal, INDICATOR_ROLE) == key:
            return column
    raise AssertionError(f"no column {key}")


def _row_of(page, area):
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data(AREA_ROLE) == area:
            return row
    raise AssertionError(f"no row {area}")


def _click_tab(qtbot, tabs, index):
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_a_new_user_gets_bergen_across_all_atlases_in_three_actions(qtbot, open_window, library):
    window = open_window(library)
    # 1: the library's Compare button.
    qtbot.mouseClick(window.library_view.compare_button, Qt.MouseButton.LeftButton)
    workspace = window.compare.workspace
    assert window.stack.currentWidget() is workspace
    # 2: the area's name, and Enter.
    field = workspace.areas.find_field
    qtbot.keyClicks(field, "Bergen")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    # 3: the Area profile tab.
    _click_tab(qtbot, workspace.views, 1)
    assert workspace.view == "profile"
    page = workspace.profile_page
    assert page.area_id == "bergen" and window.state.selection == {"bergen"}
    assert "Bergen" in page.title.text()
    records = page.model.records
    atlases = {r["atlas"] for r in records}
    # Every atlas with areas on a map or a bar chart, a row per result box's measure.
    assert atlases == {i.atlas_id for i in workspace.session.index} and len(atlases) > 10
    assert {"radiologi2", "v1-fodsel", "bup"} <= atlases
    assert len(records) == len(workspace.session.comparison().indicators) > 100
    radiology = next(r for r in records if r["key"] == BOX_1)
    indicator = workspace.session.index.get(BOX_1)
    rows = indicator.data.rowsets[indicator.rowset].frame.rows
    bergen = next(r for r in rows if str(r.get(indicator.data.rowsets[indicator.rowset]
                                             .area_column)) == "Bergen")  # fmt: skip
    shown = page.proxy.index(records.index(radiology), 2).data()
    assert shown == f"{round(float(bergen[indicator.column])):,}"  # as the atlas's data
    assert radiology["rank_text"].endswith("of 21")
    assert "Askøy" in workspace.areas.members.text()  # the municipalities that form Bergen


def test_sorting_by_a_number_column_sorts_numbers_and_keeps_norway_last(
    qtbot, open_window, library
):
    window = open_window(library)
    workspace = _workspace(window)
    workspace.session.set_keys(_radiologi2(workspace))
    page = workspace.table_page
    column = _column_of(page, BOX_1)
    page.sort_by(column, Qt.SortOrder.DescendingOrder)
    rows = range(page.proxy.rowCount())
    values = [page.proxy.index(r, column).data(SORT_ROLE) for r in rows]
    texts = [page.proxy.index(r, column).data() for r in rows]
    assert page.proxy.index(len(values) - 1, 0).data(NATIONAL_ROLE)  # Norway stays last
    areas = [v for v in values[:-1] if v is not None]
    assert areas == sorted(areas, reverse=True) and len(areas) == 21
    # Sorted as texts, "999" would come before "1,150": numbers sort as numbers.
    assert [float(t.replace(",", "")) for t in texts[: len(areas)]] == [round(v) for v in areas]
    page.sort_by(column, Qt.SortOrder.AscendingOrder)
    assert page.proxy.index(page.proxy.rowCount() - 1, 0).data(NATIONAL_ROLE)


def test_a_cell_is_coloured_by_the_cores_significance(qtbot, open_window, library):
    window = open_window(library)
    workspace = _workspace(window)
    workspace.session.set_keys(_radiologi2(workspace))
    page = workspace.table_page
    indicator = workspace.session.index.get(BOX_1)
    cell = indicator_cells(indicator, ["bergen"], library.registry, "en")[0]
    # The class by hand, from the interval the atlas publishes around Bergen's rate.
    expected = HIGHER if cell.low > cell.national else LOWER if cell.high < cell.national else (
        SIMILAR
    )  # fmt: skip
    assert cell.significance == expected != NOT_COMPARED
    shown = page.proxy.index(_row_of(page, "bergen"), _column_of(page, BOX_1))
    assert shown.data(Qt.ItemDataRole.BackgroundRole).color().name() == (
        SIGNIFICANCE_COLOURS[expected].lower()
    )
    tooltip = shown.data(Qt.ItemDataRole.ToolTipRole)
    assert "95 % interval" in tooltip and METHOD_LABELS[cell.method] in tooltip
    # By index band instead: Bergen's index is (value / national) x 100.
    page.colour_combo.setCurrentIndex(1)
    page.colour_combo.activated.emit(1)
    assert (
        shown.data(Qt.ItemDataRole.BackgroundRole).color().name()
        != (SIGNIFICANCE_COLOURS[expected].lower())
        or 90 <= 100 * cell.value / cell.national <= 110
    )


def test_clicking_an_area_selects_it_in_the_state(qtbot, open_window, library):
    window = open_window(library)
    workspace = _workspace(window)
    workspace.session.set_keys(_radiologi2(workspace))
    page = workspace.table_page
    index = page.proxy.index(_row_of(page, "bergen"), 0)
    rect = page.view.visualRect(index)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selection == {"bergen"}
    # The selection follows into the result box: open one, Bergen is selected there.
    window.open_atlas("radiologi2", 1)
    assert window.state.is_selected("Bergen")


def test_clicking_an_indicator_opens_its_result_box(qtbot, open_window, library):
    window = open_window(library)
    workspace = _workspace(window)
    workspace.session.set_keys(_radiologi2(workspace))
    workspace.select_area("bergen")
    workspace.show_view("profile")
    page = workspace.profile_page
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data(
        INDICATOR_ROLE) == "radiologi2/4/datasett_1/totsnitt")  # fmt: skip
    rect = page.view.visualRect(page.proxy.index(row, 0))
    qtbot.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, rect.center().y())
    )
    assert window.state.location[:2] == ("radiologi2", 4)
    assert window.stack.currentWidget() is window.reader


def test_add_to_comparison_from_a_result_box(qtbot, open_window, library):
    window = open_window(library)
    window.open_atlas("radiologi2", 1)
    qtbot.mouseClick(window.reader.box_view.compare_button, Qt.MouseButton.LeftButton)
    workspace = window.compare.workspace
    assert window.stack.currentWidget() is workspace
    keys = workspace.session.keys
    assert keys and all(k.startswith("radiologi2/1/") for k in keys) and BOX_1 in keys
    assert workspace.indicators.chosen_model.rowCount() == len(keys)
    assert window.settings.compare_indicators == keys  # remembered
    window.go_back()
    assert window.stack.currentWidget() is window.reader


def test_a_language_switch_retitles_the_headers(qtbot, open_window, library):
    window = open_window(library)
    workspace = _workspace(window)
    workspace.session.set_keys(_radiologi2(workspace))
    page = workspace.table_page
    indicator = workspace.session.index.get(BOX_1)
    column = _column_of(page, BOX_1)
    english = page.proxy.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert english.startswith(indicator.title("en"))
    window.language.set_language("nb")
    column = _column_of(page, BOX_1)
    norwegian = page.proxy.headerData(
        column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert norwegian.startswith(indicator.title("nb")) and norwegian != english
    assert workspace.views.tabText(1) == "Områdeprofil"
    assert page.colour_label.text() == "Farge etter:"
    assert window.windowTitle().startswith("Sammenlign områder")


def test_my_area_and_a_municipality_search(qtbot, open_window, library):
    window = open_window(library)
    workspace = _workspace(window)
    areas = workspace.areas
    areas.my_combo.setCurrentIndex(areas.my_combo.findData("bergen"))
    areas.my_combo.activated.emit(areas.my_combo.currentIndex())
    assert window.settings.compare_area == "bergen"
    assert workspace.profile_area() == "bergen"
    assert areas.find_area("Askøy") == "bergen"  # a municipality finds its referral area
    assert areas.find_area("Frogner") in library.registry.areas  # an Oslo city district
    assert areas.find_area("Atlantis") == "" and "Atlantis" in areas.message.text()


def test_export_and_copy(qtbot, open_window, library, tmp_path):
    window = open_window(library)
    workspace = _workspace(window)
    workspace.session.set_keys(_radiologi2(workspace))
    workspace.select_area("bergen")
    path = workspace.output.export("xlsx", tmp_path / "radiologi.xlsx")
    assert path is not None and sorted(p.name for p in tmp_path.iterdir()) == ["radiologi.xlsx"]
    sheet = openpyxl.load_workbook(path).worksheets[0]
    numbers = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, float)]
    assert len(numbers) > 21
    assert workspace.output.export("csv", tmp_path / "table.csv") is not None
    assert workspace.output.export("svg", tmp_path / "x" / "no-folder.svg") is None
    assert "no-folder.svg" in workspace.output.last_error
    text = workspace.output.copy()
    assert QGuiApplication.clipboard().text() == text
    header = text.splitlines()[0].split("\t")
    assert header[0] == "Area" and len(text.splitlines()) == 1 + 22  # 21 areas and Norway
    assert workspace.output.copy_picture()
    assert QGuiApplication.clipboard().image().width() > 200


def test_opening_the_window_does_not_import_pandas_the_workspace_does(tmp_path, v2_root):
    code = (
        "import argparse, sys\n"
        "from atlasviewer.qt.shell.app import build_window, create_application\n"
        "app = create_application()\n"
        f"window, _ = build_window(argparse.Namespace(lang='en', data=[{str(v2_root)!r}]))\n"
        "window.show(); app.processEvents()\n"
        "before = 'pandas' in sys.modules\n"
        "window.library_view.compare_button.click(); app.processEvents()\n"
        "print(before, 'pandas' in sys.modules)\n"
    )
    env = dict(os.environ, ATLASVIEWER_CONFIG_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split()[-2:] == ["False", "True"], done.stderr[-2000:]


def test_a_merged_area_is_starred_and_an_absent_one_empty(qtbot, open_window, library):
    from atlasviewer.core.compare.areas import MERGED
    from atlasviewer.core.compare.texts import MERGED_SUFFIX

    window = open_window(library)
    workspace = _workspace(window)
    keys = [i.key for i in workspace.session.index.indicators(["v1-barn"], headline_only=True)]
    workspace.session.set_keys(keys)
    cells = workspace.session.comparison().cells()
    merged = next(c for c in cells if c.mark == MERGED)  # Nordland with Helgeland, say
    page = workspace.table_page
    shown = page.proxy.index(_row_of(page, merged.area), _column_of(page, merged.indicator))
    assert shown.data().endswith(MERGED_SUFFIX)
    assert f"Value of {merged.row}" in shown.data(Qt.ItemDataRole.ToolTipRole)
    empty = [c for c in cells if c.empty]
    if empty:  # an area the analysis lacks: no figure, no colour
        cell = page.proxy.index(_row_of(page, empty[0].area), _column_of(page, empty[0].indicator))
        assert cell.data() == "" and cell.data(Qt.ItemDataRole.BackgroundRole) is None


def test_sort_positions_put_empty_cells_and_norway_last_in_either_order():
    from atlasviewer.qt.compare.sorting import sort_positions

    keys = [3.0, None, 10.0, 378.0, "Østfold", "bergen"]
    national = [False, False, False, True, False, False]
    # Ascending: 3, 10, then the texts (casefolded), then the empty cell, then Norway.
    assert sort_positions(keys, national, descending=False) == [0, 4, 1, 5, 3, 2]
    # Descending: 10, 3, the texts in reverse, and still the empty cell, then Norway.
    assert sort_positions(keys, national, descending=True) == [1, 4, 0, 5, 2, 3]


def test_choosing_indicators_search_atlas_chapter_order_remove(qtbot, open_window, library):
    from atlasviewer.qt.compare.indicator_chooser import TARGET_ROLE

    window = open_window(library)
    workspace = _workspace(window)
    chooser = workspace.indicators
    session = workspace.session
    # A chapter: radiologi2's second ("MR lumbosakralkolumna"), boxes 4 and 5.
    tree = chooser.tree_model
    atlas = next(tree.item(r) for r in range(tree.rowCount()) if tree.item(r).data(TARGET_ROLE)[0]
                 == "radiologi2")  # fmt: skip
    chapter = next(atlas.child(r) for r in range(atlas.rowCount()) if atlas.child(r).data(
        TARGET_ROLE)[1] == [4, 5])  # fmt: skip
    chooser.tree.setCurrentIndex(chapter.index())
    assert chooser.add_current() > 0
    assert {k.split("/")[1] for k in session.keys} == {"4", "5"}
    # A search: every word at a word start, across atlases; the results are added.
    qtbot.keyClicks(chooser.search_field, "cervikalkolumna")
    chooser.run_search()
    assert chooser.browse.currentWidget() is chooser.results
    found = [chooser.results_model.item(r).data(TARGET_ROLE) for r in
             range(chooser.results_model.rowCount())]  # fmt: skip
    boxes = {"/".join(k.split("/")[:2]) for k in found}
    assert {"radiologi2/6", "radiologi2/7"} <= boxes  # the chapter on the cervical spine
    chooser.results.selectAll()
    assert chooser.add_current() == len(found)
    # Reorder and remove; the table's columns follow.
    last = session.keys[-1]
    chooser.chosen.setCurrentIndex(chooser.chosen_model.index(len(session.keys) - 1, 0))
    chooser.up_button.click()
    assert session.keys[-2] == last
    chooser.chosen.setCurrentIndex(chooser.chosen_model.index(len(session.keys) - 2, 0))
    chooser.remove_button.click()
    assert last not in session.keys
    workspace.show_view("table")
    assert workspace.table_page.proxy.columnCount() == len(session.keys)
    assert window.settings.compare_indicators == session.keys
    chooser.all_button.click()  # back to every atlas
    assert session.keys == [] and len(session.comparison().indicators) > 100
