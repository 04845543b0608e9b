"""Table models of the comparison: areas x indicators, and a model over a view's frame.

Both are :class:`QAbstractTableModel` over the core's pandas frames (read into plain rows once,
so that painting never goes back into pandas), with the raw number in :data:`SORT_ROLE` for a
:class:`CompareSortProxy`, which sorts numbers as numbers, empty cells last and the national
row last in either order. Texts, tooltips and colours come from the core
(:mod:`atlasviewer.core.compare.texts`, ``SIGNIFICANCE_COLOURS`` and ``INDEX_BANDS`` of
:mod:`atlasviewer.core.compare.cells`), so the pane shows what the export writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from atlasviewer.core.compare.cells import (
    INDEX_BANDS,
    SIGNIFICANCE_COLOURS,
    Cell,
    index_band,
)
from atlasviewer.core.compare.matrix import NATIONAL, Comparison
from atlasviewer.core.compare.texts import cell_text, cell_tooltip
from atlasviewer.core.formatting import format_number
from atlasviewer.i18n import _

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value of a cell (a number, a text, or None when empty), for sorting."""
AREA_ROLE = Qt.ItemDataRole.UserRole + 2
"""The registry id of the cell's area (``"national"`` for the national row)."""
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 3
"""The key of the cell's indicator."""
NATIONAL_ROLE = Qt.ItemDataRole.UserRole + 4
"""True on the national row, which stays last whatever the sort."""

COLOUR_SIGNIFICANCE, COLOUR_INDEX, COLOUR_NONE = "significance", "index", "none"

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def cell_colour(cell: Cell | None, mode: str) -> str | None:
    """The fill of a cell: by its significance, by its index band, or none."""
    if cell is None or cell.empty or mode == COLOUR_NONE:
        return None
    if mode == COLOUR_INDEX:
        band = index_band(cell.index)
        return None if band is None else INDEX_BANDS[band][1]
    return SIGNIFICANCE_COLOURS[cell.significance]


class CellTableModel(QAbstractTableModel):
    """Areas (and the national row) x indicators, or transposed; one :class:`Cell` a cell."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.transposed = False
        self.colour_mode = COLOUR_SIGNIFICANCE
        self.my_area = ""
        self._areas: list[str] = []
        self._keys: list[str] = []
        self._cells: dict[tuple[str, str], Cell] = {}
        self._values: dict[tuple[str, str], float | None] = {}
        self._headers: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._indicators: dict[str, Any] = {}

    def set_comparison(self, comparison: Comparison, transposed: bool = False) -> None:
        """Show ``comparison`` (areas as rows, or as columns when ``transposed``)."""
        self.beginResetModel()
        self.comparison = comparison
        self.transposed = transposed
        table = comparison.table("value")  # the pandas frame: areas (and national) x keys
        self._areas = [str(a) for a in table.index]
        self._keys = [str(k) for k in table.columns]
        columns = table.to_dict("list")
        self._values = {
            (area, key): (None if v != v else float(v))
            for key, values in columns.items()
            for area, v in zip(self._areas, values, strict=True)
        }
        self._cells = {(c.area, c.indicator): c for c in comparison.cells()}
        self._headers = comparison.headers()
        self._names = {a: comparison.area_name(a) for a in self._areas}
        self._indicators = {i.key: i for i in comparison.indicators}
        self.endResetModel()

    def set_colour_mode(self, mode: str) -> None:
        self.colour_mode = mode
        self._repaint()

    def set_my_area(self, area_id: str) -> None:
        self.my_area = area_id
        self._repaint()

    def _repaint(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
        if self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def place(self, row: int, column: int) -> tuple[str, str]:
        """The (area id, indicator key) of a cell."""
        if self.transposed:
            return self._areas[column], self._keys[row]
        return self._areas[row], self._keys[column]

    def area_rows(self) -> list[str]:
        return list(self._areas)

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        return len(self._keys) if self.transposed else len(self._areas)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        return len(self._areas) if self.transposed else len(self._keys)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        areas_here = (orientation == Qt.Orientation.Vertical) != self.transposed
        names = self._areas if areas_here else self._keys
        if not 0 <= section < len(names):
            return None
        name = names[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if areas_here:
                return self._names.get(name, name)
            header = self._headers.get(name, name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return header + "\n" + _("Double-click a cell to open its result box.")
            return _wrap(header)
        if role == Qt.ItemDataRole.FontRole and areas_here and name in (NATIONAL, self.my_area):
            return _bold()
        if role == AREA_ROLE and areas_here:
            return name
        if role == INDICATOR_ROLE and not areas_here:
            return name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        area, key = self.place(index.row(), index.column())
        if role == SORT_ROLE:
            return self._values.get((area, key))
        if role == AREA_ROLE:
            return area
        if role == INDICATOR_ROLE:
            return key
        if role == NATIONAL_ROLE:
            return area == NATIONAL and not self.transposed
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        indicator = self._indicators.get(key)
        cell = self._cells.get((area, key))
        if indicator is None:
            return None
        lang = self.comparison.lang if self.comparison else "en"
        if role == Qt.ItemDataRole.DisplayRole:
            if area == NATIONAL:
                return format_number(self._values.get((area, key)), indicator.format, lang)
            return cell_text(cell, indicator, lang) if cell is not None else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = cell_colour(cell, self.colour_mode)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and cell_colour(cell, self.colour_mode):
            return QBrush(QColor("#000000"))  # the fills are light: black reads in dark themes
        if role == Qt.ItemDataRole.ToolTipRole and self.comparison is not None:
            if area == NATIONAL:
                value = format_number(self._values.get((area, key)), indicator.format, lang)
                return f"{self._names.get(area, area)} · {indicator.title(lang)}\n{value}"
            if cell is not None:
                return cell_tooltip(cell, indicator, self.comparison.registry, lang)
        if role == Qt.ItemDataRole.FontRole and area in (NATIONAL, self.my_area):
            return _bold()
        return None


def _wrap(text: str, width: int = 18) -> str:
    import textwrap

    lines = textwrap.wrap(text, width=width, break_long_words=False) or [text]
    if len(lines) > 4:
        lines = [*lines[:3], textwrap.shorten(" ".join(lines[3:]), width, placeholder="…")]
    return "\n".join(lines)


@dataclass(frozen=True)
class Column:
    """One column of a :class:`FrameModel`.

    Attributes:
        field: The frame's column.
        header: Its header (a message id, translated when shown).
        number: How a number is shown: ``"row"`` (the row's own d3 format), a d3 format
            (``".2f"``), or ``""`` for a text column.
    """

    field: str
    header: str
    number: str = ""


class FrameModel(QAbstractTableModel):
    """The rows of a pandas frame (a view of the comparison), with chosen columns.

    Args:
        columns: The columns shown.
        tooltip: Builds a row's tooltip from its record (optional).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        tooltip: Callable[[dict[str, Any]], str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[dict[str, Any]] = []
        self.lang = "en"
        self._tooltip = tooltip
        self.decorations: dict[int, str] = {}
        """Row -> a colour for the first column's swatch (a significance class)."""

    def set_frame(self, frame: Any, lang: str) -> None:
        """Show the rows of ``frame`` (a pandas ``DataFrame``)."""
        self.beginResetModel()
        self.records = frame.to_dict("records")
        self.lang = lang
        self.endResetModel()

    def record(self, row: int) -> dict[str, Any]:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _wrap(_(column.header), 14) if column.header else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.number else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        value = record.get(column.field)
        missing = value is None or (isinstance(value, float) and value != value)
        if role == SORT_ROLE:
            return None if missing else value
        if role == INDICATOR_ROLE:
            return record.get("key")
        if role == Qt.ItemDataRole.DisplayRole:
            if missing:
                return ""
            if column.number:
                spec = record.get("format", "") if column.number == "row" else column.number
                return format_number(value, spec, self.lang)
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.number else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            colour = self.decorations.get(index.row())
            return QColor(colour) if colour else None
        return None


class CompareSortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`, the national row and empty cells last in either order.

    Numbers sort as numbers, texts casefolded.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        last = self.sortOrder() == Qt.SortOrder.DescendingOrder
        left_national, right_national = left.data(NATIONAL_ROLE), right.data(NATIONAL_ROLE)
        if left_national or right_national:
            return bool(left_national) == last and not (left_national and right_national)
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return (a is None) == last and not (a is None and b is None)
        if isinstance(a, int | float) and isinstance(b, int | float):
            return a < b
        return str(a).casefold() < str(b).casefold()
