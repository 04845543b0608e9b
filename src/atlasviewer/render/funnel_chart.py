"""The funnel plot, drawn with matplotlib from a :class:`FunnelPlan`.

Each area is a dot at its size (x) and value (y); Norway is a horizontal line; the 95 % limits are
dashed, the 99.8 % limits solid; dots outside the 99.8 % limits are filled darker, outside the
95 % limits a shade lighter, inside light; selected areas are outlined and named; the areas
outside the limits are listed beside the plot, and the method under it. Nothing here imports
Qt or pyplot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from atlasviewer.core.plans.contract import NATIONAL_COLOUR, SELECTION_COLOUR
from atlasviewer.core.plans.funnel_plan import LISTED, FunnelPlan
from atlasviewer.i18n import current_language
from atlasviewer.render.axes_text import (
    AXIS_COLOUR,
    CREDITS_COLOUR,
    GRID_COLOUR,
    credits_text,
    format_value_axis,
    set_title,
    style_axes,
    wrap_to_width,
)
from atlasviewer.render.stats_figures import new_figure
from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

INSIDE_COLOUR = "#ddc4db"
OUTSIDE_95_COLOUR = "#ab6ca6"
OUTSIDE_998_COLOUR = "#5c2a58"
LIMIT_COLOURS = {0.95: "#74a5cd", 0.998: "#253776"}
LIMIT_STYLES = {0.95: (0, (4, 3)), 0.998: "solid"}


def _colour(outside_95: str | None, outside_998: str | None) -> str:
    if outside_998:
        return OUTSIDE_998_COLOUR
    return OUTSIDE_95_COLOUR if outside_95 else INSIDE_COLOUR


def draw_funnel_chart(
    ax: Axes, plan: FunnelPlan, style: ChartStyle | None = None, lang: str | None = None
) -> None:
    """Draw ``plan`` on ``ax``: limits, national line, dots, labels, outlier list and method."""
    style = style or ChartStyle()
    lang = lang or current_language()
    for limit in plan.limits:
        colour = LIMIT_COLOURS.get(limit.level, AXIS_COLOUR)
        dash = LIMIT_STYLES.get(limit.level, "solid")
        ax.plot(plan.curve_x, limit.lows, color=colour, linestyle=dash, linewidth=1.1)
        ax.plot(
            plan.curve_x,
            limit.highs,
            color=colour,
            linestyle=dash,
            linewidth=1.1,
            label=limit.label,
        )
    ax.axhline(plan.national, color=NATIONAL_COLOUR, linewidth=1.6, label=plan.national_label)
    xs = [p.x for p in plan.points]
    ys = [p.y for p in plan.points]
    colours = [_colour(p.outside_95, p.outside_998) for p in plan.points]
    edges = [SELECTION_COLOUR if p.selected else "white" for p in plan.points]
    widths = [style.selection_width if p.selected else 0.6 for p in plan.points]
    ax.scatter(
        xs, ys, s=style.marker_size * 1.6, c=colours, edgecolors=edges, linewidths=widths, zorder=3
    )
    for point in plan.points:
        if point.selected:
            ax.annotate(
                point.label,
                (point.x, point.y),
                xytext=(5, 4),
                textcoords="offset points",
                fontsize=style.tick_size,
                color=SELECTION_COLOUR,
                fontweight="bold",
                zorder=4,
            )
    _set_limits(ax, plan)
    format_value_axis(ax, "x", plan.format_x, lang)
    format_value_axis(ax, "y", plan.format_y, lang)
    style_axes(ax, style, grid_axis="both")
    ax.legend(fontsize=style.legend_size, framealpha=0.92, edgecolor=GRID_COLOUR, loc="upper right")
    _list_outliers(ax, plan, style)
    set_title(ax, plan.title, style)
    ax.set_xlabel(wrap_to_width(ax, plan.x_label, style.label_size), fontsize=style.label_size)
    ax.set_ylabel(plan.y_label, fontsize=style.label_size)
    footer = " ".join(t for t in (plan.note, credits_text(plan.credits)) if t)
    ax.annotate(
        wrap_to_width(ax, footer, style.credits_size),
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=style.credits_size,
        color=CREDITS_COLOUR,
        annotation_clip=False,
    )


def _set_limits(ax: Axes, plan: FunnelPlan) -> None:
    """Set the x range from 0 past the largest area, y over the dots and the limits beside them."""
    if not plan.points:
        return
    smallest = min(p.x for p in plan.points)
    ys = [p.y for p in plan.points] + [plan.national]
    for limit in plan.limits:
        for x, low, high in zip(plan.curve_x, limit.lows, limit.highs, strict=True):
            if x >= smallest:
                ys.extend((low, high))
    low, high = min(ys), max(ys)
    pad = (high - low) * 0.06 or 1.0
    ax.set_ylim(max(0.0, low - pad) if low >= 0 else low - pad, high + pad)
    ax.set_xlim(0, max(plan.curve_x) if plan.curve_x else max(p.x for p in plan.points) * 1.1)


def _list_outliers(ax: Axes, plan: FunnelPlan, style: ChartStyle) -> None:
    lines = [plan.outliers_title, *("  " + line for line in plan.outliers[:LISTED])]
    if plan.outliers_more:
        lines.append("  " + plan.outliers_more)
    ax.annotate(
        "\n".join(lines),
        xy=(1.02, 1.0),
        xycoords="axes fraction",
        ha="left",
        va="top",
        fontsize=style.legend_size,
        color=AXIS_COLOUR,
        annotation_clip=False,
    )


def funnel_figure(
    plan: FunnelPlan,
    size: tuple[float, float] = (9.0, 5.6),
    dpi: float = 150.0,
    style: ChartStyle | None = None,
    lang: str | None = None,
) -> Figure:
    """A new figure with ``plan`` drawn on it, for export and print."""
    figure = new_figure(size, dpi)
    draw_funnel_chart(figure.add_subplot(), plan, style or ChartStyle.print(dpi), lang)
    return figure
