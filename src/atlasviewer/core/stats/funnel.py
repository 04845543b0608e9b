"""Funnel plot control limits around the national value (Spiegelhalter 2005).

Method: D. J. Spiegelhalter, "Funnel plots for comparing institutional performance", *Statistics
in Medicine* 24 (2005) 1185-1202. Each area's indicator is plotted against its size (the
population, or the expected count, for a rate; the denominator for a proportion); the national
value is the target; the control limits are where an area of that size would fall with
probability ``p`` if its true value were the national one:

- **Rates** (events in a population): the count over the period is Poisson with mean
  ``E = national rate x population x years`` (the expected count). The ``p`` quantile is made
  continuous by Spiegelhalter's interpolation (his appendix A.1.2): ``r_p`` is the smallest
  integer with ``P(X <= r_p) >= p``, ``alpha = (P(X <= r_p) - p) / P(X = r_p)``, and the limit
  is ``national x (r_p - alpha) / E``. Exact Poisson probabilities, not a normal approximation.
- **Proportions** (a part of a group): the count is binomial with ``n`` = the group over the
  period and the national proportion; the same interpolation on the binomial quantiles
  (appendix A.1.1), limit ``(r_p - alpha) / n``.

The levels are the two-sided 95 % (``p`` = 0.025 and 0.975, about 2 standard deviations) and
99.8 % (``p`` = 0.001 and 0.999, about 3 standard deviations) limits. A limit below 0 (a small
expected count at 99.8 %) is set to 0.

Second-generation atlases publish counts as **yearly averages** over their period (radiologi2's
``tot_events`` and ``tot_pop`` for 2018-2022). The limits are computed from the counts of the
whole period (average x number of years): :attr:`FunnelResult.years` says how many, and the plan
and export state it. The plotted size stays the yearly population, as the atlas shows it.

The plotted value is the area's published rate (age- and sex-standardised in the atlases) where
given, else the crude rate from its counts: the limits, from the expected count at the national
rate, are those of an indirectly standardised comparison.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np

from atlasviewer.core.stats.special import (
    binomial_cdf,
    binomial_pmf,
    poisson_cdf,
    poisson_pmf,
)

LEVELS: tuple[float, ...] = (0.95, 0.998)
"""The two control limits of a funnel plot: 95 % and 99.8 % (two-sided)."""

METHOD_POISSON = "Exact Poisson control limits (Spiegelhalter 2005, interpolated quantiles)"
METHOD_BINOMIAL = "Exact binomial control limits (Spiegelhalter 2005, interpolated quantiles)"

CURVE_POINTS = 120
"""Sizes at which the limit curves are computed for drawing (log-spaced)."""


@dataclass(frozen=True)
class FunnelArea:
    """One area on a funnel plot.

    Attributes:
        key: The area's id.
        label: Its name.
        value: The plotted rate or proportion (on the indicator's scale: per ``per`` units).
        size: Its population (rates) or group (proportions), a year's worth as published.
        count: The events or numerator behind the value, a year's worth as published.
        expected: The count expected at the national value over the whole period.
        limits: ``{level: (low, high)}`` at the area's size, on the value's scale.
        outside: ``{level: "higher" | "lower" | None}``: above the upper, below the lower limit.
    """

    key: str
    label: str
    value: float
    size: float
    count: float
    expected: float
    limits: dict[float, tuple[float, float]]
    outside: dict[float, str | None]


@dataclass(frozen=True)
class FunnelResult:
    """A funnel plot's areas, national value and limit curves.

    Attributes:
        measure: ``"rate"`` or ``"proportion"``.
        method: The method's name (for the plan, the export and the docs).
        national: The national value (the target line).
        per: The unit of a rate (10,000 for "per 10,000"), or the scale of a proportion (1 or 100).
        years: The number of years the published yearly averages are multiplied by.
        levels: The control limit levels.
        areas: Every area with a usable value and size, in the order given.
        curve_sizes: Sizes (yearly) at which the curves are given, increasing.
        curves: ``{level: (lows, highs)}`` along ``curve_sizes``.
    """

    measure: str
    method: str
    national: float
    per: float
    years: int
    levels: tuple[float, ...]
    areas: list[FunnelArea]
    curve_sizes: list[float]
    curves: dict[float, tuple[list[float], list[float]]] = field(default_factory=dict)

    def outliers(self, level: float = 0.998) -> list[FunnelArea]:
        """The areas outside the ``level`` limits, highest value first."""
        found = [a for a in self.areas if a.outside.get(level)]
        return sorted(found, key=lambda a: -a.value)


def interpolated_quantile(kind: str, p: np.ndarray, mean_or_n: np.ndarray, share=None):
    """Spiegelhalter's continuous quantile ``r_p - alpha`` of a Poisson or binomial count.

    Args:
        kind: ``"poisson"`` (``mean_or_n`` the mean) or ``"binomial"`` (``mean_or_n`` the
            number of trials, ``share`` the probability).
        p: The probabilities (same shape as ``mean_or_n``).
        mean_or_n: Poisson means or binomial sizes.
        share: The binomial probability (scalar or array).

    Returns:
        The interpolated quantiles, clipped at 0.
    """
    p = np.asarray(p, float)
    m = np.asarray(mean_or_n, float)
    z = np.array([NormalDist().inv_cdf(v) for v in p.ravel()]).reshape(p.shape)
    if kind == "poisson":
        centre, sd = m, np.sqrt(m)

        def cdf(r):
            return poisson_cdf(r, m)

        def pmf(r):
            return poisson_pmf(r, m)

        top = np.full(m.shape, np.inf)
    else:
        q = np.broadcast_to(np.asarray(share, float), m.shape)
        centre, sd = m * q, np.sqrt(m * q * (1 - q))

        def cdf(r):
            return binomial_cdf(r, m, q)

        def pmf(r):
            return binomial_pmf(r, m, q)

        top = np.floor(m)
    r = np.clip(np.floor(centre + z * sd), 0, top)
    for _ in range(10_000):
        f = cdf(r)
        up = f < p
        down = ~up & (r > 0) & (f - pmf(r) >= p)
        if not up.any() and not down.any():
            break
        r = np.clip(r + up - down, 0, top)
    f, mass = cdf(r), pmf(r)
    alpha = np.where(mass > 0, (f - p) / np.where(mass > 0, mass, 1.0), 0.0)
    return np.maximum(r - alpha, 0.0)


def _limits(
    kind: str, sizes: np.ndarray, national: float, per: float, years: int, levels: Sequence[float]
) -> dict[float, tuple[np.ndarray, np.ndarray]]:
    """The lower and upper limits at each yearly size, on the value's scale."""
    total = sizes * years
    result: dict[float, tuple[np.ndarray, np.ndarray]] = {}
    for level in levels:
        tail = (1.0 - level) / 2.0
        both = np.concatenate([total, total])
        p = np.concatenate([np.full(total.shape, tail), np.full(total.shape, 1.0 - tail)])
        if kind == "poisson":
            expected = both * national / per
            q = interpolated_quantile("poisson", p, expected)
            limit = np.where(expected > 0, q / np.where(expected > 0, expected, 1), 0) * national
        else:
            q = interpolated_quantile("binomial", p, both, national / per)
            limit = q / both * per
        result[level] = (limit[: total.size], limit[total.size :])
    return result


def _usable(*values: float | None) -> bool:
    return all(v is not None and math.isfinite(v) for v in values)


def _funnel(
    kind: str,
    keys: Sequence[str],
    labels: Sequence[str],
    counts: Sequence[float | None],
    sizes: Sequence[float | None],
    values: Sequence[float | None] | None,
    national: float | None,
    per: float,
    years: int,
    levels: Sequence[float],
) -> FunnelResult:
    if years < 1:
        raise ValueError(f"a funnel plot needs at least one year, not {years}")
    rows = []
    for index, key in enumerate(keys):
        count, size = counts[index], sizes[index]
        value = values[index] if values is not None else None
        if not _usable(count, size) or size is None or size <= 0 or count is None or count < 0:
            continue
        if value is None or not math.isfinite(value):
            value = count / size * per
        rows.append((key, labels[index], float(value), float(size), float(count)))
    if national is None:
        total_size = sum(r[3] for r in rows)
        if total_size <= 0:
            raise ValueError("a funnel plot needs at least one area with a population")
        national = sum(r[4] for r in rows) / total_size * per
    if national < 0 or (kind == "binomial" and national > per):
        raise ValueError(f"a national value of {national} cannot be the target of this funnel")
    area_sizes = np.array([r[3] for r in rows], float)
    at_areas = _limits(kind, area_sizes, national, per, years, levels)
    areas = []
    for index, (key, label, value, size, count) in enumerate(rows):
        limits = {
            lv: (float(at_areas[lv][0][index]), float(at_areas[lv][1][index])) for lv in levels
        }
        outside = {
            lv: "higher" if value > high else "lower" if value < low else None
            for lv, (low, high) in limits.items()
        }
        expected = size * years * national / per
        areas.append(FunnelArea(key, label, value, size, count, expected, limits, outside))
    curve_sizes = _curve_sizes(area_sizes)
    at_curve = _limits(kind, curve_sizes, national, per, years, levels)
    return FunnelResult(
        measure="rate" if kind == "poisson" else "proportion",
        method=METHOD_POISSON if kind == "poisson" else METHOD_BINOMIAL,
        national=float(national),
        per=per,
        years=years,
        levels=tuple(levels),
        areas=areas,
        curve_sizes=[float(s) for s in curve_sizes],
        curves={
            lv: (list(map(float, lo)), list(map(float, hi))) for lv, (lo, hi) in at_curve.items()
        },
    )


def _curve_sizes(sizes: np.ndarray) -> np.ndarray:
    """Log-spaced sizes from half the smallest area to 1.2 times the largest."""
    if sizes.size == 0:
        return np.array([], float)
    low, high = float(sizes.min()) * 0.5, float(sizes.max()) * 1.2
    return np.geomspace(max(low, 1e-9), max(high, low * 2), CURVE_POINTS)


def funnel_rates(
    keys: Sequence[str],
    labels: Sequence[str],
    events: Sequence[float | None],
    populations: Sequence[float | None],
    *,
    rates: Sequence[float | None] | None = None,
    national_rate: float | None = None,
    per: float = 1.0,
    years: int = 1,
    levels: Sequence[float] = LEVELS,
) -> FunnelResult:
    """Exact Poisson funnel limits for rates (events in a population).

    Args:
        keys: The areas' ids.
        labels: Their names.
        events: Each area's events, a year's worth (the atlas's yearly average).
        populations: Each area's population, a year's worth.
        rates: The rates to plot (the atlas's standardised rate, per ``per``); default the
            crude rate ``events / population x per``.
        national_rate: The target, per ``per``; default the areas' total events over their
            total population.
        per: The rate's unit: 10,000 for "per 10,000 inhabitants".
        years: Years in the period: the limits use ``events x years`` and ``population x years``.
        levels: Two-sided levels of the limits.

    Returns:
        The areas with their limits and whether they lie outside, and the curves. Areas
        without a count or a positive population are left out.
    """
    return _funnel(
        "poisson", keys, labels, events, populations, rates, national_rate, per, years, levels
    )


def funnel_proportions(
    keys: Sequence[str],
    labels: Sequence[str],
    numerators: Sequence[float | None],
    denominators: Sequence[float | None],
    *,
    shares: Sequence[float | None] | None = None,
    national_share: float | None = None,
    per: float = 1.0,
    years: int = 1,
    levels: Sequence[float] = LEVELS,
) -> FunnelResult:
    """Exact binomial funnel limits for proportions (``per`` 1 for fractions, 100 for per cent).

    As :func:`funnel_rates`, with the numerators and denominators of the share.
    """
    for num, den in zip(numerators, denominators, strict=False):
        if _usable(num, den) and num is not None and den is not None and num > den:
            raise ValueError(f"a numerator of {num} exceeds its denominator {den}")
    return _funnel(
        "binomial",
        keys,
        labels,
        numerators,
        denominators,
        shares,
        national_share,
        per,
        years,
        levels,
    )
