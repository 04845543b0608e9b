"""The Funnel view: each area's rate against its population, with the 95 % and 99.8 % limits.

Drawn by :func:`atlasviewer.render.funnel_chart.draw_funnel_chart` from the core's plan
(:mod:`atlasviewer.core.compare.funnel_data`): the selected areas labelled, the areas outside
the 99.8 % limits listed beside the plot, the method (and the years of the counts) under it.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from atlasviewer.qt.compare.stats_page import StatsPage, selected_points
from atlasviewer.render.funnel_chart import _colour, draw_funnel_chart


def _colour_of(point: Any) -> str:
    return _colour(point.outside_95, point.outside_998)


class FunnelPage(StatsPage):
    """The funnel plot of one indicator."""

    view = "funnel"

    def draw(self, figure: Figure, plan: Any) -> None:
        self._ax = self.single_axes()
        draw_funnel_chart(self._ax, plan, self.style_, self.lang)

    def finding_text(self) -> str:
        """The area's finding, then every area outside the 99.8 % limits (the chart lists 15)."""
        text = super().finding_text()
        plan = self.plan
        if plan is None or not plan.outliers:
            return text
        return f"{text}\n{plan.outliers_title}: {'; '.join(plan.outliers)}."

    def selection_layer(self, plan: Any) -> list[Any]:
        return selected_points(self._ax, plan.points, self.style_, 1.6, _colour_of)

    def points(self) -> list[tuple[Any, float, float, str]]:
        if self.plan is None:
            return []
        return [(self._ax, p.x, p.y, p.key) for p in self.plan.points]
