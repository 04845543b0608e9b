"""Two indicators over the areas they share, as the scatter plan's inputs.

Areas are joined by the keys of :mod:`.area_rows`: a referral area's own row only to another
analysis's row of the same area, a merged row only to the same merged area, so that no point
pairs two different areas. The correlation is :mod:`atlasviewer.core.stats.correlation`
(Pearson's r and Spearman's rho, with the number of shared areas).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from atlasviewer.core.compare.area_rows import area_rows, selected_rows
from atlasviewer.core.plans.contract import Credits
from atlasviewer.core.plans.scatter_plan import ScatterPlan, build_scatter_plan
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.i18n import N_, gettext_for

if TYPE_CHECKING:
    import pandas as pd

    from atlasviewer.core.compare.indicators import Indicator

CORRELATION_METHOD = N_(
    "Pearson's r of the values; Spearman's ρ as Pearson's r of the ranks, ties given their "
    "average rank; over the areas with a value on both indicators."
)
"""The method of :mod:`atlasviewer.core.stats.correlation`, in words (translate with ``_``)."""


def keyed_values(
    indicator: Indicator, lang: str, registry: AreaRegistry
) -> tuple[list[str], list[float | None], dict[str, str]]:
    """``(keys, values, labels by key)`` of the indicator's area rows."""
    values = indicator.values()
    rows = area_rows(values, registry)
    keys = [row.key for row in rows.values()]
    numbers = [values.areas[name].value for name in rows]
    labels = {row.key: row.label(registry, lang) for row in rows.values()}
    return keys, numbers, labels


def axis_label(indicator: Indicator, lang: str) -> str:
    """An axis title that names the indicator and where it is from ("… (radiologi2, 1)")."""
    return f"{indicator.title(lang)} ({indicator.atlas_id}, {indicator.box})"


def scatter_plan_for(
    x: Indicator,
    y: Indicator,
    selected: Sequence[str],
    lang: str,
    registry: AreaRegistry | None = None,
) -> ScatterPlan:
    """The scatter of ``x`` against ``y``; the rows of registry areas ``selected`` labelled."""
    registry = registry or x.registry or default_registry()
    keys_x, values_x, labels = keyed_values(x, lang, registry)
    keys_y, values_y, labels_y = keyed_values(y, lang, registry)
    rows = area_rows(x.values(), registry)
    chosen = {rows[name].key for name in selected_rows(rows, selected)}
    rows_y = area_rows(y.values(), registry)
    chosen |= {rows_y[name].key for name in selected_rows(rows_y, selected)}
    producers = ", ".join(dict.fromkeys(p for p in (x.producer, y.producer) if p))
    periods = ", ".join(dict.fromkeys(p for p in (x.period, y.period) if p))
    return build_scatter_plan(
        {**labels_y, **labels},
        (keys_x, values_x),
        (keys_y, values_y),
        title=gettext_for(lang, N_("{y} against {x}")).format(y=y.title(lang), x=x.title(lang)),
        x_label=axis_label(x, lang),
        y_label=axis_label(y, lang),
        national=(x.values().national, y.values().national),
        format_x=x.format,
        format_y=y.format,
        selected=chosen,
        lang=lang,
        credits=Credits(producer=producers, period=periods),
    )


def scatter_frame(plan: ScatterPlan, lang: str) -> pd.DataFrame:
    """One row per shared area: its two values; ``attrs["note"]`` the coefficients and method."""
    import pandas as pd

    frame = pd.DataFrame(
        [(p.label, p.x, p.y) for p in plan.points],
        columns=[gettext_for(lang, N_("Area")), plan.x_label, plan.y_label],
    )
    frame.attrs["note"] = "; ".join([*plan.statistics, gettext_for(lang, CORRELATION_METHOD)])
    return frame
