"""The search field of the fact-sheet viewer: every hit highlighted, stepping from hit to hit.

Kept apart from :mod:`~.viewer` because search is a piece of its own: the field,
the "3 of 12" status beside it and the hit navigation (wrapping round at both ends) only need the
page view and its search model, and nothing else in the viewer needs them. The viewer puts the
bar in its toolbar and hands it its Find, Next hit and Previous hit keys.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from atlasviewer.i18n import _, ngettext
from atlasviewer.qt import translation


class PdfSearchBar(QWidget):
    """A search field and its hit count for the document shown in ``view``.

    Args:
        view: The page view; its search model highlights the hits and its current hit is the
            one the bar steps from.
        search_model: The model that finds the hits (already set on ``view``).
        parent: The owning widget (the viewer's toolbar).
    """

    def __init__(
        self, view: QPdfView, search_model: QPdfSearchModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.search_model = search_model
        search_layout = QHBoxLayout(self)
        search_layout.setContentsMargins(0, 0, 0, 0)
        self.search_field = QLineEdit(self)
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(140)
        self.search_field.textChanged.connect(self.search)
        self.search_field.returnPressed.connect(self.next_hit)
        search_layout.addWidget(self.search_field)
        self.search_status = QLabel(self)
        search_layout.addWidget(self.search_status)

        self.search_model.countChanged.connect(self._on_hits_found)
        self.view.currentSearchResultIndexChanged.connect(self._update_search_status)
        translation.register(self)

    def retranslate_ui(self) -> None:
        """Set the placeholder and the hit count in the active UI language."""
        self.search_field.setPlaceholderText(_("Search in the document"))
        self._update_search_status()

    def reset(self) -> None:
        """Empty the field and drop the hits (a new document is opening)."""
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.search_model.setSearchString("")

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def search(self, text: str) -> None:
        """Highlight every hit of ``text`` and go to the first."""
        if self.search_field.text() != text:
            self.search_field.setText(text)  # comes back here through textChanged
            return
        self.search_model.setSearchString(text)
        self.view.setCurrentSearchResultIndex(-1)
        self._update_search_status()

    def _on_hits_found(self, *_args: object) -> None:
        """The hits are found after the text is set: show the first as soon as there is one.

        Before, the bar said "2 hits" and nothing was highlighted until Next was pressed. The
        step waits for the next event-loop turn: the model is still adding hits when it says
        its count changed, and moving the view then crashes QtPdf.
        """
        self._update_search_status()
        QTimer.singleShot(0, self, self._show_first_hit)

    def _show_first_hit(self) -> None:
        if self.hit_count and self.view.currentSearchResultIndex() < 0:
            self._go_to_hit(0)

    @property
    def hit_count(self) -> int:
        return self.search_model.count() if self.search_model.searchString() else 0

    def next_hit(self) -> None:
        self._go_to_hit(self.view.currentSearchResultIndex() + 1)

    def previous_hit(self) -> None:
        self._go_to_hit(self.view.currentSearchResultIndex() - 1)

    def _go_to_hit(self, index: int) -> None:
        count = self.hit_count
        if count < 1:
            return
        index %= count  # wraps around at both ends
        self.view.setCurrentSearchResultIndex(index)
        link = self.search_model.resultAtIndex(index)
        if link.isValid():
            self.view.pageNavigator().jump(link)
        self._update_search_status()

    def _update_search_status(self, *_args: object) -> None:
        if not self.search_model.searchString():
            self.search_status.setText("")
            return
        count = self.hit_count
        if count == 0:
            self.search_status.setText(_("No hits"))
            return
        current = self.view.currentSearchResultIndex()
        if current < 0:
            self.search_status.setText(
                ngettext("{count} hit", "{count} hits", count).format(count=count)
            )
        else:
            self.search_status.setText(
                _("{current} of {count}").format(current=current + 1, count=count)
            )
