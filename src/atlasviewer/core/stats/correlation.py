"""Correlation of two indicators over the areas they share: Pearson and Spearman, with n.

Method: Pearson's product-moment coefficient ``r = Sxy / sqrt(Sxx Syy)`` of the values, and
Spearman's rank coefficient as Pearson's ``r`` of the ranks, tied values given the average of
the ranks they span (so that ties are handled exactly, not by the ``1 - 6 sum d^2 / ...``
shortcut that assumes none). Only areas with a value on both indicators count; with fewer than
three, or when one indicator does not vary, the coefficients are None.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

METHOD = "Pearson's r of the values; Spearman's rho as Pearson's r of average ranks"


@dataclass(frozen=True)
class Correlation:
    """Pearson's and Spearman's coefficients over ``n`` shared areas (``keys``)."""

    n: int
    pearson: float | None
    spearman: float | None
    keys: list[str]
    method: str = METHOD


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1 (smallest) up, each group of ties given the mean of the ranks it spans."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None under three pairs or without variation."""
    n = len(xs)
    if n < 3:
        return None
    x_mean, y_mean = sum(xs) / n, sum(ys) / n
    sxy = sum((x - x_mean) * (y - y_mean) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - x_mean) ** 2 for x in xs)
    syy = sum((y - y_mean) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def correlate(
    keys_x: Sequence[str],
    values_x: Sequence[float | None],
    keys_y: Sequence[str],
    values_y: Sequence[float | None],
) -> Correlation:
    """Pearson and Spearman over the areas that have a value on both indicators."""
    second = {
        k: float(v)
        for k, v in zip(keys_y, values_y, strict=True)
        if v is not None and math.isfinite(v)
    }
    pairs = [
        (k, float(v), second[k])
        for k, v in zip(keys_x, values_x, strict=True)
        if v is not None and math.isfinite(v) and k in second
    ]
    xs, ys = [p[1] for p in pairs], [p[2] for p in pairs]
    return Correlation(
        n=len(pairs),
        pearson=pearson(xs, ys),
        spearman=pearson(average_ranks(xs), average_ranks(ys)) if len(pairs) >= 3 else None,
        keys=[p[0] for p in pairs],
    )
