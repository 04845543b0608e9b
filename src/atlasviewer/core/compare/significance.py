"""Significance of an area's value against the national value, from a 95 % interval.

The interval is the one the atlas publishes (its error bars) where there is one, else one
computed from the counts behind the value by :mod:`atlasviewer.core.intervals` (Byar's Poisson
interval for rates, Wilson's score interval for shares, carried over to the published scale).

The rule (``docs/statistics.md``): the national value is treated as a fixed reference, not as an
estimate with an uncertainty of its own (it is drawn from the whole population, of which each
area is a part, so its interval is far narrower). An area is **higher** when the lower limit of
its interval lies above the national value, **lower** when the upper limit lies below it, and
**similar** when the closed interval ``[low, high]`` contains the national value (a limit equal
to it counts as containing it). Without an interval, or without a national value, the area is
**not compared**. The words are neutral: a higher rate is not a better or a worse one.
"""

from __future__ import annotations

import math

from atlasviewer.i18n import N_

HIGHER, SIMILAR, LOWER, NOT_COMPARED = "higher", "similar", "lower", "not compared"
SIGNIFICANCE_CLASSES = (HIGHER, SIMILAR, LOWER, NOT_COMPARED)

SIGNIFICANCE_LABELS: dict[str, str] = {
    HIGHER: N_("higher"),
    SIMILAR: N_("similar"),
    LOWER: N_("lower"),
    NOT_COMPARED: N_("not compared"),
}
"""What each class is called (translate with ``_``)."""

PUBLISHED, BYAR, WILSON, NO_INTERVAL = "published", "byar", "wilson", "none"

METHOD_LABELS: dict[str, str] = {
    PUBLISHED: N_("confidence interval (95 %) published by the atlas"),
    BYAR: N_("95 % Poisson interval of the events (Byar's approximation), scaled to the rate"),
    WILSON: N_("95 % Wilson score interval of the share"),
    NO_INTERVAL: N_("no interval: neither published nor computable from counts"),
}
"""What each interval method is called (translate with ``_``)."""


def _finite(value: float | None) -> bool:
    return value is not None and not math.isnan(value) and not math.isinf(value)


def significance(low: float | None, high: float | None, national: float | None) -> str:
    """The class of an area against the national value (module docstring for the rule).

    Args:
        low: The lower limit of the area's 95 % interval.
        high: The upper limit.
        national: The national value, a fixed reference.

    Returns:
        ``"higher"``, ``"similar"``, ``"lower"`` or ``"not compared"`` (a missing number, or
        limits in the wrong order).
    """
    if not (_finite(low) and _finite(high) and _finite(national)):
        return NOT_COMPARED
    assert low is not None and high is not None and national is not None
    if low > high:
        return NOT_COMPARED
    if low > national:
        return HIGHER
    if high < national:
        return LOWER
    return SIMILAR
