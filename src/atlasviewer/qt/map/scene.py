"""The map's scene: one path item per area of a map set, built once, restyled per plan.

Like QGIS's canvas, the map is painted natively (../shared/CONVENTIONS.md, point 5): the scene
holds one :class:`AreaItem` per area in drawing coordinates (UTM 33 metres, y flipped so north is
up); :meth:`MapScene.apply_plan` only changes brushes and tooltips, never geometry.

Some published maps carry a magnified copy of Oslo drawn in over Sweden; the reader removes it
(``core/map_geometry.strip_drawn_insets``) and the view draws its own framed inset of the areas
too small to see at national scale (``core/map_geometry.small_area_keys``), for any map set and
without naming any area.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from atlasviewer.core.map_geometry import small_area_keys
from atlasviewer.core.plans import NO_DATA_COLOUR, SELECTION_COLOUR, MapPlan
from atlasviewer.i18n import _

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from atlasviewer.core.model import Geography

COARSE_TOLERANCE_M = 300.0
"""Simplification for the national view, where one pixel is about 2 km: invisible there."""

FINE_TOLERANCE_M = 15.0
"""Light simplification kept for zoomed-in views and the inset, where small areas are drawn."""

COARSE_BELOW_PIXELS_PER_M = 1 / 600
"""Use the coarse paths while one pixel covers more than twice the coarse tolerance (600 m)."""

BORDER_COLOUR = QColor("white")
BORDER_WIDTH_PX = 0.8
SELECTION_WIDTH_PX = 3.0
HATCH_COLOUR = QColor(150, 150, 150)


def _polygon_path(polygon: BaseGeometry) -> QPainterPath:
    """A painter path of one polygon with its holes; y is flipped so north is up."""
    path = QPainterPath()
    for ring in (polygon.exterior, *polygon.interiors):
        # Plain floats: numpy scalars passed to QPointF trip a refcount bug in PySide6 6.12.
        path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in ring.coords]))
        path.closeSubpath()
    return path


def geometry_path(geometry: BaseGeometry) -> QPainterPath:
    """A painter path of a (multi)polygon in scene coordinates, holes cut out (odd-even fill)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for part in shapely.get_parts(geometry):
        if part.geom_type == "Polygon" and not part.is_empty:
            path.addPath(_polygon_path(part))
    return path


def scene_rect_of_bounds(bounds: tuple[float, float, float, float]) -> QRectF:
    """The scene rectangle of shapely bounds (min x, min y, max x, max y) in drawing metres."""
    minx, miny, maxx, maxy = bounds
    return QRectF(minx, -maxy, maxx - minx, maxy - miny)


class AreaItem(QGraphicsPathItem):
    """One area: the fine path for hit-testing and close-ups, a coarse one for the national view."""

    def __init__(self, key: str, fine_path: QPainterPath, coarse_path: QPainterPath) -> None:
        super().__init__(fine_path)
        self._coarse_path = coarse_path
        self.no_data = True
        self.selected = False
        self.border_pen = QPen(BORDER_COLOUR, BORDER_WIDTH_PX)
        self.border_pen.setCosmetic(True)
        self.setData(0, key)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)

    @property
    def key(self) -> str:
        return str(self.data(0))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        pixels_per_metre = QStyleOptionGraphicsItem.levelOfDetailFromTransform(
            painter.worldTransform()
        )
        path = self._coarse_path if pixels_per_metre < COARSE_BELOW_PIXELS_PER_M else self.path()
        if self.selected:
            # The selection is a ring around the area: its wide pen is stroked first and the
            # fill painted over it, so only the outer half shows and the class colour stays
            # whole however small the area (a 3 px outline all but filled Bergen).
            painter.strokePath(path, self.pen())
        painter.fillPath(path, self.brush())
        if self.no_data:
            # Pattern brushes are cosmetic: the hatch keeps its spacing at any zoom and dpi.
            painter.fillPath(path, QBrush(HATCH_COLOUR, Qt.BrushStyle.BDiagPattern))
        painter.strokePath(path, self.border_pen if self.selected else self.pen())


class MapScene(QGraphicsScene):
    """The areas of one map set as path items; build once per :class:`Geography`.

    Args:
        geography: The map set, in the drawing CRS.
        parent: The Qt parent.
    """

    def __init__(self, geography: Geography, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.geography_id = geography.id
        self._items: dict[str, AreaItem] = {}
        self._selection: set[str] = set()
        self._line_scale = 1.0
        self.selection_width = SELECTION_WIDTH_PX
        self.plan: MapPlan | None = None
        geometries = {
            area.key: area.geometry
            for area in geography.areas
            # A feature repaired to a point or line covers nothing: there is nothing to paint,
            # and coverage simplification refuses anything but polygons (TypeError).
            if area.geometry is not None and not area.geometry.is_empty and area.geometry.area > 0
        }
        self.geometries = geometries
        """The geometry drawn per area key, unsimplified (drawn-in insets were removed when the
        map was read: core/map_geometry.py)."""
        self._small_keys = small_area_keys(geometries)
        keys = list(geometries)
        originals = list(geometries.values())
        fine = self._simplified(originals, FINE_TOLERANCE_M)
        coarse = self._simplified(originals, COARSE_TOLERANCE_M)
        for key, fine_geometry, coarse_geometry in zip(keys, fine, coarse, strict=True):
            item = AreaItem(key, geometry_path(fine_geometry), geometry_path(coarse_geometry))
            self.addItem(item)
            self._items[key] = item
        self._home = QRectF()
        self._inset_rect = QRectF()
        if originals:
            self._home = scene_rect_of_bounds(shapely.total_bounds(originals))
            self._inset_rect = self._bounds_with_margin([geometries[k] for k in self._small_keys])
            # Room around the country for the view to put it anywhere in its viewport (beside
            # the legend, above the inset): a margin of half the country let the view's scroll
            # range clamp the fit under a window manager, the map drawn 80 px off its place.
            margin = max(self._home.width(), self._home.height()) * 2.0
            self.setSceneRect(self._home.adjusted(-margin, -margin, margin, margin))
        self.set_selection([])
        self._style_no_data()

    @staticmethod
    def _simplified(geometries: list[BaseGeometry], tolerance: float) -> list[BaseGeometry]:
        """Simplify shared borders once for both neighbours (no slivers) where the map allows."""
        try:
            if shapely.coverage_is_valid(geometries):
                simplified = list(shapely.coverage_simplify(geometries, tolerance))
                if not any(g.is_empty for g in simplified):
                    return simplified
        except (shapely.errors.GEOSException, TypeError):  # TypeError: not all polygons
            pass
        return list(shapely.simplify(geometries, tolerance, preserve_topology=True))

    @staticmethod
    def _bounds_with_margin(geometries: list[BaseGeometry]) -> QRectF:
        if not geometries:
            return QRectF()
        rect = scene_rect_of_bounds(shapely.total_bounds(geometries))
        margin = max(rect.width(), rect.height()) * 0.1 + 1000.0
        return rect.adjusted(-margin, -margin, margin, margin)

    # ------------------------------------------------------------------ geometry facts

    def keys(self) -> list[str]:
        """The area keys in map-file order."""
        return list(self._items)

    def area_item(self, key: str) -> AreaItem | None:
        """The item drawing ``key``, or None when the map set has no such area."""
        return self._items.get(key)

    def area_items(self) -> list[AreaItem]:
        return list(self._items.values())

    def home_rect(self) -> QRectF:
        """The national view: the bounds of every area (drawn-in insets removed)."""
        return QRectF(self._home)

    def inset_keys(self) -> list[str]:
        """Areas too small to see at national scale, shown in the inset (may be empty)."""
        return list(self._small_keys)

    def label_anchor(self, key: str) -> tuple[QPointF, QRectF] | None:
        """Where an area's label goes (a point inside it) and the bounds of its largest part.

        Computed once per area, when first labelled.
        """
        anchors = self.__dict__.setdefault("_label_anchors", {})
        if key not in anchors:
            geometry = self.geometries.get(key)
            anchors[key] = None
            if geometry is not None:
                parts = list(shapely.get_parts(geometry))
                largest = max(parts, key=lambda part: part.area)
                point = largest.point_on_surface()
                anchors[key] = (
                    QPointF(float(point.x), -float(point.y)),
                    scene_rect_of_bounds(tuple(map(float, largest.bounds))),  # type: ignore[arg-type]
                )
        found: tuple[QPointF, QRectF] | None = anchors[key]
        return found

    def smallest_inset_side(self) -> float:
        """The shorter side of the smallest inset area's bounds, in scene units (0: no inset)."""
        sides = []
        for key in self._small_keys:
            x0, y0, x1, y1 = self.geometries[key].bounds
            sides.append(min(x1 - x0, y1 - y0))
        return min(sides, default=0.0)

    def inset_rect(self) -> QRectF:
        """The scene rectangle the inset shows (empty when there is no inset)."""
        return QRectF(self._inset_rect) if self._small_keys else QRectF()

    def key_at(self, scene_point: QPointF) -> str | None:
        """The area under a scene point, if any."""
        for item in self.items(scene_point, Qt.ItemSelectionMode.IntersectsItemShape):
            if isinstance(item, AreaItem):
                return item.key
        return None

    # ------------------------------------------------------------------ styling

    def _style_no_data(self) -> None:
        for item in self._items.values():
            item.no_data = True
            item.setBrush(QBrush(QColor(NO_DATA_COLOUR)))
            item.setToolTip(_("{area}: no data").format(area=item.key))

    def apply_plan(self, plan: MapPlan) -> None:
        """Fill every area with the plan's colour and set its tooltip; no geometry is rebuilt."""
        self.plan = plan
        for key, item in self._items.items():
            style = plan.areas.get(key)
            if style is None or style.value is None:
                item.no_data = True
                item.setBrush(QBrush(QColor(NO_DATA_COLOUR)))
                name = style.name if style is not None and style.name else key
                item.setToolTip(_("{area}: no data").format(area=name))
            else:
                item.no_data = False
                item.setBrush(QBrush(QColor(style.colour)))
                item.setToolTip(f"{style.name or key}: {style.value_text}")
            item.update()

    def tooltip_of(self, key: str) -> str:
        """The tooltip of area ``key`` (its name and value), "" for an unknown key."""
        item = self._items.get(key)
        return item.toolTip() if item is not None else ""

    def brush_colour(self, key: str) -> QColor:
        """The fill colour of an area (for tests and linked views)."""
        item = self._items[key]
        return item.brush().color()

    def set_selection(self, keys: list[str] | set[str] | tuple[str, ...]) -> None:
        """Ring the selected areas in orange, drawn above their neighbours, fill unhidden."""
        self._selection = {k for k in keys if k in self._items}
        self._restyle_pens()

    def selection(self) -> set[str]:
        return set(self._selection)

    def set_line_scale(self, scale: float) -> None:
        """Scale the cosmetic line widths (for exports at a dpi above the screen's)."""
        self._line_scale = scale
        self._restyle_pens()

    def set_selection_width(self, pixels: float) -> None:
        """The outline width of selected areas (thicker in the projector theme)."""
        self.selection_width = pixels
        self._restyle_pens()

    def _restyle_pens(self) -> None:
        border = QPen(BORDER_COLOUR, BORDER_WIDTH_PX * self._line_scale)
        border.setCosmetic(True)
        border.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        # Twice the ring's width: the inner half lies under the area's fill (AreaItem.paint).
        selected = QPen(QColor(SELECTION_COLOUR), 2 * self.selection_width * self._line_scale)
        selected.setCosmetic(True)
        selected.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for key, item in self._items.items():
            chosen = key in self._selection
            item.selected = chosen
            item.border_pen = border
            item.setPen(selected if chosen else border)
            item.setZValue(10 if chosen else 0)
