"""The Two indicators view: one indicator against a second over the areas they share.

The second indicator is chosen in its own combo box (by default the next indicator of the
comparison). Drawn by :func:`atlasviewer.render.scatter_chart.draw_scatter_chart` from the
core's plan (:mod:`atlasviewer.core.compare.scatter_data`): one point per shared area, the
selected ones labelled, Norway's cross-hair, Pearson's and Spearman's coefficients with n.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from atlasviewer.core.compare.indicators import Indicator
from atlasviewer.i18n import _
from atlasviewer.qt.compare.stats_page import StatsPage, selected_points
from atlasviewer.render.scatter_chart import POINT_COLOUR, draw_scatter_chart


class ScatterPage(StatsPage):
    """The scatter of two indicators."""

    view = "scatter"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.second_label = QLabel(self)
        self.second_choice = QComboBox(self)
        self.second_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.second_choice.setMinimumContentsLength(30)
        self.controls.addWidget(self.second_label)
        self.controls.addWidget(self.second_choice, 1)
        self.second_choice.currentIndexChanged.connect(lambda _index: self.redraw())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.choice_label.setText(_("Across:"))
        if hasattr(self, "second_label"):
            self.second_label.setText(_("Up:"))

    def applies(self, indicator: Indicator) -> bool:
        return True

    def second(self) -> Indicator | None:
        if not hasattr(self, "second_choice"):
            return None
        index = self.second_choice.currentIndex()
        return self.indicators[index] if 0 <= index < len(self.indicators) else None

    def indicators_changed(self) -> None:
        self.second_choice.blockSignals(True)
        self.second_choice.clear()
        for i in range(self.choice.count()):
            self.second_choice.addItem(self.choice.itemText(i), self.choice.itemData(i))
        if self.indicators:
            self.second_choice.setCurrentIndex(min(1, len(self.indicators) - 1))
        self.second_choice.blockSignals(False)

    def draw(self, figure: Figure, plan: Any) -> None:
        self._ax = self.single_axes()
        draw_scatter_chart(self._ax, plan, self.style_, self.lang)

    def selection_layer(self, plan: Any) -> list[Any]:
        return selected_points(self._ax, plan.points, self.style_, 2.2, lambda _p: POINT_COLOUR)

    def points(self) -> list[tuple[Any, float, float, str]]:
        if self.plan is None:
            return []
        return [(self._ax, p.x, p.y, p.key) for p in self.plan.points]
