"""The Area profile: one area across the chosen indicators, as Fingertips' spine chart.

One row per indicator: its title (a click opens its result box), the atlas and period, the
area's value, the national value, the rank ("3 of 21"), the lowest and highest area value, the
spine (the range of all areas as a grey bar, the national value as a line in the middle, the
area's value as a dot in its significance colour; a diamond where the value is a merged
area's); the significance in words is in the row's tooltip. Rows sort by any column. Cells,
ranks and intervals are the core's, the spine positions its rule
(:func:`atlasviewer.core.compare.profile.profile_plan`), as in the exported chart.
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

from atlasviewer.core.compare.areas import MERGED, PARTIAL
from atlasviewer.core.compare.cells import SIGNIFICANCE_COLOURS
from atlasviewer.core.compare.matrix import Comparison, atlas_title
from atlasviewer.core.compare.profile import ProfileRow, _position
from atlasviewer.core.compare.significance import (
    METHOD_LABELS,
    NO_INTERVAL,
    NOT_COMPARED,
    SIGNIFICANCE_CLASSES,
    SIGNIFICANCE_LABELS,
)
from atlasviewer.i18n import N_, _
from atlasviewer.qt import translation
from atlasviewer.qt.compare.legend import SPINE_ROLE, Legend, SpineDelegate
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
    """One area's rows: the indicator's figures, the spine plan and significance colour."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, self._tooltip_of, parent)

    def set_profile(self, records: list[dict[str, Any]], lang: str) -> None:
        self.decorations = {
            r: SIGNIFICANCE_COLOURS[rec["significance"]] for r, rec in enumerate(records)
        }
        self.set_records(records, lang)

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
        self._ranges: tuple[Comparison | None, dict[str, Range]] = (None, {})
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.view.setAccessibleName(_("Area profile"))
        entries = [(_(SIGNIFICANCE_LABELS[s]), SIGNIFICANCE_COLOURS[s]) for s in
                   SIGNIFICANCE_CLASSES]  # fmt: skip
        self.legend.set_entries(
            _("Against national:"), entries, _("◆ merged area: the value of a larger area")
        )

    def show_profile(self, comparison: Comparison, area_id: str) -> None:
        """Show ``area_id``'s profile over the comparison's indicators."""
        self.area_id = area_id
        lang = comparison.lang
        if not area_id:
            self.title.setText(_("Choose an area to see its profile."))
            self.model.set_profile([], lang)
            return
        if self._ranges[0] is not comparison:
            self._ranges = (comparison, indicator_ranges(comparison))
        self.model.set_profile(profile_records(comparison, area_id, self._ranges[1]), lang)
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        self.title.setText(
            _("{area} against the national value").format(area=comparison.area_name(area_id))
        )
        producers = dict.fromkeys(i.producer for i in comparison.indicators if i.producer)
        self.credits.setText(
            _("Source: {producers}. Significance from 95 % intervals.").format(
                producers=", ".join(producers)
            )
        )
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


Range = tuple[float | None, float | None, float | None]
"""An indicator's (national, lowest, highest) value over the areas of its analysis."""


def indicator_ranges(comparison: Comparison) -> dict[str, Range]:
    """Per indicator key: national value, lowest and highest area value (area-independent)."""
    ranges: dict[str, Range] = {}
    for indicator in comparison.indicators:
        values = indicator.values()
        present = list(values.values().values())
        ranges[indicator.key] = (
            values.national,
            min(present) if present else None,
            max(present) if present else None,
        )
    return ranges


def profile_records(
    comparison: Comparison, area_id: str, ranges: dict[str, Range]
) -> list[dict[str, Any]]:
    """The profile's rows of ``area_id``, one per indicator, with each row's spine plan.

    The figures of :meth:`Comparison.profile` and the spine positions of
    :func:`~atlasviewer.core.compare.profile.profile_plan` (the same ``_position`` rule), made
    without pandas and without formatting every number: those two took ~130 ms for the 377
    indicators of every atlas, where a change of area has 50 ms; the model formats the rows
    it paints.
    """
    lang = comparison.lang
    cells = {c.indicator: c for c in comparison.cells() if c.area == area_id}
    records: list[dict[str, Any]] = []
    for indicator in comparison.indicators:
        key = indicator.key
        cell = cells.get(key)
        national, low, high = ranges[key]
        value = cell.value if cell is not None else None
        significance = cell.significance if cell is not None and value is not None else (
            NOT_COMPARED
        )  # fmt: skip
        positions: tuple[float | None, ...] = (None, None, None)
        if national is not None and low is not None and high is not None:
            half = max(high - national, national - low)
            positions = tuple(_position(v, national, half) for v in (low, high, value))
        merged = cell is not None and cell.mark in (MERGED, PARTIAL)
        spine = ProfileRow(
            key=key, label="", atlas="", period="", value_text="", national_text="",
            lowest_text="", highest_text="", significance=significance,
            colour=SIGNIFICANCE_COLOURS[significance], merged=merged,
            lowest_pos=positions[0], highest_pos=positions[1], value_pos=positions[2],
        )  # fmt: skip
        rank = cell.rank if cell is not None else None
        records.append(
            {
                "key": key,
                "atlas": indicator.atlas_id,
                "box": indicator.box,
                "indicator": indicator.title(lang),
                "source": f"{atlas_title(indicator, lang)}, {indicator.period}".strip(", "),
                "unit": indicator.unit(lang),
                "format": indicator.format,
                "value": value,
                "national": national,
                "lowest": low,
                "highest": high,
                "rank": rank,
                "rank_text": _("{rank} of {n}").format(rank=rank, n=cell.n)
                if rank and cell
                else "",
                "significance": significance,
                "significance_text": _(SIGNIFICANCE_LABELS[significance]),
                "method": cell.method if cell is not None else NO_INTERVAL,
                "covers": cell.covers if merged and cell is not None else "",
                "spine": cell.index if cell is not None else None,
                "spine_row": spine,
            }
        )
    return records
