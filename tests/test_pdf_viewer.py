"""The in-app PDF viewer on the published fact sheets, and on files it cannot show."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView

from atlasviewer import i18n
from atlasviewer.qt.factsheets.viewer import FactSheetViewer


@pytest.fixture
def files(v2_root: Path) -> Path:
    return v2_root / "public" / "files"


@pytest.fixture
def viewer(qtbot) -> FactSheetViewer:
    widget = FactSheetViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def _reference_page_count(path: Path) -> int:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document.pageCount()


def test_published_fact_sheet_opens_with_its_pages(viewer, files, qtbot):
    path = files / "fact-sheet-cataract.pdf"
    with qtbot.waitSignal(viewer.document_opened):
        assert viewer.open_pdf(path, "Age-related cataract")
    assert viewer.page_count == _reference_page_count(path) >= 1
    assert viewer.failure_message == ""
    assert viewer.windowTitle() == "Age-related cataract"
    assert viewer.page_list.count() == viewer.page_count
    assert "Cataract is an opacity in the lens" in viewer.page_text(0)


def test_page_navigation_in_a_long_report(viewer, files, qtbot):
    path = files / "dagkirurgi_2013-2017.pdf"
    assert viewer.open_pdf(path)
    assert viewer.page_count == 70
    assert viewer.page_count_label.text() == "of 70"
    viewer.next_page()
    qtbot.waitUntil(lambda: viewer.current_page == 1)
    assert viewer.page_box.value() == 2
    viewer.page_box.setValue(10)
    qtbot.waitUntil(lambda: viewer.current_page == 9)
    viewer.previous_page()
    qtbot.waitUntil(lambda: viewer.current_page == 8)
    viewer.go_to_page(500)
    qtbot.waitUntil(lambda: viewer.current_page == 69)
    assert not viewer.next_page_action.isEnabled()
    # Thumbnails are rendered in the background, a few per event-loop turn.
    qtbot.waitUntil(lambda: not viewer.page_list.item(69).icon().isNull(), timeout=20000)


def test_search_finds_and_steps_through_hits(viewer, files, qtbot):
    path = files / "fact-sheet-cataract.pdf"
    viewer.open_pdf(path)
    text = viewer.page_text(0)
    expected = text.lower().count("cataract")
    assert expected >= 2
    viewer.search_bar.search("cataract")
    qtbot.waitUntil(lambda: viewer.search_bar.hit_count == expected, timeout=5000)
    assert viewer.view.searchModel() is viewer.search_model
    # The first hit is shown at once (it was "N hits" with none shown until Next).
    qtbot.waitUntil(lambda: viewer.view.currentSearchResultIndex() == 0)
    assert viewer.search_status.text() == f"1 of {expected}"
    viewer.search_bar.next_hit()
    assert viewer.view.currentSearchResultIndex() == 1
    assert viewer.search_status.text() == f"2 of {expected}"
    viewer.search_bar.previous_hit()
    viewer.search_bar.previous_hit()  # wraps round to the last hit
    assert viewer.view.currentSearchResultIndex() == expected - 1
    viewer.search_bar.search("no such word qqq")
    qtbot.waitUntil(lambda: viewer.search_status.text() == "No hits")


def test_zoom_modes_and_steps(viewer, files, qtbot):
    viewer.open_pdf(files / "fact-sheet-cataract.pdf")
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert viewer.fit_width_action.isChecked()
    viewer.fit_page_action.trigger()
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert viewer.fit_page_action.isChecked() and not viewer.fit_width_action.isChecked()
    viewer.zoom.set_zoom(1.0)
    viewer.zoom.zoom_in()
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert viewer.view.zoomFactor() == pytest.approx(1.1)
    assert viewer.zoom_label.text() == "110 %"
    viewer.zoom.zoom_out()
    viewer.zoom.zoom_out()
    assert viewer.view.zoomFactor() == pytest.approx(0.9)


def test_missing_file_shows_a_message_naming_it(viewer, files, qtbot):
    path = files / "never-published-fact-sheet.pdf"
    with qtbot.waitSignal(viewer.document_failed) as blocker:
        assert not viewer.open_pdf(path, "Never published")
    message = viewer.failure_message
    assert "never-published-fact-sheet.pdf" in message
    assert "does not exist" in message
    assert blocker.args[1] == message
    assert viewer.pages.currentWidget() is viewer.message
    assert viewer.page_count == 0
    assert not viewer.print_action.isEnabled()
    # The viewer recovers: the next good file shows its pages again.
    assert viewer.open_pdf(files / "fact-sheet-cataract.pdf")
    assert viewer.failure_message == ""
    assert viewer.pages.currentWidget() is viewer.view


def test_corrupt_file_shows_a_message_naming_it(viewer, files, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((files / "fact-sheet-cataract.pdf").read_bytes()[:400])
    assert not viewer.open_pdf(broken)
    assert "broken.pdf" in viewer.failure_message
    assert "not a readable PDF" in viewer.failure_message

    text = tmp_path / "notes.pdf"
    text.write_text("this is not a PDF at all", encoding="utf-8")
    assert not viewer.open_pdf(text)
    assert "notes.pdf" in viewer.failure_message


def test_failure_message_follows_the_language(viewer, tmp_path):
    viewer.open_pdf(tmp_path / "missing.pdf")
    english = viewer.failure_message
    i18n.set_language("nb")
    assert "missing.pdf" in viewer.failure_message
    assert viewer.page_count_label.text() != "" and viewer.next_page_action.text() != ""
    i18n.set_language("en")
    assert viewer.failure_message == english


def test_print_to_pdf_printer_renders_every_page(viewer, files, pdf_printer):
    viewer.open_pdf(files / "fact-sheet-cataract.pdf")
    printer = pdf_printer()
    assert viewer.print_to(printer) == viewer.page_count
    assert _reference_page_count(printer.path) == viewer.page_count


def test_print_a_page_range_prints_only_those_pages(viewer, files, pdf_printer):
    viewer.open_pdf(files / "dagkirurgi_2013-2017.pdf")
    printer = pdf_printer(first=3, last=5)  # as the print dialog's "Pages from 3 to 5"
    assert viewer.print_to(printer) == 3
    assert _reference_page_count(printer.path) == 3


def test_copy_page_text_puts_the_page_on_the_clipboard(viewer, files):
    from PySide6.QtGui import QGuiApplication

    viewer.open_pdf(files / "fact-sheet-cataract.pdf")
    viewer.copy_action.trigger()
    assert "Age-related cataract" in QGuiApplication.clipboard().text()


def test_fact_sheet_list_of_an_atlas_opens_the_viewer(qtbot, v2_root, viewer):
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.qt.factsheets.sheet_list import FactSheetList

    atlas = AtlasLibrary([v2_root]).atlas("gyn")
    sheets = FactSheetList()
    qtbot.addWidget(sheets)
    sheets.set_atlas(atlas, "en")
    titles = [title for title, _path, _exists in sheets.entries]
    assert "Postmenopausal bleeding" in titles
    assert sheets.list.count() == len(titles) == 13
    # The report the English text links to was never published: listed last, and marked.
    last = sheets.list.item(sheets.list.count() - 1).text()
    assert last == "report (not published)"
    sheets.fact_sheet_requested.connect(viewer.open_pdf)
    with qtbot.waitSignal(sheets.fact_sheet_requested) as blocker:
        sheets.open_row(titles.index("Postmenopausal bleeding"))
    assert blocker.args[0].name == "gyneng_postmenbleeding.pdf"
    assert viewer.windowTitle() == "Postmenopausal bleeding" and viewer.page_count >= 1
    sheets.open_row(sheets.list.count() - 1)
    assert "healthatlas-gynaecology.pdf" in viewer.failure_message

    sheets.set_atlas(atlas, "nb")  # the Norwegian text links only to its report
    assert [t for t, _p, _e in sheets.entries] == ["rapporten"]
    sheets.set_atlas(None, "nb")
    assert sheets.list.count() == 0 and not sheets.empty.isHidden()


def test_every_toolbar_button_is_on_screen_at_projector_width_in_bokmal(viewer, qtbot):
    """At 1,024 px, print and copy must not hide in the toolbar's overflow menu (in one row the
    Norwegian labels needed ~1,370 px)."""
    i18n.set_language("nb")
    try:
        viewer.resize(1024, 700)
        viewer.show()
        qtbot.waitExposed(viewer)
        for bar in (viewer.toolbar, viewer.search_toolbar):
            labelled = [a for a in bar.actions() if a.text()]
            hidden = [a.text() for a in labelled if not bar.widgetForAction(a).isVisible()]
            assert hidden == [], hidden
        assert viewer.print_action.text() == "Skriv ut…"  # the bokmål labels are the ones shown
    finally:
        i18n.set_language("en")
