"""Drawing a generated area fact sheet (:class:`~atlasviewer.core.factsheet.FactSheet`) to PDF.

A4 portrait through ``QPdfWriter`` + ``QPainter``. Every word is drawn with ``drawText`` so the
PDF's text stays selectable and searchable; the spread strip and the locator map are vector
paths (the locator map is the map widget's own scene, rendered). The writer works at 72 dpi, so
one painter unit is one PostScript point.

Layout is decided first (which block goes on which page), then painted, so every page can say
"Page 2 of 3".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from atlasviewer.core.factsheet import BoxFacts, FactSheet
from atlasviewer.i18n import _
from atlasviewer.qt.factsheets.sheet_figures import (
    GeographyLookup,
    LocatorMaps,
    SceneFactory,
    paint_strip,
)
from atlasviewer.qt.factsheets.sheet_style import (
    BODY_FONT,
    CONTENT_WIDTH,
    FIGURE_COLUMNS,
    FOOTER_HEIGHT,
    GAP,
    HEADING_FONT,
    LABEL_GAP,
    MAP_HEIGHT,
    MAP_WIDTH,
    MARGIN,
    MEMBER_COLUMNS,
    MUTED_COLOUR,
    PAGE_HEIGHT,
    RULE_COLOUR,
    SMALL_FONT,
    STRIP_HEIGHT,
    TEXT_COLOUR,
    TEXT_WIDTH,
    TITLE_FONT,
    sheet_font,
)
from atlasviewer.qt.painting import PaintError, painting


def _figure_widths(
    columns: list[list[tuple[str, str]]], body: QFontMetricsF, bold: QFontMetricsF
) -> list[tuple[float, float]]:
    """:data:`FIGURE_COLUMNS` for ``columns``, each label column as wide as its widest label.

    A label wider than its column ("Forhold til nasjonalt nivå", a long area name) takes room
    from the values beside it, up to half of it, rather than touching its value; a longer one
    wraps. ``body`` and ``bold`` measure on the page (the area's own line is bold).
    """
    widths = []
    pairs = zip(FIGURE_COLUMNS[: len(columns)], columns, strict=True)
    for number, ((label_width, value_width), column) in enumerate(pairs):
        widest = max(
            (bold if number == index == 0 else body).horizontalAdvance(label)
            for index, (label, _value) in enumerate(column)
        )
        extra = min(max(0.0, widest + LABEL_GAP - label_width), value_width / 2)
        widths.append((label_width + extra, value_width - extra))
    return widths


@dataclass
class _Block:
    box: BoxFacts
    height: float
    y: float = 0.0


@dataclass
class _Page:
    blocks: list[_Block] = field(default_factory=list)


class FactSheetPdf:
    """Lays out and paints one fact sheet.

    Args:
        sheet: The content, already in its language.
        geography_for: Returns the map set of a result box's map file (for the locator map),
            or None; without it, no locator maps are drawn.
        scene_for: Builds the scene of a map set, e.g. ``MapScene``; without it, no locator
            maps are drawn.
    """

    def __init__(
        self,
        sheet: FactSheet,
        geography_for: GeographyLookup | None = None,
        scene_for: SceneFactory | None = None,
    ) -> None:
        self.sheet = sheet
        self.locators = LocatorMaps(sheet.target, geography_for, scene_for)

    # ------------------------------------------------------------------ measuring

    def _text_height(self, text: str, font: QFont, width: float) -> float:
        if not text:
            return 0.0
        metrics = QFontMetricsF(font)
        flags = int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRectF(0, 0, width, 10_000), flags, text).height()

    def _figure_columns(self, box: BoxFacts) -> list[list[tuple[str, str]]]:
        """The figures as columns of (label, value).

        First the area against the country, then where it lies among the areas.
        """
        sheet = self.sheet
        if box.members:
            return [[(text, "") for text in box.member_texts]]
        against_country = [
            (sheet.area_name, box.value_text),
            (sheet.national_name, box.national_text or "\u2013"),
        ]
        if box.ratio_text:
            against_country.append((_("Ratio to national"), box.ratio_text))
        among_areas = [
            (_("Rank"), box.rank_text),
            (_("Lowest"), box.minimum_text),
            (_("Highest"), box.maximum_text),
        ]
        return [against_country, among_areas]

    def _block_height(self, box: BoxFacts) -> float:
        height = self._text_height(
            self._heading(box), sheet_font(HEADING_FONT, bold=True), TEXT_WIDTH
        )
        height += 2 + self._text_height(self._subheading(box), sheet_font(SMALL_FONT), TEXT_WIDTH)
        if box.has_figures or box.members:
            if box.members:
                height += 4 + self._text_height(
                    box.note, sheet_font(SMALL_FONT, italic=True), TEXT_WIDTH
                )
            line = QFontMetricsF(sheet_font(BODY_FONT)).lineSpacing()
            height += 6 + self._figure_rows(box) * line + 4 + STRIP_HEIGHT
            return max(height, MAP_HEIGHT) + 12
        height += 3 + self._text_height(box.note, sheet_font(BODY_FONT, italic=True), TEXT_WIDTH)
        return height + 12

    def _figure_rows(self, box: BoxFacts) -> int:
        if box.members:
            return 1 + -(-len(box.members) // MEMBER_COLUMNS)
        return max(len(column) for column in self._figure_columns(box))

    def _heading(self, box: BoxFacts) -> str:
        return f"{box.number}. {box.title}"

    def _subheading(self, box: BoxFacts) -> str:
        parts = [p for p in (box.measure, box.period) if p]
        return " \u00b7 ".join(parts)

    def _header_height(self) -> float:
        return 104.0

    def layout(self) -> list[_Page]:
        """Which block goes on which page, and where."""
        pages = [_Page()]
        top = MARGIN + self._header_height()
        bottom = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT
        y = top
        for box in self.sheet.boxes:
            block = _Block(box, self._block_height(box))
            if y + block.height > bottom and pages[-1].blocks:
                pages.append(_Page())
                y = MARGIN
            block.y = y
            pages[-1].blocks.append(block)
            y += block.height
        return pages

    # ------------------------------------------------------------------ painting

    def write(self, path: Path) -> int:
        """Write the PDF to ``path``; returns the number of pages.

        Raises:
            OSError: When the file cannot be written.
        """
        pages = self.layout()
        writer = QPdfWriter(str(path))
        writer.setResolution(72)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setTitle(_("Fact sheet: {area}").format(area=self.sheet.area_name))
        writer.setCreator("Atlas Viewer")
        writer.setAuthor(self.sheet.producer)
        try:
            with painting(writer) as painter:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                for number, page in enumerate(pages, start=1):
                    if number > 1:
                        writer.newPage()
                    if number == 1:
                        self._paint_header(painter)
                    for block in page.blocks:
                        self._paint_block(painter, block)
                    self._paint_footer(painter, number, len(pages))
        except PaintError as exc:
            raise OSError(_("Cannot write the PDF file {path}.").format(path=path)) from exc
        return len(pages)

    def _draw_text(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        font: QFont,
        colour: QColor,
        flags: int = 0,
    ) -> float:
        painter.setFont(font)
        painter.setPen(colour)
        flags |= int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignTop)
        used = painter.boundingRect(rect, flags, text)
        painter.drawText(rect, flags, text)
        return used.height()

    def _paint_header(self, painter: QPainter) -> None:
        sheet = self.sheet
        y = MARGIN
        y += self._draw_text(
            painter,
            QRectF(MARGIN, y, CONTENT_WIDTH, 30),
            sheet.atlas_title,
            sheet_font(BODY_FONT, bold=True),
            MUTED_COLOUR,
        )
        y += 4
        title = _("Fact sheet: {area}").format(area=sheet.area_name)
        y += self._draw_text(
            painter,
            QRectF(MARGIN, y, CONTENT_WIDTH, 40),
            title,
            sheet_font(TITLE_FONT, bold=True),
            TEXT_COLOUR,
        )
        details = [sheet.level_label, _("Producer: {producer}").format(producer=sheet.producer)]
        if sheet.published:
            details.append(_("Atlas published {date}").format(date=sheet.published))
        y += 2 + self._draw_text(
            painter,
            QRectF(MARGIN, y + 2, CONTENT_WIDTH, 20),
            " \u00b7 ".join(details),
            sheet_font(BODY_FONT),
            TEXT_COLOUR,
        )
        explanation = _(
            "Figures per result box of the atlas: the value for {area} beside the national "
            "value, its rank among the areas (1 = highest), and its ratio to the national value. "
            "The strip shows every area as a tick: {area} in orange, Norway in green."
        ).format(area=sheet.area_name)
        y += 4 + self._draw_text(
            painter,
            QRectF(MARGIN, y + 4, CONTENT_WIDTH, 40),
            explanation,
            sheet_font(SMALL_FONT),
            MUTED_COLOUR,
        )
        painter.setPen(QPen(RULE_COLOUR, 0.8))
        rule = MARGIN + self._header_height() - 8
        painter.drawLine(QPointF(MARGIN, rule), QPointF(MARGIN + CONTENT_WIDTH, rule))

    def _paint_footer(self, painter: QPainter, number: int, count: int) -> None:
        sheet = self.sheet
        y = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + 10
        painter.setPen(QPen(RULE_COLOUR, 0.6))
        painter.drawLine(QPointF(MARGIN, y), QPointF(MARGIN + CONTENT_WIDTH, y))
        source = _("Source: {producer}, {atlas}. Made with Atlas Viewer on {date}.").format(
            producer=sheet.producer, atlas=sheet.atlas_title, date=sheet.generated
        )
        self._draw_text(
            painter,
            QRectF(MARGIN, y + 4, CONTENT_WIDTH - 80, 24),
            source,
            sheet_font(SMALL_FONT),
            MUTED_COLOUR,
        )
        self._draw_text(
            painter,
            QRectF(MARGIN + CONTENT_WIDTH - 80, y + 4, 80, 12),
            _("Page {number} of {count}").format(number=number, count=count),
            sheet_font(SMALL_FONT),
            MUTED_COLOUR,
            int(Qt.AlignmentFlag.AlignRight),
        )

    def _paint_block(self, painter: QPainter, block: _Block) -> None:
        box = block.box
        x, y = MARGIN, block.y
        y += self._draw_text(
            painter,
            QRectF(x, y, TEXT_WIDTH, 60),
            self._heading(box),
            sheet_font(HEADING_FONT, bold=True),
            TEXT_COLOUR,
        )
        y += 2 + self._draw_text(
            painter,
            QRectF(x, y + 2, TEXT_WIDTH, 40),
            self._subheading(box),
            sheet_font(SMALL_FONT),
            MUTED_COLOUR,
        )
        if not (box.has_figures or box.members):
            self._draw_text(
                painter,
                QRectF(x, y + 3, TEXT_WIDTH, 40),
                box.note,
                sheet_font(BODY_FONT, italic=True),
                MUTED_COLOUR,
            )
            return
        if box.members:
            y += 4 + self._draw_text(
                painter,
                QRectF(x, y + 4, TEXT_WIDTH, 40),
                box.note,
                sheet_font(SMALL_FONT, italic=True),
                MUTED_COLOUR,
            )
        y += 6
        y = self._paint_figures(painter, box, x, y)
        paint_strip(
            painter,
            box,
            QRectF(x, y + 6, TEXT_WIDTH, STRIP_HEIGHT),
            self.sheet.lang,
            self._draw_text,
        )
        self.locators.paint(
            painter, box, QRectF(MARGIN + TEXT_WIDTH + GAP, block.y, MAP_WIDTH, MAP_HEIGHT)
        )
        painter.setPen(QPen(RULE_COLOUR, 0.5))
        bottom = block.y + block.height - 6
        painter.drawLine(QPointF(MARGIN, bottom), QPointF(MARGIN + CONTENT_WIDTH, bottom))

    def _paint_figures(self, painter: QPainter, box: BoxFacts, x: float, y: float) -> float:
        line = QFontMetricsF(sheet_font(BODY_FONT)).lineSpacing()
        body, bold = sheet_font(BODY_FONT), sheet_font(BODY_FONT, bold=True)
        if box.members:
            heading = _("Referral areas of {region}").format(region=self.sheet.area_name)
            self._draw_text(painter, QRectF(x, y, TEXT_WIDTH, line), heading, bold, TEXT_COLOUR)
            width = TEXT_WIDTH / MEMBER_COLUMNS
            rows = self._figure_rows(box) - 1
            for index, (text, _value) in enumerate(self._figure_columns(box)[0]):
                column, row = divmod(index, rows)
                rect = QRectF(x + column * width, y + (row + 1) * line, width, line)
                self._draw_text(painter, rect, text, body, TEXT_COLOUR)
            return y + (rows + 1) * line
        left = x
        columns = self._figure_columns(box)
        device = painter.device()
        widths = _figure_widths(columns, QFontMetricsF(body, device), QFontMetricsF(bold, device))
        for number, (label_width, value_width) in enumerate(widths):
            for index, (label, value) in enumerate(columns[number]):
                # The area's own value leads, in bold.
                font = bold if number == 0 and index == 0 else body
                top = y + index * line
                self._draw_text(
                    painter, QRectF(left, top, label_width, line), label, font, TEXT_COLOUR
                )
                self._draw_text(
                    painter,
                    QRectF(left + label_width, top, value_width, line),
                    value,
                    font,
                    TEXT_COLOUR,
                )
            left += label_width + value_width
        return y + self._figure_rows(box) * line


def write_fact_sheet_pdf(
    sheet: FactSheet,
    path: Path,
    geography_for: GeographyLookup | None = None,
    scene_for: SceneFactory | None = None,
) -> int:
    """Write ``sheet`` as an A4 PDF at ``path``; returns the number of pages.

    ``geography_for`` and ``scene_for`` draw the locator maps (see :class:`FactSheetPdf`).

    Needs a ``QApplication`` (fonts, and the map scene of the locator maps); the command
    creates one.
    """
    return FactSheetPdf(sheet, geography_for, scene_for).write(Path(path))


__all__ = ["FactSheetPdf", "write_fact_sheet_pdf"]
