"""The reader's "Fact sheets" page: the PDFs an atlas's texts link to, one click to open.

The reader shows this page beside its chapters without importing it: the shell builds it
(:func:`atlasviewer.qt.shell.panes.fact_sheet_page`) and hands it to the reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.factsheets.actions import fact_sheet_entries
from atlasviewer.qt.factsheets.sheet_list import FactSheetList


class FactSheetPage(QWidget):
    """The fact sheets of the variant shown, as a list of links with a note above.

    Signals:
        fact_sheet_requested(Path, str): A fact sheet was clicked (its path and title).
    """

    fact_sheet_requested = Signal(Path, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: dict[int, tuple[Any, list[tuple[str, Path, bool]]]] = {}
        self.sheets = FactSheetList(self)
        self.sheets.fact_sheet_requested.connect(self.fact_sheet_requested)
        # One click opens, as in the chapter list beside it; rows spaced like a list of links.
        sheet_list = self.sheets.list
        sheet_list.itemClicked.connect(lambda item: self.sheets.open_row(sheet_list.row(item)))
        sheet_list.setSpacing(4)
        sheet_list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        column = QWidget(self)
        column.setMaximumWidth(820)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(12, 12, 12, 12)
        column_layout.addWidget(self.note)
        column_layout.addWidget(self.sheets, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(column, 1)
        layout.addStretch(0)
        translation.register(self)

    @property
    def count(self) -> int:
        """How many fact sheets the page lists."""
        return len(self.sheets.entries)

    def show_variant(self, variant: Any) -> None:
        """List the fact sheets ``variant``'s texts link to, titled in its language."""
        # Kept per variant: every language switch comes back to one of an atlas's two
        # variants, and gathering the links reads all their texts (~2 ms).
        kept = self._entries.get(id(variant))
        if kept is None or kept[0] is not variant:
            kept = self._entries[id(variant)] = (variant, fact_sheet_entries(variant))
        self.sheets.set_links(kept[1])

    def retranslate_ui(self) -> None:
        self.note.setText(
            _("The fact sheets and reports the atlas texts link to. Click one to open it.")
        )
