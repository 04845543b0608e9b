"""The presentation panel: the deck's slides in order, to reorder, rename, remove and annotate.

A dock beside the reader. Each slide is a row: its number, title and view; a slide whose atlas,
box or view is gone says what is missing. Drag a row to move the slide, double-click (or F2) to
rename it; below the list, the selected slide's highlighted areas (set from the window's
selection) and its finding text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.present.controller import DeckController

SLIDE_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2


class _TitleDelegate(QStyledItemDelegate):
    """Renaming a slide edits its title alone, not the number and view shown around it."""

    def __init__(self, panel: DeckPanel) -> None:
        super().__init__(panel.list)
        self.panel = panel

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(TITLE_ROLE) or ""))

    def setModelData(  # noqa: N802 - Qt's name
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QLineEdit) and editor.text().strip() != index.data(TITLE_ROLE):
            self.panel.controller.rename(index.row(), editor.text())


def view_label(view: str) -> str:
    """A slide's view name for people: ``bar2`` -> ``bar chart 2``."""
    kind = view.rstrip("0123456789")
    number = view[len(kind) :]
    names = {"map": _("map"), "bar": _("bar chart"), "line": _("line chart"), "table": _("table")}
    name = names.get(kind, view)
    return f"{name} {number}" if number and number != "1" else name


class DeckPanel(QDockWidget):
    """The slides of a :class:`DeckController`, as a dock.

    Signals:
        present_requested(int): Present the deck from this slide (the Present button).
    """

    present_requested = Signal(int)

    def __init__(self, controller: DeckController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentation_panel")
        self.controller = controller
        body = QWidget(self)
        self.list = QListWidget(body)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setWordWrap(True)
        self.list.setItemDelegate(_TitleDelegate(self))
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        self.list.currentRowChanged.connect(self._show_details)
        self.present_button = QPushButton(body)
        self.present_button.clicked.connect(
            lambda: self.present_requested.emit(max(0, self.list.currentRow()))
        )
        self.remove_button = QPushButton(body)
        self.remove_button.clicked.connect(self.remove_current)
        self.areas_button = QPushButton(body)
        self.areas_button.clicked.connect(self.highlight_selection)
        self.areas_label = QLabel(body)
        self.areas_label.setWordWrap(True)
        self.finding_label = QLabel(body)
        self.finding = QPlainTextEdit(body)
        self.finding.setMaximumHeight(90)
        self.finding.textChanged.connect(self._on_finding)
        self.finding_label.setBuddy(self.finding)
        buttons = QHBoxLayout()
        buttons.addWidget(self.present_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.areas_label)
        layout.addWidget(self.areas_button)
        layout.addWidget(self.finding_label)
        layout.addWidget(self.finding)
        self.setWidget(body)
        self._filling = False
        controller.changed.connect(self.refresh)
        translation.register(self)

    def retranslate_ui(self, *_args: object) -> None:
        self.setWindowTitle(_("Presentation"))
        self.present_button.setText(_("Present"))
        self.present_button.setToolTip(_("Show the deck full screen from the selected slide (F5)"))
        self.remove_button.setText(_("Remove"))
        self.areas_button.setText(_("Highlight the selected areas"))
        self.areas_button.setToolTip(
            _("The areas selected in the window are highlighted on this slide")
        )
        self.finding_label.setText(_("Finding shown on the slide:"))
        self.finding.setPlaceholderText(_("The result box's finding"))
        self.list.setAccessibleName(_("Slides"))
        self.refresh()

    # ------------------------------------------------------------------ the list

    def refresh(self) -> None:
        """Show the controller's slides (after any change to the deck)."""
        row = self.list.currentRow()
        self._filling = True
        try:
            self.list.clear()
            for index, found in enumerate(self.controller.all_resolved()):
                item = QListWidgetItem(self._item_text(index, found))
                item.setData(SLIDE_ROLE, found.slide)
                item.setData(TITLE_ROLE, found.title)
                item.setToolTip(found.missing or found.title)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                if found.missing:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.list.addItem(item)
        finally:
            self._filling = False
        count = self.list.count()
        self.list.setCurrentRow(min(max(row, 0), count - 1) if count else -1)
        self.present_button.setEnabled(count > 0)
        self.remove_button.setEnabled(count > 0)
        self._show_details(self.list.currentRow())

    @staticmethod
    def _item_text(index: int, found: Any) -> str:
        text = f"{index + 1}. {found.title} · {view_label(found.slide.view)}"
        if found.missing:
            text += "\n" + _("Missing: {what}").format(what=found.missing)
        return text

    def _on_rows_moved(self, *_args: object) -> None:
        if self._filling:
            return
        slides = [self.list.item(i).data(SLIDE_ROLE) for i in range(self.list.count())]
        self.controller.reorder(slides)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.controller):
            self.controller.remove(row)

    def highlight_selection(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.controller):
            self.controller.set_areas(row, self.controller.state.selection)

    # ------------------------------------------------------------------ the details

    def _show_details(self, row: int) -> None:
        valid = 0 <= row < len(self.controller)
        self.areas_button.setEnabled(valid)
        self.finding.setEnabled(valid)
        self._filling = True
        try:
            if not valid:
                self.areas_label.setText("")
                self.finding.setPlainText("")
                return
            slide = self.controller.deck.slides[row]
            names = [self._area_name(key) for key in slide.areas]
            self.areas_label.setText(
                _("Highlighted: {areas}").format(areas=", ".join(names))
                if names
                else _("No areas highlighted.")
            )
            self.finding.setPlainText(slide.finding or "")
        finally:
            self._filling = False

    def _area_name(self, key: str) -> str:
        return str(self.controller.state.registry.display_name(key, i18n.current_language()))

    def _on_finding(self) -> None:
        if self._filling:
            return
        row = self.list.currentRow()
        if 0 <= row < len(self.controller):
            text = self.finding.toPlainText()
            self.controller.set_finding(row, text if text.strip() else None)
