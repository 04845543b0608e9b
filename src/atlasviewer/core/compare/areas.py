"""Where a registry area is in one analysis's own area set: its own row, a merged row, or none.

Atlases publish on different area sets: the 21 referral areas, all of Oslo as one row, areas cut
otherwise in the first generation, counties, psychiatric centre areas. A comparison row is a
referral area of the registry (``data/areas.json``), and a cell takes a value from an analysis
only where the analysis has that area, or a merged row that the registry knows contains it:

- **exact**: a row names the area (in any spelling the registry knows).
- **merged**: a row names a merged area that contains it ("Oslo", "Nordland/Helgeland"), or the
  row carries the name of the merged area's ``stands_in`` member while every other member is
  absent from the analysis (first-generation atlases call all of Oslo "OUS"; the children's
  atlas calls Nordland and Helgeland together "Nordland"). The placement names the merged area.
  A historic area (Haraldsplass) absent from an analysis is placed in the area that now
  contains it (Bergen), marked merged.
- **partial**: a row names the area while the analysis shows a historic part of it separately
  (first-generation Bergen without Haraldsplass).

A set in which some row is no referral area, merged area or health region of the registry
(counties: "Rogaland", "Vestland"; psychiatric centre areas) is another area set: none of its
rows is placed, even those that spell like a referral area ("Nordland" the county is not
Nordland the referral area). A health region row is never placed for an area.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from atlasviewer.core.registry import AreaRegistry, MergedArea
from atlasviewer.i18n import N_, gettext_for

EXACT, MERGED, PARTIAL = "exact", "merged", "partial"


@dataclass(frozen=True)
class Placement:
    """Which row of an analysis gives a registry area's cell, and how well it fits.

    Attributes:
        row: The row's area name as the analysis writes it.
        mark: ``"exact"``, ``"merged"`` or ``"partial"`` (module docstring).
        merged: For ``"merged"``, the merged area the row stands for (None when the row is a
            larger referral area, as Bergen for Haraldsplass).
        container: For ``"merged"`` by containment or ``"partial"``, the registry id of the
            other area involved (Bergen, resp. Haraldsplass).
    """

    row: str
    mark: str = EXACT
    merged: MergedArea | None = None
    container: str | None = None

    def covers(self, registry: AreaRegistry, lang: str) -> str:
        """What the row covers, for a tooltip and the export ("Oslo: OUS, Lovisenberg, …")."""
        if self.merged is not None:
            members = ", ".join(
                registry.areas[m].name(lang) for m in self.merged.members if m in registry.areas
            )
            return f"{self.merged.name(lang)}: {members}"
        if self.container and self.container in registry.areas:
            other = registry.areas[self.container].name(lang)
            if self.mark == PARTIAL:
                return gettext_for(lang, N_("{area} without {part}")).format(
                    area=registry.display_name(self.row, lang), part=other
                )
            return other
        return ""


class AreaSet:
    """The areas of one analysis (its row names) as the registry sees them.

    Args:
        names: The analysis's area row names (the national row may be among them).
        registry: The registry of areas, merged areas and regions.
    """

    def __init__(self, names: Iterable[str], registry: AreaRegistry) -> None:
        self.registry = registry
        self.rows: list[str] = []
        self.foreign: list[str] = []
        self.regions: dict[str, str] = {}
        exact: dict[str, str] = {}
        merged_rows: dict[str, MergedArea] = {}
        for name in names:
            if not name:
                continue
            found = registry.match(name)
            if found is not None and found.kind == "national":
                continue
            if found is not None and found.kind == "region":
                self.regions.setdefault(found.id, name)
                continue
            self.rows.append(name)
            if found is not None and found.kind == "area":
                exact.setdefault(found.id, name)
                continue
            merged = registry.merged_match(name)
            if merged is not None:
                merged_rows[name] = merged
            else:
                self.foreign.append(name)
        self._placements: dict[str, Placement] = {}
        if self.foreign:
            return
        covered = set(exact) | {m for g in merged_rows.values() for m in g.members}
        for group in registry.merged.values():
            stand_in = group.stands_in
            others = [m for m in group.members if m != stand_in]
            if stand_in in exact and not any(m in covered for m in others):
                merged_rows[exact.pop(stand_in)] = group
        for area_id, row in exact.items():
            self._placements[area_id] = Placement(row)
        for row, group in merged_rows.items():
            for member in group.members:
                if member not in exact:
                    self._placements.setdefault(member, Placement(row, MERGED, merged=group))
        for area_id, row in exact.items():
            area = registry.areas[area_id]
            for part in area.contains:
                if part in exact:
                    self._placements[area_id] = Placement(row, PARTIAL, container=part)
                else:
                    self._placements.setdefault(part, Placement(row, MERGED, container=area_id))

    @property
    def is_referral_set(self) -> bool:
        """True when every area row is a referral area or merged area the registry knows."""
        return not self.foreign and bool(self.rows)

    def placement(self, area_id: str) -> Placement | None:
        """Where registry area ``area_id`` is in this analysis, or None (an empty cell)."""
        return self._placements.get(area_id)

    def region_row(self, region_id: str) -> str | None:
        """The row of health region ``region_id`` in a set of health regions, or None."""
        return self.regions.get(region_id)
