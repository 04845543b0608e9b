"""The map's scene: one path item per area of a map set, built once, restyled per plan.

Like QGIS's canvas, the map is painted natively (../shared/CONVENTIONS.md, point 5): the scene
holds one :class:`AreaItem` per area in drawing coordinates (UTM 33 metres, y flipped so north is
up); :meth:`MapScene.apply_plan` only changes brushes and tooltips, never geometry.

Two preparations of the geometry happen once per map set, here rather than in the reader because
they are about drawing, not about the data:

* Some published maps (``kart_2024``, several first-generation maps) carry a *drawn-in inset*: a
  magnified copy of Oslo and its neighbours placed over Sweden, as the atlas web site shows it.
  The copy is removed (:func:`strip_drawn_insets`); the viewer draws its own framed inset.
* Areas too small to see at national scale are found (:func:`small_area_keys`) so the view can
  show them in an inset, for any map set and without naming any area.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
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

from atlasviewer.core.plan import NO_DATA_COLOUR, SELECTION_COLOUR, MapPlan
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

SMALL_AREA_FRACTION = 0.03
"""An area whose bounding box is under 3% of the map's extent (about 45 km for Norway) shows as a
speck at national scale. Measured: Oslo's referral areas are 0.4-2.4%, Oslo county 2.5%, the next
smallest (Vestfold) 5.2%."""

DRAWN_INSET_FRACTION = 0.03
"""A detached cluster of polygons holding over 3% of the land is not an island (Norway's largest,
Hinnøya, is 0.6%); when all its areas also lie elsewhere it is a magnified copy."""

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


def strip_drawn_insets(geometries: dict[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """The geometries without any magnified copy of some areas drawn in beside the country.

    A drawn-in inset is a cluster of polygons detached from the main land mass, holding more than
    :data:`DRAWN_INSET_FRACTION` of the land, whose areas all also lie outside it. Every part
    inside such a cluster's hull is dropped. Maps without one are returned unchanged.
    """
    keys: list[str] = []
    parts: list[BaseGeometry] = []
    for key, geometry in geometries.items():
        for part in shapely.get_parts(geometry):
            keys.append(key)
            parts.append(part)
    if len(parts) < 2:
        return dict(geometries)
    part_array = np.array(parts, dtype=object)
    areas = shapely.area(part_array)
    total = float(areas.sum())
    # Only parts large enough to matter form the clusters; islands join no cluster (cheap).
    big = np.nonzero(areas >= 1e-4 * total)[0]
    tree = shapely.STRtree(part_array[big])
    left, right = tree.query(part_array[big], predicate="dwithin", distance=1000.0)
    parent = list(range(len(big)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(left, right, strict=True):
        parent[root(int(a))] = root(int(b))
    clusters: dict[int, list[int]] = {}
    for i in range(len(big)):
        clusters.setdefault(root(i), []).append(int(big[i]))
    if len(clusters) < 2:
        return dict(geometries)
    ranked = sorted(clusters.values(), key=lambda members: -areas[members].sum())
    drop_hulls = []
    for members in ranked[1:]:
        if areas[members].sum() < DRAWN_INSET_FRACTION * total:
            continue
        member_set = set(members)
        cluster_keys = {keys[i] for i in members}
        elsewhere = {keys[i] for i in range(len(parts)) if i not in member_set}
        if cluster_keys <= elsewhere:
            drop_hulls.append(shapely.convex_hull(shapely.union_all(part_array[members])))
    if not drop_hulls:
        return dict(geometries)
    hull = shapely.union_all(drop_hulls).buffer(1000.0)
    kept: dict[str, list[BaseGeometry]] = {key: [] for key in geometries}
    for key, part in zip(keys, parts, strict=True):
        if not hull.contains(part):
            kept[key].append(part)
    return {
        key: shapely.union_all(pieces) if pieces else geometries[key]
        for key, pieces in kept.items()
    }


def small_area_keys(geometries: dict[str, BaseGeometry]) -> list[str]:
    """Keys of areas too small to see at national scale (see :data:`SMALL_AREA_FRACTION`)."""
    bounds = {key: g.bounds for key, g in geometries.items() if not g.is_empty}
    if not bounds:
        return []
    minx = min(b[0] for b in bounds.values())
    miny = min(b[1] for b in bounds.values())
    maxx = max(b[2] for b in bounds.values())
    maxy = max(b[3] for b in bounds.values())
    extent = max(maxx - minx, maxy - miny)
    if extent <= 0 or len(bounds) < 2:
        return []
    return [
        key
        for key, (x0, y0, x1, y1) in bounds.items()
        if max(x1 - x0, y1 - y0) < SMALL_AREA_FRACTION * extent
    ]


class AreaItem(QGraphicsPathItem):
    """One area: the fine path for hit-testing and close-ups, a coarse one for the national view."""

    def __init__(self, key: str, fine_path: QPainterPath, coarse_path: QPainterPath) -> None:
        super().__init__(fine_path)
        self._coarse_path = coarse_path
        self.no_data = True
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
        painter.fillPath(path, self.brush())
        if self.no_data:
            # Pattern brushes are cosmetic: the hatch keeps its spacing at any zoom and dpi.
            painter.fillPath(path, QBrush(HATCH_COLOUR, Qt.BrushStyle.BDiagPattern))
        painter.strokePath(path, self.pen())


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
        self.plan: MapPlan | None = None
        geometries = {
            area.key: area.geometry
            for area in geography.areas
            if area.geometry is not None and not area.geometry.is_empty
        }
        geometries = strip_drawn_insets(geometries)
        self.geometries = geometries
        """The geometry drawn per area key (drawn-in insets removed), unsimplified."""
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
            margin = max(self._home.width(), self._home.height()) * 0.5
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
        except shapely.errors.GEOSException:
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

    def brush_colour(self, key: str) -> QColor:
        """The fill colour of an area (for tests and linked views)."""
        item = self._items[key]
        return item.brush().color()

    def set_selection(self, keys: list[str] | set[str] | tuple[str, ...]) -> None:
        """Outline the selected areas in orange, drawn above their neighbours."""
        self._selection = {k for k in keys if k in self._items}
        self._restyle_pens()

    def selection(self) -> set[str]:
        return set(self._selection)

    def set_line_scale(self, scale: float) -> None:
        """Scale the cosmetic line widths (for exports at a dpi above the screen's)."""
        self._line_scale = scale
        self._restyle_pens()

    def _restyle_pens(self) -> None:
        border = QPen(BORDER_COLOUR, BORDER_WIDTH_PX * self._line_scale)
        border.setCosmetic(True)
        border.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        selected = QPen(QColor(SELECTION_COLOUR), SELECTION_WIDTH_PX * self._line_scale)
        selected.setCosmetic(True)
        selected.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for key, item in self._items.items():
            chosen = key in self._selection
            item.setPen(selected if chosen else border)
            item.setZValue(10 if chosen else 0)

    def retranslate_ui(self) -> None:
        """Re-apply the plan (the caller rebuilds it in the new language) or no-data tooltips."""
        if self.plan is not None:
            self.apply_plan(self.plan)
        else:
            self._style_no_data()
