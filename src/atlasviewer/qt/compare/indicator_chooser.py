"""Choosing indicators: search across atlases, add a whole atlas or chapter, reorder, remove.

The search is the core's word-prefix search over titles and texts of every atlas ("MR" finds
"MR-undersøkelser", not "område"); with the field empty, the atlases and their chapters are
listed instead. The chosen indicators are listed in their order (the table's columns, the
profile's rows), with buttons to move one up or down, remove it, or go back to every atlas.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.compare.indicators import Indicator
from atlasviewer.core.compare.matrix import atlas_title
from atlasviewer.i18n import _, current_language
from atlasviewer.qt import translation
from atlasviewer.qt.compare.session import CompareSession

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
"""A tree row's target: ``(atlas id, box numbers or None)``; a result row's indicator key."""
RESULTS_SHOWN = 300
SEARCH_DELAY_MS = 200


def indicator_label(indicator: Indicator, lang: str) -> str:
    """An indicator as the lists show it: its title, then atlas and box."""
    return f"{indicator.title(lang)} ({atlas_title(indicator, lang)}, {indicator.box})"


class IndicatorChooser(QWidget):
    """Search, browse and the chosen list, acting on the workspace's session."""

    def __init__(self, session: CompareSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search_field = QLineEdit(self)
        self.search_field.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _text: self._search_timer.start())
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.doubleClicked.connect(lambda _index: self.add_current())
        self.results_model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.doubleClicked.connect(lambda _index: self.add_current())
        self.browse = QStackedWidget(self)
        self.browse.addWidget(self.tree)
        self.browse.addWidget(self.results)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_current)
        self.chosen_label = QLabel(self)
        self.chosen_label.setWordWrap(True)
        self.chosen_model = QStandardItemModel(self)
        self.chosen = QListView(self)
        self.chosen.setModel(self.chosen_model)
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen.setWordWrap(True)
        self.chosen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.up_button, self.down_button = QPushButton(self), QPushButton(self)
        self.remove_button, self.all_button = QPushButton(self), QPushButton(self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self._remove)
        self.all_button.clicked.connect(lambda: self.session.set_keys([]))
        buttons = QGridLayout()
        buttons.addWidget(self.up_button, 0, 0)
        buttons.addWidget(self.down_button, 0, 1)
        buttons.addWidget(self.remove_button, 1, 0)
        buttons.addWidget(self.all_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.browse, 3)
        layout.addWidget(self.add_button)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.chosen, 2)
        layout.addLayout(buttons)
        session.changed.connect(self.show_chosen)
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.search_field.setPlaceholderText(_("Search indicators in every atlas, e.g. “MR”"))
        self.add_button.setText(_("Add to comparison"))
        self.add_button.setToolTip(_("Add the highlighted atlas, chapter or indicators"))
        self.up_button.setText(_("Move up"))
        self.down_button.setText(_("Move down"))
        self.remove_button.setText(_("Remove"))
        self.all_button.setText(_("Every atlas"))
        self.all_button.setToolTip(_("Compare the main indicator of every result box"))
        self.tree.setAccessibleName(_("Atlases and chapters"))
        self.results.setAccessibleName(_("Indicators found"))
        self.chosen.setAccessibleName(_("Indicators compared"))
        self.fill_tree()
        self.show_chosen()
        if self.search_field.text().strip():
            self.run_search()

    # ------------------------------------------------------------------ browse and search

    def fill_tree(self) -> None:
        """The atlases (in the UI language) with their chapters that have result boxes."""
        self.tree_model.clear()
        library = self.session.library
        if library is None:
            return
        lang = current_language()
        for atlas_id in library.ids:
            atlas = library.atlas(atlas_id)
            variant = atlas.variant(lang) if atlas.variants else atlas.primary
            title = atlas.title(lang)
            if atlas.generation == 1:  # the two generations share titles ("Fødselshjelp")
                title += " · " + _("first generation")
            item = QStandardItem(title)
            item.setEditable(False)
            item.setToolTip(title)
            item.setData((atlas_id, None), TARGET_ROLE)
            for number, chapter in enumerate(variant.chapters, start=1):
                boxes = [b.number for b in chapter.result_boxes]
                if not boxes:
                    continue
                child = QStandardItem(chapter.navigation_title(number))
                child.setEditable(False)
                child.setData((atlas_id, boxes), TARGET_ROLE)
                item.appendRow(child)
            self.tree_model.appendRow(item)

    def run_search(self) -> None:
        """Show the indicators matching the search field (every word at a word start)."""
        query = self.search_field.text().strip()
        self.browse.setCurrentWidget(self.results if query else self.tree)
        self.results_model.clear()
        if not query or self.session.index is None:
            return
        lang = current_language()
        found = self.session.index.search(query)
        for indicator in found[:RESULTS_SHOWN]:
            item = QStandardItem(indicator_label(indicator, lang))
            item.setEditable(False)
            item.setData(indicator.key, TARGET_ROLE)
            item.setToolTip(indicator_label(indicator, lang))
            self.results_model.appendRow(item)
        if not found:
            item = QStandardItem(_("No indicator matches “{query}”.").format(query=query))
            item.setEnabled(False)
            self.results_model.appendRow(item)

    def add_current(self) -> int:
        """Add what is highlighted: search results, or an atlas or chapter; how many new."""
        index = self.session.index
        if index is None:
            return 0
        if self.browse.currentWidget() is self.results:
            keys = [i.data(TARGET_ROLE) for i in self.results.selectionModel().selectedRows()]
            return self.session.add([k for k in keys if k])
        current = self.tree.currentIndex()
        target: Any = current.data(TARGET_ROLE) if current.isValid() else None
        if not target:
            return 0
        atlas_id, boxes = target
        return self.session.add(index.indicators([atlas_id], boxes))

    # ------------------------------------------------------------------ the chosen list

    def show_chosen(self) -> None:
        self.chosen_model.clear()
        if self.session.library is None:
            return
        lang = current_language()
        keys = self.session.keys
        chosen = self.session.indicators()
        if not keys:
            self.chosen_label.setText(
                _("Compared: every atlas, the main indicator of each result box ({count}).")
                .format(count=len(chosen))
            )  # fmt: skip
        else:
            self.chosen_label.setText(
                i18n.ngettext(
                    "Compared: {count} indicator.", "Compared: {count} indicators.", len(chosen)
                ).format(count=len(chosen))
            )
            for indicator in chosen:
                item = QStandardItem(indicator_label(indicator, lang))
                item.setEditable(False)
                item.setData(indicator.key, TARGET_ROLE)
                item.setToolTip(indicator_label(indicator, lang))
                self.chosen_model.appendRow(item)
        for button in (self.up_button, self.down_button, self.remove_button, self.all_button):
            button.setEnabled(bool(keys))

    def _selected_keys(self) -> list[str]:
        return [i.data(TARGET_ROLE) for i in self.chosen.selectionModel().selectedRows()]

    def _move(self, step: int) -> None:
        keys = self._selected_keys()
        if len(keys) != 1:
            return
        self.session.move(keys[0], step)
        row = self.session.keys.index(keys[0])
        self.chosen.setCurrentIndex(self.chosen_model.index(row, 0))

    def _remove(self) -> None:
        self.session.remove(self._selected_keys())
