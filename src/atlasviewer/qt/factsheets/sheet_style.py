"""The look of a generated fact sheet: A4 page, margins, columns, colours and fonts (in points)."""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
)

PAGE_WIDTH = 595.0  # A4 in points
PAGE_HEIGHT = 842.0
MARGIN = 42.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER_HEIGHT = 30.0
MAP_WIDTH = 92.0
MAP_HEIGHT = 92.0
GAP = 12.0
TEXT_WIDTH = CONTENT_WIDTH - MAP_WIDTH - GAP
STRIP_HEIGHT = 26.0
FIGURE_COLUMNS = ((112.0, 78.0), (62.0, 155.0))
"""(label width, value width) of the two figure columns: the area against the country, then
its place among the areas."""
LABEL_GAP = 6.0
"""Room between a figure's label and its value, at the least."""
MEMBER_COLUMNS = 3
FAMILY = "DejaVu Sans"
TEXT_COLOUR = QColor("#222222")
MUTED_COLOUR = QColor("#666666")
RULE_COLOUR = QColor("#cccccc")
AREA_FILL = QColor("#e8e4f0")


def sheet_font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


TITLE_FONT = 18.0
HEADING_FONT = 10.5
BODY_FONT = 8.5
SMALL_FONT = 7.0
