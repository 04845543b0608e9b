"""The comparison's cells and profile with issue 15's figures: rank range, counts, finding.

What a cell's tooltip and the area profile's export add to the value and significance, all
computed lazily by :mod:`.area_stats` (only for the cells and rows that are shown or written):

- the rank with its plausible range, "3rd of 21, plausibly 2nd to 6th"
  (:func:`atlasviewer.core.findings.rank_phrase`; Monte Carlo from the 95 % intervals);
- the counts behind the rate, a year where the data say so, and the difference from the
  national rate in events a year with its 95 % interval (:mod:`atlasviewer.core.stats.excess`);
- the finding in words (:func:`.findings_data.area_finding`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from atlasviewer.core.compare.area_stats import RANK_METHOD, area_stats
from atlasviewer.core.compare.cells import Cell
from atlasviewer.core.compare.findings_data import area_finding
from atlasviewer.core.compare.indicators import Indicator
from atlasviewer.core.compare.stats_labels import STATS_COLUMNS
from atlasviewer.core.findings import about, rank_phrase
from atlasviewer.core.formatting import format_number
from atlasviewer.i18n import N_, Nn_, gettext_for, ngettext_for

if TYPE_CHECKING:
    import pandas as pd

    from atlasviewer.core.compare.matrix import Comparison

_EVENTS_YEAR = N_("Events a year: {events} (population {population})")
_EVENTS = N_("Events: {events} (population {population})")
_MORE = Nn_(
    "About {count} more event a year than at the national rate ({low} to {high})",
    "About {count} more events a year than at the national rate ({low} to {high})",
)
_FEWER = Nn_(
    "About {count} fewer event a year than at the national rate ({low} to {high})",
    "About {count} fewer events a year than at the national rate ({low} to {high})",
)


def rank_with_range(cell: Cell, indicator: Indicator, lang: str) -> str:
    """The rank as "3rd of 21, plausibly 2nd to 6th"; "3 of 21" where no interval gives one."""
    if cell.rank is None:
        return ""
    stats = area_stats(indicator, cell.row)
    if stats.rank is None:
        return gettext_for(lang, N_("{rank} of {n}")).format(rank=cell.rank, n=cell.n)
    return rank_phrase(stats.rank, lang)


def count_lines(cell: Cell, indicator: Indicator, lang: str) -> list[str]:
    """The tooltip's lines on counts: events and population, and the excess a year."""
    if cell.empty:
        return []
    stats = area_stats(indicator, cell.row)
    if stats.events is None or stats.population is None:
        return []
    template = _EVENTS_YEAR if stats.yearly else _EVENTS
    lines = [
        gettext_for(lang, template).format(
            events=format_number(stats.events, ",.0f", lang),
            population=format_number(stats.population, ",.0f", lang),
        )
    ]
    excess = stats.excess
    if excess is not None and about(excess.difference) > 0:
        count = about(excess.difference)
        more = excess.difference > 0
        low, high = (excess.low, excess.high) if more else (-excess.high, -excess.low)
        lines.append(
            ngettext_for(lang, *(_MORE if more else _FEWER), count).format(
                count=format_number(count, ",.0f", lang),
                low=format_number(low, ",.0f", lang),
                high=format_number(high, ",.0f", lang),
            )
        )
    return lines


def stats_record(comparison: Comparison, cell: Cell, indicator: Indicator) -> dict[str, Any]:
    """The :data:`STATS_COLUMNS` of one profile row (numbers as numbers, None where none)."""
    lang = comparison.lang
    if cell.empty:
        return dict.fromkeys(STATS_COLUMNS, None) | {"rank_range": "", "finding": ""}
    stats = area_stats(indicator, cell.row)
    excess = stats.excess
    return {
        "rank_range": rank_with_range(cell, indicator, lang),
        "events": stats.events,
        "population": stats.population,
        "excess": excess.difference if excess else None,
        "excess_low": excess.low if excess else None,
        "excess_high": excess.high if excess else None,
        "finding": area_finding(indicator, cell.area, lang, comparison.registry),
    }


def add_stats_columns(frame: pd.DataFrame, comparison: Comparison, area_id: str) -> pd.DataFrame:
    """``frame`` (one row per indicator, a ``key`` column) with :data:`STATS_COLUMNS` added."""
    cells = {c.indicator: c for c in comparison.cells() if c.area == area_id}
    by_key = {i.key: i for i in comparison.indicators}
    records = [
        stats_record(comparison, cells.get(key) or Cell(area_id, key), by_key[key])
        for key in frame["key"]
    ]
    for column in STATS_COLUMNS:
        frame[column] = [record[column] for record in records]
    frame.attrs["rank_method"] = RANK_METHOD
    return frame
