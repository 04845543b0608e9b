"""A result box: its texts above, and its map, charts and tables side by side below.

The view draws what the :class:`AppState` says: the box, the year (first-generation slices), the
selected areas and the language. Clicks in the map, a bar or a table row change the state's
selection; every pane then marks the same areas. Map, charts and tables never call each other.
A box whose data cannot be read shows its problems in plain words in place of the figures.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.model import (
    BarChartView,
    LineChartView,
    MapView,
    ResultBox,
    ResultData,
    TableView,
    pick_text,
)
from atlasviewer.core.plans import MapPlan, TablePlan
from atlasviewer.core.problems import Severity
from atlasviewer.i18n import _
from atlasviewer.qt.reader_view import AtlasTextBrowser
from atlasviewer.qt.state import AppState
from atlasviewer.qt.table_model import TablePlanModel, TableSortProxy

MAP_PLANS_KEPT = 32


class ResultBoxView(QWidget):
    """The current result box of the state.

    Signals:
        hover_text_changed(str): Name and formatted value of the area under the mouse ("" off).
        painted(): The figures of the box were drawn (used by ``--smoke`` and the benchmarks).
    """

    hover_text_changed = Signal(str)

    def __init__(self, state: AppState, library: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.library = library
        self.data: ResultData | None = None
        self.map_plan: MapPlan | None = None
        self._syncing_table = False
        self._charts: list[Any] = []
        self._tables: list[tuple[QTableView, TablePlanModel, TableSortProxy, TableView]] = []
        self._chart_views: list[BarChartView | LineChartView] = []
        self._map_view_spec: MapView | None = None
        self._map_widget: Any = None
        self._map_widgets: dict[str, Any] = {}
        # Map plans of boxes shown lately, per data, view, language and map: switching back
        # to a box (or language) reuses its classes and legend (~2-3 ms to build).
        self._map_plans: OrderedDict[tuple[int, int, str, str], tuple[Any, Any, MapPlan]] = (
            OrderedDict()
        )
        self._sized = False
        self._shown_box: ResultBox | None = None

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.slice_label = QLabel(self)
        self.slice_combo = QComboBox(self)
        self.slice_combo.activated.connect(
            lambda index: self.state.set_slice(self.slice_combo.itemData(index))
        )
        self.slice_label.setBuddy(self.slice_combo)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.slice_label)
        header.addWidget(self.slice_combo)
        self.text = AtlasTextBrowser(self)
        self.text.setMinimumHeight(90)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        self.map_holder = QWidget(self)
        self.map_layout = QVBoxLayout(self.map_holder)
        self.map_layout.setContentsMargins(0, 0, 0, 0)
        self.map_empty = QLabel(self.map_holder)
        self.map_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map_empty.setWordWrap(True)
        self.map_layout.addWidget(self.map_empty)
        self.map_stack = QStackedWidget(self.map_holder)
        self.map_stack.hide()
        self.map_layout.addWidget(self.map_stack, 1)
        self.chart_tabs = QTabWidget(self)
        # The tab bar stays with one chart too: a bar that comes and goes changes the chart's
        # height between boxes, and a figure of another size is laid out afresh (~40 ms).
        self.chart_tabs.setTabBarAutoHide(False)
        self.chart_tabs.currentChanged.connect(self._on_chart_tab)
        self._chart_context: tuple[Any, str, Any] = (None, "en", None)
        self._charts_drawn: set[int] = set()
        self.table_tabs = QTabWidget(self)
        self.table_tabs.setTabBarAutoHide(True)
        self.figures = QSplitter(Qt.Orientation.Horizontal, self)
        self.figures.addWidget(self.map_holder)
        self.figures.addWidget(self.chart_tabs)
        self.figures.setStretchFactor(0, 3)
        self.figures.setStretchFactor(1, 4)
        # The table gets the full width on its own tab: tables of 6-7 columns do not fit beside
        # map and chart at 1280 px, and cut-off numbers are worse than one click.
        self.view_tabs = QTabWidget(self)
        self.view_tabs.setDocumentMode(True)
        self.view_tabs.addTab(self.figures, "")
        self.view_tabs.addTab(self.table_tabs, "")
        self.view_tabs.currentChanged.connect(self._on_view_tab)
        self._table_context: tuple[Any, list[TableView], str, Any] | None = None
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.text)
        self.splitter.addWidget(self.view_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([170, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        state.box_changed.connect(self._on_box)
        state.slice_changed.connect(lambda _s: self._show_views())
        state.selection_changed.connect(self._on_selection)
        state.ui_language_changed.connect(self.retranslate_ui)
        self.retranslate_ui()

    # ------------------------------------------------------------------ public

    def retranslate_ui(self, *_args: object) -> None:
        self.slice_label.setText(_("Year:"))
        self.map_empty.setText(_("This result box has no map."))
        self.chart_tabs.setAccessibleName(_("Charts"))
        self.table_tabs.setAccessibleName(_("Tables"))
        # Existing catalogue words, so the tab reads right in every language today.
        self.view_tabs.setTabText(0, _("Map") + " / " + _("Chart"))
        self.view_tabs.setTabText(1, _("Table"))
        # A box the view has not drawn yet comes with box_changed (the content language moved
        # to another variant): drawing it here too would draw it twice.
        if self.state.box is not None and self.state.box is self._shown_box:
            self._show_texts()
            self._show_slices()
            self._show_views(relabel=True)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._sized:
            # Splitters start from size hints; share the width as map 3 : chart 4.
            width = max(600, self.figures.width())
            self.figures.setSizes([width * 3 // 7, width - width * 3 // 7])
            self._sized = True

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def reset_map(self) -> None:
        if self._map_widget is not None:
            self._map_widget.reset_view()

    @property
    def map_widget(self) -> Any:
        return self._map_widget

    @property
    def chart_widgets(self) -> list[Any]:
        return self._charts[: len(self._chart_views)]

    @property
    def table_views(self) -> list[QTableView]:
        """The box's table views, their plans built now if the table tab has not been shown."""
        self._build_pending_tables()
        return [entry[0] for entry in self._tables[: self.table_tabs.count()]]

    def show_tables(self, shown: bool = True) -> None:
        """Bring the table tab (``shown``) or the map and chart tab to the front."""
        self.view_tabs.setCurrentIndex(1 if shown else 0)

    def is_painted(self) -> bool:
        """True when every figure the box has is drawn and shown."""
        if self.state.box is None or self.data is None:
            return False
        if self.view_tabs.currentWidget() is not self.figures:
            return self.table_tabs.count() > 0 or self._table_context is None
        if self._map_view_spec is not None and (
            self._map_widget is None or not self._map_widget.isVisible()
        ):
            return False
        chart: Any = self.chart_tabs.currentWidget()
        visible_chart = chart is not None and chart.isVisible() and chart.plan is not None
        return not (visible_chart and chart.figure.stale)

    def current_figure_widget(self) -> Any:
        """The figure Ctrl+C, export and print act on: the focused pane, else the chart."""
        focus = QGuiApplication.focusObject()
        widget = self._map_widget
        if widget is not None and isinstance(focus, QWidget) and widget.isAncestorOf(focus):
            return widget
        if widget is not None and focus is widget:
            return widget
        chart = self.chart_tabs.currentWidget()
        if chart is not None and getattr(chart, "plan", None) is not None:
            return chart
        return self._map_widget

    def copy_to_clipboard(self, focus: object) -> bool:
        """Copy the focused table's selected rows as TSV, else the current figure as an image."""
        for view, model, proxy, _spec in self._tables:
            if focus is view and view.selectionModel().hasSelection():
                rows = sorted(
                    {proxy.mapToSource(i).row() for i in view.selectionModel().selectedRows()}
                )
                plan = model.plan
                assert plan is not None
                lines = ["\t".join(c.label for c in plan.columns)]
                lines += ["\t".join(plan.texts[row]) for row in rows]
                QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
                return True
        widget = self.current_figure_widget()
        if widget is None:
            return False
        QGuiApplication.clipboard().setImage(widget.grab().toImage())
        return True

    def export_current_figure(self, path: Path) -> str:
        """Save the current figure (PNG, SVG or PDF by suffix); returns an error text or ""."""
        widget = self.current_figure_widget()
        if widget is None:
            return _("There is no figure to export.")
        suffix = path.suffix.lower()
        try:
            if widget is self._map_widget and widget.plan is not None:
                # The map's own export: the whole figure (legend, inset, credits), vector in
                # SVG and PDF, the same drawing as `atlasviewer export`.
                from atlasviewer.qt.map_export import save_map

                save_map(path, widget.scene, widget.plan, suffix.lstrip(".") or "png", dpi=200)
            elif getattr(widget, "figure", None) is not None:
                widget.figure.savefig(path, dpi=200 if suffix == ".png" else None)
            elif suffix == ".svg":
                from PySide6.QtSvg import QSvgGenerator

                generator = QSvgGenerator()
                generator.setFileName(str(path))
                generator.setSize(widget.size())
                generator.setViewBox(widget.rect())
                painter = QPainter(generator)
                widget.render(painter, QPoint())
                painter.end()
            elif suffix == ".pdf":
                from PySide6.QtGui import QPdfWriter

                writer = QPdfWriter(str(path))
                self._render_scaled(widget, writer)
            elif not widget.grab().save(str(path)):
                return _("Could not write {path}.").format(path=path)
        except (OSError, ValueError) as exc:
            return _("Could not write {path}: {error}").format(path=path, error=exc)
        return ""

    def print_current_figure(self, printer: Any) -> None:
        widget = self.current_figure_widget()
        if widget is not None:
            self._render_scaled(widget, printer)

    @staticmethod
    def _render_scaled(widget: QWidget, device: Any) -> None:
        painter = QPainter(device)
        target = QRectF(painter.viewport())
        size = QSize(widget.size())
        scale = min(target.width() / max(1, size.width()), target.height() / max(1, size.height()))
        painter.scale(scale, scale)
        widget.render(painter, QPoint())
        painter.end()

    # ------------------------------------------------------------------ box and texts

    def _on_box(self, box: ResultBox | None) -> None:
        self._shown_box = box
        if box is None:
            return
        self.data = box.load()
        if self.data.slices and self.state.slice not in self.data.slices:
            self.state.blockSignals(True)
            self.state.set_slice(self.data.slices[-1])
            self.state.blockSignals(False)
        self._show_texts()
        self._show_slices()
        self._show_views()

    def _show_texts(self) -> None:
        box = self.state.box
        if box is None:
            return
        self.title.setText(box.title)
        parts = []
        if box.finding:
            parts += ["### " + _("Finding"), box.finding]
        if box.intro:
            parts += [box.intro]
        if box.selection:
            parts += ["### " + _("Patient selection"), box.selection]
        root = self.state.atlas.root if self.state.atlas else None
        self.text.show_markdown("\n\n".join(parts), root)
        # First-generation boxes have no texts: give their room to the figures.
        self.text.setVisible(bool(parts))
        self._show_problems()

    def _show_problems(self) -> None:
        data = self.data
        if data is None or not data.problems:
            self.show_notice("")
            return
        errors = [p for p in data.problems if p.severity is Severity.ERROR]
        shown = errors or data.problems
        lines = [f"• {p.message} ({p.file}{': ' + p.place if p.place else ''})" for p in shown[:6]]
        if len(shown) > 6:
            lines.append(_("… and {count} more.").format(count=len(shown) - 6))
        heading = (
            _("The data of this result box could not be read:")
            if errors and not data.views
            else _("Some of this result box's data has problems:")
        )
        self.notice.setStyleSheet(
            "QLabel { background: %s; padding: 6px; border-radius: 4px; }"
            % ("#f8d7da" if errors else "#fff3cd")
        )
        self.show_notice(heading + "\n" + "\n".join(lines))

    def _show_slices(self) -> None:
        data = self.data
        has = bool(data and data.slices)
        self.slice_label.setVisible(has)
        self.slice_combo.setVisible(has)
        if not has or data is None:
            return
        if data.slice_label:
            self.slice_label.setText(pick_text(data.slice_label, i18n.current_language()) + ":")
        self.slice_combo.blockSignals(True)
        self.slice_combo.clear()
        for value in data.slices:
            self.slice_combo.addItem(value, value)
        self.slice_combo.setCurrentIndex(max(0, self.slice_combo.findData(self.state.slice)))
        self.slice_combo.blockSignals(False)

    # ------------------------------------------------------------------ figures

    def _show_views(self, relabel: bool = False) -> None:
        box, data, variant = self.state.box, self.data, self.state.variant
        if box is None or data is None or variant is None:
            return
        from atlasviewer.core.plans import credits_for

        lang = i18n.current_language()
        views = data.views_for(self.state.slice or None)
        try:
            credits = credits_for(variant, box, lang, data)
        except Exception:  # noqa: BLE001 - a credit line must never hide the figures
            credits = None
        map_specs = [v for v in views if isinstance(v, MapView)]
        self._map_view_spec = map_specs[0] if map_specs else None
        self._show_map(box, data, lang, credits)
        self._show_charts(
            data, [v for v in views if isinstance(v, BarChartView | LineChartView)], lang, credits
        )
        self._show_tables(
            data, [v for v in views if isinstance(v, TableView)], lang, credits, relabel
        )
        self._on_selection(self.state.selection)

    def _show_map(self, box: ResultBox, data: ResultData, lang: str, credits: Any) -> None:
        spec = self._map_view_spec
        if spec is None:
            self.map_stack.hide()
            self.map_empty.show()
            self.map_plan = None
            self._map_widget = None
            return
        from atlasviewer.core.matching import match_rows
        from atlasviewer.core.plans import build_map_plan

        try:
            geography = self.library.geography(self.state.atlas, box.map_file)
            key = (id(data), id(spec), lang, geography.id)
            kept = self._map_plans.get(key)
            if kept is not None and kept[0] is data and kept[1] is spec:
                plan = kept[2]
                self._map_plans.move_to_end(key)
            else:
                rowset = data.rowsets[spec.rowset]
                mapping = match_rows(rowset, geography, self.state.registry).mapping
                plan = build_map_plan(
                    data,
                    spec,
                    geography,
                    row_to_area=mapping,
                    lang=lang,
                    credits=credits,
                    registry=self.state.registry,
                )
                self._map_plans[key] = (data, spec, plan)
                if len(self._map_plans) > MAP_PLANS_KEPT:
                    self._map_plans.popitem(last=False)
        except Exception as exc:  # noqa: BLE001 - shown in place, the rest of the box works
            self.map_empty.setText(_("The map could not be drawn: {error}").format(error=exc))
            self.map_empty.show()
            self.map_stack.hide()
            self.map_plan = None
            self._map_widget = None
            return
        widget = self._map_widget_for(geography)
        widget.apply_plan(plan)
        self.map_stack.setCurrentWidget(widget)
        self.map_stack.show()
        self.map_empty.hide()
        self.map_plan = plan

    def _map_widget_for(self, geography: Any) -> Any:
        """The map widget of a map set: scene and view are built once per geography."""
        widget = self._map_widgets.get(geography.id)
        if widget is None:
            from atlasviewer.qt.map_scene import MapScene
            from atlasviewer.qt.map_view import MapView as MapWidget

            widget = MapWidget(MapScene(geography), self.map_stack)
            widget.area_clicked.connect(self.state.select)
            widget.area_hovered.connect(self._on_map_hover)
            self._map_widgets[geography.id] = widget
            self.map_stack.addWidget(widget)
        self._map_widget = widget
        return widget

    def _show_charts(self, data: ResultData, specs: list[Any], lang: str, credits: Any) -> None:
        """Tabs for every chart; only the shown one is drawn now, the others when first shown."""
        from atlasviewer.qt.chart_widget import ChartWidget

        while len(self._charts) < len(specs):
            chart = ChartWidget(self)
            chart.area_clicked.connect(self.state.select)
            chart.area_hovered.connect(lambda key, c=chart: self._on_chart_hover(c, key))
            self._charts.append(chart)
        current = self.chart_tabs.currentIndex()
        self.chart_tabs.blockSignals(True)
        self.chart_tabs.clear()
        self._chart_views = list(specs)
        self._chart_context = (data, lang, credits)
        self._charts_drawn = set()
        for index, spec in enumerate(specs):
            label = pick_text(
                getattr(spec, "x_label", None) or getattr(spec, "y_label", None), lang
            )
            title = _("Chart {number}").format(number=index + 1)
            self.chart_tabs.addTab(self._charts[index], _short(label or title, 32))
            self.chart_tabs.setTabToolTip(index, label or title)
        self.chart_tabs.setCurrentIndex(max(0, min(current, len(specs) - 1)))
        self.chart_tabs.blockSignals(False)
        self.chart_tabs.setVisible(bool(specs))
        if specs:
            self._draw_chart(self.chart_tabs.currentIndex())

    def _on_chart_tab(self, index: int) -> None:
        if 0 <= index < len(self._chart_views):
            self._draw_chart(index)

    def _draw_chart(self, index: int) -> None:
        from atlasviewer.core.plans import build_bar_plan, build_line_plan

        chart = self._charts[index]
        if index in self._charts_drawn:
            self._select_in_chart(chart)
            return
        data, lang, credits = self._chart_context
        spec = self._chart_views[index]
        try:
            if isinstance(spec, BarChartView):
                selected = self.state.selected_names(
                    list(data.rowsets[spec.rowset].frame.get(spec.y, []))
                    if spec.rowset in data.rowsets
                    else []
                )
                plan = build_bar_plan(
                    data,
                    spec,
                    lang,
                    selected=selected,
                    credits=credits,
                    registry=self.state.registry,
                )
                chart.show_bar_plan(plan, lang)
            else:
                chart.show_line_plan(build_line_plan(data, spec, lang, credits=credits), lang)
        except Exception as exc:  # noqa: BLE001 - one bad chart must not hide the others
            chart.clear(_("This chart could not be drawn: {error}").format(error=exc))
        self._charts_drawn.add(index)

    def _select_in_chart(self, chart: Any) -> None:
        rows = getattr(chart.plan, "rows", None)
        if rows is not None:
            chart.set_selected_areas(self.state.selected_names([r.key for r in rows]))

    def _show_tables(
        self, data: ResultData, specs: list[TableView], lang: str, credits: Any, relabel: bool
    ) -> None:
        """Tables are built when their tab is shown (or asked for), not with every box."""
        self.view_tabs.setTabVisible(1, bool(specs))
        if self.view_tabs.currentIndex() == 1 and specs:
            self._table_context = None
            self._build_tables(data, specs, lang, credits, relabel)
            return
        self._table_context = (data, specs, lang, credits)
        if not relabel:
            # Another box or year: the last box's plans must not answer for this one. A pending
            # build finds the models empty and fills them; after a language switch it relabels.
            for _view, model, _proxy, _spec in self._tables:
                if model.plan is not None:
                    model.set_plan(None)

    def _on_view_tab(self, index: int) -> None:
        if index == 1:
            self._build_pending_tables()
        elif self.chart_tabs.count():
            self._draw_chart(self.chart_tabs.currentIndex())

    def _build_pending_tables(self) -> None:
        if self._table_context is None:
            return
        data, specs, lang, credits = self._table_context
        self._table_context = None
        self._build_tables(data, specs, lang, credits, relabel=True)
        self._select_in_tables()

    def _build_tables(
        self, data: ResultData, specs: list[TableView], lang: str, credits: Any, relabel: bool
    ) -> None:
        from atlasviewer.core.plans import build_table_plan

        while len(self._tables) < len(specs):
            view = QTableView(self)
            model = TablePlanModel(view)
            proxy = TableSortProxy(view)
            proxy.setSourceModel(model)
            view.setModel(proxy)
            view.setSortingEnabled(True)
            view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setWordWrap(False)
            view.verticalHeader().hide()
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            view.selectionModel().selectionChanged.connect(
                lambda *_a, v=view, p=proxy: self._on_table_selection(v, p)
            )
            self._tables.append((view, model, proxy, specs[0]))
        self.table_tabs.clear()
        for index, spec in enumerate(specs):
            view, model, proxy, _old = self._tables[index]
            self._tables[index] = (view, model, proxy, spec)
            try:
                plan: TablePlan | None = build_table_plan(
                    data, spec, lang, credits=credits, registry=self.state.registry
                )
            except Exception:  # noqa: BLE001
                plan = None
            if plan is not None and model.plan is not None:
                # Same rows and columns (the box in another language): texts change in place,
                # sorting and selection stay; otherwise relabel() resets the model.
                model.relabel(plan)
            else:
                model.set_plan(plan)
            view.resizeColumnsToContents()
            caption = plan.caption if plan is not None and plan.caption else _("Table")
            title = _("Table {number}").format(number=index + 1) if len(specs) > 1 else caption
            self.table_tabs.addTab(view, _short(title))
            self.table_tabs.setTabToolTip(index, caption)
        self.table_tabs.setVisible(bool(specs))

    # ------------------------------------------------------------------ selection and hover

    def _on_selection(self, _selection: object) -> None:
        if self._map_widget is not None and self.map_plan is not None:
            self._map_widget.set_selection(self.state.selected_names(list(self.map_plan.areas)))
        # Only the chart on show is redrawn; the others take the selection when shown.
        current = self.chart_tabs.currentIndex()
        self._charts_drawn &= {current}
        if current in self._charts_drawn:
            self._select_in_chart(self._charts[current])
        self._select_in_tables()

    def _select_in_tables(self) -> None:
        """Mark the selected areas' rows (a selection-model change only, no plan rebuilt)."""
        self._syncing_table = True
        try:
            for view, model, proxy, _spec in self._tables:
                plan = model.plan
                selection = QItemSelection()
                if plan is not None:
                    for row, key in enumerate(plan.row_keys):
                        if row != plan.national_row and self.state.is_selected(key):
                            index = proxy.mapFromSource(model.index(row, 0))
                            selection.select(index, index)
                view.selectionModel().select(
                    selection,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._syncing_table = False

    def _on_table_selection(self, view: QTableView, proxy: TableSortProxy) -> None:
        if self._syncing_table:
            return
        model = proxy.sourceModel()
        assert isinstance(model, TablePlanModel)
        keys: set[str] = set()
        for index in view.selectionModel().selectedRows():
            keys |= self.state.keys_for(model.row_key(proxy.mapToSource(index).row()))
        self.state.set_selection(keys)

    def _on_map_hover(self, key: str) -> None:
        style = self.map_plan.areas.get(key) if (key and self.map_plan) else None
        if style is None:
            self.hover_text_changed.emit("")
            return
        value = style.value_text or _("no data")
        self.hover_text_changed.emit(f"{style.name}: {value}")

    def _on_chart_hover(self, chart: Any, key: str) -> None:
        rows = getattr(chart.plan, "rows", None) or []
        row = next((r for r in rows if r.key == key), None) if key else None
        if row is None:
            self.hover_text_changed.emit("")
            return
        self.hover_text_changed.emit(f"{row.label}: {' / '.join(row.value_texts)}")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
