"""The map's legend and credit line: classes with their colours, the national value, sources.

Painted with a QPainter by :class:`LegendPainter`, the same on screen (the map widget's legend
overlay), in exports and in print (:mod:`~.layout`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)

from atlasviewer.core.plans import NO_DATA_COLOUR, LegendEntry, MapPlan
from atlasviewer.i18n import _
from atlasviewer.qt.map.scene import HATCH_COLOUR

LEGEND_FONT_PX = 14
"""Legend text: 14 px is 10.5 pt at 100 %, readable on a projector."""


TEXT_COLOUR = QColor("#222222")


def pixel_font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def is_no_data_entry(entry: LegendEntry) -> bool:
    """The plan's no-data legend entry: grey, without a range."""
    return entry.lower is None and entry.upper is None and entry.colour.lower() == NO_DATA_COLOUR


def national_line(plan: MapPlan) -> str:
    """``Norway: 345`` in the plan's language, or empty when the plan has no national value."""
    if not plan.national_text:
        return ""
    label = plan.national_label or _("Norway")
    return _("{label}: {value}").format(label=label, value=plan.national_text)


def credits_text(plan: MapPlan) -> str:
    """The credits line: producer, period, unit and any source note, joined with middots."""
    credits = plan.credits
    parts = []
    if credits.source_note:
        parts.append(credits.source_note)
    elif credits.producer:
        parts.append(_("Source: {producer}").format(producer=credits.producer))
    parts.extend(text for text in (credits.period, credits.unit) if text)
    return " · ".join(parts)


class LegendPainter:
    """Measures and paints a plan's legend: title, class swatches, no-data entry, national value.

    Args:
        plan: The map plan in the current language.
        font_px: Size of the class labels in logical pixels.
        max_width: The widest the legend may grow; the title wraps within it.
        word_max_width: The widest it may grow so that the title's longest word fits on one
            line (default ``max_width``); a word wider still is broken.
    """

    def __init__(
        self,
        plan: MapPlan,
        font_px: float = LEGEND_FONT_PX,
        max_width: float = 300,
        word_max_width: float | None = None,
    ):
        self.plan = plan
        self.font = pixel_font(font_px)
        self.title_font = pixel_font(font_px * 1.08, bold=True)
        self.unit = font_px
        self.padding = font_px * 0.6
        self.row_height = font_px * 1.55
        self.swatch = QSizeF(font_px * 1.7, font_px * 1.1)
        metrics = QFontMetricsF(self.font)
        label_width = max(
            [metrics.horizontalAdvance(e.label) for e in plan.legend]
            + [metrics.horizontalAdvance(national_line(plan))]
            + [0.0]
        )
        rows_width = self.swatch.width() + self.unit * 0.6 + label_width
        title_metrics = QFontMetricsF(self.title_font)
        natural_title = title_metrics.horizontalAdvance(plan.title)
        # Qt's text layout rounds each line up to whole pixels: a pixel of slack.
        longest_word = 1.0 + max(
            (title_metrics.horizontalAdvance(word) for word in plan.title.split()), default=0.0
        )
        # As wide as the class labels need, or a short title; a long title wraps instead, at
        # least as wide as its longest word ("sykdomsdiagnoser"), which would be cut otherwise.
        wanted = max(rows_width, min(natural_title, max_width * 0.8), longest_word)
        widest = max(max_width, min(longest_word + 2 * self.padding, word_max_width or 0.0))
        # Class ranges and the national value are never cut ("107,5–204," at 1,024 x 768):
        # they are short, and the map gives way to a legend that needs their width.
        self.inner_width = max(rows_width + 1.0, min(wanted, widest - 2 * self.padding))
        self.title_flags = int(Qt.TextFlag.TextWordWrap)
        if longest_word > self.inner_width:  # a word wider than the legend may be: break it
            self.title_flags |= int(Qt.TextFlag.TextWrapAnywhere)
        self.title_height = (
            title_metrics.boundingRect(
                QRectF(0, 0, self.inner_width, 1e6), self.title_flags, plan.title
            ).height()
            if plan.title
            else 0.0
        )

    def size(self) -> QSizeF:
        """The legend's size including its padding."""
        rows = len(self.plan.legend) + (1 if national_line(self.plan) else 0)
        height = self.title_height + (self.unit * 0.5 if self.title_height else 0.0)
        height += rows * self.row_height
        return QSizeF(self.inner_width + 2 * self.padding, height + 2 * self.padding)

    def paint(self, painter: QPainter, top_left: QPointF) -> QRectF:
        """Paint at ``top_left``; returns the rectangle painted."""
        size = self.size()
        box = QRectF(top_left, size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 4, 4)
        x = box.left() + self.padding
        y = box.top() + self.padding
        painter.setPen(TEXT_COLOUR)
        if self.title_height:
            painter.setFont(self.title_font)
            title_rect = QRectF(x, y, self.inner_width, self.title_height)
            painter.drawText(title_rect, self.title_flags, self.plan.title)
            y += self.title_height + self.unit * 0.5
        painter.setFont(self.font)
        label_x = x + self.swatch.width() + self.unit * 0.6
        label_width = box.right() - self.padding - label_x
        for entry in self.plan.legend:
            swatch = QRectF(
                x, y + (self.row_height - self.swatch.height()) / 2, *self.swatch.toTuple()
            )
            painter.setPen(QPen(QColor(0, 0, 0, 90), 1))
            painter.setBrush(QColor(entry.colour))
            painter.drawRect(swatch)
            if is_no_data_entry(entry):
                painter.fillRect(swatch, QBrush(HATCH_COLOUR, Qt.BrushStyle.BDiagPattern))
            painter.setPen(TEXT_COLOUR)
            painter.drawText(
                QRectF(label_x, y, label_width, self.row_height),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                entry.label,
            )
            y += self.row_height
        line = national_line(self.plan)
        if line:
            painter.drawText(
                QRectF(x, y, box.right() - self.padding - x, self.row_height),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                line,
            )
        painter.restore()
        return box
