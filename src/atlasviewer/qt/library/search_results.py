"""The library while a search is typed: each matching atlas, and under it its boxes that matched.

The rows are one flat list model (an atlas row, then one row per matching result box) shown by
the card list in list mode, so that the arrow keys walk through atlases and boxes alike and
Enter or a click opens what is current: the atlas, or the box at its place. Matching is the
core's (:mod:`atlasviewer.core.library_search`); this module only lays the rows out and paints
a box row with its hit highlighted.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from atlasviewer.core.library_search import BoxHit, atlas_matches, atlas_texts, box_hits
from atlasviewer.core.model import Atlas
from atlasviewer.i18n import _

HIT_ROLE = Qt.ItemDataRole.UserRole + 4
"""A box row's :class:`BoxHit` (atlas rows have none)."""

HIGHLIGHT_COLOUR = "#fdd0a2"
"""Behind the typed word in a box row: the light end of the orange used for selection."""

ATLAS_ROW_HEIGHT = 64
HIT_ROW_HEIGHT = 46
HIT_INDENT = 28


class SearchResultsModel(QStandardItemModel):
    """Rows for a query: atlas rows (``atlas_role``) each followed by its matching box rows."""

    def __init__(self, atlas_role: int, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._atlas_role = atlas_role
        self._texts: dict[int, list[str]] = {}

    def forget_texts(self) -> None:
        """Drop the gathered search texts (the atlases were replaced)."""
        self._texts.clear()

    def fill(
        self, atlases: list[Atlas], query: str, lang: str, details: dict[str, tuple[int, str]]
    ) -> None:
        """The rows for ``query`` over ``atlases`` (in their order), boxes named in ``lang``.

        ``details`` gives an atlas row's (role, value) pair by atlas id: its card's details line.
        """
        self.clear()
        for atlas in atlases:
            texts = self._texts.get(id(atlas))
            if texts is None:
                texts = self._texts[id(atlas)] = atlas_texts(atlas)
            if not atlas_matches(atlas, query, texts):
                continue
            item = QStandardItem()
            item.setEditable(False)
            item.setData(atlas, self._atlas_role)
            item.setData(atlas.title(lang), Qt.ItemDataRole.AccessibleTextRole)
            if atlas.id in details:
                item.setData(details[atlas.id][1], details[atlas.id][0])
            self.appendRow(item)
            for hit in box_hits(atlas, query, lang):
                row = QStandardItem()
                row.setEditable(False)
                row.setData(atlas, self._atlas_role)
                row.setData(hit, HIT_ROLE)
                label = _("Result box {number}: {title}").format(number=hit.number, title=hit.title)
                row.setData(label + "\n" + hit.excerpt, Qt.ItemDataRole.ToolTipRole)
                row.setData(label, Qt.ItemDataRole.AccessibleTextRole)
                self.appendRow(row)

    def atlas_rows(self) -> list[int]:
        """The rows that are atlases (not boxes)."""
        return [r for r in range(self.rowCount()) if self.index(r, 0).data(HIT_ROLE) is None]


def row_size(index: QModelIndex | QPersistentModelIndex, width: int) -> QSize:
    """The size of a search-result row in a list ``width`` wide."""
    hit = index.data(HIT_ROLE)
    return QSize(max(width - 8, 200), HIT_ROW_HEIGHT if hit is not None else ATLAS_ROW_HEIGHT)


def paint_hit_row(painter: QPainter, option: QStyleOptionViewItem, hit: BoxHit) -> None:
    """A box row: "Result box N: title" and the excerpt, the typed word highlighted."""
    palette = option.palette  # type: ignore[attr-defined]
    rect: QRect = option.rect.adjusted(HIT_INDENT, 2, -8, -2)  # type: ignore[attr-defined]
    state = option.state  # type: ignore[attr-defined]
    painter.save()
    if state & QStyle.StateFlag.State_Selected:
        painter.fillRect(rect, palette.alternateBase())
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        pen = painter.pen()
        pen.setColor(QColor("#e6550d"))
        pen.setWidth(3 if focused else 1)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(1, 1, -2, -2))
    font = QFont(option.font)  # type: ignore[attr-defined]
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(palette.text().color())
    metrics = painter.fontMetrics()
    label = _("Result box {number}: {title}").format(number=hit.number, title=hit.title)
    line = QRect(rect.left() + 8, rect.top() + 3, rect.width() - 16, metrics.height())
    painter.drawText(
        line,
        Qt.AlignmentFlag.AlignLeft,
        metrics.elidedText(label, Qt.TextElideMode.ElideRight, line.width()),
    )
    painter.setFont(option.font)  # type: ignore[attr-defined]
    metrics = painter.fontMetrics()
    line = QRect(line.left(), line.bottom() + 2, line.width(), metrics.height())
    before = hit.excerpt[: hit.hit.start]
    word = hit.excerpt[hit.hit.start : hit.hit.end]
    after = hit.excerpt[hit.hit.end :]
    x = line.left()
    left = line.right()
    for part, marked in ((before, False), (word, True), (after, False)):
        if not part or x >= left:
            continue
        shown = metrics.elidedText(part, Qt.TextElideMode.ElideRight, left - x)
        width = metrics.horizontalAdvance(shown)
        if marked:
            painter.fillRect(QRect(x, line.top(), width, line.height()), QColor(HIGHLIGHT_COLOUR))
            painter.setPen(palette.text().color())
        else:
            painter.setPen(palette.placeholderText().color())
        painter.drawText(
            QRect(x, line.top(), width + 1, line.height()), Qt.AlignmentFlag.AlignLeft, shown
        )
        x += width
    painter.restore()
