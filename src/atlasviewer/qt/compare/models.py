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
"""1 on the national row (which stays last whatever the sort), else None."""

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
        self.selected: frozenset[str] = frozenset()
        self._areas: list[str] = []
        self._keys: list[str] = []
        self._cells: dict[tuple[str, str], Cell] = {}
        self._values: dict[tuple[str, str], float | None] = {}
        self._headers: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._indicators: dict[str, Any] = {}
        self._texts: dict[tuple[str, str], str] = {}
        self._wrapped: dict[str, str] = {}

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
        # A measure other than the box's headline by its own label ("Private røntgeninstitutt"),
        # which the box title before it would push out of the wrapped header.
        self._headers = {
            i.key: f"{i.title(comparison.lang) if i.headline else i.label(comparison.lang)} "
            f"({i.atlas_id}, {i.box})"
            for i in comparison.indicators
        }
        self._names = {a: comparison.area_name(a) for a in self._areas}
        self._indicators = {i.key: i for i in comparison.indicators}
        self._texts = {}
        self._wrapped = {}
        self.endResetModel()

    def set_colour_mode(self, mode: str) -> None:
        self.colour_mode = mode
        self._repaint()

    def set_my_area(self, area_id: str) -> None:
        self.my_area = area_id
        self._repaint()

    def set_selected(self, keys: frozenset[str]) -> None:
        """Mark the areas selected in the app's state (a pointer and bold figures).

        Marked in the model, not as the view's selection, which would paint over the colours.
        """
        self.selected = frozenset(keys)
        self._repaint()

    def _bold_area(self, area: str) -> bool:
        return area in (NATIONAL, self.my_area) or area in self.selected

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
                marked = role == Qt.ItemDataRole.DisplayRole and name in self.selected
                return ("▶ " if marked else "") + self._names.get(name, name)
            header = self._headers.get(name, name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return header + "\n" + _("Double-click a cell to open its result box.")
            if name not in self._wrapped:  # a row header (transposed) is one line
                vertical = orientation == Qt.Orientation.Vertical
                self._wrapped[name] = _one_line(header) if vertical else _wrap(header)
            return self._wrapped[name]
        if role == Qt.ItemDataRole.FontRole and areas_here and self._bold_area(name):
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
        if role == NATIONAL_ROLE:  # 1 or None: a bool handed to Qt here can lose a reference
            return 1 if area == NATIONAL and not self.transposed else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        indicator = self._indicators.get(key)
        cell = self._cells.get((area, key))
        if indicator is None:
            return None
        lang = self.comparison.lang if self.comparison else "en"
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts.get((area, key))
            if text is None:  # formatting (babel) is the dearest part of a paint: once a cell
                if area == NATIONAL:
                    text = format_number(self._values.get((area, key)), indicator.format, lang)
                else:
                    text = cell_text(cell, indicator, lang) if cell is not None else ""
                self._texts[(area, key)] = text
            return text
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
        if role == Qt.ItemDataRole.FontRole and self._bold_area(area):
            return _bold()
        return None


def _one_line(text: str, width: int = 44) -> str:
    import textwrap

    return textwrap.shorten(text, width, placeholder="…")


def _wrap(text: str, width: int = 15) -> str:
    import textwrap

    lines = textwrap.wrap(text, width=width, break_long_words=False) or [text]
    if len(lines) > 5:
        lines = [*lines[:4], textwrap.shorten(" ".join(lines[4:]), width, placeholder="…")]
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
        self._texts: dict[tuple[int, int], str] = {}

    def set_frame(self, frame: Any, lang: str) -> None:
        """Show the rows of ``frame`` (a pandas ``DataFrame``)."""
        self.set_records(frame.to_dict("records"), lang)

    def set_records(self, records: list[dict[str, Any]], lang: str) -> None:
        """Show ``records`` (a frame's rows as dicts)."""
        self.beginResetModel()
        self.records = records
        self.lang = lang
        self._texts = {}
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
            if not column.number:
                return str(value)
            place = (index.row(), index.column())
            text = self._texts.get(place)
            if text is None:
                spec = record.get("format", "") if column.number == "row" else column.number
                text = self._texts[place] = format_number(value, spec, self.lang)
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.number else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            colour = self.decorations.get(index.row())
            return QColor(colour) if colour else None
        return None
