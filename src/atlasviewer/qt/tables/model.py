"""A table model over a :class:`~atlasviewer.core.plans.TablePlan`, sortable through a proxy."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from atlasviewer.core.plans import TablePlan
from atlasviewer.core.records import is_missing
from atlasviewer.i18n import _

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value of a cell (number or text), for sorting."""

AREA_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The area name of the row (as the data writes it), for linked selection."""

REGION_ROLE = Qt.ItemDataRole.UserRole + 3
"""True for a region row: a reference listed after the areas, not ranked with them."""

REGION_BACKGROUND = QColor("#e9edf2")
"""Region rows on slate grey, as their bars are drawn: set apart from the areas."""

AREA_COLUMN = 0
"""The first column names the row's area; the others are the plan's value columns."""

HEADER_LINE_CHARS = 14
"""Column headers wrap at about this many characters, so long labels do not widen the table."""

Index = QModelIndex | QPersistentModelIndex

_DIGIT_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d)")


def wrap_header(label: str, width: int = HEADER_LINE_CHARS) -> str:
    """``label`` broken into lines of about ``width`` characters, at spaces only.

    Digit groups ("100 000") and single words stay whole; a word longer than ``width`` gets a
    line of its own. The header view sizes the column and the header height from these lines.
    """
    protected = _DIGIT_GROUP_SPACE.sub("\u00a0", label)
    lines = textwrap.wrap(protected, width=width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines).replace("\u00a0", " ") if lines else label


class TablePlanModel(QAbstractTableModel):
    """Rows are the plan's areas (the national row too); columns are the plan's columns."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: TablePlan | None = None

    @property
    def plan(self) -> TablePlan | None:
        return self._plan

    def set_plan(self, plan: TablePlan | None) -> None:
        """Show another plan. Labels of the same shape update in place (see :meth:`relabel`)."""
        self.beginResetModel()
        self._plan = plan
        self.endResetModel()

    def relabel(self, plan: TablePlan) -> None:
        """Take the texts of ``plan`` (same table in another language) without a reset.

        Sorting and the view's selection survive; headers and cells repaint.
        """
        old = self._plan
        if old is None or len(old.columns) != len(plan.columns) or old.row_keys != plan.row_keys:
            self.set_plan(plan)
            return
        self._plan = plan
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def row_key(self, row: int) -> str:
        assert self._plan is not None
        return self._plan.row_keys[row]

    def is_region_row(self, row: int) -> bool:
        return self._plan is not None and row in self._plan.region_rows

    def rows_of(self, keys: set[str] | frozenset[str]) -> list[int]:
        if self._plan is None:
            return []
        return [row for row, key in enumerate(self._plan.row_keys) if key in keys]

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._plan is None:
            return 0
        return len(self._plan.row_keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._plan is None:
            return 0
        return len(self._plan.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._plan is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self._plan.columns):
            return None
        column = self._plan.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return wrap_header(column.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.label
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._plan is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        plan = self._plan
        if role == Qt.ItemDataRole.DisplayRole:
            return plan.texts[row][col]
        if role == SORT_ROLE:
            value = plan.values[row][col]
            if is_missing(value):
                # Missing values sort below every number.
                return float("-inf") if plan.columns[col].numeric else ""
            return value
        if role == AREA_KEY_ROLE:
            return plan.row_keys[row]
        if role == REGION_ROLE:
            return row in plan.region_rows
        if row in plan.region_rows:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(REGION_BACKGROUND)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("A health region: shown for reference after the areas, not ranked.")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight
                if plan.columns[col].numeric
                else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row == plan.national_row:
            font = QFont()
            font.setBold(True)
            return font
        return None


class TableSortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`; numbers as numbers, text case-insensitively.

    Region rows stay after the areas in either order: they are references, not ranked.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        left_region, right_region = bool(left.data(REGION_ROLE)), bool(right.data(REGION_ROLE))
        if left_region != right_region:
            # Qt reverses the answer for a descending sort; answer so regions come last anyway.
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return left_region if descending else right_region
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, int | float) and isinstance(b, int | float):
            return a < b
        return str(a).casefold() < str(b).casefold()
