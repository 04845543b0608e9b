"""The Area profile: one area across the chosen indicators, as Fingertips' spine chart.

One row per indicator: its title (a click opens its result box), the atlas and period, the
area's value, the national value, the rank ("3 of 21"), the lowest and highest area value, the
spine (the range of all areas as a grey bar, the national value as a line in the middle, the
area's value as a dot in its significance colour; a diamond where the value is a merged
area's) and the significance in words. Rows sort by any column. The plan and the numbers come
from the core (:func:`atlasviewer.core.compare.profile.profile_plan`), as in the exported chart.
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

from atlasviewer.core.compare.cells import SIGNIFICANCE_COLOURS
from atlasviewer.core.compare.matrix import Comparison, atlas_title
from atlasviewer.core.compare.profile import ProfilePlan, profile_plan
from atlasviewer.core.compare.significance import (
    METHOD_LABELS,
    SIGNIFICANCE_CLASSES,
    SIGNIFICANCE_LABELS,
)
from atlasviewer.i18n import N_, _
from atlasviewer.qt import translation
from atlasviewer.qt.compare.legend import SPINE_ROLE, Legend, SpineDelegate
from atlasviewer.qt.compare.models import (
    INDICATOR_ROLE,
    Column,
    CompareSortProxy,
    FrameModel,
    Index,
)

COLUMNS = [
    Column("indicator", N_("Indicator")),
    Column("source", N_("Atlas")),
    Column("value", N_("Value"), "row"),
    Column("national", N_("National"), "row"),
    Column("rank_text", N_("Rank")),
    Column("lowest", N_("Lowest"), "row"),
    Column("highest", N_("Highest"), "row"),
    Column("spine", N_("Range of the areas, national value in the middle")),
]
INDICATOR_COLUMN = 0
SPINE_COLUMN = 7


class ProfileModel(FrameModel):
    """The profile frame's rows, with each row's spine plan and significance colour."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, self._tooltip_of, parent)
        self.plan: ProfilePlan | None = None

    def set_profile(self, frame: Any, plan: ProfilePlan, lang: str) -> None:
        self.plan = plan
        rows = {row.key: row for row in plan.rows}
        records = frame.to_dict("records")
        for record in records:
            row = rows.get(record["key"])
            record["spine_row"] = row
            record["spine"] = record["index"]
        self.beginResetModel()
        self.records = records
        self.lang = lang
        self.decorations = {
            r: SIGNIFICANCE_COLOURS[rec["significance"]] for r, rec in enumerate(records)
        }
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == SPINE_ROLE:
            return self.records[index.row()].get("spine_row")
        if index.column() == SPINE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            return ""
        if index.column() == INDICATOR_COLUMN:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#1a5fb4")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setUnderline(True)
                return font
        return super().data(index, role)

    def _tooltip_of(self, record: dict[str, Any]) -> str:
        lines = [record["indicator"], record["source"]]
        lines.append(
            _("Against national: {significance}").format(significance=record["significance_text"])
        )
        if record.get("unit"):
            lines.append(_("Unit: {unit}").format(unit=record["unit"]))
        lines.append(_(METHOD_LABELS[record["method"]]))
        if record.get("covers"):
            lines.append(_("Merged area: {covers}").format(covers=record["covers"]))
        lines.append(_("Click the title to open the result box."))
        return "\n".join(line for line in lines if line)


class ProfilePage(QWidget):
    """The area profile of one area.

    Signals:
        indicator_activated(str): An indicator's title was clicked (its key).
    """

    indicator_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.model = ProfileModel(self)
        self.proxy = CompareSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setItemDelegateForColumn(SPINE_COLUMN, SpineDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_activated)
        self.legend = Legend(self)
        self.credits = QLabel(self)
        self.credits.setWordWrap(True)
        self.credits.setStyleSheet("QLabel { color: #555555; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.credits)
        self.area_id = ""
        self._sized = False
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.view.setAccessibleName(_("Area profile"))
        entries = [(_(SIGNIFICANCE_LABELS[s]), SIGNIFICANCE_COLOURS[s]) for s in
                   SIGNIFICANCE_CLASSES]  # fmt: skip
        self.legend.set_entries(
            _("Against national:"), entries, _("◆ merged area: the value of a larger area")
        )

    @property
    def plan(self) -> ProfilePlan | None:
        return self.model.plan

    def show_profile(self, comparison: Comparison, area_id: str) -> None:
        """Show ``area_id``'s profile over the comparison's indicators."""
        self.area_id = area_id
        if not area_id:
            self.title.setText(_("Choose an area to see its profile."))
            self.model.set_frame(_empty_frame(), comparison.lang)
            return
        frame = comparison.profile(area_id)
        plan = profile_plan(comparison, area_id)
        lang = comparison.lang
        by_key = {i.key: i for i in comparison.indicators}
        frame["source"] = [
            f"{atlas_title(by_key[k], lang)}, {by_key[k].period}".strip(", ") for k in frame["key"]
        ]
        frame["rank_text"] = [
            _("{rank} of {n}").format(rank=int(r), n=int(n)) if r == r and r is not None else ""
            for r, n in zip(frame["rank"], frame["n"], strict=True)
        ]
        frame["significance_text"] = [_(SIGNIFICANCE_LABELS[s]) for s in frame["significance"]]
        self.model.set_profile(frame, plan, lang)
        self.title.setText(plan.title)
        self.credits.setText(plan.credits)
        if not self._sized:
            self._size_columns()

    def _size_columns(self) -> None:
        self._sized = True
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(INDICATOR_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 110)
        for column in range(2, SPINE_COLUMN):
            header.resizeSection(column, 64)
        header.resizeSection(SPINE_COLUMN, 150)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == INDICATOR_COLUMN:
            self._on_activated(index)

    def _on_activated(self, index: QModelIndex) -> None:
        key = self.proxy.index(index.row(), 0).data(INDICATOR_ROLE)
        if key:
            self.indicator_activated.emit(key)


def _empty_frame() -> Any:
    class _Empty:
        @staticmethod
        def to_dict(_orient: str) -> list[dict[str, Any]]:
            return []

    return _Empty()
