"""Trend charts: selected areas against Norway on one axes, and small multiples of all areas.

Drawn with matplotlib from a :class:`~atlasviewer.core.plans.trend_plan.TrendPlan`: each area in
its fixed colour, Norway dashed in the national colour, an interval band where the plan has one,
the same y axis everywhere (:attr:`TrendPlan.y_limits`), and each line's change over the period
in the legend or the panel's title. Nothing here imports Qt or pyplot.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from atlasviewer.core.plans.trend_plan import TrendLine, TrendPlan
from atlasviewer.i18n import current_language
from atlasviewer.render.axes_text import (
    AXIS_COLOUR,
    GRID_COLOUR,
    draw_credits,
    format_value_axis,
    set_title,
    style_axes,
)
from atlasviewer.render.stats_figures import new_figure
from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _draw_line(ax: Axes, line: TrendLine, label: str, width: float, marker: bool = True) -> None:
    points = [(x, y) for x, y in zip(line.years, line.values, strict=True) if y is not None]
    if line.lows is not None and line.highs is not None:
        band = [
            (x, lo, hi)
            for x, lo, hi in zip(line.years, line.lows, line.highs, strict=True)
            if lo is not None and hi is not None
        ]
        if band:
            ax.fill_between(
                [b[0] for b in band],
                [b[1] for b in band],
                [b[2] for b in band],
                color=line.colour,
                alpha=0.15,
                linewidth=0,
            )
    ax.plot(
        [p[0] for p in points],
        [p[1] for p in points],
        color=line.colour,
        linewidth=width,
        linestyle=(0, (5, 3)) if line.national else "solid",
        marker="o" if marker else None,
        markersize=3.5,
        label=label,
    )


def _year_axis(ax: Axes, plan: TrendPlan, lang: str) -> None:
    years = sorted({y for line in [*plan.lines, *plan.panels] for y in line.years})
    if plan.national is not None:
        years = sorted(set(years) | set(plan.national.years))
    if years:
        step = max(1, math.ceil(len(years) / 8))
        ax.set_xticks(years[::step], labels=[str(y) for y in years[::step]])
        ax.set_xlim(years[0] - 0.3, years[-1] + 0.3)
    ax.set_ylim(*plan.y_limits)
    format_value_axis(ax, "y", plan.format_y, lang)


def draw_trend_chart(
    ax: Axes, plan: TrendPlan, style: ChartStyle | None = None, lang: str | None = None
) -> None:
    """The selected areas' lines against Norway, each labelled with its change in the legend."""
    style = style or ChartStyle()
    lang = lang or current_language()
    if plan.national is not None:
        label = f"{plan.national.label}: {plan.national.change_text}"
        _draw_line(ax, plan.national, label, 2.2)
    for line in plan.lines:
        _draw_line(ax, line, f"{line.label}: {line.change_text}", 1.8)
    _year_axis(ax, plan, lang)
    style_axes(ax, style, grid_axis="y")
    ax.legend(fontsize=style.legend_size, framealpha=0.92, edgecolor=GRID_COLOUR, loc="best")
    set_title(ax, plan.title, style)
    ax.set_ylabel(plan.y_label, fontsize=style.label_size)
    draw_credits(ax, plan.credits, style)


def draw_small_multiples(
    figure: Figure, plan: TrendPlan, style: ChartStyle | None = None, lang: str | None = None
) -> list[Axes]:
    """One small panel per area (in the plan's order) with Norway behind it, all on one y axis.

    Returns:
        The panels' axes, in the plan's order.
    """
    style = style or ChartStyle()
    lang = lang or current_language()
    count = len(plan.panels)
    if count == 0:
        return []
    columns = min(count, max(1, math.ceil(math.sqrt(count * 1.6))))
    rows = math.ceil(count / columns)
    grid = figure.subplots(rows, columns, sharex=True, sharey=True, squeeze=False)
    axes = [ax for row in grid for ax in row]
    small = style.scaled(0.8)
    for ax, line in zip(axes, plan.panels, strict=False):
        if plan.national is not None:
            _draw_line(ax, plan.national, plan.national.label, 1.2, marker=False)
        _draw_line(ax, line, line.label, 1.6)
        ax.set_title(
            f"{line.label}\n{line.change_text}", fontsize=small.tick_size, loc="left", pad=3
        )
        style_axes(ax, small, grid_axis="y")
        _year_axis(ax, plan, lang)
        ax.tick_params(axis="x", labelrotation=90, labelsize=small.tick_size * 0.85)
    for ax in axes[count:]:
        ax.set_visible(False)
    figure.suptitle(plan.title, fontsize=style.title_size, x=0.01, ha="left")
    if plan.y_label:
        figure.supylabel(plan.y_label, fontsize=style.label_size, color=AXIS_COLOUR)
    return axes[:count]


def trend_figure(
    plan: TrendPlan,
    size: tuple[float, float] | None = None,
    dpi: float = 150.0,
    style: ChartStyle | None = None,
    lang: str | None = None,
) -> Figure:
    """A new figure with the plan's lines, or its small multiples when it has panels."""
    style = style or ChartStyle.print(dpi)
    if plan.panels:
        figure = new_figure(size or (11.0, 8.0), dpi)
        draw_small_multiples(figure, plan, style, lang)
    else:
        figure = new_figure(size or (8.0, 4.8), dpi)
        draw_trend_chart(figure.add_subplot(), plan, style, lang)
    return figure
