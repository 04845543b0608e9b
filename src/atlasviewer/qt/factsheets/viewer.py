"""The in-app PDF viewer for fact sheets and reports, on QtPdf (no web engine).

:class:`FactSheetViewer` shows one PDF: page navigation, a page list with thumbnails, zoom, text
search with highlighted hits, copying a page's text, printing and handing the file to the
system's own viewer. A file that is missing, damaged or password-protected is shown as a message
in place of the pages, naming the file and what QtPdf reported; nothing else is affected.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.factsheets.printing import print_pages
from atlasviewer.qt.factsheets.thumbnails import THUMBNAIL_WIDTH, PageThumbnailList
from atlasviewer.qt.factsheets.viewer_bars import ViewerBars


class FactSheetViewer(QWidget):
    """A PDF viewer for one fact sheet at a time.

    Signals:
        document_opened(str): The path of a PDF that opened and shows its pages.
        document_failed(str, str): The path and the message shown when a PDF cannot be shown.
    """

    document_opened = Signal(str)
    document_failed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.title = ""
        self._failure: tuple[str, Path] | None = None

        self.document = QPdfDocument(self)
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.document)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setSearchModel(self.search_model)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMargin(24)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.message)

        self.page_list = PageThumbnailList(self.document, self)
        self.page_list.currentRowChanged.connect(self._on_page_list_row)

        splitter = QSplitter(self)
        splitter.addWidget(self.page_list)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([THUMBNAIL_WIDTH + 48, 700])

        # The chrome (actions, toolbars, zoom, search bar): the names the viewer has always had.
        bars = self.bars = ViewerBars(self)
        self.toolbar, self.search_toolbar, self.zoom = bars.toolbar, bars.search_toolbar, bars.zoom
        self.search_bar, self.search_field = bars.search_bar, bars.search_bar.search_field
        self.search_status = bars.search_bar.search_status
        self.page_box, self.page_count_label, self.zoom_label = (
            bars.page_box,
            bars.page_count_label,
            bars.zoom_label,
        )
        self.previous_page_action, self.next_page_action = (
            bars.previous_page_action,
            bars.next_page_action,
        )
        self.fit_width_action, self.fit_page_action = bars.fit_width_action, bars.fit_page_action
        self.copy_action, self.print_action = bars.copy_action, bars.print_action
        self.open_external_action = bars.open_external_action

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.search_toolbar)
        layout.addWidget(splitter, 1)

        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._on_current_page_changed)

        translation.register(self)
        self.bars.set_enabled(False)

    def retranslate_ui(self) -> None:
        """The page count and a failure message in the active UI language."""
        self._update_page_count_label()
        if self._failure is not None:
            self.message.setText(failure_text(*self._failure))

    # ------------------------------------------------------------------ opening

    def open_pdf(self, path: Path | str, title: str = "") -> bool:
        """Show the PDF at ``path``; a file that cannot be shown gives a message in its place.

        Args:
            path: The PDF file.
            title: What the file is (the link text of a fact sheet); shown as the window title.

        Returns:
            True when the pages are shown, False when the message is.
        """
        path = Path(path)
        self.path = path
        self.title = title or path.name
        self.setWindowTitle(self.title)
        self.page_list.clear_pages()
        self.search_bar.reset()
        self.document.close()
        if not path.is_file():
            return self._fail("missing", path)
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_ or self.document.pageCount() < 1:
            self.document.close()
            return self._fail(error.name if error != QPdfDocument.Error.None_ else "empty", path)
        self._failure = None
        self.pages.setCurrentWidget(self.view)
        self.bars.set_enabled(True)
        self.page_list.show_pages()
        self.page_box.setMaximum(self.document.pageCount())
        self.go_to_page(0)
        self._update_page_count_label()
        self.document_opened.emit(str(path))
        return True

    def _fail(self, reason: str, path: Path) -> bool:
        self._failure = (reason, path)
        text = failure_text(reason, path)
        self.message.setText(text)
        self.pages.setCurrentWidget(self.message)
        self.bars.set_enabled(False)
        self.open_external_action.setEnabled(reason != "missing")
        self._update_page_count_label()
        self.document_failed.emit(str(path), text)
        return False

    @property
    def failure_message(self) -> str:
        """The message shown instead of the pages, or "" when pages are shown."""
        return self.message.text() if self._failure is not None else ""

    # ------------------------------------------------------------------ pages

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self._failure is None else 0

    @property
    def current_page(self) -> int:
        """The 0-based page shown at the top of the view."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        """Scroll to the top of 0-based ``page`` (clamped to the document)."""
        if self.page_count < 1:
            return
        page = max(0, min(page, self.page_count - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def _on_current_page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.page_list.set_current_page(page)
        self.previous_page_action.setEnabled(page > 0)
        self.next_page_action.setEnabled(page < self.page_count - 1)

    def _on_page_list_row(self, row: int) -> None:
        if row >= 0:
            self.go_to_page(row)

    def _update_page_count_label(self) -> None:
        self.page_count_label.setText(_("of {count}").format(count=self.page_count))

    # ------------------------------------------------------------------ copy, print, open

    def page_text(self, page: int | None = None) -> str:
        """The text of 0-based ``page`` (default: the current page)."""
        if self.page_count < 1:
            return ""
        return self.document.getAllText(self.current_page if page is None else page).text()

    def copy_page_text(self) -> None:
        """Copy the current page's text to the clipboard.

        QPdfView has no mouse text selection (QtPdf offers it only in Qt Quick), so the viewer
        copies the whole page's text, which a user can trim where they paste it.
        """
        text = self.page_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def print_document(self) -> None:
        """Ask for a printer and print the pages the user chooses."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.page_count < 1:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setFromTo(1, self.page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: object) -> int:
        """Render the chosen pages (all when no range is set) onto ``printer``; returns how many.

        Args:
            printer: A ``QPrinter`` (any ``QPagedPaintDevice`` with ``fromPage``/``toPage``).
        """
        return print_pages(self.document, printer) if self.page_count else 0

    def open_in_system_viewer(self) -> bool:
        """Hand the file to the desktop's PDF viewer; False when there is none or no file."""
        if self.path is None or not self.path.is_file():
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.resolve())))


def failure_text(reason: str, path: Path) -> str:
    """The message shown in place of a PDF's pages: the file, what is wrong, where it is."""
    reasons = {
        "missing": _("The file does not exist: it may never have been published."),
        "FileNotFound": _("The file does not exist: it may never have been published."),
        "InvalidFileFormat": _("The file is not a readable PDF (it may be damaged)."),
        "IncorrectPassword": _("The PDF is protected by a password and cannot be shown."),
        "UnsupportedSecurityScheme": _(
            "The PDF is protected in a way this viewer does not support."
        ),
        "DataNotYetAvailable": _("The PDF could not be read completely."),
        "empty": _("The PDF has no pages."),
    }
    explanation = reasons.get(reason, _("The PDF cannot be read ({status}).").format(status=reason))
    return _("Cannot show {file}\n\n{explanation}\n\n{path}").format(
        file=path.name, explanation=explanation, path=str(path)
    )
