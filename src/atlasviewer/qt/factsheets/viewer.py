"""The in-app PDF viewer for fact sheets and reports, on QtPdf (no web engine).

:class:`FactSheetViewer` shows one PDF: page navigation, a page list with thumbnails, zoom, text
search with highlighted hits, copying a page's text, printing and handing the file to the
system's own viewer. A file that is missing, damaged or password-protected is shown as a message
in place of the pages, naming the file and what QtPdf reported; nothing else is affected.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QWheelEvent,
)
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QLabel,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.factsheets.search_bar import PdfSearchBar
from atlasviewer.qt.factsheets.thumbnails import THUMBNAIL_WIDTH, PageThumbnailList

ZOOM_STEPS: tuple[float, ...] = (
    0.25,
    0.33,
    0.5,
    0.67,
    0.75,
    0.9,
    1.0,
    1.1,
    1.25,
    1.5,
    2.0,
    3.0,
    4.0,
)
"""Zoom factors that zoom in/out step through, as common PDF viewers do."""

PRINT_DPI = 300
"""Pages are rendered for the printer at no more than this resolution (enough for text)."""


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
        self.view.viewport().installEventFilter(self)

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

        self._build_actions()
        self.toolbar = self._build_toolbar()
        self.search_toolbar = self._build_search_toolbar()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.search_toolbar)
        layout.addWidget(splitter, 1)

        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._on_current_page_changed)
        self.view.zoomModeChanged.connect(self._update_zoom_actions)

        translation.register(self)
        self._update_zoom_actions(self.view.zoomMode())
        self._set_enabled_for_document(False)

    # ------------------------------------------------------------------ building

    def _build_actions(self) -> None:
        def action(slot, *shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> QAction:  # type: ignore[no-untyped-def]
            act = QAction(self)
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
            # Shortcuts work wherever the focus is inside the viewer, and only there, so that a
            # viewer docked in the main window does not steal the window's own keys.
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.previous_page_action = action(
            self.previous_page, QKeySequence.StandardKey.MoveToPreviousPage
        )
        self.next_page_action = action(self.next_page, QKeySequence.StandardKey.MoveToNextPage)
        self.zoom_in_action = action(self.zoom_in, QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.zoom_out_action = action(self.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.fit_width_action = action(self.fit_width, "Ctrl+1")
        self.fit_page_action = action(self.fit_page, "Ctrl+2")
        for act in (self.fit_width_action, self.fit_page_action):
            act.setCheckable(True)
        self.find_action = action(self.focus_search, QKeySequence.StandardKey.Find)
        self.next_hit_action = action(self.next_hit, QKeySequence.StandardKey.FindNext)
        self.previous_hit_action = action(self.previous_hit, QKeySequence.StandardKey.FindPrevious)
        self.copy_action = action(self.copy_page_text, QKeySequence.StandardKey.Copy)
        self.print_action = action(self.print_document, QKeySequence.StandardKey.Print)
        self.open_external_action = action(self.open_in_system_viewer)

    def _build_toolbar(self) -> QToolBar:
        """Pages and zoom, the first of two rows.

        In one row with the search they needed ~1,370 px in bokmål: at a projector's 1,280 px or
        less, print and copy fell into the toolbar's overflow menu.
        """
        bar = QToolBar(self)
        bar.addAction(self.previous_page_action)
        self.page_box = QSpinBox(bar)
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        bar.addWidget(self.page_box)
        self.page_count_label = QLabel(bar)
        bar.addWidget(self.page_count_label)
        bar.addAction(self.next_page_action)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        self.zoom_label = QLabel(bar)
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        bar.addAction(self.fit_width_action)
        bar.addAction(self.fit_page_action)
        self.view.zoomFactorChanged.connect(lambda _f: self._update_zoom_label())
        return bar

    def _build_search_toolbar(self) -> QToolBar:
        """Search with its hits, then what is done with the sheet: copy, print, open elsewhere."""
        bar = QToolBar(self)
        self.search_bar = PdfSearchBar(self.view, self.search_model, bar)
        # The field and the hit count, under the names the viewer has always had for them.
        self.search_field = self.search_bar.search_field
        self.search_status = self.search_bar.search_status
        bar.addWidget(self.search_bar)
        bar.addAction(self.previous_hit_action)
        bar.addAction(self.next_hit_action)
        bar.addSeparator()
        bar.addAction(self.copy_action)
        bar.addAction(self.print_action)
        bar.addAction(self.open_external_action)
        return bar

    def retranslate_ui(self) -> None:
        """Set every visible string in the active UI language."""
        self.previous_page_action.setText(_("Previous page"))
        self.next_page_action.setText(_("Next page"))
        self.zoom_in_action.setText(_("Zoom in"))
        self.zoom_out_action.setText(_("Zoom out"))
        self.fit_width_action.setText(_("Fit width"))
        self.fit_page_action.setText(_("Fit page"))
        self.find_action.setText(_("Find"))
        self.next_hit_action.setText(_("Next hit"))
        self.previous_hit_action.setText(_("Previous hit"))
        self.copy_action.setText(_("Copy page text"))
        self.print_action.setText(_("Print…"))
        self.open_external_action.setText(_("Open in system viewer"))
        for act in self.actions():
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{act.text()} ({keys})" if keys else act.text())
        self.page_box.setToolTip(_("Page number"))
        self._update_page_count_label()
        self._update_zoom_label()
        if self._failure is not None:
            self.message.setText(self._failure_text(*self._failure))

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
        self._set_enabled_for_document(True)
        self.page_list.show_pages()
        self.page_box.setMaximum(self.document.pageCount())
        self.go_to_page(0)
        self._update_page_count_label()
        self.document_opened.emit(str(path))
        return True

    def _fail(self, reason: str, path: Path) -> bool:
        self._failure = (reason, path)
        text = self._failure_text(reason, path)
        self.message.setText(text)
        self.pages.setCurrentWidget(self.message)
        self._set_enabled_for_document(False)
        self.open_external_action.setEnabled(reason != "missing")
        self._update_page_count_label()
        self.document_failed.emit(str(path), text)
        return False

    @staticmethod
    def _failure_text(reason: str, path: Path) -> str:
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
        explanation = reasons.get(
            reason, _("The PDF cannot be read ({status}).").format(status=reason)
        )
        return _("Cannot show {file}\n\n{explanation}\n\n{path}").format(
            file=path.name, explanation=explanation, path=str(path)
        )

    @property
    def failure_message(self) -> str:
        """The message shown instead of the pages, or "" when pages are shown."""
        return self.message.text() if self._failure is not None else ""

    def _set_enabled_for_document(self, enabled: bool) -> None:
        for act in self.actions():
            act.setEnabled(enabled)
        self.page_box.setEnabled(enabled)
        self.search_field.setEnabled(enabled)

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

    # ------------------------------------------------------------------ zoom

    def zoom_in(self) -> None:
        self._set_zoom(next((z for z in ZOOM_STEPS if z > self.view.zoomFactor() + 1e-3), 4.0))

    def zoom_out(self) -> None:
        lower = [z for z in ZOOM_STEPS if z < self.view.zoomFactor() - 1e-3]
        self._set_zoom(lower[-1] if lower else ZOOM_STEPS[0])

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_zoom_label()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_actions(self.view.zoomMode())

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom_actions(self.view.zoomMode())

    def _update_zoom_actions(self, mode: QPdfView.ZoomMode) -> None:
        self.fit_width_action.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)} %")
        elif self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText(_("Width"))
        else:
            self.zoom_label.setText(_("Page"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Ctrl + mouse wheel zooms, as in every document viewer."""
        if (
            watched is self.view.viewport()
            and event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ search

    def focus_search(self) -> None:
        self.search_bar.focus_search()

    def search(self, text: str) -> None:
        """Highlight every hit of ``text`` and go to the first."""
        self.search_bar.search(text)

    @property
    def hit_count(self) -> int:
        return self.search_bar.hit_count

    def next_hit(self) -> None:
        self.search_bar.next_hit()

    def previous_hit(self) -> None:
        self.search_bar.previous_hit()

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
        count = self.page_count
        if count < 1:
            return 0
        first = max(1, printer.fromPage() or 1) - 1  # type: ignore[attr-defined]
        last = min(count, printer.toPage() or count) - 1  # type: ignore[attr-defined]
        painter = QPainter()
        if not painter.begin(printer):  # type: ignore[arg-type]
            return 0
        printed = 0
        try:
            for page in range(first, last + 1):
                if printed:
                    printer.newPage()  # type: ignore[attr-defined]
                self._paint_page(painter, page, printer)
                printed += 1
        finally:
            painter.end()
        return printed

    def _paint_page(self, painter: QPainter, page: int, device: object) -> None:
        target = painter.viewport()
        points = self.document.pagePointSize(page)
        scale = min(target.width() / points.width(), target.height() / points.height())
        width, height = points.width() * scale, points.height() * scale
        resolution = min(device.resolution(), PRINT_DPI)  # type: ignore[attr-defined]
        pixels = QSize(
            int(points.width() / 72 * resolution), int(points.height() / 72 * resolution)
        )
        image: QImage = self.document.render(page, pixels)
        x = target.x() + (target.width() - width) / 2
        y = target.y() + (target.height() - height) / 2
        painter.drawImage(QRectF(x, y, width, height), image)

    def open_in_system_viewer(self) -> bool:
        """Hand the file to the desktop's PDF viewer; False when there is none or no file."""
        if self.path is None or not self.path.is_file():
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.resolve())))
