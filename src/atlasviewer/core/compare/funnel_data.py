"""An indicator's funnel plot: its areas' counts as the inputs of the control limits.

Where the analysis carries the counts behind the rate (:mod:`.values`: first-generation
numerators and denominators, second-generation events and population columns), each area row
is a point at its population (or group) with its published value, against exact Poisson
limits for rates and exact binomial limits for shares
(:mod:`atlasviewer.core.stats.funnel`, Spiegelhalter 2005):

- a share is an indicator with a ``%`` format or whose intervals are Wilson's; a rate the rest;
- the rate's unit is the one its label states ("per 10 000"), else the power of ten that
  carries the crude rate ``events / population`` to the published values (their median ratio);
- second-generation counts are yearly averages over the period (:attr:`count_years` > 1): the
  limits use the counts of the whole period (average x years), and the plan says so;
- a first-generation value without an interval is a mean (bed days, ages): no funnel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from atlasviewer.core.compare.area_rows import area_rows, selected_rows
from atlasviewer.core.compare.significance import NO_INTERVAL, WILSON
from atlasviewer.core.compare.trends import credits_of, value_label
from atlasviewer.core.plans.funnel_plan import FunnelPlan, build_funnel_plan, build_funnel_table
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.core.stats.funnel import FunnelResult, funnel_proportions, funnel_rates
from atlasviewer.i18n import N_, gettext_for

if TYPE_CHECKING:
    import pandas as pd

    from atlasviewer.core.compare.indicators import Indicator

_SCALES = (1.0, 10.0, 100.0, 1_000.0, 10_000.0, 100_000.0)


def _scale(values: Sequence[tuple[float, float, float]]) -> float:
    """The power of ten that carries ``events / population`` to the values (median ratio)."""
    ratios = sorted(v / (e / p) for v, e, p in values if v > 0 and e > 0 and p > 0)
    if not ratios:
        return 1.0
    median = ratios[len(ratios) // 2]
    return min(_SCALES, key=lambda s: abs(math.log(median / s)))


def funnel_measure(indicator: Indicator) -> str | None:
    """``"rate"``, ``"proportion"``, or None when the analysis has no counts for a funnel."""
    values = indicator.values()
    counted = [
        a
        for a in values.areas.values()
        if a.value is not None and a.events is not None and a.population
    ]
    if len(counted) < 2:
        return None
    if indicator.generation == 1 and all(a.method == NO_INTERVAL for a in counted):
        return None
    share = "%" in indicator.format or sum(a.method == WILSON for a in counted) > len(counted) / 2
    return "proportion" if share else "rate"


def indicator_funnel(
    indicator: Indicator, lang: str = "nb", registry: AreaRegistry | None = None
) -> FunnelResult | None:
    """The funnel of ``indicator`` (areas keyed as :mod:`.area_rows`), or None without counts.

    Kept with the indicator's values, per language: a new selection redraws, never recomputes.
    """
    values = indicator.values()
    kept = ("__funnel__", lang)
    if kept not in values.cells:
        values.cells[kept] = _funnel_of(indicator, lang, registry)
    return values.cells[kept]  # type: ignore[no-any-return]


def _funnel_of(
    indicator: Indicator, lang: str, registry: AreaRegistry | None
) -> FunnelResult | None:
    measure = funnel_measure(indicator)
    if measure is None:
        return None
    registry = registry or indicator.registry or default_registry()
    values = indicator.values()
    rows = area_rows(values, registry)
    years = max(1, values.count_years)
    keys, labels, events, sizes, shown = [], [], [], [], []
    for name, row in rows.items():
        area = values.areas[name]
        if area.events is None or not area.population or area.value is None:
            continue
        keys.append(row.key)
        labels.append(row.label(registry, lang))
        events.append(area.events / years)
        sizes.append(area.population / years)
        shown.append(area.value)
    counted = list(zip(shown, events, sizes, strict=True))
    if measure == "proportion":
        per = 1.0 if "%" in indicator.format else _scale(counted)
        return funnel_proportions(
            keys, labels, events, sizes, shares=shown, national_share=values.national,
            per=per, years=years,
        )  # fmt: skip
    per = indicator.unit_size or _scale(counted)
    return funnel_rates(
        keys, labels, events, sizes, rates=shown, national_rate=values.national,
        per=per, years=years,
    )  # fmt: skip


def size_label(indicator: Indicator, result: FunnelResult, lang: str) -> str:
    """The x axis: population or group size, "a year (average over the period)" where so."""
    if result.measure == "rate":
        label = N_("Population a year (average)") if result.years > 1 else N_("Population")
    else:
        label = N_("Group size a year (average)") if result.years > 1 else N_("Group size")
    return gettext_for(lang, label)


def funnel_plan_for(
    indicator: Indicator,
    selected: Sequence[str],
    lang: str,
    registry: AreaRegistry | None = None,
) -> FunnelPlan | None:
    """The funnel plan of ``indicator`` with the rows of registry areas ``selected`` marked."""
    registry = registry or indicator.registry or default_registry()
    result = indicator_funnel(indicator, lang, registry)
    if result is None:
        return None
    rows = area_rows(indicator.values(), registry)
    chosen = [rows[name].key for name in selected_rows(rows, selected)]
    return build_funnel_plan(
        result,
        title=indicator.title(lang),
        x_label=size_label(indicator, result, lang),
        y_label=value_label(indicator, lang),
        format_y=indicator.format,
        selected=chosen,
        lang=lang,
        credits=credits_of(indicator, lang),
    )


def funnel_frame(result: FunnelResult, lang: str) -> pd.DataFrame:
    """Each area with its value, size, counts and the 95 % and 99.8 % limits at its size.

    The frame's ``attrs["note"]`` names the method (and the years of the counts).
    """
    import pandas as pd

    table = build_funnel_table(result, lang)
    frame = pd.DataFrame(table.rows, columns=table.headers)
    frame.attrs["note"] = table.note
    return frame
