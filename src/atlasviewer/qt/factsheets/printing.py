"""Printing a PDF's pages: each page rendered at no more than :data:`PRINT_DPI`, fitted centred."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from atlasviewer.qt.painting import PaintError, painting

PRINT_DPI = 300
"""Pages are rendered for the printer at no more than this resolution (enough for text)."""


def print_pages(document: QPdfDocument, printer: object) -> int:
    """Render the chosen pages (all when no range is set) onto ``printer``; returns how many.

    Args:
        document: The open PDF.
        printer: A ``QPrinter`` (any ``QPagedPaintDevice`` with ``fromPage``/``toPage``).
    """
    count = document.pageCount()
    if count < 1:
        return 0
    first = max(1, printer.fromPage() or 1) - 1  # type: ignore[attr-defined]
    last = min(count, printer.toPage() or count) - 1  # type: ignore[attr-defined]
    printed = 0
    try:
        with painting(printer) as painter:
            for page in range(first, last + 1):
                if printed:
                    printer.newPage()  # type: ignore[attr-defined]
                _paint_page(document, painter, page, printer)
                printed += 1
    except PaintError:
        return 0
    return printed


def _paint_page(document: QPdfDocument, painter: QPainter, page: int, device: object) -> None:
    target = painter.viewport()
    points = document.pagePointSize(page)
    scale = min(target.width() / points.width(), target.height() / points.height())
    width, height = points.width() * scale, points.height() * scale
    resolution = min(device.resolution(), PRINT_DPI)  # type: ignore[attr-defined]
    pixels = QSize(int(points.width() / 72 * resolution), int(points.height() / 72 * resolution))
    image: QImage = document.render(page, pixels)
    x = target.x() + (target.width() - width) / 2
    y = target.y() + (target.height() - height) / 2
    painter.drawImage(QRectF(x, y, width, height), image)
