"""Matching the rows of a row set to the areas of a map.

Rows name their area in many spellings ("St. Olavs", "Ahus", "Helse Nord", "Noreg"); a map names
its areas its own way. :func:`match_rows` pairs every row with an area key of the map (or of the
map's health regions, for rows naming regions), recognises the national row, and records every
name it cannot place as a problem: no row is ever dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from atlasviewer.core.model import Geography, RowSet
from atlasviewer.core.problems import Problem, ProblemLog
from atlasviewer.core.records import is_missing
from atlasviewer.core.registry import AreaRegistry, default_registry, normalise_name
from atlasviewer.i18n import N_

AREA = "area"
REGION = "region"
NATIONAL = "national"


@dataclass
class RowMatch:
    """How the rows of one row set map onto a geography.

    Attributes:
        mapping: Row name -> area key. Keys of referral areas and other map units are keys of
            the map itself; keys of health regions are those of
            :func:`~atlasviewer.core.geography.dissolve_regions` of that map.
        levels: Row name -> ``"area"`` or ``"region"`` for every matched row.
        national: The row naming the whole country, if any (it is not an area).
        unknown: Row names that match no area of the map (each also a problem).
        problems: What could not be matched, naming file and place.
    """

    mapping: dict[str, str] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    national: str | None = None
    unknown: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def level(self) -> str:
        """``"region"`` when every matched row is a health region, else ``"area"``."""
        if self.levels and all(level == REGION for level in self.levels.values()):
            return REGION
        return AREA


def match_name(
    name: str, geography: Geography, registry: AreaRegistry | None = None
) -> tuple[str, str] | None:
    """What one row name is on ``geography``: ``(level, key)``, or None if it is not there.

    ``level`` is ``"area"``, ``"region"`` or ``"national"`` (key ``""``). A name the map spells
    exactly wins; otherwise the registry's spellings are tried, so that "Ahus" finds the map's
    "Akershus". Maps that are not referral areas (counties) carry no registry ids, so only their
    own spellings match there.
    """
    registry = registry or default_registry()
    folded = normalise_name(name)
    for area in geography.areas:
        if normalise_name(area.key) == folded:
            return AREA, area.key
    found = registry.match(name)
    if found is None:
        return None
    if found.kind == NATIONAL:
        return NATIONAL, ""
    if found.kind == "area":
        for area in geography.areas:
            if area.canonical == found.id:
                return AREA, area.key
        return None
    if any(area.region == found.id for area in geography.areas):
        # The key dissolve_regions() gives the region.
        return REGION, registry.regions[found.id].name("nb")
    return None


def match_rows(
    rowset: RowSet,
    geography: Geography,
    registry: AreaRegistry | None = None,
    *,
    file: str = "",
    place: str = "",
) -> RowMatch:
    """Pair each row of ``rowset`` with an area of ``geography``.

    Args:
        rowset: A row set with an ``area_column``; a row set without one matches nothing.
        geography: The map the rows are drawn on.
        registry: Known spellings of areas, regions and the country.
        file: The data file, for problem records.
        place: Where the row set is in the file (``innhold[5]``); rows are ``place.data[i]``.

    Returns:
        The mapping, the national row, and a problem for every name not on the map and for
        every area named by two rows.
    """
    registry = registry or default_registry()
    log = ProblemLog(file)
    result = RowMatch(problems=log.problems)
    column = rowset.area_column
    if column is None or column not in rowset.frame.columns:
        return result
    national_folded = normalise_name(rowset.national) if rowset.national else None
    claimed: dict[str, str] = {}
    for index, value in enumerate(rowset.frame[column]):
        row_place = f"{place}.data[{index}].{column}" if place else f"data[{index}].{column}"
        if is_missing(value):
            log.error(row_place, N_("The row has no area name."))
            continue
        name = str(value)
        found = match_name(name, geography, registry)
        if found is None and national_folded == normalise_name(name):
            found = (NATIONAL, "")
        if found is None:
            result.unknown.append(name)
            log.error(
                row_place,
                N_("The area “{name}” is not an area of the map {map}."),
                name=name,
                map=geography.id,
            )
            continue
        level, key = found
        if level == NATIONAL:
            result.national = name
            continue
        if key in claimed:
            log.error(
                row_place,
                N_("The rows “{first}” and “{second}” name the same area {area}."),
                first=claimed[key],
                second=name,
                area=key,
            )
            continue
        claimed[key] = name
        result.mapping[name] = key
        result.levels[name] = level
    return result
