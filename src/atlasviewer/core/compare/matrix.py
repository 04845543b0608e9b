"""The comparison as tables (pandas): areas x indicators, one area's profile, the variation.

pandas is imported by the functions here, when a comparison is first laid out, never on the
start-up path (``tests/test_architecture.py``). :class:`Comparison` computes the cells once
(plain Python, :mod:`.cells`) and keeps the long frame; every view is a pivot, a filter or a
sort of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from atlasviewer.core.compare.cells import REGION_PREFIX, Cell, indicator_cells, row_name
from atlasviewer.core.compare.indicators import Indicator
from atlasviewer.core.compare.stats_labels import STATS_LABELS
from atlasviewer.core.compare.variation import Variation, variation
from atlasviewer.core.model import pick_text
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.i18n import N_

if TYPE_CHECKING:
    import pandas as pd

NATIONAL = "national"
"""The key of the national row of the table."""

COLUMN_LABELS: dict[str, str] = {
    "atlas": N_("Atlas"),
    "box": N_("Box"),
    "indicator": N_("Indicator"),
    "unit": N_("Unit"),
    "period": N_("Period"),
    "area": N_("Area"),
    "value": N_("Value"),
    "national": N_("National"),
    "index": N_("Index (Norway = 100)"),
    "rank": N_("Rank"),
    "n": N_("Number of areas"),
    "rank_text": N_("Rank of areas"),
    "lowest": N_("Lowest"),
    "highest": N_("Highest"),
    "lowest_area": N_("Lowest area"),
    "highest_area": N_("Highest area"),
    "range": N_("Range (highest − lowest)"),
    "low": N_("Lower limit (95 %)"),
    "high": N_("Upper limit (95 %)"),
    "significance": N_("Against national"),
    "method": N_("Interval method"),
    "mark": N_("Area in the analysis"),
    "covers": N_("Merged area"),
    "ratio": N_("Highest / lowest"),
    "ratio_inner": N_("Second highest / second lowest"),
    "cv": N_("Coefficient of variation"),
    "scv": N_("SCV × 100"),
    "scv_areas": N_("Areas in SCV"),
    "producer": N_("Producer"),
}
"""What each column of the views is called (translate with ``_``)."""
COLUMN_LABELS.update(STATS_LABELS)


def comparison_areas(registry: AreaRegistry | None = None) -> list[str]:
    """The registry's current referral areas (ids), in registry order."""
    registry = registry or default_registry()
    return [area.id for area in registry.areas.values() if not area.historic]


def resolve_areas(
    names: Iterable[str], registry: AreaRegistry, *, region_rows: bool = False
) -> tuple[list[str], list[str]]:
    """Registry ids of areas named in any spelling (a health region gives its areas).

    Args:
        names: Area, region or merged-area names.
        registry: The registry.
        region_rows: A health region also gives its own row (``region:<id>``), after its areas.

    Returns:
        ``(ids, unknown names)``.
    """
    ids: list[str] = []
    unknown: list[str] = []
    for name in names:
        found = registry.match(name)
        if found is not None and found.kind == "area":
            ids.append(found.id)
        elif found is not None and found.kind == "region":
            members = registry.regions[found.id].areas
            ids.extend(a for a in members if not registry.areas[a].historic)
            if region_rows:
                ids.append(REGION_PREFIX + found.id)
        elif (merged := registry.merged_match(name)) is not None:
            ids.extend(merged.members)
        else:
            unknown.append(name)
    return list(dict.fromkeys(ids)), unknown


class Comparison:
    """The cells of some indicators for some registry areas, and the views of them.

    Args:
        indicators: The indicators (columns of the table), in order.
        areas: Registry area ids (rows); default every current referral area.
        registry: The area registry.
        lang: Language of names and titles.
    """

    def __init__(
        self,
        indicators: Sequence[Indicator],
        areas: Sequence[str] | None = None,
        registry: AreaRegistry | None = None,
        lang: str = "nb",
    ) -> None:
        self.registry = registry or default_registry()
        self.indicators = list(indicators)
        self.areas = list(areas) if areas is not None else comparison_areas(self.registry)
        self.lang = lang
        self._cells: list[Cell] | None = None
        self._frame: pd.DataFrame | None = None
        self._variation: dict[str, Variation] = {}

    def cells(self) -> list[Cell]:
        """Every cell, indicator by indicator, area by area."""
        if self._cells is None:
            self._cells = [
                cell
                for indicator in self.indicators
                for cell in indicator_cells(indicator, self.areas, self.registry, self.lang)
            ]
        return self._cells

    def area_name(self, area_id: str) -> str:
        """The name of a row: an area, a health region (``region:<id>``) or the country."""
        return row_name(area_id, self.registry, self.lang)

    def frame(self) -> pd.DataFrame:
        """The cells as a long frame, one row per area and indicator."""
        import pandas as pd

        if self._frame is None:
            names = [f.name for f in fields(Cell)]
            cells = self.cells()
            self._frame = pd.DataFrame(
                {name: [getattr(c, name) for c in cells] for name in names}, columns=names
            )
        return self._frame

    def table(
        self,
        measure: str = "value",
        *,
        transpose: bool = False,
        sort_by: str | None = None,
        ascending: bool = False,
        national_row: bool = True,
    ) -> pd.DataFrame:
        """Areas x indicators (keys as columns) of one measure of the cells.

        Args:
            measure: A :class:`Cell` field: ``value``, ``index``, ``rank``, ``significance``...
            transpose: Indicators x areas instead.
            sort_by: An indicator key (or, transposed, an area id) to sort the rows by; empty
                cells last, and the national row (not sorted) after the areas.
            ascending: Sort order.
            national_row: Add the national value as the last row (``"national"``).
        """
        frame = self.frame()
        table = frame.pivot(index="area", columns="indicator", values=measure)
        table = table.reindex(index=self.areas, columns=[i.key for i in self.indicators])
        if sort_by is not None and not transpose:
            table = table.sort_values(
                sort_by, ascending=ascending, na_position="last", kind="stable"
            )
        if national_row and measure in ("value", "index"):
            nationals = {i.key: i.values().national for i in self.indicators}
            if measure == "index":
                nationals = {k: (100.0 if v else None) for k, v in nationals.items()}
            table.loc[NATIONAL] = [nationals[k] for k in table.columns]
        if transpose:
            table = table.T
            if sort_by is not None:
                table = table.sort_values(
                    sort_by, ascending=ascending, na_position="last", kind="stable"
                )
        return table

    def headers(self) -> dict[str, str]:
        """Indicator key -> its column header: title, atlas and box ("Eldre (radiologi2, 2)").

        Titles repeat across boxes and atlases ("Antall undersøkelser"), headers do not.
        """
        return {i.key: f"{i.title(self.lang)} ({i.atlas_id}, {i.box})" for i in self.indicators}

    def profile(self, area_id: str) -> pd.DataFrame:
        """One area against each indicator: value, national, range over areas, significance."""
        import pandas as pd

        by_key = {c.indicator: c for c in self.cells() if c.area == area_id}
        rows: list[dict[str, Any]] = []
        for indicator in self.indicators:
            cell = by_key.get(indicator.key) or Cell(area_id, indicator.key)
            values = list(indicator.values().values().values())
            low = min(values) if values else None
            high = max(values) if values else None
            rows.append(
                {
                    "key": indicator.key,
                    "atlas": indicator.atlas_id,
                    "box": indicator.box,
                    "indicator": indicator.title(self.lang),
                    "unit": indicator.unit(self.lang),
                    "period": indicator.period,
                    "format": indicator.format,
                    "value": cell.value,
                    "national": indicator.values().national,
                    "index": cell.index,
                    "rank": cell.rank,
                    "n": cell.n if cell.rank else len(values),
                    "lowest": low,
                    "highest": high,
                    "range": (high - low) if low is not None and high is not None else None,
                    "low": cell.low,
                    "high": cell.high,
                    "significance": cell.significance,
                    "method": cell.method,
                    "mark": cell.mark if not cell.empty else "",
                    "covers": cell.covers,
                }
            )
        return pd.DataFrame(rows)

    def variation_of(self, indicator: Indicator) -> Variation:
        if indicator.key not in self._variation:
            values = indicator.values()
            counts = {n: a.events for n, a in values.areas.items() if a.events is not None}
            population = {
                n: a.population for n, a in values.areas.items() if a.population is not None
            }
            self._variation[indicator.key] = variation(
                values.values(), values.national, counts, population, indicator.unit_size
            )
        return self._variation[indicator.key]

    def variation(self, sort_by: str = "ratio", ascending: bool = False) -> pd.DataFrame:
        """The variation overview, one row per indicator, sorted (``ratio``, ``cv``, ``scv``)."""
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for indicator in self.indicators:
            found = self.variation_of(indicator)
            name = self.registry.display_name
            rows.append(
                {
                    "key": indicator.key,
                    "atlas": indicator.atlas_id,
                    "box": indicator.box,
                    "indicator": indicator.title(self.lang),
                    "unit": indicator.unit(self.lang),
                    "period": indicator.period,
                    "format": indicator.format,
                    "n": found.n_areas,
                    "highest_area": name(found.highest[0], self.lang) if found.highest else "",
                    "highest": found.highest[1] if found.highest else None,
                    "lowest_area": name(found.lowest[0], self.lang) if found.lowest else "",
                    "lowest": found.lowest[1] if found.lowest else None,
                    "ratio": found.ratio,
                    "ratio_inner": found.ratio_inner,
                    "cv": found.cv,
                    "scv": found.scv,
                    "scv_areas": found.scv_areas,
                    "producer": indicator.producer,
                }
            )
        frame = pd.DataFrame(rows)
        if sort_by and not frame.empty:
            frame = frame.sort_values(
                sort_by, ascending=ascending, na_position="last", kind="stable"
            )
        return frame.reset_index(drop=True)


def atlas_title(indicator: Indicator, lang: str) -> str:
    return pick_text(indicator.atlas_titles, lang) or indicator.atlas_id
