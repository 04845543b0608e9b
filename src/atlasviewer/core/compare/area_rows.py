"""The rows of one analysis as points of a chart: a key that means the same area everywhere.

The trend, funnel and scatter views draw one point (or line) per row of an analysis, and the
scatter joins two analyses by area. A row's key says which area it is, so that two analyses are
joined only where they show the same area (never the wrong area silently, as the table):

- a row that is a referral area's own row (:data:`~.areas.EXACT`) has that area's registry id;
- a merged row ("Oslo", first-generation "OUS" for all of Oslo) has ``merged:<id>`` of the
  merged area: it is joined only to another analysis's row for the same merged area;
- a partial row (first-generation Bergen without Haraldsplass) has ``<id>:partial``;
- a health region's row, in an analysis per health region, has ``region:<id>`` (the comparison's
  row id of the region); beside referral areas a region row is left out (it sums them);
- a row of another area set (counties, psychiatric centre areas) has ``row:<name>``, its name
  normalised, so two analyses of the same other set still join by name.

Each row also lists the registry areas it stands for (:attr:`AreaRow.area_ids`), so that a
selection of registry areas marks the rows that show them and a click on a row's point
selects those areas.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from atlasviewer.core.compare.areas import EXACT, MERGED, PARTIAL
from atlasviewer.core.compare.cells import REGION_PREFIX, row_name
from atlasviewer.core.compare.values import IndicatorValues
from atlasviewer.core.registry import AreaRegistry, normalise_name


@dataclass(frozen=True)
class AreaRow:
    """One row of an analysis, as a chart point.

    Attributes:
        row: The row's area name as the analysis writes it.
        key: The key that joins it to another analysis's row (module docstring).
        area_ids: The registry areas it stands for (a click selects them), most specific first.
        mark: ``"exact"``, ``"merged"``, ``"partial"``, or ``""`` for another area set.
    """

    row: str
    key: str
    area_ids: tuple[str, ...]
    mark: str

    def label(self, registry: AreaRegistry, lang: str) -> str:
        """The row's name in ``lang`` (the registry's spelling where it knows the area)."""
        if self.key.startswith(REGION_PREFIX):
            return row_name(self.key, registry, lang)
        if self.mark == EXACT and self.area_ids:
            return registry.areas[self.area_ids[0]].name(lang)
        if self.mark == MERGED:
            merged = registry.merged_match(self.row)
            if merged is not None:
                return merged.name(lang)
        return registry.display_name(self.row, lang)


def area_rows(values: IndicatorValues, registry: AreaRegistry) -> dict[str, AreaRow]:
    """Every row of ``values`` with a value, by its row name (module docstring)."""
    area_set = values.area_set
    by_row: dict[str, list[tuple[str, str, str]]] = {}
    for area_id in registry.areas:
        placement = area_set.placement(area_id)
        if placement is None:
            continue
        group = placement.merged.id if placement.merged is not None else None
        by_row.setdefault(placement.row, []).append((area_id, placement.mark, group or ""))
    regions = {row: region_id for region_id, row in area_set.regions.items()}
    only_regions = bool(regions) and not area_set.rows
    rows: dict[str, AreaRow] = {}
    for name, area in values.areas.items():
        if area.value is None:
            continue
        if name in regions:
            if only_regions:  # an analysis per health region: its rows are the points
                key = f"{REGION_PREFIX}{regions[name]}"
                rows[name] = AreaRow(name, key, (key,), EXACT)
            continue  # beside referral areas a region row is a sum of points, not one
        placed = by_row.get(name, [])
        exact = [a for a, mark, _ in placed if mark == EXACT]
        partial = [a for a, mark, _ in placed if mark == PARTIAL]
        groups = [g for _, mark, g in placed if mark == MERGED and g]
        ids = tuple(dict.fromkeys([*exact, *partial, *(a for a, _, _ in placed)]))
        if exact:
            rows[name] = AreaRow(name, exact[0], ids, EXACT)
        elif partial:
            rows[name] = AreaRow(name, f"{partial[0]}:partial", ids, PARTIAL)
        elif groups:
            rows[name] = AreaRow(name, f"merged:{groups[0]}", ids, MERGED)
        else:
            rows[name] = AreaRow(name, f"row:{normalise_name(name)}", ids, "")
    return rows


def selected_rows(rows: dict[str, AreaRow], area_ids: Iterable[str]) -> list[str]:
    """The row names that show any of the registry areas ``area_ids``, in the rows' order."""
    wanted = set(area_ids)
    return [name for name, row in rows.items() if wanted & set(row.area_ids)]
