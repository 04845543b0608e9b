"""The figure on show written out: exported to PNG, SVG or PDF, or painted onto a printer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtWidgets import QWidget

from atlasviewer.i18n import _
from atlasviewer.qt.painting import painting


def export_figure(widget: Any, map_widget: Any, path: Path) -> str:
    """Save ``widget``'s figure (PNG, SVG or PDF by suffix); returns an error text or "".

    The map (``widget is map_widget``) is saved whole by its own export (legend, inset,
    credits; vector in SVG and PDF); a chart by matplotlib; anything else as rendered.
    """
    if widget is None:
        return _("There is no figure to export.")
    suffix = path.suffix.lower()
    try:
        if widget is map_widget and widget.plan is not None:
            # The map's own export: the whole figure (legend, inset, credits), vector in
            # SVG and PDF, the same drawing as `atlasviewer export`.
            widget.save_figure(path, suffix.lstrip(".") or "png", dpi=200)
        elif getattr(widget, "figure", None) is not None:
            widget.figure.savefig(path, dpi=200 if suffix == ".png" else None)
        elif suffix == ".svg":
            from PySide6.QtSvg import QSvgGenerator

            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(widget.size())
            generator.setViewBox(widget.rect())
            with painting(generator) as painter:
                widget.render(painter, QPoint())
        elif suffix == ".pdf":
            from PySide6.QtGui import QPdfWriter

            writer = QPdfWriter(str(path))
            render_scaled(widget, writer)
        elif not widget.grab().save(str(path)):
            return _("Could not write {path}.").format(path=path)
    except (OSError, ValueError, ArithmeticError) as exc:
        # ArithmeticError: a figure that cannot be laid out (a map with no usable area).
        return _("Could not write {path}: {error}").format(path=path, error=exc)
    return ""


def render_scaled(widget: QWidget, device: Any) -> None:
    """Paint ``widget`` onto ``device`` (a printer, a PDF), scaled to fit its page."""
    with painting(device) as painter:
        target = QRectF(painter.viewport())
        size = QSize(widget.size())
        scale = min(target.width() / max(1, size.width()), target.height() / max(1, size.height()))
        painter.scale(scale, scale)
        widget.render(painter, QPoint())
