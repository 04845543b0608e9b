"""Checks on the parts of a GeoJSON map that come from untrusted input, for :mod:`.geography`.

Each function records what is wrong in a :class:`~.problems.ProblemLog` and returns what can be
used, never raising on bad input:

* :func:`feature_parts`: a feature, its properties and its geometry must be JSON objects.
* :func:`read_geometry`: coordinates must be numbers in pairs (shapely's ``GEOSException`` and
  ``GeometryTypeError`` on broken rings become problems); an invalid (self-intersecting)
  geometry is repaired with shapely's ``make_valid``, and reported as a warning when that changes
  its area (:data:`REPAIR_TOLERANCE`); an empty one or one whose repair leaves no area is
  reported, so that no area vanishes from the map without a word.
* :func:`axis_fix`: a map in Web Mercator (EPSG:3857) without a ``crs`` member, or in
  longitude/latitude with the two swapped, is told by its coordinate ranges and read correctly,
  with a warning.

Qt-free: shapely and numpy only.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from atlasviewer.core.problems import ProblemLog
from atlasviewer.i18n import N_

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

WEB_MERCATOR = "EPSG:3857"
SWAPPED = "swapped"

EARTH_RADIUS = 6378137.0
"""The sphere of Web Mercator (EPSG:3857), metres."""

UTM_MAX_NORTHING = 8.0e6
"""Northings above this are no UTM coordinates of mainland Norway (its North Cape is at 7.95e6 in
UTM 33) but Web Mercator ones (the mainland spans 7.97e6-11.5e6 there: 59.9°N, Oslo, is 8.37e6).
A map none of whose first points lies north of it is taken for UTM."""

MERCATOR_MAX = 20037508.35
"""The largest Web Mercator coordinate (half the equator)."""

REPAIR_TOLERANCE = 0.01
"""An invalid geometry whose repair changes its area by more than 1% is reported. The published
maps have 35 slightly self-touching features whose repair changes their area by at most 0.006%
(measured); those are repaired without a word, as shapely's ``buffer(0)`` did before."""

NORWAY_LATITUDES = (55.0, 75.0)
NORWAY_LONGITUDES = (-10.0, 35.0)
"""Latitude and longitude ranges of the atlases' maps (mainland Norway with margin). A
longitude/latitude map whose first coordinates all lie in the latitude range and whose second
all lie in the longitude range has its axes swapped: the two ranges do not overlap, so no map in
the right order is ever taken for a swapped one."""


def feature_parts(
    feature: Any, place: str, log: ProblemLog
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """A feature's properties and geometry; None (with an error) when either is not an object."""
    if not isinstance(feature, dict):
        log.error(place, N_("The feature is not a JSON object; it was skipped."))
        return None
    props = feature.get("properties")
    if props is None:
        props = {}
    if not isinstance(props, dict):
        log.error(f"{place}.properties", N_("The feature's properties are not an object."))
        return None
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        log.error(f"{place}.geometry", N_("The feature has no geometry object."))
        return None
    return props, geometry


POSITION_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
"""How many lists hold a geometry's positions (each a list of numbers), by GeoJSON type."""


def _is_position(item: Any) -> bool:
    return (
        isinstance(item, list)
        and len(item) >= 2
        and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            for v in item
        )
    )


def _coordinates_sound(kind: Any, coordinates: Any) -> bool:
    """Whether ``coordinates`` nests finite number pairs as deep as ``kind`` needs (iterative)."""
    depth = POSITION_DEPTH.get(kind) if isinstance(kind, str) else None
    if depth is None:
        return True  # an unknown type: shapely names it
    if depth == 0:
        return _is_position(coordinates)
    stack = [(coordinates, depth)]
    while stack:
        item, level = stack.pop()
        if not isinstance(item, list):
            return False
        if level == 1:
            if not _are_positions(item):
                return False
            continue
        stack.extend((child, level - 1) for child in item)
    return True


def _are_positions(items: list[Any]) -> bool:
    """Whether every item is a position (see :func:`_is_position`), checked by numpy at once.

    Python per position took ~0.85 s for the first-generation maps' 126,000; numpy's dtype says
    the same (a string, a bool, a list or a number too large for a float make it other than
    int or float; a ragged list cannot be made an array) in a few milliseconds.
    """
    import numpy as np

    if not items:
        return True
    try:
        array = np.array(items)
    except (ValueError, TypeError, OverflowError):
        return False
    return (
        array.ndim == 2
        and array.shape[1] >= 2
        and array.dtype.kind in "iuf"
        and bool(np.isfinite(array).all())
    )


def _repaired(geometry: BaseGeometry, area_before: float) -> BaseGeometry:
    """``geometry`` made valid, polygons kept.

    ``buffer(0)`` first: it is the classic repair of the slivers and touching rings that real
    maps have (the first-generation maps' 23 invalid features change by at most 0.006 %), and
    5x faster than ``make_valid`` (0.2 s against 1.0 s for those 23). Where it changes the area
    by more than :data:`REPAIR_TOLERANCE` (a ring crossing itself: buffer(0) drops a lobe),
    ``make_valid`` by structure keeps every lobe as a polygon.
    """
    import shapely

    fixed = geometry.buffer(0)
    if area_before > 0 and abs(fixed.area - area_before) / area_before <= REPAIR_TOLERANCE:
        return fixed
    repaired = shapely.make_valid(geometry, method="structure", keep_collapsed=False)
    if repaired.geom_type in ("Polygon", "MultiPolygon"):
        return repaired
    polygons = [
        part
        for part in shapely.get_parts(repaired)
        if part.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(polygons) if polygons else repaired


def read_geometry(
    raw: dict[str, Any],
    place: str,
    log: ProblemLog,
    transform: Callable[[np.ndarray], np.ndarray] | None = None,
) -> BaseGeometry | None:
    """A feature's geometry in shapely, projected by ``transform``; None (and an error) if unusable.

    Invalid geometry is repaired (``make_valid``, polygons kept) with a warning; an empty one is a
    warning and None.
    """
    import shapely
    from shapely.errors import ShapelyError
    from shapely.geometry import shape

    if not _coordinates_sound(raw.get("type"), raw.get("coordinates")):
        log.error(
            f"{place}.geometry.coordinates",
            N_("The feature's coordinates are not pairs of numbers; it was skipped."),
        )
        return None
    try:
        geometry = shape(raw)
        if transform is not None:
            geometry = shapely.transform(geometry, transform)
        valid = bool(geometry.is_valid)
    except (ShapelyError, KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        log.error(place, N_("The feature's geometry cannot be read: {reason}."), reason=exc)
        return None
    if geometry.is_empty:
        log.warning(place, N_("The feature's geometry is empty; the area is not drawn."))
        return None
    if not valid:
        area_before = geometry.area
        try:
            fixed = _repaired(geometry, area_before)
        except ShapelyError as exc:
            log.error(place, N_("The feature's geometry cannot be read: {reason}."), reason=exc)
            return None
        if fixed.is_empty or (area_before > 0 and fixed.area == 0):
            log.warning(
                place, N_("The feature's geometry is broken and has no area; it is not drawn.")
            )
            return None
        change = abs(fixed.area - area_before) / area_before if area_before > 0 else 1.0
        if change > REPAIR_TOLERANCE:
            log.warning(
                place,
                N_(
                    "The feature's geometry is invalid (self-intersecting); it was repaired, "
                    "which changed its area by {percent} %."
                ),
                percent=f"{min(change, 9.99) * 100:.0f}",
            )
        geometry = fixed
    return geometry


def axis_fix(sample: list[tuple[float, float]], declared: bool) -> str | None:
    """:data:`WEB_MERCATOR` or :data:`SWAPPED` when the sample's ranges say so, else None.

    Args:
        sample: The first coordinates of the map.
        declared: Whether the file names its CRS (a named CRS is trusted for Web Mercator).
    """
    finite = [(x, y) for x, y in sample if math.isfinite(x) and math.isfinite(y)]
    if not finite:
        return None
    xs = [x for x, _ in finite]
    ys = [y for _, y in finite]
    in_mercator = all(abs(x) <= MERCATOR_MAX for x in xs) and max(ys) <= MERCATOR_MAX
    if not declared and in_mercator and max(ys) > UTM_MAX_NORTHING and min(ys) > 0:
        return WEB_MERCATOR
    low, high = NORWAY_LATITUDES
    west, east = NORWAY_LONGITUDES
    if all(low <= x <= high for x in xs) and all(west <= y <= east for y in ys):
        return SWAPPED
    return None


def web_mercator_to_lon_lat(coords: np.ndarray) -> np.ndarray:
    """EPSG:3857 metres to longitude/latitude degrees (the spherical formulas, exact)."""
    x, y = coords[:, 0], coords[:, 1]
    lon = np.degrees(x / EARTH_RADIUS)
    lat = np.degrees(2.0 * np.arctan(np.exp(y / EARTH_RADIUS)) - math.pi / 2.0)
    return np.column_stack([lon, lat])


def swap_axes(coords: np.ndarray) -> np.ndarray:
    """Latitude/longitude pairs as longitude/latitude."""
    return coords[:, ::-1].copy()


def report_axis_fix(fix: str, log: ProblemLog) -> None:
    """The warning for a map read with :func:`axis_fix`'s correction."""
    if fix == WEB_MERCATOR:
        log.warning(
            "crs",
            N_(
                "The map names no coordinate system but its coordinates are Web Mercator "
                "(EPSG:3857); it was read as such."
            ),
        )
    else:
        log.warning(
            "features",
            N_(
                "The map's coordinates are latitude, longitude (swapped); they were read as "
                "longitude, latitude."
            ),
        )
