"""Per area of one indicator: its rank with a plausible range, its counts and its excess events.

Computed when first asked for (a tooltip, a profile, an export) and kept with the indicator's
values (the ranks once per indicator, the rest once per area); nothing here runs while the
comparison matrix is built.

- **Rank with its uncertainty** ("3rd of 21, plausibly 2nd to 6th"):
  :func:`atlasviewer.core.stats.rank.rank_from_intervals` (Monte Carlo, 2,000 draws with a fixed
  seed, a log-normal fitted to each area's 95 % interval: the interval the significance uses,
  published or computed from the counts). Where no area has an interval there is no range.
- **Counts**: the events and population behind the rate (:mod:`.values`), a year's worth where
  the span is known: second-generation yearly averages (the counts of the period divided by its
  years again), and first-generation counts of one year's slice. Elsewhere (a first-generation
  indicator of a period without years, second-generation whole counts) the counts are shown as
  the data give them and no "a year" is claimed.
- **Excess events a year**: :func:`atlasviewer.core.stats.excess.excess_events`, observed
  minus expected, with the expected events at the national rate for the area's own population
  structure, ``E = O x national / area value`` (indirect standardisation: the published rates
  are age- and sex-standardised; for a crude rate it equals population x national rate), and
  the exact Poisson (Garwood) interval of the observed count of the whole period.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from atlasviewer.core.stats.excess import Excess, excess_events, expected_from_standardised
from atlasviewer.core.stats.rank import METHOD_INTERVALS, RankRange, rank_from_intervals

if TYPE_CHECKING:
    from atlasviewer.core.compare.indicators import Indicator
    from atlasviewer.core.compare.values import IndicatorValues

RANK_METHOD = METHOD_INTERVALS
"""The method of the plausible rank range (for exports and the docs)."""


@dataclass(frozen=True)
class AreaStats:
    """What one area row of an indicator adds to its cell.

    Attributes:
        rank: Its rank and plausible range, or None (no value, or no interval anywhere).
        events: Its events (a year when :attr:`yearly`), or None without counts.
        population: Its population or denominator, likewise.
        yearly: Whether the counts are a year's worth.
        excess: Its events a year against the national rate, or None.
    """

    rank: RankRange | None = None
    events: float | None = None
    population: float | None = None
    yearly: bool = False
    excess: Excess | None = None


def count_years(indicator: Indicator, values: IndicatorValues) -> tuple[int, bool]:
    """What the counts of ``values`` were multiplied by, and whether they are then a year's.

    Returns:
        ``(years, yearly)`` (module docstring).
    """
    if values.count_years > 1:
        return values.count_years, True
    return 1, indicator.generation == 1 and bool(indicator.annual)


def rank_ranges(indicator: Indicator) -> dict[str, RankRange]:
    """The rank and plausible range of every area row of ``indicator`` (computed once)."""
    values = indicator.values()
    cache = values.cells
    found = cache.get(("__ranks__", ""))
    if found is None:
        rows = [(name, a) for name, a in values.areas.items() if a.value is not None]
        found = {}
        if any(a.low is not None and a.high is not None for _, a in rows):
            ranked = rank_from_intervals(
                [n for n, _ in rows],
                [a.value for _, a in rows],
                [a.low for _, a in rows],
                [a.high for _, a in rows],
            )
            found = {r.key: r for r in ranked}
        cache[("__ranks__", "")] = found
    return found


def area_stats(indicator: Indicator, row: str) -> AreaStats:
    """The :class:`AreaStats` of the row named ``row`` (empty for a row it lacks; kept)."""
    values = indicator.values()
    cache = values.cells
    key = ("__stats__", row)
    found = cache.get(key)
    if found is None:
        found = _compute(indicator, values, row)
        cache[key] = found
    return found


def _compute(indicator: Indicator, values: IndicatorValues, row: str) -> AreaStats:
    area = values.areas.get(row)
    if area is None or area.value is None:
        return AreaStats()
    years, yearly = count_years(indicator, values)
    national = values.national
    events = area.events / years if area.events is not None else None
    population = area.population / years if area.population is not None else None
    excess = None
    if yearly and events is not None and area.value > 0 and national is not None and national > 0:
        expected = expected_from_standardised(events, area.value, national)
        excess = excess_events(events, expected=expected, years=years)
    return AreaStats(rank_ranges(indicator).get(row), events, population, yearly, excess)
