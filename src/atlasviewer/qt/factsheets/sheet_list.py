"""The per-atlas list of published fact sheets and reports (the PDFs the atlas texts link to).

Each entry is titled by its link text in the content language. Files the texts link to but that
were never published are listed too, greyed and marked "not published", so a user sees that the
atlas mentions them; activating one still asks the viewer, which explains the missing file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from atlasviewer.core.model import Atlas
from atlasviewer.i18n import _
from atlasviewer.qt import translation

PATH_ROLE = Qt.ItemDataRole.UserRole
EXISTS_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2


class FactSheetList(QWidget):
    """The fact sheets of one atlas; activating one asks for it to be shown.

    Signals:
        fact_sheet_requested(Path, str): The PDF's local path and its title (the link text).
    """

    fact_sheet_requested = Signal(Path, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold")
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._on_activated)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self._links: list[tuple[str, Path, bool]] = []
        translation.register(self)

    def set_atlas(self, atlas: Atlas | None, lang: str) -> None:
        """Show the fact sheets that ``atlas``'s texts in content language ``lang`` link to."""
        from atlasviewer.core.links import fact_sheet_links

        self.set_links(fact_sheet_links(atlas.variant(lang)) if atlas is not None else [])

    def set_links(self, links: list[tuple[str, Path, bool]]) -> None:
        """Show ``(title, path, exists)`` entries, published ones first in the atlas's order."""
        # Link texts may break across lines in the markdown ("Eldrehelseatlas\nfor Norge").
        tidy = [(" ".join(text.split()) or path.name, path, ok) for text, path, ok in links]
        self._links = sorted(tidy, key=lambda link: not link[2])
        self._fill()

    @property
    def entries(self) -> list[tuple[str, Path, bool]]:
        """What the list shows, in its order: ``(title, path, published)``."""
        return list(self._links)

    def _fill(self) -> None:
        self.list.clear()
        muted = QBrush(QColor("#888888"))
        for title, path, exists in self._links:
            text = title if exists else _("{title} (not published)").format(title=title)
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(path))
            item.setData(EXISTS_ROLE, exists)
            item.setData(TITLE_ROLE, title)
            item.setToolTip(
                path.name
                if exists
                else _("{file} is linked from the atlas but was never published.").format(
                    file=path.name
                )
            )
            if not exists:
                item.setForeground(muted)
            self.list.addItem(item)
        self.empty.setVisible(not self._links)

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Fact sheets"))
        self.empty.setText(_("The atlas links to no fact sheets."))
        self._fill()

    def open_row(self, row: int) -> None:
        """Ask for the fact sheet in ``row`` as if the user had activated it."""
        item = self.list.item(row)
        if item is not None:
            self._on_activated(item)

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.fact_sheet_requested.emit(Path(item.data(PATH_ROLE)), str(item.data(TITLE_ROLE)))
