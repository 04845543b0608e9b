"""The page list of the fact-sheet viewer: one item a page, thumbnails rendered in the background.

Kept apart from :mod:`~.viewer` because the thumbnails have a life of their own:
the items are listed at once when a PDF opens, and the thumbnails are then rendered a few per
event-loop turn by a timer of the list's own, so a 170-page report opens without a pause. The
viewer tells the list which document to show and keeps it in step with the page on show.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from atlasviewer.i18n import _
from atlasviewer.qt import translation

THUMBNAIL_WIDTH = 96
BLANK_COLOUR = "#f4f4f4"
"""A page's thumbnail until it is rendered."""
THUMBNAILS_PER_TICK = 3
"""Thumbnails rendered per event-loop turn, so a 170-page report opens without a pause."""


class PageThumbnailList(QListWidget):
    """The pages of a PDF as a column of thumbnails above their page labels.

    The current row follows the page on show; choosing a row is reported by Qt's own
    ``currentRowChanged`` (0-based page).
    """

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._thumbnail_next = 0
        self.setIconSize(QSize(THUMBNAIL_WIDTH, int(THUMBNAIL_WIDTH * 1.42)))
        self.setMinimumWidth(THUMBNAIL_WIDTH + 40)
        # Thumbnails above their page labels, one column, as document viewers show them.
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setSpacing(6)

        self._thumbnail_timer = QTimer(self)
        self._thumbnail_timer.setInterval(0)
        self._thumbnail_timer.timeout.connect(self._render_some_thumbnails)
        translation.register(self)

    def retranslate_ui(self) -> None:
        """Set the tooltip and the page labels in the active UI language."""
        self.setToolTip(_("Pages"))
        for row in range(self.count()):
            self.item(row).setText(_("Page {number}").format(number=row + 1))

    def clear_pages(self) -> None:
        """Remove every page and stop rendering thumbnails."""
        self._thumbnail_timer.stop()
        self.clear()

    def show_pages(self) -> None:
        """List the pages of the (newly loaded) document and start rendering their thumbnails.

        Each item starts with a blank thumbnail of its page's size, so the list is laid out
        once, at its final size: with the icons added later, a page's thumbnail (the second
        of a generated fact sheet) could be left without room under the label above it.
        """
        blanks: dict[tuple[int, int], QIcon] = {}
        for page in range(self._document.pageCount()):
            item = QListWidgetItem(_("Page {number}").format(number=page + 1))
            item.setData(Qt.ItemDataRole.UserRole, page)
            size = self._thumbnail_size(page)
            key = (size.width(), size.height())
            if key not in blanks:
                blank = QPixmap(size)
                blank.fill(QColor(BLANK_COLOUR))
                blanks[key] = QIcon(blank)
            item.setIcon(blanks[key])
            item.setSizeHint(QSize(THUMBNAIL_WIDTH + 24, size.height() + self._label_height()))
            self.addItem(item)
        self._thumbnail_next = 0
        self._thumbnail_timer.start()

    def set_current_page(self, page: int) -> None:
        """Select 0-based ``page`` without reporting it back as the user's choice."""
        self.blockSignals(True)
        self.setCurrentRow(page)
        self.blockSignals(False)

    def _thumbnail_size(self, page: int) -> QSize:
        size = self._document.pagePointSize(page)
        height = int(THUMBNAIL_WIDTH * size.height() / max(size.width(), 1.0))
        return QSize(THUMBNAIL_WIDTH, max(height, 1))

    def _label_height(self) -> int:
        return self.fontMetrics().height() + 16

    def _render_some_thumbnails(self) -> None:
        count = self._document.pageCount()
        for _step in range(THUMBNAILS_PER_TICK):
            page = self._thumbnail_next
            if page >= count:
                self._thumbnail_timer.stop()
                return
            image = self._document.render(page, self._thumbnail_size(page))
            item = self.item(page)
            if item is not None and not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self._thumbnail_next += 1
        # Icon mode lays items out once; without this, labels sit over the thumbnails added later.
        self.doItemsLayout()
