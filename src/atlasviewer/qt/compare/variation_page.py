"""The Variation overview: per indicator, how much the areas of its analysis differ.

Highest / lowest (the ratio and its areas), the same ratio without the two extreme areas, the
coefficient of variation and the systematic component of variation (SCV) with the areas it is
over, from :meth:`atlasviewer.core.compare.matrix.Comparison.variation` (methods in
``docs/statistics.md``). Sorted by the ratio, highest first; a click on a header sorts by that
column ("where is the most variation?"), a click on an indicator's title opens its result box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atlasviewer.core.compare.matrix import Comparison, atlas_title
from atlasviewer.i18n import N_, _
from atlasviewer.qt import translation
from atlasviewer.qt.compare.models import (
    INDICATOR_ROLE,
    Column,
    FrameModel,
    Index,
)
from atlasviewer.qt.compare.sorting import CompareSortProxy

COLUMNS = [
    Column("indicator", N_("Indicator")),
    Column("source", N_("Atlas")),
    Column("ratio", N_("Highest / lowest"), ".2f"),
    Column("ratio_inner", N_("Second highest / second lowest"), ".2f"),
    Column("cv", N_("Coefficient of variation"), ".1%"),
    Column("scv", N_("SCV × 100"), ".1f"),
    Column("scv_areas", N_("Areas in SCV"), "d"),
    Column("n", N_("Areas"), "d"),
    Column("highest_area", N_("Highest area")),
    Column("highest", N_("Highest"), "row"),
    Column("lowest_area", N_("Lowest area")),
    Column("lowest", N_("Lowest"), "row"),
]
RATIO_COLUMN = 2


class VariationModel(FrameModel):
    """The variation frame's rows; the indicator column reads as a link."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#1a5fb4")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setUnderline(True)
                return font
        return super().data(index, role)


def _tooltip(record: dict[str, Any]) -> str:
    lines = [record["indicator"], record["source"]]
    if record.get("scv") is None or record.get("scv") != record.get("scv"):
        lines.append(_("SCV: not computed (no counts behind the rates)"))
    lines.append(_("Click the title to open the result box."))
    return "\n".join(lines)


class VariationPage(QWidget):
    """The variation overview table.

    Signals:
        indicator_activated(str): An indicator's title was clicked (its key).
    """

    indicator_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = VariationModel(COLUMNS, _tooltip, self)
        self.proxy = CompareSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(RATIO_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self._sized = False
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.view.setAccessibleName(_("Variation overview"))
        self.note.setText(
            _(
                "How much each indicator varies between the areas of its analysis. Click a "
                "column header to sort, e.g. by highest / lowest: where is the most variation?"
            )
        )

    def show_comparison(self, comparison: Comparison) -> None:
        frame = comparison.variation(sort_by="")
        by_key = {i.key: i for i in comparison.indicators}
        lang = comparison.lang
        frame["source"] = [
            f"{atlas_title(by_key[k], lang)}, {by_key[k].period}".strip(", ") for k in frame["key"]
        ] if len(frame) else []  # fmt: skip
        if len(frame):  # no SCV: no count of areas in it either
            frame["scv_areas"] = [
                n if s == s and s is not None else None
                for n, s in zip(frame["scv_areas"], frame["scv"], strict=True)
            ]
        self.model.set_frame(frame, lang)
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        if not self._sized:
            self._sized = True
            header = self.view.horizontalHeader()
            header.resizeSection(0, 220)
            header.resizeSection(1, 110)
            for column in range(2, len(COLUMNS)):  # as wide as the header or the figures
                self.view.resizeColumnToContents(column)
                header.resizeSection(column, min(header.sectionSize(column), 140))

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> None:
        self.view.horizontalHeader().setSortIndicator(column, order)  # sorts, once

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == 0:
            self._on_activated(index)

    def _on_activated(self, index: QModelIndex) -> None:
        key = self.proxy.index(index.row(), 0).data(INDICATOR_ROLE)
        if key:
            self.indicator_activated.emit(key)
