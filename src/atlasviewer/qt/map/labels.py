"""Area labels on the map: names where they fit, else values; the selected areas always.

Drawn over the map and the inset by their views (not part of the exported figure, whose legend
and table carry the values). The label sizes follow the theme: 11 px on screen, the projector
theme's label size (16 px at 1024x768) on a projector.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsView

from atlasviewer.core.plans import MapPlan
from atlasviewer.qt import theme
from atlasviewer.qt.map.scene import MapScene

MAX_LABELLED_AREAS = 400
"""Map sets with more areas are not labelled (few names would fit, and each paint would cost)."""


def area_labels(
    view: QGraphicsView,
    plan: MapPlan,
    pixels: float | None = None,
    obstacles: list[QRectF] | None = None,
) -> list[tuple[str, QRectF, bool]]:
    """The labels to draw on a view: (text, viewport rectangle, selected).

    Each area's name where it fits inside the area, else its value where that fits. Selected
    areas are always labelled (by name), placed first; a label that would overlap one already
    placed, or one of the ``obstacles`` (the legend, the inset), is left out; a selected area's
    is moved to the right of the obstacle.
    """
    scene = view.scene()
    assert isinstance(scene, MapScene)
    metrics = QFontMetricsF(label_font(False, pixels))
    bold_metrics = QFontMetricsF(label_font(True, pixels))
    scale = view.transform().m11()
    placed: list[tuple[str, QRectF, bool]] = []
    viewport = QRectF(view.viewport().rect())
    selection = scene.selection()
    styles = sorted(plan.areas.values(), key=lambda style: style.key in selection, reverse=True)
    for style in styles:
        selected = style.key in selection
        anchor = scene.label_anchor(style.key)
        if anchor is None:
            continue
        point, bounds = anchor
        centre = QPointF(view.mapFromScene(point))
        if not viewport.contains(centre):
            continue
        room_w, room_h = bounds.width() * scale, bounds.height() * scale
        used = bold_metrics if selected else metrics
        chosen = None
        for text in (style.name, style.value_text):
            size = used.size(0, text) if text else None
            fits = size is not None and size.width() <= room_w * 0.9 and size.height() <= room_h
            if size is not None and (fits or selected):
                chosen = (text, size)
                break
        if chosen is None:
            continue
        text, size = chosen
        box = QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size)
        hidden = [o for o in obstacles or [] if box.intersects(o)]
        if hidden and not selected:
            continue
        if hidden:  # a selected area's name moves out from under the legend or the inset
            box = _clear_of(box, obstacles or [], viewport)
        if not selected and any(box.intersects(other) for _t, other, _s in placed):
            continue
        placed.append((text, box, selected))
    return placed


def label_font(bold: bool, pixels: float | None = None) -> QFont:
    """Map labels: 11 px on screen, the theme's label size (16 px and up) on a projector.

    Args:
        bold: For a selected area.
        pixels: A size of the map's own (presentation mode's slides), else the theme's.
    """
    font = QFont()
    if pixels is None:
        shown = theme.current()
        pixels = shown.label_px if shown.projector else max(11.0, shown.label_px * 0.8)
    font.setPixelSize(round(pixels))
    font.setBold(bold)
    return font


def paint_area_labels(
    painter: QPainter,
    view: QGraphicsView,
    plan: MapPlan,
    pixels: float | None = None,
    obstacles: list[QRectF] | None = None,
) -> None:
    """Draw :func:`area_labels` with a white halo, so they read on any colour."""
    fonts = {False: label_font(False, pixels), True: label_font(True, pixels)}
    halo = QPen(Qt.GlobalColor.white, 3)
    halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for text, box, selected in area_labels(view, plan, pixels, obstacles):
        font = fonts[selected]
        path = QPainterPath()
        path.addText(box.left(), box.top() + QFontMetricsF(font).ascent(), font, text)
        painter.strokePath(path, halo)
        painter.fillPath(path, QColor("#111111"))


def _moves(box: QRectF, obstacles: list[QRectF]) -> list[QRectF]:
    """``box`` moved just off each obstacle it meets, left, right, up or down."""
    moved = []
    for obstacle in obstacles:
        if box.intersects(obstacle):
            moved += [
                box.translated(obstacle.left() - 2 - box.right(), 0),
                box.translated(obstacle.right() + 2 - box.left(), 0),
                box.translated(0, obstacle.top() - 2 - box.bottom()),
                box.translated(0, obstacle.bottom() + 2 - box.top()),
            ]
    return moved


def _clear_of(box: QRectF, obstacles: list[QRectF], viewport: QRectF) -> QRectF:
    """``box`` moved the least to lie clear of ``obstacles`` inside ``viewport`` (else as is).

    One move, or two (off the legend, then off the inset beside it).
    """
    first = _moves(box, obstacles)
    candidates = first + [again for moved in first for again in _moves(moved, obstacles)]
    free = [
        c
        for c in candidates
        if viewport.contains(c) and not any(c.intersects(o) for o in obstacles)
    ]
    if not free:
        return box
    centre = box.center()
    return min(free, key=lambda c: (c.center() - centre).manhattanLength())
