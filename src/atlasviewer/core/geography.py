"""Reading map sets (GeoJSON) into :class:`Geography`, projected for drawing.

GeoJSON is read with the standard ``json`` module and shapely rather than through GDAL: the files
are plain GeoJSON, and keeping GDAL out of the run-time path keeps the installer small
(../shared/ENVIRONMENT.md). Coordinates are projected into :data:`DRAWING_CRS` by
:mod:`atlasviewer.core.projection` (our own Transverse Mercator, no PROJ); a map in a coordinate
system it does not support is refused with a problem record rather than drawn in the wrong place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atlasviewer.core.geojson_checks import (
    SWAPPED,
    WEB_MERCATOR,
    axis_fix,
    feature_parts,
    read_geometry,
    report_axis_fix,
    swap_axes,
    web_mercator_to_lon_lat,
)
from atlasviewer.core.model import DRAWING_CRS, Area, Geography
from atlasviewer.core.problems import ProblemLog
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.core.safe_io import MISSING, NOT_JSON, NOT_UTF8, UNREADABLE, load_json
from atlasviewer.i18n import N_

if TYPE_CHECKING:
    import numpy as np

WGS84 = "EPSG:4326"
UTM33 = "EPSG:25833"

NAME_PROPERTIES = ("area", "bohf_str", "BoområdeK", "navn", "name", "Navn", "omrade", "område")
"""Properties that hold an area's name, in the order they are tried."""

CODE_PROPERTIES = ("BoHF_num", "Opptaksomr", "BoHF_ny2", "BoHF", "code", "kode")
"""Properties that hold the producer's referral-area code, in the order they are tried."""


MAP_FILE_MESSAGES = {
    MISSING: N_("The map file does not exist."),
    NOT_UTF8: N_("The map file is not UTF-8 text."),
    NOT_JSON: N_("The map file is not valid JSON: {reason}."),
    UNREADABLE: N_("The map file cannot be read: {reason}."),
}


def guess_crs(coordinates: Iterable[tuple[float, float]]) -> str:
    """WGS84 when every coordinate looks like lon/lat, else UTM 33 (the first-generation maps)."""
    for x, y in coordinates:
        if abs(x) > 180 or abs(y) > 90:
            return UTM33
    return WGS84


def _first_points(geometry: dict[str, Any], limit: int = 50) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []

    def walk(node: Any) -> None:
        if len(points) >= limit:
            return
        if isinstance(node, (list, tuple)) and node and isinstance(node[0], (int, float)):
            if len(node) >= 2 and isinstance(node[1], (int, float)):
                points.append((float(node[0]), float(node[1])))
            return
        if isinstance(node, (list, tuple)):
            for child in node:
                walk(child)

    walk(geometry.get("coordinates", []))
    return points


def _declared_crs(raw: dict[str, Any]) -> str | None:
    """The CRS the file's ``crs`` member names, as ``EPSG:<code>`` or ``OGC:CRS84``; None if none.

    Reads the named form (``{"type": "name", "properties": {"name": "EPSG:25833"}}``, any
    spelling :func:`~atlasviewer.core.projection.normalise_crs` knows) and the old GeoJSON 2008
    ``{"type": "EPSG", "properties": {"code": 4326}}``. A CRS that
    :mod:`~atlasviewer.core.projection` does not support is returned too, so that it can be named.
    """
    from atlasviewer.core.projection import normalise_crs

    member = raw.get("crs")
    props = member.get("properties") if isinstance(member, dict) else None
    if not isinstance(props, dict):
        return None
    name = props.get("name")
    if isinstance(name, str) and name.strip():
        return normalise_crs(name)
    code = props.get("code")
    if isinstance(code, (int, str)) and str(code).strip().isdigit():
        return f"EPSG:{int(code)}"
    return None


def read_geojson(
    path: Path,
    registry: AreaRegistry | None = None,
    *,
    geography_id: str | None = None,
    key_property: str | None = None,
) -> Geography:
    """Read a GeoJSON map set; every problem becomes a record, never an exception.

    Args:
        path: The GeoJSON file.
        registry: Recognises names and codes; the map's own names stay the area keys.
        geography_id: The id to give the set (default: the file stem).
        key_property: The property naming areas; found among :data:`NAME_PROPERTIES` and
            :data:`CODE_PROPERTIES` when not given.
    """
    from atlasviewer.core.projection import UnsupportedCrsError, to_drawing_crs

    registry = registry or default_registry()
    log = ProblemLog(str(path))
    geo = Geography(id=geography_id or path.stem, source=path, areas=[], problems=log.problems)
    failed = object()
    raw = load_json(path, "geojson", log, MAP_FILE_MESSAGES, default=failed)
    if raw is failed:
        return geo
    features = raw.get("features") if isinstance(raw, dict) else None
    if not isinstance(features, list) or not features:
        log.error("features", N_("The map file has no features (not a GeoJSON map)."))
        return geo

    heads = [
        f["geometry"]
        for f in features[:3]
        if isinstance(f, dict) and isinstance(f.get("geometry"), dict)
    ]
    sample = [point for geometry in heads for point in _first_points(geometry)]
    declared = _declared_crs(raw)
    fix = axis_fix(sample, declared is not None)
    if fix is not None:
        report_axis_fix(fix, log)
    crs = WGS84 if fix is not None else declared or guess_crs(sample)
    geo.source_crs = crs
    try:
        project = None if crs == DRAWING_CRS else to_drawing_crs(crs)
    except UnsupportedCrsError:
        log.error(
            "crs",
            N_(
                "The map's coordinate system {crs} is not supported; supported are WGS 84 and "
                "ETRS89 longitude/latitude and UTM zones 31–37 north."
            ),
            crs=crs,
        )
        return geo

    transform = _compose(
        {WEB_MERCATOR: web_mercator_to_lon_lat, SWAPPED: swap_axes}.get(fix or ""), project
    )
    for index, feature in enumerate(features):
        place = f"features[{index}]"
        parts = feature_parts(feature, place, log)
        if parts is None:
            continue
        props, raw_geometry = parts
        key, code = _identify(props, registry, key_property)
        if key is None:
            log.error(
                place,
                N_("The feature has no area name or code property (looked for {names})."),
                names=", ".join((key_property,) if key_property else NAME_PROPERTIES),
            )
            continue
        geometry = read_geometry(raw_geometry, place, log, transform)
        if geometry is None:
            continue
        match = registry.match(key)
        canonical = match.id if match is not None and match.kind == "area" else None
        region = registry.areas[canonical].region if canonical else None
        if code is None and canonical:
            code = registry.areas[canonical].code
        existing = geo.area(key)
        if existing is not None and existing.geometry is not None:
            existing.geometry = existing.geometry.union(geometry)
            continue
        geo.areas.append(Area(key, code, canonical, region, geometry))
    _forget_registry_if_foreign(geo)
    _strip_drawn_insets(geo)
    return geo


def _compose(
    first: Callable[[np.ndarray], np.ndarray] | None,
    second: Callable[[np.ndarray], np.ndarray] | None,
) -> Callable[[np.ndarray], np.ndarray] | None:
    if first is None or second is None:
        return first or second
    return lambda coords: second(first(coords))


def _strip_drawn_insets(geo: Geography) -> None:
    from atlasviewer.core.map_geometry import strip_drawn_insets

    drawn = {
        a.key: a.geometry for a in geo.areas if a.geometry is not None and not a.geometry.is_empty
    }
    stripped = strip_drawn_insets(drawn)
    for area in geo.areas:
        if area.key in stripped:
            area.geometry = stripped[area.key]


def _forget_registry_if_foreign(geo: Geography) -> None:
    """A map whose names are mostly not referral areas (counties, DPS areas) is its own set.

    Counties share a few names with referral areas ("Finnmark", "Møre og Romsdal"); such a map's
    areas must not be taken for the referral areas of the same name.
    """
    known = sum(1 for a in geo.areas if a.canonical)
    if geo.areas and known < 0.8 * len(geo.areas):
        for area in geo.areas:
            area.canonical = None
            area.region = None


def _identify(
    props: dict[str, Any], registry: AreaRegistry, key_property: str | None
) -> tuple[str | None, int | None]:
    """The area's key (a name) and producer code from a feature's properties."""
    names = (key_property,) if key_property else NAME_PROPERTIES
    codes = (key_property,) if key_property else CODE_PROPERTIES
    code: int | None = None
    for prop in codes:
        value = props.get(prop)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            code = int(value)
            break
    for prop in names:
        value = props.get(prop)
        if isinstance(value, str) and value.strip():
            match = registry.match(value)
            if match is not None and match.kind == "area":
                # A known referral area is keyed by its registry name, so that every spelling
                # of it ("NLSH HF-område", "Nordlandssykehuset") ends as one key. Its code is
                # the registry's: some files number their areas their own way.
                known = registry.areas[match.id]
                return known.names["nb"], known.code
            return value.strip(), code
    if code is not None:
        by_code = registry.area_by_code(code)
        if by_code is not None:
            return by_code.names["nb"], code
        return str(code), code
    return None, None


def dissolve_regions(geo: Geography, registry: AreaRegistry | None = None) -> Geography:
    """The health regions as a map set, each the union of its referral areas in ``geo``."""
    from shapely.ops import unary_union

    registry = registry or default_registry()
    areas: list[Area] = []
    for region in registry.regions.values():
        parts = [a.geometry for a in geo.areas if a.region == region.id and a.geometry is not None]
        if parts:
            areas.append(Area(region.name("nb"), None, region.id, region.id, unary_union(parts)))
    return Geography(
        id=f"regions:{geo.id}",
        source=geo.source,
        areas=areas,
        level="region",
        source_crs=geo.source_crs,
    )
