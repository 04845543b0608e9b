"""The line chart of a result box, drawn with matplotlib from a line plan.

A plain function that takes an :class:`~matplotlib.axes.Axes`, a
:class:`~atlasviewer.core.plans.LinePlan` and a :class:`~atlasviewer.render.style.ChartStyle`;
the window's chart widget, the headless export, printing and the tests all draw through it
(../shared/CONVENTIONS.md, point 5). Nothing here imports Qt or pyplot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from atlasviewer.core.plans import LinePlan
from atlasviewer.i18n import current_language
from atlasviewer.render.axes_text import (
    CHAR_WIDTH_EM,
    GRID_COLOUR,
    draw_credits,
    format_value_axis,
    set_title,
    style_axes,
    wrap_to_width,
)
from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MAX_CATEGORY_TICKS = 14
"""More x categories than this (88 ages, 36 months) get every n-th one labelled."""


def draw_line_chart(
    ax: Axes, plan: LinePlan, style: ChartStyle | None = None, lang: str | None = None
) -> None:
    """Draw ``plan`` as lines with dots, one per series, with a legend when there are several.

    Text x values (age groups, months as names) are drawn at even steps in first-seen order;
    ``plan.x_tick_labels``, when given, label the x positions in that order.
    """
    style = style or ChartStyle()
    lang = lang or current_language()
    categories: list[Any] = []
    for series in plan.series:
        for x in series.x:
            if x not in categories:
                categories.append(x)
    categorical = any(isinstance(x, str) for x in categories)
    if not categorical:
        categories.sort()

    for series in plan.series:
        points = [(x, y) for x, y in zip(series.x, series.y, strict=False) if y is not None]
        xs = [categories.index(x) if categorical else x for x, _y in points]
        ax.plot(
            xs,
            [y for _x, y in points],
            color=series.colour or None,
            marker="o",
            markersize=3.5,
            linewidth=1.8,
            label=series.label or "_series",
        )

    if categorical:
        labels = [str(c) for c in categories]
        if len(plan.x_tick_labels) == len(categories):
            labels = list(plan.x_tick_labels)
        _set_thinned_ticks(ax, list(range(len(categories))), labels)
    elif plan.format_x == "month" and len(plan.x_tick_labels) == len(categories):
        _set_thinned_ticks(ax, categories, list(plan.x_tick_labels))
    else:
        # Ages, years: a plain number axis ("" keeps 2018 from becoming "2,018").
        format_value_axis(ax, "x", "" if plan.format_x == "month" else plan.format_x, lang)
    format_value_axis(ax, "y", plan.format_y or ",.0f", lang)
    values = [y for s in plan.series for y in s.y if y is not None]
    if values and min(values) >= 0:
        ax.set_ylim(bottom=0, top=max(values) * 1.08 or 1.0)
    style_axes(ax, style, grid_axis="y")
    if sum(1 for s in plan.series if s.label) > 1:
        ax.legend(fontsize=style.legend_size, framealpha=0.92, edgecolor=GRID_COLOUR)
    y_axis_points = 5 * style.tick_size * CHAR_WIDTH_EM + 3 * style.label_size
    set_title(ax, plan.title, style, y_axis_points)
    ax.set_xlabel(
        wrap_to_width(ax, plan.x_label, style.label_size, y_axis_points), fontsize=style.label_size
    )
    if plan.y_label != plan.title:  # the builders title a line chart with its y label
        ax.set_ylabel(
            wrap_to_width(ax, plan.y_label, style.label_size, 5 * style.label_size, vertical=True),
            fontsize=style.label_size,
        )
    draw_credits(ax, plan.credits, style, y_axis_points)


def _set_thinned_ticks(ax: Axes, ticks: list[Any], labels: list[str]) -> None:
    """Label at most :data:`MAX_CATEGORY_TICKS` of the x positions, evenly spaced."""
    step = max(1, -(-len(ticks) // MAX_CATEGORY_TICKS))
    ax.set_xticks(ticks[::step], labels=labels[::step])
    if len(ticks[::step]) > 8 and max((len(t) for t in labels), default=0) > 3:
        ax.tick_params(axis="x", labelrotation=45)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")
