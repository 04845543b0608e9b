"""A plain figure on an Agg canvas for the statistics charts (funnel, trend, scatter).

As :func:`atlasviewer.render.charts.figure_for`: no pyplot, no GUI backend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def new_figure(size: tuple[float, float], dpi: float) -> Figure:
    """A white figure with constrained layout and a real renderer (text sizes are known)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    figure.set_facecolor("white")
    return figure
