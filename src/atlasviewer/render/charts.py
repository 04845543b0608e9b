"""A bar or line chart of a result box on a figure of its own, for export and print.

:func:`figure_for` makes a plain :class:`~matplotlib.figure.Figure` on an Agg canvas and draws
the plan on it with :func:`~atlasviewer.render.bar_chart.draw_bar_chart` or
:func:`~atlasviewer.render.line_chart.draw_line_chart` (../shared/CONVENTIONS.md, point 5).
Nothing here imports Qt or pyplot, so drawing never touches a global figure manager or a GUI
backend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from atlasviewer.core.plans import BarPlan, LinePlan
from atlasviewer.render.bar_chart import draw_bar_chart
from atlasviewer.render.line_chart import draw_line_chart
from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def figure_for(
    plan: BarPlan | LinePlan,
    kind: str | None = None,
    size: tuple[float, float] | None = None,
    dpi: float | None = None,
    style: ChartStyle | None = None,
    lang: str | None = None,
    title: str = "",
) -> Figure:
    """A new figure with ``plan`` drawn on it, for export and print.

    Args:
        plan: A bar or line plan.
        kind: ``"bar"`` or ``"line"``; default from the plan's type.
        size: Width and height in inches; default 8 inches wide, tall enough for every bar.
        dpi: Resolution; default the style's.
        style: Sizes; default :meth:`ChartStyle.print` at ``dpi``.
        lang: Language of the number formats; default the UI language.
        title: A heading above the chart (an export's result-box title); none when empty.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    kind = kind or ("bar" if isinstance(plan, BarPlan) else "line")
    style = style or ChartStyle.print(dpi or 300.0)
    if size is None:
        if isinstance(plan, BarPlan):
            size = (8.0, max(3.5, 1.9 + 0.24 * len(plan.rows)))
        else:
            size = (8.0, 4.8)
    figure = Figure(figsize=size, dpi=dpi or style.dpi, layout="constrained")
    FigureCanvasAgg(figure)  # a real renderer, so text sizes and hit tests work before saving
    figure.set_facecolor("white")
    ax = figure.add_subplot()
    if kind == "bar" and isinstance(plan, BarPlan):
        draw_bar_chart(ax, plan, style, lang)
    elif kind == "line" and isinstance(plan, LinePlan):
        draw_line_chart(ax, plan, style, lang)
    else:
        raise ValueError(f"cannot draw a {type(plan).__name__} as a {kind!r} chart")
    if title:
        figure.suptitle(title, **HEADING)
    return figure


HEADING = {"x": 0.01, "ha": "left", "fontweight": "bold", "fontsize": 12}
"""How an exported chart's heading (the result box's title) is set: left, bold."""
