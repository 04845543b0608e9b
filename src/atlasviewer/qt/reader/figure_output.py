"""The figure on show written out: exported to PNG, SVG or PDF, or painted onto a printer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtWidgets import QWidget

from atlasviewer.core.atomic import WriteError, atomic_write
from atlasviewer.i18n import _
from atlasviewer.qt.painting import painting


def export_figure(widget: Any, map_widget: Any, path: Path, title: str = "") -> str:
    """Save ``widget``'s figure (PNG, SVG or PDF by suffix); returns an error text or "".

    A map or chart carries ``title`` (the result box's) as its heading; both carry their
    source line already.

    The map (``widget is map_widget``) is saved whole by its own export (legend, inset,
    credits; vector in SVG and PDF); a chart by matplotlib; anything else as rendered. The file
    is written through :func:`atlasviewer.core.atomic.atomic_write`: a full disk or a writer
    that fails half-way leaves the file that was there as it was, and the text says so.
    """
    if widget is None:
        return _("There is no figure to export.")
    suffix = path.suffix.lower()
    try:
        atomic_write(
            path, lambda temporary: _write_figure(widget, map_widget, temporary, suffix, title)
        )
    except WriteError as exc:
        return str(exc)
    except (OSError, ValueError, ArithmeticError) as exc:
        # ArithmeticError: a figure that cannot be laid out (a map with no usable area).
        return _("Could not write {path}: {error}").format(path=path, error=exc)
    return ""


def _write_figure(widget: Any, map_widget: Any, path: Path, suffix: str, title: str) -> None:
    if widget is map_widget and widget.plan is not None:
        # The map's own export: the whole figure (legend, inset, credits), vector in
        # SVG and PDF, the same drawing as `atlasviewer export`.
        widget.save_figure(path, suffix.lstrip(".") or "png", dpi=200, title=title)
    elif getattr(widget, "figure", None) is not None:
        from atlasviewer.render.charts import HEADING

        fmt = suffix.lstrip(".") or "png"
        heading = widget.figure.suptitle(title, **HEADING) if title else None
        try:
            widget.figure.savefig(path, format=fmt, dpi=200 if fmt == "png" else None)
        finally:
            if heading is not None:  # the heading is the file's, not the screen's
                heading.remove()
                widget.figure.canvas.draw_idle()
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
        del writer  # the document is finished when its writer goes
    elif not widget.grab().save(str(path)):
        raise OSError(_("the image could not be saved"))


def render_scaled(widget: QWidget, device: Any) -> None:
    """Paint ``widget`` onto ``device`` (a printer, a PDF), scaled to fit its page."""
    with painting(device) as painter:
        target = QRectF(painter.viewport())
        size = QSize(widget.size())
        scale = min(target.width() / max(1, size.width()), target.height() / max(1, size.height()))
        painter.scale(scale, scale)
        widget.render(painter, QPoint())
