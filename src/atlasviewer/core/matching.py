"""The one matcher of a row set's rows to the areas of a map, computed once per data and map.

Rows name their area in many spellings ("St. Olavs", "Ahus", "Helse Nord", "Noreg"); a map names
its areas its own way. :func:`match_rows` gives every row its role and identity:

- an **area** row names an area of the map (by the map's own spelling, or through the registry:
  a referral area by its id, a merged area "A/B" by its members);
- a **region** row names a health region (or another aggregate the registry knows) in a dataset
  of smaller areas: a reference beside the areas, selecting the region's areas, never a problem;
- the **national** row names the country;
- a row **without an area** (an age and sex profile, a national series beside the areas) belongs
  to the charts that use it and is not a problem;
- any other name is **unknown**: a warning (the row is shown in tables and charts, not on the map).

The result is kept with the box's data (:func:`cached_match`), so the map, chart, table, export
and fact-sheet plans reuse one match instead of asking the registry again at every click.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from atlasviewer.core.model import Area, Geography, ResultData, RowSet
from atlasviewer.core.problems import Problem, ProblemLog
from atlasviewer.core.records import is_missing
from atlasviewer.core.registry import AreaRegistry, default_registry, normalise_name
from atlasviewer.i18n import N_

AREA = "area"
REGION = "region"
NATIONAL = "national"
UNKNOWN = "unknown"


@dataclass
class RowMatch:
    """How the rows of one row set map onto a geography.

    Attributes:
        mapping: Row name -> area key, for area rows (keys of the map itself) and for region
            rows whose areas are on the map (keys of
            :func:`~atlasviewer.core.geography.dissolve_regions` of that map).
        levels: Row name -> ``"area"`` or ``"region"`` for every row in ``mapping``.
        roles: Row name -> ``"area"``, ``"region"``, ``"national"`` or ``"unknown"``.
        area_ids: Row name -> its identity: the registry id of a referral area or region, the
            members joined by ``+`` for a merged area, else the map's key (or the row's name).
        selects: Row name -> the area ids a click on the row selects: its own for an area row,
            those of the region's areas on the map for a region row.
        national: The row naming the whole country, if any (it is not an area).
        unknown: Row names that are neither on the map nor known aggregates (each a warning).
        without_area: How many rows have no area (profile rows; not problems).
        problems: What could not be matched, naming file and place.
    """

    mapping: dict[str, str] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    area_ids: dict[str, str] = field(default_factory=dict)
    selects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    national: str | None = None
    unknown: list[str] = field(default_factory=list)
    without_area: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def level(self) -> str:
        """``"region"`` when every matched row is a health region, else ``"area"``."""
        if self.levels and all(level == REGION for level in self.levels.values()):
            return REGION
        return AREA

    @property
    def region_rows(self) -> list[str]:
        """The names of the region rows, in row order."""
        return [name for name, role in self.roles.items() if role == REGION]


def area_id(area: Area) -> str:
    """The identity of a map area: registry id, merged members joined by ``+``, else its key."""
    if area.members:
        return "+".join(area.members)
    return area.canonical or area.key


class MapIndex:
    """A geography's areas by folded key, registry id and merged members, built once per map.

    Args:
        geography: The map, or None to identify rows through the registry alone (a chart
            drawn without a map).
        registry: Known spellings of areas, regions and the country.
    """

    def __init__(self, geography: Geography | None, registry: AreaRegistry) -> None:
        self.registry = registry
        self.geography = geography
        self.by_name: dict[str, Area] = {}
        self.by_id: dict[str, Area] = {}
        self.by_members: dict[frozenset[str], Area] = {}
        self.regions: dict[str, list[Area]] = {}
        for area in geography.areas if geography is not None else ():
            self.by_name.setdefault(normalise_name(area.key), area)
            if area.canonical:
                self.by_id.setdefault(area.canonical, area)
            if area.members:
                self.by_members.setdefault(frozenset(area.members), area)
            if area.region:
                self.regions.setdefault(area.region, []).append(area)

    def locate(self, name: str) -> tuple[str, str, str, tuple[str, ...]]:
        """``(role, key, id, selects)`` of one row name.

        ``key`` is the area key on the map ("" when the row has no place on it); ``id`` and
        ``selects`` are as :class:`RowMatch` gives them.
        """
        on_map = self.by_name.get(normalise_name(name))
        if on_map is not None:
            ident = area_id(on_map)
            return AREA, on_map.key, ident, (ident,)
        found = self.registry.match(name)
        if found is not None and found.kind == NATIONAL:
            return NATIONAL, "", NATIONAL, ()
        if found is not None and found.kind == "area":
            area = self.by_id.get(found.id)
            if area is not None:
                return AREA, area.key, found.id, (found.id,)
            if self.geography is None:
                return AREA, "", found.id, (found.id,)
            return UNKNOWN, "", found.id, (found.id,)
        if found is not None and found.kind == "region":
            region = self.registry.regions[found.id]
            present = self.regions.get(found.id, [])
            key = region.name("nb") if present else ""
            members = tuple(area_id(a) for a in present) or region.areas
            return REGION, key, found.id, members
        joined = self.registry.members(name)
        if joined is not None:
            merged = self.by_members.get(frozenset(joined))
            ident = "+".join(joined)
            if merged is not None:
                return AREA, merged.key, ident, (ident,)
            return (AREA if self.geography is None else UNKNOWN), "", ident, joined
        if self.geography is None:
            return AREA, "", name, (name,)
        return UNKNOWN, "", name, ()


def match_name(
    name: str, geography: Geography, registry: AreaRegistry | None = None
) -> tuple[str, str] | None:
    """What one row name is on ``geography``: ``(level, key)``, or None if it is not there.

    ``level`` is ``"area"``, ``"region"`` or ``"national"`` (key ``""``); a region is on the map
    when any of its areas is. See :class:`MapIndex` for the rules.
    """
    role, key, _ident, _selects = MapIndex(geography, registry or default_registry()).locate(name)
    if role == NATIONAL:
        return NATIONAL, ""
    if role in (AREA, REGION) and key:
        return role, key
    return None


def match_rows(
    rowset: RowSet,
    geography: Geography | None,
    registry: AreaRegistry | None = None,
    *,
    file: str = "",
    place: str = "",
    index: MapIndex | None = None,
) -> RowMatch:
    """Give each row of ``rowset`` its role and identity, and its area on ``geography``.

    Args:
        rowset: A row set with an ``area_column``; a row set without one matches nothing.
        geography: The map the rows are drawn on; None identifies the rows without a map.
        registry: Known spellings of areas, regions and the country.
        file: The data file, for problem records.
        place: Where the row set is in the file (``innhold[5]``); rows are ``place.data[i]``.
        index: The map's :class:`MapIndex`, when the caller has one.

    Returns:
        The match; a warning for every name that is on no map and no known aggregate, and for
        every area named by two rows.
    """
    registry = registry or default_registry()
    log = ProblemLog(file)
    result = RowMatch(problems=log.problems)
    column = rowset.area_column
    if column is None or column not in rowset.frame.columns:
        return result
    index = index or MapIndex(geography, registry)
    national_folded = normalise_name(rowset.national) if rowset.national else None
    claimed: dict[str, str] = {}
    for number, value in enumerate(rowset.frame[column]):
        if is_missing(value) or not str(value).strip():
            result.without_area += 1  # a profile or series row: its charts use it
            continue
        name = str(value)
        if name in result.roles:
            row_place = f"{place}.data[{number}].{column}" if place else f"data[{number}].{column}"
            log.warning(
                row_place,
                N_("The rows “{first}” and “{second}” name the same area {area}."),
                first=name,
                second=name,
                area=name,
            )
            continue
        selects: tuple[str, ...]
        if national_folded == normalise_name(name):
            role, key, ident, selects = NATIONAL, "", NATIONAL, ()
        else:
            role, key, ident, selects = index.locate(name)
        result.roles[name] = role
        result.area_ids[name] = ident
        result.selects[name] = selects
        if role == NATIONAL:
            result.national = name
            continue
        if role == UNKNOWN:
            result.unknown.append(name)
            row_place = f"{place}.data[{number}].{column}" if place else f"data[{number}].{column}"
            log.warning(
                row_place,
                N_(
                    "The area “{name}” is not an area of the map {map}; its row is shown in "
                    "the tables and charts."
                ),
                name=name,
                map=geography.id if geography is not None else "",
            )
            continue
        if not key:
            continue
        if key in claimed and role == AREA:
            row_place = f"{place}.data[{number}].{column}" if place else f"data[{number}].{column}"
            log.warning(
                row_place,
                N_("The rows “{first}” and “{second}” name the same area {area}."),
                first=claimed[key],
                second=name,
                area=key,
            )
            continue
        claimed[key] = name
        result.mapping[name] = key
        result.levels[name] = role
    return result


def cached_match(
    data: ResultData,
    rowset_name: str,
    geography: Geography | None,
    registry: AreaRegistry | None = None,
    *,
    file: str = "",
    place: str = "",
) -> RowMatch:
    """The match of ``data``'s row set to ``geography``, computed once and kept on ``data``.

    Every plan of a box (map, bar, table, export, fact sheet) asks here; the first asks the
    registry, the others reuse the answer. Keyed by the row set and the map object (None for
    the identity of the rows without a map).
    """
    key = (rowset_name, id(geography) if geography is not None else None)
    found = data.matches.get(key)
    if found is None:
        found = match_rows(data.rowsets[rowset_name], geography, registry, file=file, place=place)
        data.matches[key] = found
    return found


def selected_ids(match: RowMatch, selected: Iterable[str]) -> set[str]:
    """The area ids a selection of row names, area keys or ids stands for."""
    chosen = set(selected)
    ids = {match.area_ids[name] for name in chosen if name in match.area_ids}
    keys = {key for key in chosen}
    for name, key in match.mapping.items():
        if key in keys:
            ids.add(match.area_ids[name])
    return ids | chosen
