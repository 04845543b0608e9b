"""The finding in words for a registry area and an indicator, from the comparison's figures.

:func:`area_finding` gathers what :func:`atlasviewer.core.findings.finding` puts in words: the
area's cell (value, national value, significance; :mod:`.cells`), its rank with the plausible
range and its excess events a year (:mod:`.area_stats`), and its trend over the indicator's
years (:mod:`.trends`). For the workspace, the copied text, the fact sheet and the slide notes:
one function, in the language asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from atlasviewer.core.compare.area_stats import area_stats
from atlasviewer.core.compare.areas import EXACT
from atlasviewer.core.compare.cells import indicator_cells, row_name
from atlasviewer.core.compare.significance import NOT_COMPARED
from atlasviewer.core.compare.trends import indicator_series
from atlasviewer.core.findings import FindingFacts, finding
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.core.stats.trend import trend

if TYPE_CHECKING:
    from atlasviewer.core.compare.indicators import Indicator


def area_facts(
    indicator: Indicator, area_id: str, lang: str, registry: AreaRegistry | None = None
) -> FindingFacts | None:
    """What the finding of registry area ``area_id`` is made of, or None for an empty cell."""
    registry = registry or indicator.registry or default_registry()
    cell = indicator_cells(indicator, [area_id], registry, lang)[0]
    if cell.empty:
        return None
    name = row_name(area_id, registry, lang)
    if cell.mark != EXACT:
        name = f"{name} ({registry.display_name(cell.row, lang)})"
    stats = area_stats(indicator, cell.row)
    series = indicator_series(indicator, registry)
    found = None
    for row, values in series.rows:
        if row.row == cell.row:
            found = trend(series.years, values)
    return FindingFacts(
        area=name,
        value=cell.value,
        national=cell.national,
        significance=None if cell.significance == NOT_COMPARED else cell.significance,
        rank=stats.rank,
        trend=found,
        excess=stats.excess,
    )


def area_finding(
    indicator: Indicator, area_id: str, lang: str, registry: AreaRegistry | None = None
) -> str:
    """The finding as one sentence ("Førde: 18 % above the national rate (significant); …").

    Empty when the analysis has no figure for the area.
    """
    facts = area_facts(indicator, area_id, lang, registry)
    return finding(facts, lang) if facts is not None else ""
