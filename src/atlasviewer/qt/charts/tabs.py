"""The chart tabs of a result box: one tab a bar or line chart, each drawn when first shown.

Kept apart from :mod:`atlasviewer.qt.reader.result_box` because lazy drawing is a piece of its own:
only the chart on show is drawn with a box (a chart draw is the costliest step of a box switch),
the others when their tab is first shown, and a selection redraws only the chart on show. The
result box view lays the tabs out and tells them which box, year and language to show.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from atlasviewer.core.model import BarChartSpec, LineChartSpec, ResultData, pick_text
from atlasviewer.i18n import _
from atlasviewer.qt import theme, translation
from atlasviewer.qt.figures import box_figures
from atlasviewer.qt.state import AppState
from atlasviewer.qt.tabs import elide_tab_titles, fit_tabs_to_width


class ChartTabs(QTabWidget):
    """A result box's charts, one a tab, drawn lazily from the state's box, year and selection.

    Signals:
        hover_text_changed(str): Label and formatted values of the bar under the mouse ("" off).
    """

    hover_text_changed = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._charts: list[Any] = []
        self._chart_views: list[BarChartSpec | LineChartSpec] = []
        # The tab bar stays with one chart too: a bar that comes and goes changes the chart's
        # height between boxes, and a figure of another size is laid out afresh (~40 ms).
        self.setTabBarAutoHide(False)
        fit_tabs_to_width(self)
        self.currentChanged.connect(self._on_chart_tab)
        self._chart_context: tuple[Any, str, Any] = (None, "en", None)
        self._charts_drawn: set[int] = set()
        self._shown_box: Any = None
        state.box_changed.connect(self._on_box)
        state.slice_changed.connect(lambda _slice: self._show_figures())
        state.selection_changed.connect(lambda _selection: self.show_selection())
        unfollow = theme.follow(self._on_theme)
        self.destroyed.connect(lambda *_args: unfollow())
        translation.register(self)

    def _on_theme(self, shown: theme.Theme) -> None:
        """Charts drawn again in the theme's sizes (the one on show now, the others when shown)."""
        style = shown.chart_style()
        for index, chart in enumerate(self._charts):
            chart.chart_style = style
            if index in self._charts_drawn:
                chart.set_chart_style(style)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Charts"))
        # A box of the other language variant comes with box_changed, after the switch.
        if self.state.box is not None and self.state.box is self._shown_box:
            self._show_figures()

    def _on_box(self, box: Any) -> None:
        self._shown_box = box
        self._show_figures()

    def _show_figures(self) -> None:
        """Draw the charts of the state's box, year and language, the selection marked."""
        figures = box_figures(self.state)
        if figures is None:
            return
        specs = figures.of_kind(BarChartSpec, LineChartSpec)
        self.show_charts(figures.data, specs, figures.lang, figures.credits)
        self.show_selection()

    @property
    def chart_widgets(self) -> list[Any]:
        return self._charts[: len(self._chart_views)]

    def show_charts(self, data: ResultData, specs: list[Any], lang: str, credits: Any) -> None:
        """Tabs for every chart; only the shown one is drawn now, the others when first shown."""
        from atlasviewer.qt.charts.widget import ChartWidget

        while len(self._charts) < len(specs):
            chart = ChartWidget(self, style=theme.current().chart_style())
            chart.area_clicked.connect(lambda key, add, c=chart: self._on_chart_click(c, key, add))
            chart.area_hovered.connect(lambda key, c=chart: self._on_chart_hover(c, key))
            self._charts.append(chart)
        current = self.currentIndex()
        self.blockSignals(True)
        self._chart_views = list(specs)
        self._chart_context = (data, lang, credits)
        self._charts_drawn = set()
        # Tab i always holds chart widget i: the tabs are kept and retitled, only those beyond
        # this box's charts removed. Emptying the tab widget first would show the charts for a
        # moment without their tab bar, taller, and each would be laid out for that size.
        while self.count() > len(specs):
            self.removeTab(self.count() - 1)
        for index, title in enumerate(chart_tab_titles(specs, lang)):
            if index < self.count():
                self.setTabText(index, title)
            else:
                self.addTab(self._charts[index], title)
            self.setTabToolTip(index, title)
        elide_tab_titles(self)
        self.setCurrentIndex(max(0, min(current, len(specs) - 1)))
        self.blockSignals(False)
        self.state.set_chart(max(0, self.currentIndex()))
        self.setVisible(bool(specs))
        if specs:
            self.draw_chart(self.currentIndex())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        elide_tab_titles(self)

    def show_selection(self) -> None:
        """Only the chart on show is redrawn; the others take the selection when shown."""
        current = self.currentIndex()
        self._charts_drawn &= {current}
        if current in self._charts_drawn:
            self._select_in_chart(self._charts[current])

    def _on_chart_tab(self, index: int) -> None:
        if 0 <= index < len(self._chart_views):
            self.draw_chart(index)
            self.state.set_chart(index)

    def draw_chart(self, index: int) -> None:
        """Draw the chart of tab ``index``, or only mark the selection if it is drawn already."""
        from atlasviewer.core.plans import build_bar_plan, build_line_plan

        chart = self._charts[index]
        if index in self._charts_drawn:
            self._select_in_chart(chart)
            return
        data, lang, credits = self._chart_context
        spec = self._chart_views[index]
        try:
            if isinstance(spec, BarChartSpec):
                plan = build_bar_plan(
                    data, spec, lang, credits=credits, registry=self.state.registry
                )
                chosen = set(self._selected_rows(plan.rows))
                for row in plan.rows:
                    row.selected = row.key in chosen
                chart.show_bar_plan(plan, lang)
            else:
                chart.show_line_plan(build_line_plan(data, spec, lang, credits=credits), lang)
        except Exception as exc:  # noqa: BLE001 - one bad chart must not hide the others
            chart.clear(_("This chart could not be drawn: {error}").format(error=exc))
        self._charts_drawn.add(index)

    def _select_in_chart(self, chart: Any) -> None:
        rows = getattr(chart.plan, "rows", None)
        if rows is not None:
            chart.set_selected_areas(self._selected_rows(rows))

    def row_ids(self, row: Any) -> tuple[str, ...]:
        """The area ids a bar row stands for: a region's areas, an area's own id."""
        if row.is_national:
            return ()
        if row.selects:
            return tuple(row.selects)
        return (row.area_id,) if row.area_id else tuple(self.state.keys_for(row.key))

    def _selected_rows(self, rows: list[Any]) -> list[str]:
        """Keys of the rows whose areas are all selected (compared by id, no look-up)."""
        return [row.key for row in rows if self.state.is_selected_ids(self.row_ids(row))]

    def _on_chart_click(self, chart: Any, key: str, add: bool) -> None:
        """A click on a bar selects what its row stands for (a region bar: its areas)."""
        rows = getattr(chart.plan, "rows", None) or []
        row = next((r for r in rows if r.key == key), None)
        ids = self.row_ids(row) if row is not None else tuple(self.state.keys_for(key))
        if ids:
            self.state.select_ids(ids, add, key, row.label if row is not None else "")

    def _on_chart_hover(self, chart: Any, key: str) -> None:
        rows = getattr(chart.plan, "rows", None) or []
        row = next((r for r in rows if r.key == key), None) if key else None
        if row is None:
            self.hover_text_changed.emit("")
            return
        self.hover_text_changed.emit(f"{row.label}: {' / '.join(row.value_texts)}")


def chart_tab_titles(specs: list[Any], lang: str) -> list[str]:
    """A tab title per chart view: its axis label, told apart from a sibling with the same label.

    Two charts of one box may share their label and differ in what they add to the bars (bup's
    first box: the average with its confidence interval, and the same average with the value
    of each year): those begin with what they add, or with what their bars are where that
    differs (lab: the same rate by referral area and by regional health authority). The label
    is the plan's (plain text, the base of a rate written for ``lang``: "per 10 000" in
    Norwegian).
    """
    from atlasviewer.core.plans.labels import plan_label

    labels = [
        plan_label(
            pick_text(getattr(spec, "x_label", None) or getattr(spec, "y_label", None), lang), lang
        )
        or _("Chart {number}").format(number=index + 1)
        for index, spec in enumerate(specs)
    ]
    categories = [
        plan_label(pick_text(getattr(spec, "y_label", None), lang), lang)
        if isinstance(spec, BarChartSpec)
        else ""
        for spec in specs
    ]
    titles = []
    for index, (spec, label) in enumerate(zip(specs, labels, strict=True)):
        if labels.count(label) == 1:
            titles.append(label)
            continue
        twins = [c for c, other in zip(categories, labels, strict=True) if other == label]
        if categories[index] and twins.count(categories[index]) == 1:
            # The same measure by other units (referral areas, regional health authorities).
            detail = categories[index]
        elif getattr(spec, "error_bars", None):
            detail = _("with confidence interval")
        elif getattr(spec, "annual_var", None):
            detail = _("year by year")
        elif len(getattr(spec, "x", None) or []) > 1:
            detail = _("by part")
        else:
            detail = _("chart {number}").format(number=index + 1)
        # What tells them apart comes first: a title is cut at its end to fit its tab.
        titles.append(f"{detail[:1].upper()}{detail[1:]}: {label}")
    return titles
