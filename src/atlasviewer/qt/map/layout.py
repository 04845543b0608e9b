"""The whole map figure painted with a QPainter: map, Oslo inset, legend with title, credits.

The same painters serve the screen (the legend overlay of the map view), exports (PNG through
QImage, SVG through QSvgGenerator, PDF through QPdfWriter) and printing, so
what is exported is what is shown. Sizes are in logical pixels at 96 dpi; a higher dpi makes the
output sharper, not the layout different.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTransform,
)

from atlasviewer.core.plans import MapPlan
from atlasviewer.i18n import _
from atlasviewer.qt.map.legend import (
    TEXT_COLOUR,
    LegendPainter,
    credits_text,
    pixel_font,
)
from atlasviewer.qt.map.scene import AreaItem, MapScene
from atlasviewer.qt.painting import painting

LOGICAL_DPI = 96.0
INSET_FRACTION = 0.34
"""The inset's longer side, as a share of the shorter side of the map's area."""
INSET_TARGET_PX = 24.0
"""The smallest area in the inset is drawn at least this large where the map has room: a
target that can be clicked and read (WCAG 2.2's minimum target size)."""
INSET_MAX_FRACTION = 0.45
"""The inset takes at most this share of the map area's width and of its height."""
MAP_KEPT = 0.85
"""An inset beside the country may shrink it to this share of its width, no further."""
FORMATS = ("png", "svg", "pdf")
MAP_BACKGROUND = QColor("white")
FRAME_COLOUR = QColor("#555555")
CREDITS_FONT_PX = 12
"""Credits: 12 px is 9 pt, the smallest text the figure carries."""

__all__ = ["CREDITS_FONT_PX", "FRAME_COLOUR", "LegendPainter", "credits_text", "save_map"]


@dataclass
class FigureLayout:
    """Where each part of the figure goes, in the painter's logical coordinates."""

    map_target: QRectF
    legend: QRectF
    inset: QRectF
    credits: QRectF
    legend_painter: LegendPainter


def inset_size(scene: MapScene, area: QRectF) -> QSizeF:
    """The inset's size for a map area, with the inset's own aspect ratio.

    A share of the area (:data:`INSET_FRACTION`), or larger where that leaves the smallest area
    of the inset under :data:`INSET_TARGET_PX` (too small to click and read), up to
    :data:`INSET_MAX_FRACTION` of the area's width and height.
    """
    source = scene.inset_rect()
    if source.isEmpty():
        return QSizeF()
    longer = max(source.width(), source.height())
    side = INSET_FRACTION * min(area.width(), area.height())
    smallest = scene.smallest_inset_side()
    if smallest > 0:
        side = max(side, INSET_TARGET_PX * longer / smallest)
    width, height = side * source.width() / longer, side * source.height() / longer
    fit = min(
        1.0,
        INSET_MAX_FRACTION * area.width() / width,
        INSET_MAX_FRACTION * area.height() / height,
    )
    return QSizeF(width * fit, height * fit)


def fitted(source: QRectF, area: QRectF) -> QRectF:
    """The largest rectangle with ``source``'s aspect ratio centred in ``area``."""
    if source.isEmpty() or area.isEmpty():
        return QRectF(area)
    scale = min(area.width() / source.width(), area.height() / source.height())
    size = QSizeF(source.width() * scale, source.height() * scale)
    return QRectF(area.center() - QPointF(size.width() / 2, size.height() / 2), size)


def scene_to_target(source: QRectF, target: QRectF) -> QTransform:
    """The transform drawing scene rectangle ``source`` into ``target`` (same aspect ratio).

    An empty ``source`` (a map with no drawable area) gives the identity: there is nothing to
    scale, and dividing by its zero width raised ``ZeroDivisionError`` in the window's layout.
    """
    transform = QTransform()
    if source.isEmpty() or source.width() <= 0:
        return transform
    scale = target.width() / source.width()
    transform.translate(target.left(), target.top())
    transform.scale(scale, scale)
    transform.translate(-source.left(), -source.top())
    return transform


def national_target(scene: MapScene, area: QRectF, obstacles: list[QRectF]) -> QRectF:
    """Where to draw the national view inside ``area`` so that no land hides under an obstacle.

    The map is first centred in the whole area; when the legend or inset would cover land, the
    map gives way sideways (left of the inset, right of the legend) or up and down (below the
    legend, above the inset), whichever leaves it largest. In a tall, narrow pane (1,280 px
    window) giving way sideways alone left the map a third of the pane's width.
    """
    home = scene.home_rect()
    if home.isEmpty():
        return QRectF(area)  # no drawable area: nothing to fit, nothing to cover
    obstacles = [o for o in obstacles if not o.isEmpty()]
    left = max((o.right() for o in obstacles if o.left() <= area.left() + 1), default=None)
    right = min((o.left() for o in obstacles if o.right() >= area.right() - 1), default=None)
    top = max((o.bottom() for o in obstacles if o.top() <= area.top() + 1), default=None)
    bottom = min((o.top() for o in obstacles if o.bottom() >= area.bottom() - 1), default=None)
    # Unconstrained edges first, so that of two equally large places the centred one wins.
    lefts = [area.left()] + ([left] if left is not None else [])
    rights = [area.right()] + ([right] if right is not None else [])
    tops = [area.top()] + ([top] if top is not None else [])
    bottoms = [area.bottom()] + ([bottom] if bottom is not None else [])
    candidates = [
        fitted(home, QRectF(x0, y0, x1 - x0, y1 - y0))
        for x0 in lefts
        for x1 in rights
        for y0 in tops
        for y1 in bottoms
        if x1 - x0 > 1 and y1 - y0 > 1
    ]
    # Largest first (stable sort); the whole area wins whenever it covers no land.
    candidates.sort(key=lambda rect: -round(rect.width() * rect.height(), 1))
    for target in candidates:
        if not _covers_land(scene, home, target, obstacles):
            return target
    inner = QRectF(
        area.left() if left is None else left,
        area.top(),
        (area.right() if right is None else right) - (area.left() if left is None else left),
        area.height(),
    )
    return fitted(home, inner if inner.width() > 1 else area)


def _covers_land(scene: MapScene, home: QRectF, target: QRectF, obstacles: list[QRectF]) -> bool:
    if home.isEmpty() or target.isEmpty():
        return False
    inverse, _invertible = scene_to_target(home, target).inverted()
    for obstacle in obstacles:
        scene_rect = inverse.mapRect(obstacle)
        for item in scene.items(scene_rect, Qt.ItemSelectionMode.IntersectsItemShape):
            if isinstance(item, AreaItem):
                return True
    return False


def place_map_and_inset(
    scene: MapScene, area: QRectF, obstacles: list[QRectF]
) -> tuple[QRectF, QRectF]:
    """The national map's target and the inset's rectangle inside ``area``.

    The inset goes in the bottom-right corner of the map itself (over Sweden, near Oslo) when no
    land hides under it there and it is as large there as in the whole area, else in the
    bottom-right corner of the whole area, with the map giving way.
    """
    target = national_target(scene, area, obstacles)
    size = inset_size(scene, target)
    if size.isEmpty():
        return target, QRectF()
    inset = QRectF(target.bottomRight() - QPointF(size.width(), size.height()), size)
    over_land = _covers_land(scene, scene.home_rect(), target, [inset])
    wanted = inset_size(scene, area)
    beside = QRectF(area.bottomRight() - QPointF(wanted.width(), wanted.height()), wanted)
    beside_target = national_target(scene, area, [*obstacles, beside])
    # Beside the map when it is larger there (its small areas easier to click) and the
    # country keeps most of its size; over the map where no land hides under it.
    larger = wanted.width() > 1.05 * size.width()
    if larger and beside_target.width() >= MAP_KEPT * target.width() or over_land:
        return beside_target, beside
    return target, inset


def layout_figure(scene: MapScene, plan: MapPlan, rect: QRectF) -> FigureLayout:
    """Place credits along the bottom, the legend top-left, the inset bottom-right, then the map."""
    margin = 8.0
    credits = credits_text(plan)
    credits_height = 0.0
    if credits:
        metrics = QFontMetricsF(pixel_font(CREDITS_FONT_PX))
        bounds = metrics.boundingRect(
            QRectF(0, 0, rect.width() - 2 * margin, 1e6), int(Qt.TextFlag.TextWordWrap), credits
        )
        credits_height = bounds.height() + margin
    area = QRectF(
        rect.left() + margin,
        rect.top() + margin,
        rect.width() - 2 * margin,
        rect.height() - 2 * margin - credits_height,
    )
    legend = LegendPainter(
        plan, max_width=min(320.0, area.width() * 0.42), word_max_width=area.width() * 0.6
    )
    legend_rect = QRectF(area.topLeft(), legend.size())
    target, inset = place_map_and_inset(scene, area, [legend_rect])
    credits_rect = QRectF(
        rect.left() + margin,
        rect.bottom() - margin - credits_height + margin / 2,
        rect.width() - 2 * margin,
        credits_height,
    )
    return FigureLayout(target, legend_rect, inset, credits_rect, legend)


def paint_inset(painter: QPainter, scene: MapScene, target: QRectF) -> None:
    """The inset: a white, framed box showing the small areas and their neighbours."""
    painter.save()
    painter.fillRect(target, MAP_BACKGROUND)
    painter.setClipRect(target)
    scene.render(painter, target, scene.inset_rect(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.restore()
    painter.save()
    painter.setPen(QPen(FRAME_COLOUR, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(target)
    painter.restore()


def paint_inset_marker(painter: QPainter, scene: MapScene, map_target: QRectF) -> None:
    """A thin frame on the national map around the region the inset enlarges."""
    transform = scene_to_target(scene.home_rect(), map_target)
    painter.save()
    painter.setPen(QPen(FRAME_COLOUR, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(transform.mapRect(scene.inset_rect()))
    painter.restore()


def paint_credits(painter: QPainter, rect: QRectF, plan: MapPlan) -> None:
    painter.save()
    painter.setFont(pixel_font(CREDITS_FONT_PX))
    painter.setPen(TEXT_COLOUR)
    painter.drawText(
        rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), credits_text(plan)
    )
    painter.restore()


TITLE_FONT_PX = 17.0
"""The heading of an exported map (the result box's title)."""


def _title_rect(rect: QRectF, title: str) -> QRectF:
    """Where an exported figure's heading goes (empty without one)."""
    if not title:
        return QRectF()
    margin = 8.0
    font = pixel_font(TITLE_FONT_PX)
    font.setBold(True)
    bounds = QFontMetricsF(font).boundingRect(
        QRectF(0, 0, rect.width() - 2 * margin, 1e6), int(Qt.TextFlag.TextWordWrap), title
    )
    return QRectF(
        rect.left() + margin, rect.top() + margin, rect.width() - 2 * margin, bounds.height()
    )


def _body_rect(rect: QRectF, title: str) -> QRectF:
    """The figure's room below its heading."""
    heading = _title_rect(rect, title)
    return rect if heading.isEmpty() else rect.adjusted(0, heading.height() + 8.0, 0, 0)


def fitted_width(scene: MapScene, plan: MapPlan, size: tuple[int, int], title: str = "") -> int:
    """The narrowest figure width (at most ``size``'s) at which the map keeps its full size.

    Norway is tall: in a 1280 x 800 figure the map fills the height and a third of the width
    stayed empty on its right. An export is cut to the width its map, legend and inset need
    (in steps of 16 px, the map drawn at least 99 % as large as in the full width).
    """
    width, height = size

    def scale(at: int) -> float:
        layout = layout_figure(scene, plan, _body_rect(QRectF(0, 0, at, height), title))
        return layout.map_target.height()

    full = scale(width)
    best = width
    for candidate in range(width - 16, max(width // 2, 320), -16):
        if scale(candidate) < 0.99 * full:
            break
        best = candidate
    return best


def render_map(
    painter: QPainter, rect: QRectF, scene: MapScene, plan: MapPlan, title: str = ""
) -> FigureLayout:
    """Paint the whole figure into ``rect`` (logical pixels) with the plan applied to the scene.

    Args:
        painter: An active painter on any device (image, SVG, PDF, printer, widget).
        rect: Where the figure goes, in the painter's coordinates.
        scene: The map set's scene; the plan is applied to it if it is not already.
        plan: What to draw, in the current language.
        title: A heading above the figure (an export's result-box title); none when empty.

    Returns:
        Where each part was drawn.
    """
    if scene.plan is not plan:
        scene.apply_plan(plan)
    layout = layout_figure(scene, plan, _body_rect(rect, title))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(rect, MAP_BACKGROUND)
    if title:
        font = pixel_font(TITLE_FONT_PX)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT_COLOUR)
        painter.drawText(
            _title_rect(rect, title),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
            title,
        )
    scene.render(painter, layout.map_target, scene.home_rect(), Qt.AspectRatioMode.KeepAspectRatio)
    if not layout.inset.isEmpty():
        paint_inset_marker(painter, scene, layout.map_target)
        paint_inset(painter, scene, layout.inset)
    layout.legend_painter.paint(painter, layout.legend.topLeft())
    if credits_text(plan):
        paint_credits(painter, layout.credits, plan)
    painter.restore()
    return layout


def save_map(
    path: Path | str,
    scene: MapScene,
    plan: MapPlan,
    fmt: str | None = None,
    *,
    dpi: float = LOGICAL_DPI,
    size: tuple[int, int] = (1280, 800),
    title: str = "",
) -> Path:
    """Write the figure to a PNG, SVG or PDF file, its heading ``title`` above it.

    The figure is ``size`` high and as wide as its map needs (:func:`fitted_width`).

    Args:
        path: The file to write.
        scene: The map set's scene.
        plan: What to draw.
        fmt: ``png``, ``svg`` or ``pdf``; by default the file's suffix.
        dpi: Output resolution. A PNG is ``size * dpi / 96`` pixels; a PDF page is ``size / 96``
            inches whatever the dpi.
        size: The figure's largest size in logical pixels (1/96 inch).
        title: The heading (the result box's title); none when empty.

    Returns:
        The path written.

    Raises:
        ValueError: For an unknown format.
        OSError: When the file cannot be written.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(
            _("Unknown map export format {fmt!r}; use png, svg or pdf.").format(fmt=fmt)
        )
    if scene.plan is not plan:
        scene.apply_plan(plan)
    height = size[1]
    width = fitted_width(scene, plan, size, title)
    logical = QRectF(0, 0, width, height)
    scale = dpi / LOGICAL_DPI
    scene.set_line_scale(scale if fmt != "svg" else 1.0)
    try:
        if fmt == "png":
            image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            image.fill(MAP_BACKGROUND)
            with painting(image) as painter:
                painter.scale(scale, scale)
                render_map(painter, logical, scene, plan, title)
            if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # stubs want bytes; str works
                raise OSError(_("The image cannot be written to {path}.").format(path=path))
        elif fmt == "svg":
            from PySide6.QtSvg import QSvgGenerator

            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(logical.size().toSize())
            generator.setViewBox(logical)
            generator.setResolution(round(LOGICAL_DPI))
            generator.setTitle(plan.title)
            generator.setDescription(credits_text(plan))
            with painting(generator) as painter:
                render_map(painter, logical, scene, plan, title)
        else:
            writer = QPdfWriter(str(path))
            writer.setResolution(round(dpi))
            page = QPageSize(
                QSizeF(width / LOGICAL_DPI, height / LOGICAL_DPI), QPageSize.Unit.Inch, "map"
            )
            writer.setPageLayout(
                QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
            )
            writer.setTitle(plan.title)
            writer.setCreator("Atlas Viewer")
            with painting(writer) as painter:
                painter.scale(scale, scale)
                render_map(painter, logical, scene, plan, title)
    finally:
        scene.set_line_scale(1.0)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(_("The map could not be written to {path}.").format(path=path))
    return path
