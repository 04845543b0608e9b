"""The legend of the comparison's colours, and the spine of the area profile (a delegate).

The spine is painted by Qt in the profile table's last column, not drawn with matplotlib: the
same plan (:class:`~atlasviewer.core.compare.profile.ProfileRow`) drawn by
:func:`atlasviewer.render.profile_chart.draw_profile` took 17 s for the 240 indicators of every
atlas (a figure 87 inches tall), where a delegate paints only the visible rows (< 5 ms), and the
table's rows sort, scroll and click like the other views. The export and the copied picture
are the matplotlib figure.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

SPINE_ROLE = Qt.ItemDataRole.UserRole + 10
"""A profile row's :class:`~atlasviewer.core.compare.profile.ProfileRow` (the spine column)."""


class Legend(QWidget):
    """A row of coloured swatches with their names ("higher", "similar", …), a note below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._layout = QHBoxLayout()
        self._layout.setSpacing(12)
        self.title = QLabel(self)
        self._layout.addWidget(self.title)
        self._labels: list[QLabel] = []
        self._layout.addStretch(1)
        outer.addLayout(self._layout)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        outer.addWidget(self.note)

    def set_entries(self, title: str, entries: list[tuple[str, str]], marker: str = "") -> None:
        """Show ``entries`` (name, colour); ``marker`` adds a note for the merged-area mark."""
        for label in self._labels:  # gone now, not at the next turn of the event loop
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self._labels = []
        self.title.setText(title)
        at = 1
        for name, colour in entries:
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(
                f'<span style="background:{colour}; color:{colour};">&nbsp;&nbsp;&nbsp;&nbsp;'
                f"</span>&nbsp;{_escape(name)}"
            )
            self._layout.insertWidget(at, label)
            self._labels.append(label)
            at += 1
        self.note.setText(marker)
        self.note.setVisible(bool(marker))

    @property
    def texts(self) -> list[str]:
        """The legend's names as shown (for tests)."""
        return [label.text() for label in self._labels] + [self.note.text()]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SpineDelegate(QStyledItemDelegate):
    """Paints a profile row's spine: range bar, national line, the area's marker."""

    BAR = QColor("#C8C8C8")
    LINE = QColor("#333333")

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        style = option.widget.style() if option.widget is not None else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter)
        row: Any = index.data(SPINE_ROLE)
        if row is None or row.lowest_pos is None or row.highest_pos is None:
            return
        rect = QRectF(option.rect).adjusted(8, 3, -8, -3)
        x = lambda position: rect.left() + position * rect.width()  # noqa: E731
        height = rect.height()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(x(row.lowest_pos), rect.top() + height * 0.25, 0, height * 0.5)
        bar.setRight(x(row.highest_pos))
        painter.fillRect(bar, self.BAR)
        painter.setPen(QPen(self.LINE, 1.5))
        middle = x(0.5)
        painter.drawLine(QPointF(middle, rect.top()), QPointF(middle, rect.bottom()))
        if row.value_pos is not None:
            centre = QPointF(x(row.value_pos), rect.center().y())
            radius = min(6.0, height * 0.42)
            painter.setPen(QPen(self.LINE, 1))
            painter.setBrush(QBrush(QColor(row.colour)))
            if row.merged:
                painter.drawPolygon(
                    QPolygonF(
                        [
                            centre + QPointF(0, -radius),
                            centre + QPointF(radius, 0),
                            centre + QPointF(0, radius),
                            centre + QPointF(-radius, 0),
                        ]
                    )
                )
            else:
                painter.drawEllipse(centre, radius, radius)
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(220, 22)
