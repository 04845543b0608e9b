"""Build the horizontal bar chart plan (:class:`BarPlan`) of a result box's bar chart view."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from atlasviewer.core.formatting import format_number, to_number
from atlasviewer.core.model import BarChartView, ResultData, pick_text
from atlasviewer.core.plans.contract import BAR_COLOURS, BarPlan, BarRow, Credits
from atlasviewer.core.plans.credits import credits_for_view
from atlasviewer.core.plans.labels import _lang, _pick_list, plan_label
from atlasviewer.core.plans.rows import _area_name, _display_name, _is_national, _records
from atlasviewer.core.registry import AreaRegistry, default_registry


def build_bar_plan(
    data: ResultData,
    view: BarChartView,
    lang: str | None = None,
    selected: Collection[str] = (),
    row_to_area: Mapping[str, str] | None = None,
    credits: Credits | None = None,
    registry: AreaRegistry | None = None,
) -> BarPlan:
    """A horizontal bar chart plan: one row per area and the national row, largest at the top.

    Rows are sorted by the sum of the ``x`` columns (the first column when there is one), as the
    atlas web site sorts stacked bars by their total; rows without any value go last.
    ``selected`` holds row names or area keys (mapped through ``row_to_area``).
    """
    lang = _lang(lang)
    registry = registry or default_registry()
    rowset = data.rowsets[view.rowset]
    column = view.y if view.y in rowset.frame.columns else rowset.area_column
    mapping = row_to_area or {}
    chosen = set(selected)
    rows: list[BarRow] = []
    for row in _records(rowset):
        name = _area_name(row, column)
        values = [to_number(row.get(x)) for x in view.x]
        low = to_number(row.get(view.error_bars[0])) if len(view.error_bars) >= 2 else None
        high = to_number(row.get(view.error_bars[1])) if len(view.error_bars) >= 2 else None
        rows.append(
            BarRow(
                key=name,
                label=_display_name(name, rowset, registry, lang),
                values=values,
                value_texts=[format_number(v, view.format, lang) for v in values],
                annual=[to_number(row.get(a)) for a in view.annual_var],
                error_low=low,
                error_high=high,
                is_national=_is_national(name, rowset, registry),
                selected=name in chosen or mapping.get(name) in chosen,
            )
        )

    def total(bar: BarRow) -> tuple[bool, float]:
        present = [v for v in bar.values if v is not None]
        return (not present, -sum(present))

    rows.sort(key=total)
    series = _pick_list(view.x_legend, lang)
    value_label = plan_label(pick_text(view.x_label, lang), lang)
    if len(series) < len(view.x):
        series = series + ([value_label] if len(view.x) == 1 else list(view.x[len(series) :]))
    colours = [BAR_COLOURS[i % len(BAR_COLOURS)] for i in range(len(view.x))]
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
    )
