"""Build the line chart plan (:class:`LinePlan`) of a result box's line chart view."""

from __future__ import annotations

from atlasviewer.core.formatting import format_number, to_number
from atlasviewer.core.model import LineChartSpec, ResultData, pick_text
from atlasviewer.core.plans.contract import LINE_COLOURS, Credits, LinePlan, LineSeries
from atlasviewer.core.plans.credits import credits_for_view
from atlasviewer.core.plans.labels import _lang, _pick_list, plan_label
from atlasviewer.core.plans.rows import _records


def build_line_plan(
    data: ResultData, view: LineChartSpec, lang: str | None = None, credits: Credits | None = None
) -> LinePlan:
    """A line chart plan: one series per ``line_vars`` column over the ``x`` column."""
    lang = _lang(lang)
    rowset = data.rowsets[view.rowset]
    records = _records(rowset)
    xs: list[float | str] = []
    for row in records:
        number = to_number(row.get(view.x))
        xs.append(number if number is not None else str(row.get(view.x, "")))
    labels = _pick_list(view.line_labels, lang)
    series = []
    for index, variable in enumerate(view.line_vars):
        colours = view.line_colors or LINE_COLOURS
        series.append(
            LineSeries(
                label=labels[index] if index < len(labels) else variable,
                colour=str(colours[index % len(colours)]),
                x=list(xs),
                y=[to_number(row.get(variable)) for row in records],
            )
        )
    y_label = plan_label(pick_text(view.y_label, lang), lang)
    return LinePlan(
        title=y_label,
        x_label=plan_label(pick_text(view.x_label, lang), lang),
        y_label=y_label,
        series=series,
        format_x=view.format_x,
        format_y=view.format_y,
        x_tick_labels=[format_number(x, view.format_x or "", lang) for x in xs],
        credits=credits_for_view(credits, data, view, lang),
    )
