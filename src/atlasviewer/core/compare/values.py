"""An indicator's values per area: the value, its 95 % interval and the counts behind it.

The interval, in this order (``docs/statistics.md``):

1. **published**: the error-bar columns of the bar chart that shows the column. First-generation
   atlases mostly publish none; their reader fills the same columns with an interval computed
   from numerator and denominator. Such an interval is recognised by content: where it equals
   :func:`atlasviewer.core.intervals.value_interval` of the row's counts, the method is that
   computation (Byar or Wilson), not "published". Where that reader left no interval the value
   is a mean (bed days, ages: not counts of independent events), and none is computed here.
2. **computed from counts**: numerator and denominator (first generation), or an events column
   and a population column found in the row set (second generation): the population column is
   one whose id or label names inhabitants or population ("tot_pop", "Innbyggarar"), and the
   events column the one whose crude rate ``events / population`` times a power of ten comes
   closest to the published value for every area (within a factor of 2). Rates get Byar's
   interval, shares (a ``%`` format) Wilson's; both are carried to the published scale.
   Second-generation counts are often annual means over the period (474.2 examinations a year
   over 2018–2022): where every count times the number of years is a whole number and the
   counts are not, the counts are multiplied by the years, so the interval reflects the events
   of the whole period.
3. none: the area is not compared.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from atlasviewer.core.compare.areas import AreaSet
from atlasviewer.core.compare.significance import BYAR, NO_INTERVAL, PUBLISHED, WILSON
from atlasviewer.core.formatting import to_number
from atlasviewer.core.intervals import value_interval
from atlasviewer.core.model import ResultData, RowSet, TableSpec, pick_text
from atlasviewer.core.registry import AreaRegistry, default_registry


class MeasureRef(Protocol):
    """Where an indicator's values are (an :class:`~.indicators.Indicator` is one).

    A protocol rather than the class itself, so that this module and :mod:`.indicators`, which
    reads its values through :func:`read_values`, do not import each other.
    """

    rowset: str
    column: str
    format: str
    generation: int
    error_bars: tuple[str, str] | None
    annual: tuple[tuple[str, str], ...]


_POPULATION = re.compile(r"pop|innb|folkt|befolk|inhabit|population", re.IGNORECASE)
_SCALES = (1.0, 10.0, 100.0, 1_000.0, 10_000.0, 100_000.0)


@dataclass
class AreaValue:
    """One area row of an indicator."""

    name: str
    value: float | None
    low: float | None = None
    high: float | None = None
    method: str = NO_INTERVAL
    events: float | None = None
    population: float | None = None
    annual: dict[str, float] = field(default_factory=dict)


@dataclass
class IndicatorValues:
    """The rows of an indicator, the national value, and how intervals were found.

    Attributes:
        areas: Area rows by the analysis's area name (the national row left out).
        national: The national value, or None.
        area_set: The rows as the registry sees them (for placing registry areas).
        events_column, population_column: The count columns used, if any.
        count_years: The factor the counts were multiplied by (1, or the years of a mean).
    """

    areas: dict[str, AreaValue]
    national: float | None
    area_set: AreaSet
    national_annual: dict[str, float] = field(default_factory=dict)
    events_column: str | None = None
    population_column: str | None = None
    count_years: int = 1
    cells: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)
    """Cells already made, by (area id, language): see :func:`.cells.indicator_cells`."""

    def values(self) -> dict[str, float]:
        return {n: a.value for n, a in self.areas.items() if a.value is not None}


def _number(value: object) -> float | None:
    """:func:`to_number` with a fast path for the floats nearly every cell is."""
    if type(value) is float:
        return value if math.isfinite(value) else None
    return to_number(value)


def _numbers(rowset: RowSet, column: str | None) -> list[float | None]:
    if column is None or column not in rowset.frame.columns:
        return [None] * len(rowset.frame)
    return [_number(row.get(column)) for row in rowset.frame.rows]


def _labels(data: ResultData, rowset: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for view in data.views:
        if isinstance(view, TableSpec) and view.rowset == rowset:
            for col in view.columns:
                labels.setdefault(col.id, " ".join(pick_text(col.label, lg) for lg in ("nb", "en")))
    return labels


def _count_columns(
    data: ResultData, rowset: RowSet, column: str, exclude: set[str]
) -> tuple[str, str] | None:
    """The (events, population) columns behind ``column`` (module docstring, 2)."""
    columns = [c for c in rowset.frame.columns if c not in exclude and c != rowset.area_column]
    if {"numerator", "denominator"} <= set(columns):
        return "numerator", "denominator"
    labels = _labels(data, rowset.name)
    values = _numbers(rowset, column)
    numbers: dict[str, list[float | None]] = {}

    def numbers_of(name: str) -> list[float | None]:
        if name not in numbers:
            numbers[name] = _numbers(rowset, name)
        return numbers[name]

    best: tuple[float, str, str] | None = None
    for pop in columns:
        named = _POPULATION.search(pop) or _POPULATION.search(labels.get(pop, ""))
        if pop == column or not named:
            continue
        pops = numbers_of(pop)
        for events in columns:
            if events in (pop, column):
                continue
            counts = numbers_of(events)
            ratios = [
                v / (e / p)
                for v, e, p in zip(values, counts, pops, strict=True)
                if v and e and p and e > 0 and p > 0 and v > 0
            ]
            if len(ratios) < max(2, len(values) // 2):
                continue
            ratios.sort()
            median = ratios[len(ratios) // 2]
            scale = min(_SCALES, key=lambda s: abs(math.log(median / s)))
            if all(0.5 <= r / scale <= 2 for r in ratios):
                spread = abs(math.log(median / scale))
                if best is None or spread < best[0]:
                    best = (spread, events, pop)
    return (best[1], best[2]) if best else None


def _years(counts: list[float | None], years: int) -> int:
    present = [c for c in counts if c is not None]
    if years < 2 or not present or all(abs(c - round(c)) < 1e-9 for c in present):
        return 1
    if all(abs(c * years - round(c * years)) < 0.05 for c in present):
        return years
    return 1


def _interval(value, events, population, low, high, generation, share):  # type: ignore[no-untyped-def]
    """``(low, high, method)`` of one row (module docstring)."""
    computed = {}
    if value is not None and events is not None and population is not None:
        for kind, is_share in ((WILSON, True), (BYAR, False)):
            if is_share and events > population:
                continue
            computed[kind] = value_interval(value, events, population, share=is_share)
    if low is not None and high is not None and not (math.isnan(low) or math.isnan(high)):
        if generation == 1:
            for kind, interval in computed.items():
                if (
                    interval
                    and math.isclose(interval[0], low, rel_tol=1e-9)
                    and math.isclose(interval[1], high, rel_tol=1e-9)
                ):
                    return low, high, kind
        return low, high, PUBLISHED
    if generation == 1:
        # The first-generation reader computes every interval the counts allow; where it left
        # none, the value is a mean (bed days, ages), for which a Poisson interval is wrong.
        return None, None, NO_INTERVAL
    chosen = WILSON if share else BYAR
    interval = computed.get(chosen)
    if interval:
        return interval[0], interval[1], chosen
    return None, None, NO_INTERVAL


def read_values(
    indicator: MeasureRef, data: ResultData, registry: AreaRegistry | None = None
) -> IndicatorValues:
    """The values of ``indicator`` in its box's ``data`` (module docstring)."""
    registry = registry or default_registry()
    rowset = data.rowsets[indicator.rowset]
    names = ["" if n is None else str(n) for n in rowset.frame[rowset.area_column or ""]]
    values = _numbers(rowset, indicator.column)
    bars = indicator.error_bars or (None, None)
    lows, highs = _numbers(rowset, bars[0]), _numbers(rowset, bars[1])
    exclude = {indicator.column, *(c for c in bars if c), *(c for _, c in indicator.annual)}
    found = _count_columns(data, rowset, indicator.column, exclude)
    events = _numbers(rowset, found[0] if found else None)
    population = _numbers(rowset, found[1] if found else None)
    years = _years(events, len(indicator.annual)) if indicator.generation == 2 else 1
    annual_columns = {label: _numbers(rowset, col) for label, col in indicator.annual}
    share = "%" in indicator.format
    areas: dict[str, AreaValue] = {}
    national: float | None = None
    national_annual: dict[str, float] = {}
    for i, name in enumerate(names):
        annual: dict[str, float] = {}
        for label, col in annual_columns.items():
            number = col[i]
            if number is not None:
                annual[label] = number
        if name and (name == rowset.national or registry.is_national(name)):
            national = values[i]
            national_annual = annual
            continue
        if not name or name in areas:
            continue
        event, people = events[i], population[i]
        count = event * years if event is not None else None
        pop = people * years if people is not None else None
        low, high, method = _interval(
            values[i], count, pop, lows[i], highs[i], indicator.generation, share
        )
        areas[name] = AreaValue(name, values[i], low, high, method, count, pop, annual)
    return IndicatorValues(
        areas=areas,
        national=national,
        area_set=AreaSet(areas, registry),
        national_annual=national_annual,
        events_column=found[0] if found else None,
        population_column=found[1] if found else None,
        count_years=years,
    )
