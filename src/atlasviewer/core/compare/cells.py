"""One comparison cell per registry area and indicator: value, index, rank and significance.

- **index**: ``100 * value / national`` (Norway = 100); None without a positive national value.
- **rank**: among the analysis's own areas with a value, 1 = the highest; equal values share the
  better rank ("1, 2, 2, 4"), and ``n`` is the number of ranked areas ("3 of 21").
- **significance**: :func:`atlasviewer.core.compare.significance.significance` of the interval
  found by :mod:`atlasviewer.core.compare.values`, against the national value.

A merged or partial placement (:mod:`atlasviewer.core.compare.areas`) gives the merged row's
figures, marked; an area without a placement has an empty cell (no value, no rank).
"""

from __future__ import annotations

from dataclasses import dataclass

from atlasviewer.core.compare.areas import AreaSet, Placement
from atlasviewer.core.compare.indicators import Indicator
from atlasviewer.core.compare.significance import NO_INTERVAL, NOT_COMPARED, significance
from atlasviewer.core.compare.values import IndicatorValues
from atlasviewer.core.registry import AreaRegistry
from atlasviewer.i18n import N_

REGION_PREFIX = "region:"
"""A comparison row of a health region is ``"region:<registry id>"`` (``region:helse_vest``):
it takes values only from analyses per health region, its own row there; an area row never
takes a region's value."""


def row_name(row_id: str, registry: AreaRegistry, lang: str) -> str:
    """The name of a comparison row: a referral area, a health region, or the country."""
    if row_id.startswith(REGION_PREFIX):
        region = registry.regions.get(row_id.removeprefix(REGION_PREFIX))
        return region.name(lang) if region else row_id
    if row_id in registry.areas:
        return registry.areas[row_id].name(lang)
    if row_id == "national":
        return registry.national_name(lang)
    return row_id


SIGNIFICANCE_COLOURS: dict[str, str] = {
    "higher": "#8FB3E3",
    "similar": "#E3E3E3",
    "lower": "#F2C48D",
    "not compared": "#FFFFFF",
}
"""Cell fills by significance class, the same in the app and the export: two hues that carry no
judgement (blue for higher, amber for lower; not green and red), grey for similar."""


@dataclass(frozen=True)
class Cell:
    """The figures of one registry area for one indicator (None where the cell is empty).

    Attributes:
        area: Registry area id (or ``region:<id>`` for a region row); ``indicator`` the
            indicator's key.
        row: The analysis's row that gives the cell ("" for an empty cell).
        mark: ``"exact"``, ``"merged"`` or ``"partial"`` ("" when empty).
        covers: What a merged row covers, for tooltip and export.
    """

    area: str
    indicator: str
    value: float | None = None
    national: float | None = None
    index: float | None = None
    rank: int | None = None
    n: int = 0
    low: float | None = None
    high: float | None = None
    method: str = NO_INTERVAL
    significance: str = NOT_COMPARED
    row: str = ""
    mark: str = ""
    covers: str = ""

    @property
    def empty(self) -> bool:
        return self.value is None


def ranks(values: dict[str, float]) -> dict[str, int]:
    """Rank of each name, 1 for the highest value; ties share the better rank (1, 2, 2, 4)."""
    ordered = sorted(values.values(), reverse=True)
    first: dict[float, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return {name: first[value] for name, value in values.items()}


def index_to_national(value: float | None, national: float | None) -> float | None:
    """``100 * value / national``; None without a value or a positive national value."""
    if value is None or national is None or national <= 0:
        return None
    return 100 * value / national


def indicator_cells(
    indicator: Indicator,
    areas: list[str],
    registry: AreaRegistry,
    lang: str,
    values: IndicatorValues | None = None,
) -> list[Cell]:
    """The cells of one indicator for the registry areas ``areas`` (ids), in that order.

    Cells are kept with the indicator's values, so another comparison of the same indicator
    (other areas, another order) makes only the cells it has not made before.
    """
    values = values or indicator.values()
    cache = values.cells
    missing = [a for a in areas if (a, lang) not in cache]
    if missing:
        for cell in _make_cells(indicator, values, missing, registry, lang):
            cache[(cell.area, lang)] = cell
    return [cache[(a, lang)] for a in areas]


def _make_cells(
    indicator: Indicator,
    values: IndicatorValues,
    areas: list[str],
    registry: AreaRegistry,
    lang: str,
) -> list[Cell]:
    area_set: AreaSet = values.area_set
    present = values.values()
    ranked = ranks(present)
    national = values.national
    cells: list[Cell] = []
    for area_id in areas:
        placement = area_set.placement(area_id)
        if area_id.startswith(REGION_PREFIX):
            region_row = area_set.region_row(area_id.removeprefix(REGION_PREFIX))
            placement = Placement(region_row) if region_row else None
        row = values.areas.get(placement.row) if placement else None
        if placement is None or row is None or row.value is None:
            cells.append(Cell(area_id, indicator.key, national=national))
            continue
        cells.append(
            Cell(
                area=area_id,
                indicator=indicator.key,
                value=row.value,
                national=national,
                index=index_to_national(row.value, national),
                rank=ranked.get(row.name),
                n=len(present),
                low=row.low,
                high=row.high,
                method=row.method,
                significance=significance(row.low, row.high, national),
                row=row.name,
                mark=placement.mark,
                covers=placement.covers(registry, lang),
            )
        )
    return cells


INDEX_BANDS: tuple[tuple[str, str], ...] = (
    (N_("below 80"), "#5B8ACB"),
    (N_("80 to 90"), "#A9C3E8"),
    (N_("90 to 110"), "#E3E3E3"),
    (N_("110 to 120"), "#F5D3A8"),
    (N_("above 120"), "#E9A65B"),
)
"""The index bands a table may colour by instead of significance: label (translate with
``_``) and fill, from well below to well above the national value (same hues as above)."""


def index_band(index: float | None) -> int | None:
    """The band of an index (Norway = 100), 0..4 as :data:`INDEX_BANDS`, or None.

    Bands: below 80; 80 up to (not including) 90; 90 to 110 inclusive; above 110 up to and
    including 120; above 120. They say how far a value lies from the national one, not whether
    the difference exceeds chance (that is the significance).
    """
    if index is None or index != index:
        return None
    if index < 80:
        return 0
    if index < 90:
        return 1
    if index <= 110:
        return 2
    if index <= 120:
        return 3
    return 4
