"""The viewer window on the real atlases: library, reader, linked selection, language, problems."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.shell.language import LanguageManager
from atlasviewer.qt.shell.main_window import MainWindow
from atlasviewer.qt.shell.session import restore_window
from atlasviewer.qt.shell.settings import load_settings
from atlasviewer.qt.state import AppState


@pytest.fixture(scope="module")
def library(v2_root, v1_root):
    return AtlasLibrary([v2_root, v1_root])


@pytest.fixture
def window(open_window, library):
    return open_window(library)


def _card_rect(window, atlas_id):
    index = window.library_view.index_of(atlas_id)
    assert index.isValid(), atlas_id
    cards = window.library_view.cards
    cards.scrollTo(index)
    return cards.visualRect(index)


def _open_box_by_clicks(qtbot, window, atlas_id, box_number):
    """Library card (double click = 1 click-gesture), then the box in the chapter pane."""
    cards = window.library_view.cards
    centre = _card_rect(window, atlas_id).center()
    qtbot.mouseClick(cards.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(cards.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.state.atlas.id == atlas_id
    tree = window.reader.navigation
    target = None
    for row in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(row)
        for i in range(top.childCount()):
            if tuple(top.child(i).data(0, 256)) == ("box", box_number):
                target = top.child(i)
    assert target is not None
    tree.scrollToItem(target)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(target).center()
    )
    qtbot.waitUntil(lambda: window.reader.box_view.is_painted(), timeout=20000)


def test_library_lists_every_atlas_newest_first_with_first_generation(window, library):
    shown = window.library_view.visible_atlases()
    assert [library.atlas_id(a) for a in shown] == library.ids
    assert any(a.generation == 1 for a in shown)
    dates = [a.date for a in shown]
    assert dates == sorted(dates, reverse=True)


def test_search_filters_by_title_and_box_texts(qtbot, window):
    view = window.library_view
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_field.hasFocus()
    qtbot.keyClicks(view.search_field, "MR")
    ids = {a.id for a in view.visible_atlases()}
    assert {"radiologi", "radiologi2"} <= ids and "kols" not in ids
    view.search_field.clear()
    qtbot.keyClicks(view.search_field, "hofte")
    ids = {a.id for a in view.visible_atlases()}
    assert "ortopedi" in ids and "kols" not in ids


def test_keyboard_enter_opens_the_current_card(qtbot, window):
    cards = window.library_view.cards
    cards.setFocus()
    first = window.library_view.visible_atlases()[1]
    qtbot.keyClick(cards, Qt.Key.Key_Right)
    qtbot.keyClick(cards, Qt.Key.Key_Return)
    assert window.state.atlas is first
    assert window.stack.currentWidget() is window.reader


def test_any_box_in_three_clicks_and_linked_selection(qtbot, window):
    _open_box_by_clicks(qtbot, window, "radiologi2", 2)
    box_view = window.reader.box_view
    assert window.state.box.number == 2
    map_widget = box_view.map_widget
    # Click an area in the map: it is selected in the bars and the table too.
    graphics = map_widget.view
    viewport = graphics.viewport()
    point, key = next(
        (QPoint(x, y), graphics.key_at(QPoint(x, y)))
        for y in range(viewport.height() // 2, viewport.height(), 8)
        for x in range(0, viewport.width(), 8)
        if graphics.key_at(QPoint(x, y))
    )
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    canonical = window.state.canonical_key(key)
    assert window.state.selection == {canonical}
    chart = box_view.chart_widgets[0]
    selected_bars = [r.key for r in chart.plan.rows if window.state.is_selected(r.key)]
    assert len(selected_bars) == 1
    table: QTableView = box_view.table_views[0]
    rows = table.selectionModel().selectedRows()
    assert [window.state.canonical_key(r.data(Qt.ItemDataRole.UserRole + 2)) for r in rows] == [
        canonical
    ]
    # Ctrl-click on a bar adds to the selection.
    other = next(
        r.key for r in chart.plan.rows if not r.is_national and not window.state.is_selected(r.key)
    )
    chart.area_clicked.emit(other, True)
    assert window.state.selection == {canonical, window.state.canonical_key(other)}
    assert len(table.selectionModel().selectedRows()) == 2
    # A click on a table row (on the table's own tab) selects only that area everywhere.
    box_view.show_tables()
    qtbot.waitUntil(table.isVisible)
    assert len(table.selectionModel().selectedRows()) == 2
    proxy = table.model()
    row = next(
        r
        for r in range(proxy.rowCount())
        if window.state.canonical_key(proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2))
        not in window.state.selection
        and proxy.index(r, 0).data() != "Norway"
    )
    rect = table.visualRect(proxy.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    name = proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 2)
    assert window.state.selection == {window.state.canonical_key(name)}


@pytest.mark.parametrize(("atlas_id", "box"), [("radiologi2", 1), ("v1-dagkir2", 2)])
def test_table_columns_are_readable_at_1280_by_800(qtbot, window, atlas_id, box):
    window.open_atlas(atlas_id, box)
    box_view = window.reader.box_view
    qtbot.waitUntil(box_view.is_painted, timeout=20000)
    box_view.show_tables()
    table: QTableView = box_view.table_views[0]
    qtbot.waitUntil(table.isVisible)
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    # Every column is on screen without scrolling sideways ...
    assert sum(widths) <= table.viewport().width()
    metrics = table.fontMetrics()
    proxy = table.model()
    for column, width in enumerate(widths):
        # ... its wrapped header lines fit, with the full label as tooltip ...
        lines = str(proxy.headerData(column, Qt.Orientation.Horizontal)).split("\n")
        assert max(metrics.horizontalAdvance(line) for line in lines) < width
        tooltip = proxy.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tooltip.replace(" ", "") == "".join(lines).replace(" ", "")
        # ... and so does every cell, numbers right-aligned.
        for row in range(proxy.rowCount()):
            index = proxy.index(row, column)
            assert metrics.horizontalAdvance(index.data()) < width, (column, index.data())
    numeric = proxy.index(0, 1)
    assert numeric.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_region_selects_its_areas_in_the_views(qtbot, window):
    window.open_atlas("radiologi2", 2)
    qtbot.waitUntil(lambda: window.reader.box_view.is_painted(), timeout=20000)
    window.state.select("Helse Vest")
    table = window.reader.box_view.table_views[0]
    names = {r.data(Qt.ItemDataRole.UserRole + 2) for r in table.selectionModel().selectedRows()}
    assert {window.state.canonical_key(n) for n in names} == set(
        window.state.registry.regions["helse_vest"].areas
    ) & {window.state.canonical_key(n) for n in window.reader.box_view.map_plan.areas}


def test_selection_survives_box_change_and_back(qtbot, window):
    window.open_atlas("radiologi2", 2)
    qtbot.waitUntil(lambda: window.reader.box_view.is_painted(), timeout=20000)
    window.state.select("Finnmark")
    window.open_atlas("radiologi2", 3)
    qtbot.waitUntil(lambda: window.reader.box_view.is_painted(), timeout=20000)
    assert window.state.selection == {"finnmark"}
    assert window.reader.box_view.map_widget.scene._selection  # outlined on the new map
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.state.box.number == 2


def test_language_switch_changes_menus_and_table_headers_live(qtbot, window):
    window.open_atlas("radiologi2", 2)
    qtbot.waitUntil(lambda: window.reader.box_view.is_painted(), timeout=20000)
    window.reader.box_view.show_tables()  # the user looks at the table while switching
    table = window.reader.box_view.table_views[0]
    header_en = table.model().headerData(0, Qt.Orientation.Horizontal)
    assert window.file_menu.title() == "&File"
    with qtbot.waitSignal(table.model().sourceModel().headerDataChanged, timeout=5000):
        window.language_actions["nb"].trigger()
    # Menus follow the catalogue of the new language (English until nb.po translates them).
    assert window.file_menu.title() == i18n.gettext("&File")
    assert window.language_actions["nb"].isChecked()
    assert table.model().headerData(0, Qt.Orientation.Horizontal) != header_en
    assert window.language_combo.currentData() == "nb"
    # The atlas content follows: the Norwegian variant's box title.
    assert window.reader.box_view.title.text() == window.state.variant.result_boxes[1].title


def test_norwegian_only_atlas_says_so_in_english(qtbot, window):
    window.open_atlas("endometriose")
    assert window.reader.language_note.isVisible()
    assert "only available in Norwegian" in window.reader.language_note.text()


def test_draft_with_missing_data_shows_problems_in_place(qtbot, window):
    assert window.open_atlas("psyk2-1", 1)
    box_view = window.reader.box_view
    # In the figures' place: the box has none to show (tests/test_gui_box_layout.py).
    qtbot.waitUntil(lambda: box_view.figures_note.isVisible(), timeout=10000)
    text = box_view.figures_note.text()
    assert "could not be read" in text
    assert ".json" not in text  # the file is under "Details" (tests/test_gui_unseen_atlases.py)
    assert ".json" in box_view.problem_details.text.text()
    # The rest of the window still works: another atlas opens.
    assert window.open_atlas("kols", 1)


def test_fact_sheet_link_asks_for_the_viewer_and_missing_file_is_reported(qtbot, window, v2_root):
    window.open_atlas("radiologi2")
    browser = window.reader.text_page
    pdf = next((v2_root / "public" / "files").glob("*.pdf"))
    from PySide6.QtCore import QUrl

    with qtbot.waitSignal(window.fact_sheet_requested) as signal:
        browser.anchorClicked.emit(QUrl.fromLocalFile(str(pdf)))
    assert signal.args[0] == pdf
    assert window.showing_fact_sheet and window.fact_sheet_viewer.path == pdf
    window.go_back()  # to the text page the link was on
    missing = v2_root / "public" / "files" / "never-published.pdf"
    browser.anchorClicked.emit(QUrl.fromLocalFile(str(missing)))
    assert window.reader.missing_note.isVisible()
    assert str(missing) in window.reader.missing_note.text()


def test_settings_restore_atlas_box_selection_and_language(qtbot, window, library, tmp_path):
    window.open_atlas("radiologi2", 3)
    window.state.select("UNN")
    window.close()
    saved = load_settings()
    assert (saved.last_atlas, saved.last_box, saved.selection) == ("radiologi2", 3, ["unn"])
    state = AppState(library.registry)
    second = MainWindow(library, state, LanguageManager(), saved)
    qtbot.addWidget(second)
    restore_window(second, saved)
    assert second.state.box.number == 3 and second.state.selection == {"unn"}
    state.close()


def test_smoke_run_paints_the_first_published_atlas(tmp_path, monkeypatch, library):
    from atlasviewer.qt.shell.app import run_gui

    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    shot = tmp_path / "smoke.png"
    args = argparse.Namespace(
        smoke=True,
        data=[str(r) for r in library.roots],
        lang="en",
        atlas="radiologi2",
        box=2,
        screenshot=str(shot),
    )
    assert run_gui(args) == 0
    assert shot.stat().st_size > 10_000


def test_map_is_fitted_on_norway_after_a_text_page(qtbot, window):
    """The map was once shifted off centre when its box opened after an atlas text page."""
    window.resize(1600, 1000)
    window.grab()
    window.open_atlas("kronikere", 0)
    window.grab()
    window.open_atlas("bup", 5)
    map_widget = window.reader.box_view.map_widget
    qtbot.waitUntil(lambda: map_widget is not None and map_widget.isVisible())
    view = map_widget.view
    centre = view.mapToScene(view.viewport().rect().center())
    home = map_widget.scene.home_rect()
    assert home.left() < centre.x() < home.right()
    assert home.top() < centre.y() < home.bottom()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(home.center())


def test_language_switch_retranslates_menu_header_legend_and_numbers_live(qtbot, window):
    """Issue 5: one switch, nothing reopened: menu title, table header, legend, number format."""
    window.open_atlas("radiologi2", 1)
    box_view = window.reader.box_view
    qtbot.waitUntil(lambda: box_view.is_painted(), timeout=20000)
    box_view.show_tables()
    table = box_view.table_views[0]
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Examinations" in headers
    column = headers.index("Examinations")

    def cell(area: str) -> str:
        for row in range(model.rowCount()):
            if model.index(row, 0).data() == area:
                return model.index(row, column).data()
        raise AssertionError(area)

    assert cell("Nordland") == "4,041"
    assert window.file_menu.title() == "&File"
    assert box_view.map_widget.plan.national_label == "Norway"

    window.language_actions["nb"].trigger()
    qtbot.waitUntil(lambda: box_view.map_widget.plan.national_label == "Norge", timeout=10000)
    assert window.file_menu.title() == "&Fil"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Undersøkelser" in headers
    column = headers.index("Undersøkelser")
    assert cell("Nordland") == "4\u00a0041"  # babel's no-break space groups Norwegian digits
