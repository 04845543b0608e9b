"""The Table view: areas x indicators (or transposed), coloured by significance or index band.

Headers stay in place while the cells scroll (Qt's header views: the area names are the row
headers, the indicator titles the column headers). A click on a column header sorts by it
(numbers as numbers, empty cells and the national row last); a click on a cell or an area name
selects that area in the app's state; a double click on a cell opens its indicator's result
box. Merged-area cells carry a star and say whose value they show in their tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atlasviewer.core.compare.cells import INDEX_BANDS, SIGNIFICANCE_COLOURS
from atlasviewer.core.compare.matrix import NATIONAL, Comparison
from atlasviewer.core.compare.significance import SIGNIFICANCE_CLASSES, SIGNIFICANCE_LABELS
from atlasviewer.core.compare.texts import MERGED_SUFFIX
from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.compare.legend import Legend
from atlasviewer.qt.compare.models import (
    AREA_ROLE,
    COLOUR_INDEX,
    COLOUR_SIGNIFICANCE,
    INDICATOR_ROLE,
    CellTableModel,
)
from atlasviewer.qt.compare.sorting import CompareSortProxy


class TablePage(QWidget):
    """The comparison table with its colour choice, transpose switch and legend.

    Signals:
        area_clicked(str): An area (registry id) was clicked.
        indicator_activated(str): A cell was double-clicked: open its indicator (key).
    """

    area_clicked = Signal(str)
    indicator_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CellTableModel(self)
        self.proxy = CompareSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(130)
        self.view.horizontalHeader().setSectionsClickable(True)
        self.view.verticalHeader().setSectionsClickable(True)
        self.view.verticalHeader().sectionClicked.connect(self._on_row_header)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.clicked.connect(self._on_clicked)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.colour_label = QLabel(self)
        self.colour_combo = QComboBox(self)
        self.colour_label.setBuddy(self.colour_combo)
        self.colour_combo.activated.connect(self._on_colour)
        self.transpose_box = QCheckBox(self)
        self.transpose_box.toggled.connect(self._on_transpose)
        self.legend = Legend(self)
        top = QHBoxLayout()
        top.addWidget(self.colour_label)
        top.addWidget(self.colour_combo)
        top.addSpacing(12)
        top.addWidget(self.transpose_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self._comparison: Comparison | None = None
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.colour_label.setText(_("Colour by:"))
        mode = self.model.colour_mode
        self.colour_combo.clear()
        self.colour_combo.addItem(_("significance against national"), COLOUR_SIGNIFICANCE)
        self.colour_combo.addItem(_("index band (Norway = 100)"), COLOUR_INDEX)
        self.colour_combo.setCurrentIndex(max(0, self.colour_combo.findData(mode)))
        self.transpose_box.setText(_("Indicators as rows"))
        self.transpose_box.setToolTip(_("Swap rows and columns: indicators down, areas across"))
        self.view.setAccessibleName(_("Comparison table"))
        self._show_legend()

    def show_comparison(self, comparison: Comparison) -> None:
        """Show ``comparison``; the sort column is kept while it is still there."""
        self._comparison = comparison
        header = self.view.horizontalHeader()
        section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.model.set_comparison(comparison, self.transpose_box.isChecked())
        if 0 <= section < self.proxy.columnCount():
            self.proxy.sort(section, order)
        else:
            self.view.horizontalHeader().setSortIndicator(-1, order)
            self.proxy.sort(-1)
        self._show_legend()

    def set_my_area(self, area_id: str) -> None:
        self.model.set_my_area(area_id)

    def show_selection(self, keys: frozenset[str]) -> None:
        """Mark the rows (or columns) of the selected areas, and scroll the first into view."""
        self.model.set_selected(keys)
        self.view.clearSelection()
        if not keys or self.model.transposed or not self.isVisible():
            return
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(AREA_ROLE) in keys:
                # Scrolled only when out of sight (scrollTo lays out all the columns: ~60 ms).
                y = self.view.rowViewportPosition(row)
                if not 0 <= y < self.view.viewport().height() - self.view.rowHeight(row):
                    self.view.verticalScrollBar().setValue(max(0, row - 3))
                return

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> None:
        """Sort the rows by the view's ``column`` (as a click on its header does)."""
        self.view.horizontalHeader().setSortIndicator(column, order)  # sorts, once

    def _show_legend(self) -> None:
        marker = _("{star} merged area: the value of the merged area it is part of").format(
            star=MERGED_SUFFIX.strip()
        )
        if self.model.colour_mode == COLOUR_INDEX:
            entries = [(_(name), colour) for name, colour in INDEX_BANDS]
            self.legend.set_entries(_("Index (Norway = 100):"), entries, marker)
        else:
            entries = [(_(SIGNIFICANCE_LABELS[s]), SIGNIFICANCE_COLOURS[s]) for s in
                       SIGNIFICANCE_CLASSES]  # fmt: skip
            self.legend.set_entries(_("Against national:"), entries, marker)

    def _on_colour(self, index: int) -> None:
        self.model.set_colour_mode(self.colour_combo.itemData(index))
        self._show_legend()

    def _on_transpose(self, _checked: bool) -> None:
        if self._comparison is not None:
            self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.show_comparison(self._comparison)

    def _on_row_header(self, section: int) -> None:
        area = self.proxy.headerData(section, Qt.Orientation.Vertical, AREA_ROLE)
        if area and area != NATIONAL:
            self.area_clicked.emit(area)
        key = self.proxy.headerData(section, Qt.Orientation.Vertical, INDICATOR_ROLE)
        if key:
            self.indicator_activated.emit(key)

    def _on_clicked(self, index: QModelIndex) -> None:
        area = index.data(AREA_ROLE)
        if area and area != NATIONAL:
            self.area_clicked.emit(area)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        key = index.data(INDICATOR_ROLE)
        if key:
            self.indicator_activated.emit(key)
