"""Reading map sets (GeoJSON) into :class:`Geography`, projected for drawing.

GeoJSON is read with the standard ``json`` module and shapely rather than through GDAL: the files
are plain GeoJSON, and keeping GDAL out of the run-time path keeps the installer small
(../shared/ENVIRONMENT.md). Coordinates are projected into :data:`DRAWING_CRS` by
:mod:`atlasviewer.core.projection` (our own Transverse Mercator, no PROJ); a map in a coordinate
system it does not support is refused with a problem record rather than drawn in the wrong place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
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
from atlasviewer.core.registry import AreaRegistry, default_registry, normalise_name
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
    area_names: Collection[str] = (),
) -> Geography:
    """Read a GeoJSON map set; every problem becomes a record, never an exception.

    Args:
        path: The GeoJSON file.
        registry: Recognises names and codes; the map's own names stay the area keys.
        geography_id: The id to give the set (default: the file stem).
        key_property: The property naming areas; chosen by content (:func:`choose_key`) when
            not given.
        area_names: The names the data give their areas, where known: the key is the property
            whose values match them best.
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

    properties = [_properties(feature) for feature in features]
    choice = choose_key(properties, registry, key_property=key_property, area_names=area_names)
    if choice.name is None and choice.code is None:
        seen = sorted({name for props in properties for name in props})
        log.error(
            "features[*].properties",
            N_(
                "The map has no property that names or numbers its areas, so it cannot be "
                "drawn; its result boxes still show their charts and tables. Its features have "
                "the properties: {properties}."
            ),
            properties=", ".join(seen) or "—",
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
        found = _identify(props, registry, choice)
        if found is None:
            log.error(
                place,
                N_("The feature has no value in the map's area property {name}; it is not drawn."),
                name=choice.name or choice.code,
            )
            continue
        geometry = read_geometry(raw_geometry, place, log, transform)
        if geometry is None:
            continue
        existing = geo.area(found.key)
        if existing is not None and existing.geometry is not None:
            existing.geometry = existing.geometry.union(geometry)
            continue
        found.geometry = geometry
        geo.areas.append(found)
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
    known = sum(1 for a in geo.areas if a.registry_ids)
    if geo.areas and known < 0.8 * len(geo.areas):
        for area in geo.areas:
            area.canonical = None
            area.region = None
            area.members = ()


@dataclass(frozen=True)
class KeyChoice:
    """Which feature properties identify a map's areas.

    Attributes:
        name: The property holding each area's name, or None.
        code: The property holding the producer's numeric code, or None.
    """

    name: str | None
    code: str | None


def _properties(feature: Any) -> dict[str, Any]:
    props = feature.get("properties") if isinstance(feature, dict) else None
    return props if isinstance(props, dict) else {}


def _as_code(value: Any) -> int | None:
    """``value`` as a producer's code: a whole number (not a bool, not NaN), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if value == value and float(value).is_integer() else None


def _known_name(registry: AreaRegistry, text: str) -> bool:
    found = registry.match(text)
    if found is not None and found.kind in ("area", "region"):
        return True
    return registry.members(text) is not None


def choose_key(
    properties: list[dict[str, Any]],
    registry: AreaRegistry,
    *,
    key_property: str | None = None,
    area_names: Collection[str] = (),
) -> KeyChoice:
    """The properties that name and number a map's areas, chosen by their values, not names.

    The name property is the one whose text values best match ``area_names`` (the data's own
    names) or the registry's spellings of areas, merged areas and regions; without any match,
    the text property that tells the features apart best (distinct values for at least 90 % of
    them, and at least three features unless the property is a customary name), so that a map
    of areas no registry knows keeps its own names. Ties go to the customary names
    (:data:`NAME_PROPERTIES`). The code property is an integer property with a
    distinct value per feature: a customary one (:data:`CODE_PROPERTIES`) first, else the one
    most of whose values are registry codes; a running number 1..N (``OBJECTID``) is taken only
    when its values are registry codes.
    """
    if key_property:
        return KeyChoice(key_property, key_property)
    count = len(properties)
    order = list(dict.fromkeys(name for props in properties for name in props))
    wanted = {normalise_name(n) for n in area_names}
    best_name: tuple[tuple[float, ...], str] | None = None
    best_code: tuple[tuple[float, float], str] | None = None
    for prop in order:
        values = [props.get(prop) for props in properties]
        texts = [v.strip() for v in values if isinstance(v, str) and v.strip()]
        if count and len(texts) >= 0.5 * count:
            distinct = len({normalise_name(t) for t in texts}) / count
            known = sum(1 for t in texts if normalise_name(t) in wanted or _known_name(registry, t))
            tells_apart = distinct >= 0.9 and (count >= 3 or prop in NAME_PROPERTIES)
            if known or tells_apart:
                score = (known / count, distinct, float(prop in NAME_PROPERTIES))
                if best_name is None or score > best_name[0]:
                    best_name = (score, prop)
        codes = [c for c in map(_as_code, values) if c is not None]
        if count and len(codes) == count and len(set(codes)) == count:
            in_registry = sum(1 for c in codes if registry.area_by_code(c) is not None) / count
            running = sorted(codes) == list(range(1, count + 1))
            if running and in_registry < 0.8 and prop not in CODE_PROPERTIES:
                continue
            code_score = (float(prop in CODE_PROPERTIES), in_registry)
            if best_code is None or code_score > best_code[0]:
                best_code = (code_score, prop)
    return KeyChoice(best_name[1] if best_name else None, best_code[1] if best_code else None)


def _identify(props: dict[str, Any], registry: AreaRegistry, choice: KeyChoice) -> Area | None:
    """The area a feature's properties name (without geometry), or None if they name none.

    A referral area the registry knows is keyed by its registry name, so that every spelling
    of it ("NLSH HF-område", "Nordlandssykehuset") ends as one key, and gets the registry's
    code (some files number their areas their own way). A merged name ("Fonna/Bergen") whose
    parts are registry areas becomes a merged area keyed by the registry names joined.
    """
    code = _as_code(props.get(choice.code)) if choice.code else None
    name = props.get(choice.name) if choice.name else None
    if isinstance(name, (int, float)) and not isinstance(name, bool) and choice.name == choice.code:
        name = None
    if isinstance(name, str) and name.strip():
        text = name.strip()
        match = registry.match(text)
        if match is not None and match.kind == "area":
            known = registry.areas[match.id]
            return Area(known.names["nb"], known.code, known.id, known.region)
        merged = registry.merged_match(text)
        if merged is not None:
            members = tuple(merged.members)
            regions = {registry.areas[m].region for m in members}
            region = regions.pop() if len(regions) == 1 else None
            # A merged area the registry lists keeps its own name ("Oslo"); one spelt as its
            # parts ("Fonna/Bergen") is keyed by the parts' registry names joined.
            listed = merged.id in registry.merged
            key = merged.name("nb") if listed else registry.merged_name(members)
            return Area(key, code, None, region, members=members)
        return Area(text, code)
    if code is not None:
        by_code = registry.area_by_code(code)
        if by_code is not None:
            return Area(by_code.names["nb"], code, by_code.id, by_code.region)
        return Area(str(code), code)
    return None


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
