"""Build the horizontal bar chart plan (:class:`BarPlan`) of a result box's bar chart view."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from atlasviewer.core.formatting import format_number, to_number
from atlasviewer.core.model import BarChartSpec, ResultData, pick_text
from atlasviewer.core.plans.contract import BAR_COLOURS, BarPlan, BarRow, Credits
from atlasviewer.core.plans.credits import credits_for_view
from atlasviewer.core.plans.labels import _lang, _pick_list, plan_label
from atlasviewer.core.plans.rows import (
    _area_name,
    _display_name,
    _is_national,
    _records,
    identity_label,
    row_identities,
)
from atlasviewer.core.registry import AreaRegistry, default_registry

NAME_POINTS = 8.5
"""The size area names are drawn at on screen (``render.style.ChartStyle.tick_size``)."""
CHART_MARGIN_INCHES = 1.7
"""What a bar chart's title, value axis, legend and credits take of its height."""


def build_bar_plan(
    data: ResultData,
    view: BarChartSpec,
    lang: str | None = None,
    selected: Collection[str] = (),
    row_to_area: Mapping[str, str] | None = None,
    credits: Credits | None = None,
    registry: AreaRegistry | None = None,
) -> BarPlan:
    """A horizontal bar chart plan: one row per area and the national row, largest at the top.

    Rows are sorted by the sum of the ``x`` columns (the first column when there is one), as the
    atlas web site sorts stacked bars by their total; rows without any value go last. Rows of
    health regions in a dataset of areas are references like the national bar: after the areas,
    sorted among themselves, not ranked with them. Rows without an area (a profile beside the
    areas) belong to other charts and are left out. ``selected`` holds row names, area keys
    (mapped through ``row_to_area``) or area ids; rows are identified once per box's data
    (:func:`~atlasviewer.core.matching.cached_match`).
    """
    lang = _lang(lang)
    registry = registry or default_registry()
    rowset = data.rowsets[view.rowset]
    column = view.y if view.y in rowset.frame.columns else rowset.area_column
    mapping = row_to_area or {}
    chosen = set(selected)
    identities = (
        row_identities(data, view.rowset, registry) if column == rowset.area_column else None
    )
    rows: list[BarRow] = []
    for row in _records(rowset):
        name = _area_name(row, column)
        if not name and identities is not None:
            continue  # a profile row beside the areas: its line chart shows it
        role = identities.roles.get(name) if identities is not None else None
        ident = identities.area_ids.get(name, name) if identities is not None else name
        values = [to_number(row.get(x)) for x in view.x]
        low = to_number(row.get(view.error_bars[0])) if len(view.error_bars) >= 2 else None
        high = to_number(row.get(view.error_bars[1])) if len(view.error_bars) >= 2 else None
        rows.append(
            BarRow(
                key=name,
                label=identity_label(identities, name, registry, lang)
                if identities is not None
                else _display_name(name, rowset, registry, lang),
                values=values,
                value_texts=[format_number(v, view.format, lang) for v in values],
                annual=[to_number(row.get(a)) for a in view.annual_var],
                error_low=low,
                error_high=high,
                is_national=role == "national"
                if identities is not None
                else _is_national(name, rowset, registry),
                selected=name in chosen or mapping.get(name) in chosen or ident in chosen,
                area_id=ident,
                is_region=role == "region",
                selects=identities.selects.get(name, ()) if identities is not None else (),
            )
        )

    def total(bar: BarRow) -> tuple[bool, bool, float]:
        present = [v for v in bar.values if v is not None]
        return (bar.is_region, not present, -sum(present))

    rows.sort(key=total)
    series = _pick_list(view.x_legend, lang)
    value_label = plan_label(pick_text(view.x_label, lang), lang)
    if len(series) < len(view.x):
        series = series + ([value_label] if len(view.x) == 1 else list(view.x[len(series) :]))
    colours = [BAR_COLOURS[i % len(BAR_COLOURS)] for i in range(len(view.x))]
    # Every name at the screen style's 8.5 pt, 1.25 lines apart, plus title, axis and credits.
    wanted = len(rows) * NAME_POINTS * 1.25 / 72 + CHART_MARGIN_INCHES
    # A first-generation chart of one year says which: its bars are that year's, its dots the
    # other years' (the legend names those).
    sliced = view.slice and view.slice in data.slices and view.slice not in value_label
    return BarPlan(
        title=f"{value_label}, {view.slice}" if sliced else value_label,
        value_label=value_label,
        rows=rows,
        series_labels=series[: len(view.x)],
        series_colours=colours,
        annual_labels=_pick_list(view.annual_labels, lang),
        format=view.format,
        stacked=len(view.x) > 1,
        has_error_bars=len(view.error_bars) >= 2,
        credits=credits_for_view(credits, data, view, lang),
        wanted_height=wanted,
    )
