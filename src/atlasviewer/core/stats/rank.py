"""A rank with its uncertainty: "3rd of 21, plausibly 2nd to 6th".

Method (Monte Carlo ranking; as in Marshall & Spiegelhalter, "Reliability of league tables of in
vitro fertilisation clinics", *BMJ* 316 (1998) 1701-1705, and Goldstein & Spiegelhalter, *JRSS A*
159 (1996) 385-443): each area's value is drawn many times (:data:`DRAWS`, a fixed seed so that a
table, its export and a test always agree), the areas are ranked within each draw (1 = highest,
as the comparison tables rank), and the plausible range is the 2.5th to the 97.5th percentile of
an area's ranks (the "inverted CDF" percentile, so both ends are ranks that occurred).

- From a published 95 % interval ``(low, high)``: a normal distribution on the log scale centred
  on ``log(value)`` with ``sd = (log(high) - log(low)) / (2 x 1.96)`` (log-normal, as rates and
  ratios are skewed); where ``low <= 0`` a normal on the value's own scale with
  ``sd = (high - low) / (2 x 1.96)``. An area without an interval keeps its value in every draw.
- From counts: the count over the period is drawn from a Poisson distribution with the observed
  count as its mean, and divided by the population over the period.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from atlasviewer.core.intervals import Z_95

DRAWS = 2000
"""Draws per ranking: the ends of a 95 % range then move by at most one place between seeds."""

SEED = 20050101
"""The fixed seed of the draws."""

METHOD_INTERVALS = (
    "Monte Carlo ranks (2,000 draws, fixed seed): log-normal fitted to each 95 % interval; "
    "2.5th-97.5th percentile of the ranks"
)
METHOD_COUNTS = (
    "Monte Carlo ranks (2,000 draws, fixed seed): Poisson counts over the period; "
    "2.5th-97.5th percentile of the ranks"
)


@dataclass(frozen=True)
class RankRange:
    """An area's rank among ``count`` areas (1 = highest) and its plausible range."""

    key: str
    rank: int
    low: int
    high: int
    count: int
    method: str


def _point_ranks(values: np.ndarray) -> np.ndarray:
    """1 + the number of strictly higher values ("2nd" for each of two tied 2nd places)."""
    return np.array([1 + int(np.sum(values > v)) for v in values], dtype=int)


def _ranges(
    keys: Sequence[str], values: np.ndarray, draws: np.ndarray, method: str
) -> list[RankRange]:
    ranks = (-draws).argsort(axis=1).argsort(axis=1) + 1
    low = np.percentile(ranks, 2.5, axis=0, method="inverted_cdf")
    high = np.percentile(ranks, 97.5, axis=0, method="inverted_cdf")
    points = _point_ranks(values)
    count = len(keys)
    return [
        RankRange(key, int(points[i]), int(low[i]), int(high[i]), count, method)
        for i, key in enumerate(keys)
    ]


def rank_from_intervals(
    keys: Sequence[str],
    values: Sequence[float | None],
    lows: Sequence[float | None],
    highs: Sequence[float | None],
    *,
    draws: int = DRAWS,
    seed: int = SEED,
) -> list[RankRange]:
    """Ranks and plausible ranges from each area's value and 95 % interval.

    Areas without a value are left out (they have no rank); an area without a usable interval
    keeps its value in every draw.
    """
    rows = [
        (k, float(v), lo, hi)
        for k, v, lo, hi in zip(keys, values, lows, highs, strict=True)
        if v is not None and math.isfinite(v)
    ]
    if not rows:
        return []
    rng = np.random.default_rng(seed)
    samples = np.empty((draws, len(rows)))
    for index, (_key, value, low, high) in enumerate(rows):
        usable = low is not None and high is not None and low <= value <= high and high > low
        if not usable:
            samples[:, index] = value
        elif low is not None and high is not None and low > 0:
            sd = (math.log(high) - math.log(low)) / (2 * Z_95)
            samples[:, index] = np.exp(rng.normal(math.log(value), sd, draws))
        elif low is not None and high is not None:
            samples[:, index] = rng.normal(value, (high - low) / (2 * Z_95), draws)
    keys_kept = [r[0] for r in rows]
    return _ranges(keys_kept, np.array([r[1] for r in rows]), samples, METHOD_INTERVALS)


def rank_from_counts(
    keys: Sequence[str],
    events: Sequence[float | None],
    populations: Sequence[float | None],
    *,
    values: Sequence[float | None] | None = None,
    years: int = 1,
    draws: int = DRAWS,
    seed: int = SEED,
) -> list[RankRange]:
    """Ranks and plausible ranges from each area's events and population (Poisson draws).

    Args:
        keys: The areas' ids.
        events: Events a year (yearly averages are multiplied by ``years``).
        populations: Population a year.
        values: The published values that give the point rank (default the crude rates); the
            draws scale each area's value by ``drawn count / observed count``.
        years: Years in the period.
        draws: Number of draws.
        seed: The seed of the draws.
    """
    rows = []
    for index, key in enumerate(keys):
        count, size = events[index], populations[index]
        if count is None or size is None or size <= 0 or count < 0:
            continue
        value = values[index] if values is not None else None
        value = count / size if value is None else value
        rows.append((key, float(value), float(count) * years))
    if not rows:
        return []
    rng = np.random.default_rng(seed)
    samples = np.empty((draws, len(rows)))
    for index, (_key, value, total) in enumerate(rows):
        if total <= 0:
            samples[:, index] = value
        else:
            samples[:, index] = value * rng.poisson(total, draws) / total
    return _ranges([r[0] for r in rows], np.array([r[1] for r in rows]), samples, METHOD_COUNTS)
