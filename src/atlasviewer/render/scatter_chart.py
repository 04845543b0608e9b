"""The scatter of two indicators, drawn with matplotlib from a :class:`ScatterPlan`.

One dot per area, the selected ones outlined and named, Norway as a cross-hair of two dashed
lines, and Pearson's and Spearman's coefficients with the number of areas in the upper left
corner. Nothing here imports Qt or pyplot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from atlasviewer.core.plans.contract import NATIONAL_COLOUR, SELECTION_COLOUR
from atlasviewer.core.plans.scatter_plan import ScatterPlan
from atlasviewer.i18n import current_language
from atlasviewer.render.axes_text import (
    AXIS_COLOUR,
    GRID_COLOUR,
    draw_credits,
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

POINT_COLOUR = "#ab6ca6"


def draw_scatter_chart(
    ax: Axes, plan: ScatterPlan, style: ChartStyle | None = None, lang: str | None = None
) -> None:
    """Draw ``plan`` on ``ax``."""
    style = style or ChartStyle()
    lang = lang or current_language()
    dash = (0, (5, 3))
    if plan.national_x is not None:
        ax.axvline(
            plan.national_x,
            color=NATIONAL_COLOUR,
            linewidth=1.2,
            linestyle=dash,
            label=plan.national_label,
        )
    if plan.national_y is not None:
        ax.axhline(plan.national_y, color=NATIONAL_COLOUR, linewidth=1.2, linestyle=dash)
    others = [p for p in plan.points if not p.selected]
    chosen = [p for p in plan.points if p.selected]
    ax.scatter(
        [p.x for p in others],
        [p.y for p in others],
        s=style.marker_size * 1.6,
        c=POINT_COLOUR,
        edgecolors="white",
        linewidths=0.6,
        zorder=3,
    )
    ax.scatter(
        [p.x for p in chosen],
        [p.y for p in chosen],
        s=style.marker_size * 2.2,
        c=POINT_COLOUR,
        edgecolors=SELECTION_COLOUR,
        linewidths=style.selection_width,
        zorder=4,
    )
    for point in chosen:
        ax.annotate(
            point.label,
            (point.x, point.y),
            xytext=(6, 4),
            textcoords="offset points",
            fontsize=style.tick_size,
            color=SELECTION_COLOUR,
            fontweight="bold",
            zorder=5,
        )
    ax.text(
        0.02,
        0.98,
        "\n".join(plan.statistics),
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=style.legend_size,
        color=AXIS_COLOUR,
        bbox={
            "boxstyle": "round,pad=0.4",
            "facecolor": "white",
            "edgecolor": GRID_COLOUR,
            "alpha": 0.85,
        },
        zorder=2.5,  # under the points: the box never hides an area (Diakonhjemmet did)
    )
    if plan.national_x is not None:
        ax.legend(
            fontsize=style.legend_size, framealpha=0.92, edgecolor=GRID_COLOUR, loc="lower right"
        )
    ax.margins(0.08)
    format_value_axis(ax, "x", plan.format_x, lang)
    format_value_axis(ax, "y", plan.format_y, lang)
    style_axes(ax, style, grid_axis="both")
    set_title(ax, plan.title, style)
    ax.set_xlabel(wrap_to_width(ax, plan.x_label, style.label_size), fontsize=style.label_size)
    ax.set_ylabel(
        wrap_to_width(ax, plan.y_label, style.label_size, vertical=True), fontsize=style.label_size
    )
    draw_credits(ax, plan.credits, style)


def scatter_figure(
    plan: ScatterPlan,
    size: tuple[float, float] = (7.0, 5.6),
    dpi: float = 150.0,
    style: ChartStyle | None = None,
    lang: str | None = None,
) -> Figure:
    """A new figure with ``plan`` drawn on it, for export and print."""
    figure = new_figure(size, dpi)
    draw_scatter_chart(figure.add_subplot(), plan, style or ChartStyle.print(dpi), lang)
    return figure
