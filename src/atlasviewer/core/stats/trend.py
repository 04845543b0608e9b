"""Change over a period of yearly values, and whether it exceeds that area's year-to-year noise.

Method: ordinary least squares of the value on the year (simple linear regression). The change
is stated both ways: from the first to the last year (absolute and relative) and as the slope
(per year). The noise is the residual standard deviation around the line,
``s = sqrt(sum(residual^2) / (n - 2))``; the slope's 95 % interval is
``b +- t(0.975; n - 2) x s / sqrt(sum((year - mean year)^2))`` with Student's t quantile for
``n - 2`` degrees of freedom (:func:`~atlasviewer.core.stats.special.t_quantile`). The change
exceeds the noise when that interval excludes 0: "rising" or "falling", else "stable". With
fewer than three years there is no noise to judge by and the direction is None.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from atlasviewer.core.stats.special import t_quantile

METHOD = "Least-squares slope; 95 % interval with t(n-2) from the residual standard deviation"


@dataclass(frozen=True)
class Trend:
    """A series' change over its period.

    Attributes:
        first_year: The first year with a value.
        last_year: The last year with a value.
        first: The value of the first year.
        last: The value of the last year.
        change: ``last - first``.
        relative: ``change / first`` (None when ``first`` is 0).
        slope: The least-squares change per year.
        slope_low: The lower end of the slope's 95 % interval (None under three years).
        slope_high: Its upper end.
        residual_sd: The year-to-year noise about the line (None under three years).
        n: Years with a value.
        direction: ``"rising"``, ``"falling"``, ``"stable"``, or None under three years.
        method: The method's name.
    """

    first_year: int
    last_year: int
    first: float
    last: float
    change: float
    relative: float | None
    slope: float
    slope_low: float | None
    slope_high: float | None
    residual_sd: float | None
    n: int
    direction: str | None
    method: str = METHOD

    @property
    def exceeds_noise(self) -> bool:
        """Whether the slope's 95 % interval excludes no change."""
        return self.direction in ("rising", "falling")


def trend(years: Sequence[float], values: Sequence[float | None]) -> Trend | None:
    """The change over the years that have a value, or None with fewer than two."""
    points = sorted(
        (float(y), float(v))
        for y, v in zip(years, values, strict=True)
        if v is not None and math.isfinite(v)
    )
    n = len(points)
    if n < 2 or points[0][0] == points[-1][0]:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x_mean, y_mean = sum(xs) / n, sum(ys) / n
    sxx = sum((x - x_mean) ** 2 for x in xs)
    sxy = sum((x - x_mean) * (y - y_mean) for x, y in points)
    slope = sxy / sxx
    first, last = ys[0], ys[-1]
    low = high = sd = None
    direction = None
    if n >= 3:
        residuals = [y - (y_mean + slope * (x - x_mean)) for x, y in points]
        sd = math.sqrt(sum(r * r for r in residuals) / (n - 2))
        half = t_quantile(0.975, n - 2) * sd / math.sqrt(sxx)
        low, high = slope - half, slope + half
        direction = "rising" if low > 0 else "falling" if high < 0 else "stable"
    return Trend(
        first_year=int(xs[0]),
        last_year=int(xs[-1]),
        first=first,
        last=last,
        change=last - first,
        relative=(last - first) / first if first != 0 else None,
        slope=slope,
        slope_low=low,
        slope_high=high,
        residual_sd=sd,
        n=n,
        direction=direction,
    )
