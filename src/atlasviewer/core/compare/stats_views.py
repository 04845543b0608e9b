"""The trend, funnel and scatter views of an indicator: plan, table and whether they apply.

One entry point for the workspace and ``atlasviewer compare --view trend|funnel|scatter``:
:func:`view_problem` says in words why a view does not apply to an indicator (no values per
year, no counts, no second indicator), :func:`view_plan` gives what the chart draws and
:func:`view_frame` the table that CSV and XLSX write (numbers as numbers, the method in a
column of its own, so that every exported row names it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from atlasviewer.core.compare.funnel_data import funnel_frame, funnel_plan_for, indicator_funnel
from atlasviewer.core.compare.scatter_data import scatter_frame, scatter_plan_for
from atlasviewer.core.compare.trends import has_years, trend_frame, trend_plan_for
from atlasviewer.core.registry import AreaRegistry
from atlasviewer.i18n import N_, gettext_for

if TYPE_CHECKING:
    import pandas as pd

    from atlasviewer.core.compare.indicators import Indicator

STATS_VIEWS = ("trend", "funnel", "scatter")

STATS_VIEW_TITLES: dict[str, str] = {
    "trend": N_("Trend"),
    "funnel": N_("Funnel plot"),
    "scatter": N_("Two indicators"),
}
"""The views' names (translate with ``_``)."""

_NO_YEARS = N_("{indicator} has no values per year, so there is no trend to show.")
_NO_COUNTS = N_(
    "{indicator} has no counts behind its values (events and population), so there is no "
    "funnel plot."
)
_NO_SECOND = N_("Choose a second indicator to plot {indicator} against.")


def view_problem(
    view: str, indicator: Indicator, lang: str, second: Indicator | None = None
) -> str:
    """Why ``view`` does not apply to ``indicator``, in ``lang``; "" when it does."""
    title = indicator.title(lang)
    if view == "trend" and not has_years(indicator):
        return gettext_for(lang, _NO_YEARS).format(indicator=title)
    if view == "funnel" and indicator_funnel(indicator, lang) is None:
        return gettext_for(lang, _NO_COUNTS).format(indicator=title)
    if view == "scatter" and second is None:
        return gettext_for(lang, _NO_SECOND).format(indicator=title)
    return ""


def view_plan(
    view: str,
    indicator: Indicator,
    selected: Sequence[str],
    lang: str,
    *,
    second: Indicator | None = None,
    small_multiples: bool = False,
    sort: str = "name",
    registry: AreaRegistry | None = None,
) -> Any:
    """The plan of ``view`` (a trend, funnel or scatter plan), or None where it does not apply.

    Args:
        view: ``"trend"``, ``"funnel"`` or ``"scatter"``.
        indicator: The indicator (the scatter's x axis).
        selected: Registry area ids to draw as lines or label.
        lang: Language of every text.
        second: The scatter's y indicator.
        small_multiples: A trend of every area, one panel each.
        sort: The small multiples' order: ``name``, ``value`` or ``change``.
        registry: The area registry (default the indicator's).
    """
    if view_problem(view, indicator, lang, second):
        return None
    if view == "trend":
        return trend_plan_for(
            indicator,
            selected,
            lang,
            small_multiples=small_multiples,
            sort=sort,
            registry=registry,
        )
    if view == "funnel":
        return funnel_plan_for(indicator, selected, lang, registry)
    if view == "scatter":
        assert second is not None
        return scatter_plan_for(indicator, second, selected, lang, registry)
    raise ValueError(f"unknown view {view!r}; expected one of {', '.join(STATS_VIEWS)}")


def view_frame(
    view: str,
    indicator: Indicator,
    lang: str,
    *,
    second: Indicator | None = None,
    plan: Any = None,
    registry: AreaRegistry | None = None,
) -> pd.DataFrame | None:
    """The table of ``view`` for CSV and XLSX, with a "Method" column; None if it does not apply."""
    if view_problem(view, indicator, lang, second):
        return None
    if view == "trend":
        frame = trend_frame(indicator, lang, registry)
    elif view == "funnel":
        result = indicator_funnel(indicator, lang, registry)
        assert result is not None
        frame = funnel_frame(result, lang)
    else:
        assert second is not None
        plan = plan or scatter_plan_for(indicator, second, [], lang, registry)
        frame = scatter_frame(plan, lang)
    note = frame.attrs.get("note", "")
    frame[gettext_for(lang, N_("Method"))] = note
    frame.attrs["note"] = note
    return frame
