"""Fact sheets in the viewer window, on the real atlases.

A click on a fact-sheet link in an atlas text opens the PDF in the window's viewer and Back
returns to the text; an unpublished one is explained in place; the reader and the library list
an atlas's fact sheets; "Create fact sheet" writes a PDF for the selected area and shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPdf import QPdfDocument

from atlasviewer import i18n
from atlasviewer.cli import main
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.links import fact_sheet_links


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


@pytest.fixture
def window(open_window, library):
    return open_window(library)


def _page_count(path: Path) -> int:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document.pageCount()


def _pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def _click_link(qtbot, browser, file_name: str) -> None:
    """Click, with the mouse, the first link in ``browser`` whose address ends in ``file_name``."""
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref().endswith(file_name):
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + min(1, fragment.length() - 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                point = browser.cursorRect(cursor).center()
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {file_name} on the page")


def test_link_in_atlas_text_opens_the_viewer_and_back_returns(qtbot, window, library):
    links = fact_sheet_links(library.get("dagkir2").variant("en"))
    title, pdf, exists = links[0]
    assert exists and pdf.name == "daysurgery2_shoulder.pdf"
    window.open_atlas("dagkir2")
    window.reader.show_chapter(0)
    _click_link(qtbot, window.reader.text_page, pdf.name)
    qtbot.waitUntil(lambda: window.showing_fact_sheet, timeout=5000)
    viewer = window.fact_sheet_viewer
    assert viewer.path == pdf
    assert viewer.page_count == _page_count(pdf) >= 1
    assert viewer.failure_message == ""
    assert window.viewer_heading.text() == f"{title}  ·  {pdf.name}"
    assert title in window.windowTitle()
    assert window.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.reader
    assert window.state.atlas.id == "dagkir2"
    # The chapter that held the link is shown again, not the front page.
    assert window.reader.text_page.toPlainText().startswith(
        library.get("dagkir2").variant("en").chapters[0].title
    )
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.library_view


def test_unpublished_fact_sheet_is_named_in_place(qtbot, window, library, v2_root):
    i18n.set_language("nb")
    window.open_atlas("kols")
    assert window.state.content_language == "nb"
    _title, missing, exists = fact_sheet_links(library.get("kols").variant("nb"))[0]
    assert not exists
    window.reader.show_chapter(0)
    _click_link(qtbot, window.reader.text_page, missing.name)
    assert window.reader.missing_note.isVisible()
    assert missing.name in window.reader.missing_note.text()
    assert not window.showing_fact_sheet  # nothing else changed: still the chapter
    assert window.state.atlas.id == "kols"
    # The same file chosen from the fact-sheet list gets the viewer's message, naming it.
    window.reader.show_fact_sheets()
    window.reader.fact_sheet_page.sheets.open_row(0)
    assert window.showing_fact_sheet
    assert missing.name in window.fact_sheet_viewer.failure_message
    assert window.fact_sheet_viewer.page_count == 0


def test_reader_lists_the_atlas_fact_sheets_in_the_content_language(qtbot, window, library):
    window.open_atlas("dagkir2")
    tree = window.reader.navigation
    node = next(
        tree.topLevelItem(r)
        for r in range(tree.topLevelItemCount())
        if tree.topLevelItem(r).data(0, 256)[0] == "factsheets"
    )
    assert node.text(0) == "Fact sheets (13)"
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(node).center()
    )
    sheets = window.reader.fact_sheet_page.sheets
    assert window.reader.pages.currentWidget() is window.reader.fact_sheet_page
    assert sheets.isVisible()
    titles = [sheets.list.item(row).text() for row in range(sheets.list.count())]
    assert titles[:3] == ["Shoulder", "Menisci", "Hallux valgus and hammer toe"]
    # A link in running text ("the report") is named by its document (issue 19, item 15).
    assert len(titles) == 13 and titles[-1] == "Daysurgery 2013-2017 (linked as “report”)"
    rect = sheets.list.visualItemRect(sheets.list.item(1))
    qtbot.mouseClick(sheets.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.showing_fact_sheet
    assert window.fact_sheet_viewer.path.name == "daysurgery2_menisci.pdf"
    window.go_back()
    assert window.reader.pages.currentWidget() is window.reader.fact_sheet_page
    i18n.set_language("nb")  # the content follows: the Norwegian text links only to its report
    titles = [sheets.list.item(row).text() for row in range(sheets.list.count())]
    assert titles == ["Dagkirurgi 2013-2017 (lenket som «rapporten»)"]
    assert sheets.heading.text() == i18n.gettext("Fact sheets")
    node_texts = [tree.topLevelItem(r).text(0) for r in range(tree.topLevelItemCount())]
    assert i18n.gettext("Fact sheets ({count})").format(count=1) in node_texts


def test_library_card_opens_the_fact_sheet_list_and_the_viewer(qtbot, window, library):
    view = window.library_view
    view.cards.setCurrentIndex(view.index_of("gyn"))
    view.fact_sheets_button.click()
    dialog = window.fact_sheets_dialog
    qtbot.waitExposed(dialog)
    titles = [title for title, _path, _ok in dialog.sheets.entries]
    assert len(titles) == 13 and "Postmenopausal bleeding" in titles
    assert "Gynaecology" in dialog.windowTitle() or "gyn" in dialog.windowTitle().casefold()
    dialog.sheets.open_row(titles.index("Postmenopausal bleeding"))
    assert window.showing_fact_sheet
    viewer = window.fact_sheet_viewer
    assert viewer.path.name == "gyneng_postmenbleeding.pdf"
    assert viewer.page_count == _page_count(viewer.path)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is view


def test_create_fact_sheet_for_the_selected_area(qtbot, window, tmp_path):
    window.open_atlas("dagkir2")  # texts and published PDFs only: no figures to sum up
    assert not window.create_fact_sheet_action.isEnabled()
    window.open_atlas("radiologi2")
    assert window.create_fact_sheet_action.isEnabled()
    window.state.select("St. Olavs")
    out = tmp_path / "st-olav.pdf"
    assert window.create_fact_sheet(path=out) == out
    text = _pdf_text(out)
    assert "St. Olav" in text and "Referral area" in text  # UI language: English
    assert window.showing_fact_sheet
    assert window.fact_sheet_viewer.path == out
    assert window.fact_sheet_viewer.page_count == _page_count(out) >= 1
    assert window.message_box is None
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.reader


def test_create_fact_sheet_for_a_region_in_bokmal(qtbot, window, tmp_path):
    i18n.set_language("nb")
    window.open_atlas("lab")
    window.state.select("Helse Nord")  # a region click selects its areas
    out = tmp_path / "nord.pdf"
    assert window.create_fact_sheet(path=out) == out
    text = _pdf_text(out)
    assert "Helse Nord" in text and i18n.gettext("Health region") in text


def test_create_fact_sheet_error_names_the_file(qtbot, window, tmp_path):
    window.open_atlas("radiologi2")
    window.state.select("UNN")
    out = tmp_path / "no-such-folder" / "unn.pdf"
    assert window.create_fact_sheet(path=out) is None
    box = window.message_box
    assert box is not None and str(out) in box.text()
    assert not window.showing_fact_sheet
    box.close()


def test_fact_sheets_with_the_same_link_text_are_told_apart_by_chapter(library):
    from atlasviewer.qt.factsheets.actions import fact_sheet_entries

    entries = fact_sheet_entries(library.get("kvalitet").variant("nb"))
    titles = {path.name: title for title, path, _ok in entries}
    assert len(entries) == 14
    assert titles["kvalitet_hjerteinfarkt.pdf"] == "Hjerteinfarkt – en-sides pdf"
    # A unique link in running text is named by its document, the link text as context.
    assert titles["kvalitetsatlas.pdf"] == "Kvalitetsatlas (linked as “rapporten”)"
    assert len(set(titles.values())) == 14


def test_area_choices_follow_the_atlas_map(library):
    from atlasviewer.qt.factsheets.actions import area_choices, target_from_selection

    choices = area_choices(library, library.get("dagkir2"), "nb")
    labels = [c.label for c in choices]
    assert "St. Olav" in labels and "Finnmark" in labels
    assert labels[-1].startswith("Helse Vest")
    assert target_from_selection(frozenset(), library.registry) is None
    assert target_from_selection(frozenset({"unn", "st_olav"}), library.registry) is None


def test_a_long_figure_label_keeps_clear_of_its_value(qapp, v2_root, tmp_path):
    """Bokmål's "Forhold til nasjonalt nivå" outgrew its column and ran into the value."""
    out = tmp_path / "st-olav-nb.pdf"
    arguments = ["factsheet", "--data", str(v2_root), "--atlas", "radiologi2"]
    assert main([*arguments, "--area", "St. Olavs", "--lang", "nb", "--out", str(out)]) == 0
    document = QPdfDocument()
    document.load(str(out))
    text = document.getAllText(0).text()
    label = "Forhold til nasjonalt nivå"
    start = text.index(label)
    value = text.index("0,80", start)  # radiologi2 box 1: St. Olav at 0,80 of the national rate
    label_box = document.getSelectionAtIndex(0, start, len(label)).boundingRectangle()
    value_box = document.getSelectionAtIndex(0, value, 4).boundingRectangle()
    assert abs(label_box.center().y() - value_box.center().y()) < 2  # one line
    assert value_box.left() - label_box.right() >= 4, (label_box, value_box)
