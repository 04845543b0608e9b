"""The Trend view: the selected areas against Norway over the years, or every area in panels.

"Selected areas" draws the areas selected in the app (each in its fixed colour) against
Norway on one axis; "All areas" draws small multiples of every area on one shared y axis,
sorted by name, by the last year's value or by the change over the period. Each line's change
and whether it exceeds its year-to-year noise is in its legend or panel title
(:mod:`atlasviewer.core.compare.trends`).
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from atlasviewer.core.compare.area_rows import area_rows, selected_rows
from atlasviewer.core.plans.contract import SELECTION_COLOUR
from atlasviewer.core.registry import default_registry
from atlasviewer.i18n import N_, _
from atlasviewer.qt.compare.stats_page import StatsPage
from atlasviewer.render.axes_text import GRID_COLOUR
from atlasviewer.render.trend_chart import _draw_line, draw_small_multiples, draw_trend_chart

LAYOUTS = (N_("Selected areas against Norway"), N_("All areas, one panel each"))
SORTS = (("name", N_("by name")), ("value", N_("by value")), ("change", N_("by change")))


class TrendPage(StatsPage):
    """The trend of one indicator."""

    view = "trend"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_choice = QComboBox(self)
        self.sort_label = QLabel(self)
        self.sort_choice = QComboBox(self)
        self.controls.addWidget(self.layout_choice)
        self.controls.addWidget(self.sort_label)
        self.controls.addWidget(self.sort_choice)
        self.layout_choice.currentIndexChanged.connect(lambda _index: self._options_changed())
        self.sort_choice.currentIndexChanged.connect(lambda _index: self.redraw())
        self._axes: list[Any] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not hasattr(self, "layout_choice"):
            return  # the base registers before this page's widgets exist
        for combo, texts in ((self.layout_choice, LAYOUTS), (self.sort_choice,
                                                            [t for _k, t in SORTS])):  # fmt: skip
            index = max(0, combo.currentIndex())
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([_(t) for t in texts])
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.sort_label.setText(_("Order:"))
        self._options_changed(redraw=False)

    @property
    def small_multiples(self) -> bool:
        return self.layout_choice.currentIndex() == 1

    def _options_changed(self, redraw: bool = True) -> None:
        self.sort_label.setVisible(self.small_multiples)
        self.sort_choice.setVisible(self.small_multiples)
        if redraw:
            self.redraw()

    def plan_options(self) -> dict[str, Any]:
        return {
            "small_multiples": self.small_multiples,
            "sort": SORTS[max(0, self.sort_choice.currentIndex())][0],
        }

    def draw(self, figure: Figure, plan: Any) -> None:
        if plan.panels:
            figure.clear()
            self._axes = draw_small_multiples(figure, plan, self.style_.scaled(0.85), self.lang)
        else:
            ax = self.single_axes()
            draw_trend_chart(ax, plan, self.style_, self.lang)
            self._axes = [ax]

    def selection_layer(self, plan: Any) -> list[Any]:
        if not self._axes:
            return []
        if plan.panels:  # the selected areas' panels framed in the selection colour
            chosen = set(self._selected_keys())
            frames = []
            for ax, line in zip(self._axes, plan.panels, strict=False):
                if line.key in chosen:
                    frame = Rectangle((0, 0), 1, 1, transform=ax.transAxes, fill=False,
                                      edgecolor=SELECTION_COLOUR, linewidth=2.0, clip_on=False,
                                      animated=True)  # fmt: skip
                    ax.add_patch(frame)
                    frames.append(frame)
            return frames
        ax = self._axes[0]
        before = set(ax.get_children())
        for line in plan.lines:
            _draw_line(ax, line, f"{line.label}: {line.change_text}", 1.8)
        # "lower left", not "best": the y axis starts at 0 and rates lie well above it, and
        # "best" costs ~15 ms a draw to find a place.
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles, labels, fontsize=self.style_.legend_size, framealpha=0.92,
                  edgecolor=GRID_COLOUR, loc="lower left")  # fmt: skip
        layer = [a for a in ax.get_children() if a not in before or a is ax.get_legend()]
        for artist in layer:
            artist.set_animated(True)
        return layer

    def _selected_keys(self) -> list[str]:
        indicator = self.indicator
        if indicator is None:
            return []
        rows = area_rows(indicator.values(), indicator.registry or default_registry())
        return [rows[name].key for name in selected_rows(rows, self.selection)]

    def points(self) -> list[tuple[Any, float, float, str]]:
        if self.plan is None or not self._axes:
            return []
        if self.plan.panels:
            pairs = list(zip(self._axes, self.plan.panels, strict=False))
        else:
            pairs = [(self._axes[0], line) for line in self.plan.lines]
        return [
            (ax, x, y, line.key)
            for ax, line in pairs
            for x, y in zip(line.years, line.values, strict=True)
            if y is not None
        ]
