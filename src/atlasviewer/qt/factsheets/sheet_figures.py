"""The two small figures of a fact-sheet block: the spread strip and the locator map."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPen,
    QPolygonF,
)

from atlasviewer.core.factsheet import REGION, BoxFacts
from atlasviewer.core.formatting import format_number
from atlasviewer.core.model import Geography
from atlasviewer.core.plans import NATIONAL_COLOUR, SELECTION_COLOUR, MapAreaStyle, MapPlan
from atlasviewer.core.registry import normalise_name
from atlasviewer.qt.factsheets.sheet_style import AREA_FILL, MUTED_COLOUR, SMALL_FONT, sheet_font

GeographyLookup = Callable[[str], Geography | None]
SceneFactory = Callable[[Geography], Any]
"""Builds the map scene of a map set (:class:`atlasviewer.qt.map.scene.MapScene`): handed in by
the caller, so that the fact sheets do not import the map pane."""


class LocatorMaps:
    """The locator maps of one sheet: a scene per map set, the sheet's area highlighted.

    Args:
        target: The fact sheet's area or region.
        geography_for: Returns the map set of a result box's map file, or None.
        scene_for: Builds the scene of a map set; without it or ``geography_for``, no maps.
    """

    def __init__(
        self, target: Any, geography_for: GeographyLookup | None, scene_for: SceneFactory | None
    ) -> None:
        self.target = target
        self.geography_for = geography_for
        self.scene_for = scene_for
        self._scenes: dict[str, Any] = {}

    def paint(self, painter: QPainter, box: BoxFacts, rect: QRectF) -> None:
        """The map set drawn by the map widget's own scene, the fact sheet's area highlighted."""
        scene = self._scene(box.map_file)
        if scene is None:
            return
        home = scene.home_rect()
        if home.isEmpty():
            return
        scene.render(painter, rect, home, Qt.AspectRatioMode.KeepAspectRatio)

    def _scene(self, map_file: str) -> Any:
        cache_key = map_file or ""
        if cache_key in self._scenes:
            return self._scenes[cache_key]
        geography = self.geography_for(map_file) if self.geography_for else None
        scene = None
        if geography is not None and geography.areas and self.scene_for is not None:
            scene = self.scene_for(geography)
            scene.apply_plan(self._plan(geography))
        self._scenes[cache_key] = scene
        return scene

    def _plan(self, geography: Geography) -> MapPlan:
        target = self.target
        areas = {}
        for area in geography.areas:
            if target.level == REGION:
                is_target = area.region == target.id
            else:
                is_target = area.canonical == target.id or normalise_name(area.key) == target.id
            colour = SELECTION_COLOUR if is_target else AREA_FILL.name()
            # Any value: a None value would draw the area hatched as "no data".
            areas[area.key] = MapAreaStyle(
                area.key, area.key, 1.0 if is_target else 0.0, "", colour, int(is_target)
            )
        return MapPlan(geography.id, "", areas, [])


def paint_strip(painter: QPainter, box: BoxFacts, rect: QRectF, lang: str, draw_text: Any) -> None:
    """Every area as a tick on one axis from the lowest to the highest value.

    ``draw_text(painter, rect, text, font, colour, flags)`` writes the end values (in ``lang``).
    """
    values = [s.value for s in box.spread]
    if box.national_value is not None:
        values.append(box.national_value)
    if not values:
        return
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    axis_y = rect.top() + rect.height() * 0.45
    left, width = rect.left() + 4, rect.width() - 8

    def x_of(value: float) -> float:
        return left + (value - low) / span * width

    painter.setPen(QPen(QColor("#999999"), 0.8))
    painter.drawLine(QPointF(left, axis_y), QPointF(left + width, axis_y))
    painter.setPen(QPen(QColor("#8c8c8c"), 0.8))
    for spread in box.spread:
        if not spread.is_target:
            painter.drawLine(
                QPointF(x_of(spread.value), axis_y - 5), QPointF(x_of(spread.value), axis_y + 5)
            )
    if box.national_value is not None:
        nx = x_of(box.national_value)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(NATIONAL_COLOUR)))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(nx, axis_y - 6),
                    QPointF(nx + 4, axis_y),
                    QPointF(nx, axis_y + 6),
                    QPointF(nx - 4, axis_y),
                ]
            )
        )
    painter.setPen(QPen(QColor(SELECTION_COLOUR), 2.2))
    for spread in box.spread:
        if spread.is_target:
            painter.drawLine(
                QPointF(x_of(spread.value), axis_y - 8), QPointF(x_of(spread.value), axis_y + 8)
            )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    small = sheet_font(SMALL_FONT - 0.5)
    bottom = QRectF(rect.left(), axis_y + 8, rect.width(), 10)
    draw_text(
        painter,
        bottom,
        format_number(low, box.format, lang),
        small,
        MUTED_COLOUR,
        int(Qt.AlignmentFlag.AlignLeft),
    )
    draw_text(
        painter,
        bottom,
        format_number(high, box.format, lang),
        small,
        MUTED_COLOUR,
        int(Qt.AlignmentFlag.AlignRight),
    )
