"""95 % confidence intervals for rates and shares computed from their numerator and denominator.

The first-generation atlases publish a value (an age- and sex-standardised rate or a share), the
number of events (numerator) and the population or group it is drawn from (denominator), but
mostly no interval. The interval is computed for the events and carried over to the published
value by the ratio ``value / crude value``, so that a standardised rate keeps its own scale (per
1,000, per 100,000, per cent) and its interval keeps the relative width the count gives it.

- Rates (events in a population, a count that can exceed the denominator): Poisson interval of
  the count by Byar's approximation, which is within a fraction of a per cent of the exact
  (Garwood) interval from about 10 events and needs no special functions.
- Shares (a part of a group, numerator <= denominator): Wilson score interval, which behaves at
  0 and 1 and for small groups where the normal (Wald) interval does not.
"""

from __future__ import annotations

import math
from statistics import NormalDist

Z_95 = NormalDist().inv_cdf(0.975)
"""The standard normal quantile of a two-sided 95 % interval (1.959964...)."""

_UPPER_FOR_ZERO_EVENTS = -math.log(0.025)
"""The exact one-sided 97.5 % upper Poisson limit for a count of 0 (3.689)."""


def byar_interval(count: float, z: float = Z_95) -> tuple[float, float]:
    """Byar's approximate Poisson interval for an observed count of events.

    Args:
        count: The number of events (>= 0).
        z: The normal quantile of the interval (1.96 for 95 %).

    Returns:
        ``(low, high)`` limits for the expected count.
    """
    if count < 0 or math.isnan(count):
        raise ValueError(f"a count of events cannot be {count}")
    if count == 0:
        return 0.0, _UPPER_FOR_ZERO_EVENTS
    low = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    upper_count = count + 1
    high = upper_count * (1 - 1 / (9 * upper_count) + z / (3 * math.sqrt(upper_count))) ** 3
    return max(low, 0.0), high


def wilson_interval(successes: float, trials: float, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``successes / trials``, as fractions (0..1)."""
    if trials <= 0 or successes < 0 or successes > trials:
        raise ValueError(f"{successes} of {trials} is not a proportion")
    share = successes / trials
    z2 = z * z
    centre = (share + z2 / (2 * trials)) / (1 + z2 / trials)
    half = (z / (1 + z2 / trials)) * math.sqrt(share * (1 - share) / trials + z2 / (4 * trials**2))
    return max(centre - half, 0.0), min(centre + half, 1.0)


def value_interval(
    value: float, numerator: float, denominator: float, *, share: bool
) -> tuple[float, float] | None:
    """The 95 % interval of a published ``value`` on its own scale, or None if not computable.

    Args:
        value: The published rate or share (standardised or crude, any unit).
        numerator: Number of events (rate) or of members with the property (share).
        denominator: Population (rate) or group size (share).
        share: True for a share (Wilson), False for a rate (Byar).

    Returns:
        ``(low, high)`` in the unit of ``value``, or None when the inputs do not allow one: a
        missing number, a denominator of 0, a share whose numerator exceeds its denominator,
        or no events at all (the scale of the value cannot be told from a zero count).
    """
    numbers = (value, numerator, denominator)
    if any(x is None or math.isnan(x) for x in numbers) or denominator <= 0 or numerator <= 0:
        return None
    if share and numerator > denominator:
        return None
    crude = numerator / denominator
    scale = value / crude
    if share:
        low, high = wilson_interval(numerator, denominator)
        return low * scale, high * scale
    low_count, high_count = byar_interval(numerator)
    return low_count / denominator * scale, high_count / denominator * scale
