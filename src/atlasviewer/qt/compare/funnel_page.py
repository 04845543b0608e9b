"""The Funnel view: each area's rate against its population, with the 95 % and 99.8 % limits.

Drawn by :func:`atlasviewer.render.funnel_chart.draw_funnel_chart` from the core's plan
(:mod:`atlasviewer.core.compare.funnel_data`): the selected areas labelled, the areas outside
the 99.8 % limits listed beside the plot, the method (and the years of the counts) under it.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from atlasviewer.qt.compare.stats_page import StatsPage
from atlasviewer.render.funnel_chart import draw_funnel_chart


class FunnelPage(StatsPage):
    """The funnel plot of one indicator."""

    view = "funnel"

    def draw(self, figure: Figure, plan: Any) -> None:
        self._ax = figure.add_subplot()
        draw_funnel_chart(self._ax, plan, self.style_, self.lang)

    def points(self) -> list[tuple[Any, float, float, str]]:
        if self.plan is None:
            return []
        return [(self._ax, p.x, p.y, p.key) for p in self.plan.points]
