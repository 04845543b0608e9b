"""The chart pane: a thin Qt host for the matplotlib chart functions of :mod:`atlasviewer.render`.

The widget owns one :class:`~matplotlib.backends.backend_qtagg.FigureCanvasQTAgg`, draws a bar
or line plan on it with :func:`~atlasviewer.render.charts.draw_bar_chart` /
:func:`~atlasviewer.render.charts.draw_line_chart`, and turns mouse events on bars into area
signals. It never decides what to draw: the plan does. matplotlib is imported with this module,
which the window imports only when a chart is first shown.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from atlasviewer.core.plan import BarPlan, LinePlan
from atlasviewer.i18n import _, current_language
from atlasviewer.render.charts import (
    bar_index_at,
    draw_bar_chart,
    draw_line_chart,
    update_bar_chart,
)
from atlasviewer.render.charts import set_bar_selection as _outline_selected
from atlasviewer.render.layout import CachedConstrainedLayout
from atlasviewer.render.style import ChartStyle


class ChartWidget(QWidget):
    """Shows one bar or line chart of the current result box.

    Signals:
        area_clicked(str, bool): An area's bar (or name) was clicked; the flag is True when
            Ctrl was held, meaning "add to the selection" rather than "select only this".
        area_hovered(str): The mouse is over an area's bar; "" when it leaves the bars.
    """

    area_clicked = Signal(str, bool)
    area_hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None, style: ChartStyle | None = None) -> None:
        super().__init__(parent)
        self.chart_style = style or ChartStyle.screen()
        # Laid out again only when the size or the reach of the texts changes: switching boxes
        # of one map set usually keeps both, and constrained layout costs as much as a draw.
        self.figure = Figure(dpi=self.chart_style.dpi, layout=CachedConstrainedLayout())
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        layout.addWidget(self.empty_label)
        self.plan: BarPlan | LinePlan | None = None
        self._bar_patches: list = []
        self._bar_style: ChartStyle | None = None  # the style the current bar axes was drawn in
        self._hovered = ""
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("figure_leave_event", self._on_leave)
        self.retranslate_ui()
        self.clear()

    # ------------------------------------------------------------------ showing plans

    def show_bar_plan(self, plan: BarPlan, lang: str | None = None) -> None:
        """Draw ``plan`` as a bar chart (numbers in ``lang``, default the UI language).

        A plan with as many rows and parts as the bar chart shown (another box of the same map
        set) updates the bars, labels and texts in place instead of drawing the chart anew.
        """
        lang = lang or current_language()
        patches = None
        if self._bar_style == self.chart_style and self.figure.axes:
            patches = update_bar_chart(self.figure.axes[0], plan, self.chart_style, lang)
        if patches is None:
            self._prepare()
            ax = self.figure.add_subplot()
            patches = draw_bar_chart(ax, plan, self.chart_style, lang)
            self._bar_style = self.chart_style
        self.plan = plan
        self._hovered = ""
        self._bar_patches = patches
        self.draw_idle()

    def show_line_plan(self, plan: LinePlan, lang: str | None = None) -> None:
        """Draw ``plan`` as a line chart."""
        self.plan = plan
        self._prepare()
        ax = self.figure.add_subplot()
        draw_line_chart(ax, plan, self.chart_style, lang or current_language())
        self._bar_patches = []
        self.draw_idle()

    def set_selected_areas(self, keys: set[str] | list[str]) -> None:
        """Outline the bars of ``keys`` without drawing the chart again."""
        if isinstance(self.plan, BarPlan) and self.figure.axes:
            _outline_selected(
                self._bar_patches, self.plan, keys, self.chart_style, self.figure.axes[0]
            )
            self.draw_idle()

    def set_chart_style(self, style: ChartStyle) -> None:
        """Switch between screen and projector sizes; the current plan is drawn again."""
        self.chart_style = style
        if isinstance(self.plan, BarPlan):
            self.show_bar_plan(self.plan)
        elif isinstance(self.plan, LinePlan):
            self.show_line_plan(self.plan)

    def clear(self, message: str = "") -> None:
        """Show no chart, with ``message`` (default: that the box has no chart) instead."""
        self.plan = None
        self._bar_patches = []
        self._bar_style = None
        self.figure.clear()
        self.canvas.hide()
        self.empty_label.setText(message or _("This result box has no chart."))
        self.empty_label.show()

    def draw_idle(self) -> None:
        """Ask the canvas to repaint when Qt is next idle (several changes, one paint)."""
        self.canvas.draw_idle()

    def retranslate_ui(self) -> None:
        """Texts owned by the widget itself; chart texts come with the next plan."""
        self.setAccessibleName(_("Chart"))
        if self.plan is None:
            self.empty_label.setText(_("This result box has no chart."))

    def _prepare(self) -> None:
        self._bar_style = None
        self.figure.clear()
        self.empty_label.hide()
        self.canvas.show()
        self._hovered = ""

    # ------------------------------------------------------------------ mouse

    def _row_at(self, event) -> int | None:  # type: ignore[no-untyped-def]
        if not isinstance(self.plan, BarPlan) or not self.figure.axes:
            return None
        return bar_index_at(self.figure.axes[0], self.plan, event)

    def _on_press(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.button != 1:
            return
        index = self._row_at(event)
        if index is None or not isinstance(self.plan, BarPlan):
            return
        row = self.plan.rows[index]
        if row.is_national:
            return
        modifiers = getattr(event, "modifiers", None) or set()
        additive = "ctrl" in modifiers or "cmd" in modifiers
        self.area_clicked.emit(row.key, additive)

    def _on_motion(self, event) -> None:  # type: ignore[no-untyped-def]
        index = self._row_at(event)
        if index is None or not isinstance(self.plan, BarPlan):
            if self._hovered:
                self._hovered = ""
                QToolTip.hideText()
                self.canvas.unsetCursor()
                self.area_hovered.emit("")
            return
        row = self.plan.rows[index]
        if row.key != self._hovered:
            self._hovered = row.key
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
            self.area_hovered.emit(row.key)
        QToolTip.showText(QCursor.pos(), self.tooltip_for(index), self.canvas)

    def _on_leave(self, _event) -> None:  # type: ignore[no-untyped-def]
        if self._hovered:
            self._hovered = ""
            QToolTip.hideText()
            self.area_hovered.emit("")

    def tooltip_for(self, index: int) -> str:
        """The tooltip of bar ``index``: area name and formatted value(s), one per line."""
        assert isinstance(self.plan, BarPlan)
        row = self.plan.rows[index]
        lines = [f"<b>{row.label}</b>"]
        labels = self.plan.series_labels
        for part, text in enumerate(row.value_texts):
            label = labels[part] if part < len(labels) and labels[part] else ""
            lines.append(f"{label}: {text}" if label and len(row.value_texts) > 1 else text)
        if not row.value_texts or not any(row.value_texts):
            lines.append(_("no data"))
        return "<br>".join(lines)
