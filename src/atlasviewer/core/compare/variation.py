"""How much an indicator varies between the areas of one analysis.

Each statistic is computed over the analysis's own areas (its rows other than the national
row), each area counting once, as on the map (``docs/statistics.md``):

- **ratio**: highest area value / lowest area value (the atlases' "62 % flere" is 1.62).
- **ratio without the extremes**: the second highest value / the second lowest value, i.e. the
  same ratio after the highest and the lowest area are set aside; needs at least four areas.
- **coefficient of variation**: the sample standard deviation (n - 1) of the area values over
  their plain mean, not weighted by population (as :mod:`atlasviewer.core.summary`).
- **systematic component of variation** (SCV; McPherson, Wennberg, Hovind and Clifford, 1982,
  N Engl J Med 307:1310-4): ``SCV = 100 / k * sum(((O - E) / E)**2 - 1 / E)`` over the k areas,
  with O the observed and E the expected number of events of each area. The ``1 / E`` term
  removes the Poisson (chance) part of the variance, so that what remains estimates the
  variation between areas beyond chance; it is reported x 100 as is customary (above 5 is
  commonly read as high, above 10 as very high variation). Expected counts, in this order:

  1. observed counts O and rates r with a national rate R: ``E = O * R / r``, so that
     ``O / E = r / R``: the standardised rate ratio. This keeps the age and sex
     standardisation of the published rates (the expected count is what the area would have at
     the national rate, indirectly from its own standardised ratio). ``E = P * R`` is not used
     with counts: O is crude and R standardised, so age structure would count as variation.
  2. rates r and populations P (no counts) with a unit u (per u inhabitants) and R:
     ``O = r * P / u``, ``E = R * P / u``.
  3. otherwise SCV is not computed.

  An area with a rate of 0 (no events) enters with ``O = 0`` only in case 2; in case 1 it has
  no defined E and is left out of the SCV (the count k says how many areas entered).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Variation:
    """The variation of one indicator over the areas of one analysis.

    Attributes:
        n_areas: Areas with a value.
        highest, lowest: ``(area name, value)`` of the extreme areas, or None.
        second_highest, second_lowest: The same of the areas next to the extremes.
        ratio: ``highest / lowest`` (None when the lowest is not positive).
        ratio_inner: ``second_highest / second_lowest`` (None with fewer than 4 areas).
        cv: Coefficient of variation (unweighted, sample SD / mean).
        scv: Systematic component of variation x 100, or None; ``scv_areas`` areas entered.
        scv_basis: ``"counts"`` (case 1), ``"population"`` (case 2) or ``""``.
    """

    n_areas: int
    highest: tuple[str, float] | None = None
    lowest: tuple[str, float] | None = None
    second_highest: tuple[str, float] | None = None
    second_lowest: tuple[str, float] | None = None
    ratio: float | None = None
    ratio_inner: float | None = None
    cv: float | None = None
    scv: float | None = None
    scv_areas: int = 0
    scv_basis: str = ""


def _ok(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def coefficient_of_variation(values: list[float]) -> float | None:
    """Sample standard deviation over the plain mean; None for fewer than 2 values or mean 0."""
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    if mean == 0:
        return None
    variance = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    return math.sqrt(variance) / abs(mean)


def systematic_component(observed: list[float], expected: list[float]) -> float | None:
    """McPherson's SCV x 100 from observed and expected counts (module docstring)."""
    pairs = [(o, e) for o, e in zip(observed, expected, strict=True) if _ok(o) and _ok(e) and e > 0]
    if len(pairs) < 2:
        return None
    total = sum(((o - e) / e) ** 2 - 1 / e for o, e in pairs)
    return 100 * total / len(pairs)


def expected_counts(
    rates: Mapping[str, float],
    national: float | None,
    counts: Mapping[str, float] | None = None,
    population: Mapping[str, float] | None = None,
    unit: float | None = None,
) -> tuple[dict[str, tuple[float, float]], str]:
    """Observed and expected counts per area, and the basis used (module docstring, 1 and 2)."""
    if not _ok(national) or national is None or national <= 0:
        return {}, ""
    if counts:
        pairs = {
            name: (counts[name], counts[name] * national / rate)
            for name, rate in rates.items()
            if rate > 0 and _ok(counts.get(name))
        }
        if len(pairs) >= 2:
            return pairs, "counts"
    if population and _ok(unit) and unit:
        pairs = {
            name: (rate * population[name] / unit, national * population[name] / unit)
            for name, rate in rates.items()
            if _ok(population.get(name)) and population[name] > 0
        }
        if len(pairs) >= 2:
            return pairs, "population"
    return {}, ""


def variation(
    values: Mapping[str, float],
    national: float | None = None,
    counts: Mapping[str, float] | None = None,
    population: Mapping[str, float] | None = None,
    unit: float | None = None,
) -> Variation:
    """The variation of an indicator (module docstring for each statistic).

    Args:
        values: Area name -> value, the national row left out.
        national: The national value (for the SCV).
        counts: Area name -> observed number of events over the period, where known.
        population: Area name -> population, where known.
        unit: The rate's unit (1000 for "per 1,000 inhabitants"), for SCV case 2.
    """
    items = sorted(((n, v) for n, v in values.items() if _ok(v)), key=lambda i: (-i[1], i[0]))
    if not items:
        return Variation(0)
    high, low = items[0], items[-1]
    ratio = high[1] / low[1] if low[1] > 0 else None
    second_high = second_low = None
    ratio_inner = None
    if len(items) >= 4:
        second_high, second_low = items[1], items[-2]
        ratio_inner = second_high[1] / second_low[1] if second_low[1] > 0 else None
    pairs, basis = expected_counts(dict(items), national, counts, population, unit)
    scv = None
    if pairs:
        observed = [o for o, _ in pairs.values()]
        expected = [e for _, e in pairs.values()]
        scv = systematic_component(observed, expected)
    return Variation(
        n_areas=len(items),
        highest=high,
        lowest=low,
        second_highest=second_high,
        second_lowest=second_low,
        ratio=ratio,
        ratio_inner=ratio_inner,
        cv=coefficient_of_variation([v for _, v in items]),
        scv=scv,
        scv_areas=len(pairs) if scv is not None else 0,
        scv_basis=basis if scv is not None else "",
    )
