"""The map pane of a result box: one map widget per map set, and the map plans of boxes seen lately.

Kept apart from :mod:`atlasviewer.qt.reader.result_box` because the map keeps state of its own
across boxes: a map widget (scene and view) is built once per geography and only recoloured
after that, and map plans are kept per data, view, language and map so switching back to a box
or a language does not classify and format it again. A box without a map, or whose map cannot
be drawn, shows a plain message in its place.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from atlasviewer.core.model import BarChartSpec, LineChartSpec, MapSpec, ResultBox, ResultData
from atlasviewer.core.plans import MapPlan
from atlasviewer.i18n import _
from atlasviewer.qt import theme, translation
from atlasviewer.qt.figures import box_figures
from atlasviewer.qt.state import AppState

MAP_PLANS_KEPT = 32


class MapPane(QWidget):
    """The map of the state's box, its selected areas marked, or why there is none.

    Signals:
        hover_text_changed(str): Name and formatted value of the area under the mouse ("" off).
    """

    hover_text_changed = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.map_plan: MapPlan | None = None
        self._map_view_spec: MapSpec | None = None
        self._map_widget: Any = None
        self._map_widgets: dict[str, Any] = {}
        # Map plans of boxes shown lately, per data, view, language and map: switching back
        # to a box (or language) reuses its classes and legend (~2-3 ms to build).
        self._map_plans: OrderedDict[tuple[int, int, str, str, str], tuple[Any, Any, MapPlan]] = (
            OrderedDict()
        )
        self.map_layout = QVBoxLayout(self)
        self.map_layout.setContentsMargins(0, 0, 0, 0)
        self.map_empty = QLabel(self)
        self.map_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map_empty.setWordWrap(True)
        self.map_layout.addWidget(self.map_empty)
        self.map_stack = QStackedWidget(self)
        self.map_stack.hide()
        self.map_layout.addWidget(self.map_stack, 1)
        self._shown_box: ResultBox | None = None
        self._area_ids: dict[str, tuple[str, ...]] = {}  # map key -> the area ids it stands for
        state.library_changed.connect(self._on_library)
        state.box_changed.connect(self._on_box)
        state.slice_changed.connect(lambda _slice: self._show_figures())
        state.chart_changed.connect(lambda _chart: self._show_figures())
        self._chart_maps: dict[tuple[int, int], MapSpec | None] = {}
        state.selection_changed.connect(lambda _selection: self.show_selection())
        unfollow = theme.follow(self._on_theme)
        self.destroyed.connect(lambda *_args: unfollow())
        translation.register(self)

    def _on_theme(self, shown: theme.Theme) -> None:
        """The map in the theme's colours, legend size and selection outline."""
        for widget in self._map_widgets.values():
            widget.scene.set_selection_width(shown.selection_px)
        if self.state.box is not None and self.state.box is self._shown_box:
            self._show_figures()
        for widget in self._map_widgets.values():
            widget.reset_view()

    @property
    def map_widget(self) -> Any:
        """The map widget on show, None without a map."""
        return self._map_widget

    def retranslate_ui(self) -> None:
        self.map_empty.setText(_("This result box has no map."))
        # A box of the other language variant comes with box_changed, after the switch.
        if self.state.box is not None and self.state.box is self._shown_box:
            self._show_figures()

    def _on_box(self, box: ResultBox | None) -> None:
        self._shown_box = box
        self._show_figures()

    def _show_figures(self) -> None:
        """Draw the map of the state's box, year and language, its selection marked."""
        figures = box_figures(self.state)
        if figures is None:
            return
        spec = self._map_view(figures)
        self.show_map(figures.box, figures.data, spec, figures.lang, figures.credits)
        self.show_selection()

    def _map_view(self, figures: Any) -> MapSpec | None:
        """The map view of the chosen chart's measure (:func:`map_view_for_chart`), kept."""
        from atlasviewer.core.plans import map_view_for_chart

        charts = figures.of_kind(BarChartSpec, LineChartSpec)
        chart = charts[self.state.chart] if 0 <= self.state.chart < len(charts) else None
        key = (id(figures.data), id(chart))
        if key not in self._chart_maps:
            if len(self._chart_maps) > 32:
                self._chart_maps.clear()
            self._chart_maps[key] = map_view_for_chart(
                figures.data, figures.of_kind(MapSpec), chart
            )
        return self._chart_maps[key]

    def is_painted(self) -> bool:
        """True when the box has no map, its map widget is shown, or why it is not."""
        return (
            self._map_view_spec is None
            or self.map_empty.isVisibleTo(self)
            or (self._map_widget is not None and self._map_widget.isVisible())
        )

    def show_map(
        self, box: ResultBox, data: ResultData, spec: MapSpec | None, lang: str, credits: Any
    ) -> None:
        """Show the map view ``spec`` of ``box`` (None: the box has no map)."""
        self._map_view_spec = spec
        if spec is None:
            self.map_stack.hide()
            self.map_empty.show()
            self.map_plan = None
            self._map_widget = None
            return
        from atlasviewer.core.matching import cached_match
        from atlasviewer.core.plans import build_map_plan

        try:
            geography = self.state.library.geography(self.state.atlas, box.map_file)
            palette = theme.current().palette
            key = (id(data), id(spec), lang, geography.id, palette)
            kept = self._map_plans.get(key)
            if kept is not None and kept[0] is data and kept[1] is spec:
                plan = kept[2]
                self._map_plans.move_to_end(key)
            else:
                # The match kept with the box's data: made once per row set and map, shared
                # with the bar, table and fact-sheet plans (and not redone for a language).
                match = cached_match(data, spec.rowset, geography, self.state.registry)
                mapping = match.mapping
                plan = build_map_plan(
                    data,
                    spec,
                    geography,
                    row_to_area=mapping,
                    lang=lang,
                    palette=palette,
                    credits=credits,
                    registry=self.state.registry,
                )
                self._map_plans[key] = (data, spec, plan)
                if len(self._map_plans) > MAP_PLANS_KEPT:
                    self._map_plans.popitem(last=False)
            self._area_ids = self._ids_of_areas(data, spec, geography)
        except Exception as exc:  # noqa: BLE001 - shown in place, the rest of the box works
            self._show_no_map(_("The map could not be drawn: {error}").format(error=exc))
            return
        widget = self._map_widget_for(geography)
        if not widget.has_drawable_area():
            self._show_no_map(
                _(
                    "The map cannot be shown: its file has no area that can be drawn. "
                    "The charts and tables still work."
                )
            )
            return
        widget.apply_plan(plan)
        self.map_stack.setCurrentWidget(widget)
        self.map_stack.show()
        self.map_empty.hide()
        self.map_plan = plan

    def _show_no_map(self, message: str) -> None:
        """``message`` in the map's place; the rest of the box works without it."""
        self.map_empty.setText(message)
        self.map_empty.show()
        self.map_stack.hide()
        self.map_plan = None
        self._map_widget = None

    def show_selection(self) -> None:
        """Mark the state's selected areas on the map (compared by id, no registry look-up)."""
        if self._map_widget is not None and self.map_plan is not None:
            selected = [
                key for key in self.map_plan.areas if self.state.is_selected_ids(self.ids_of(key))
            ]
            self._map_widget.set_selection(selected)

    def ids_of(self, key: str) -> tuple[str, ...]:
        """The area ids the map area ``key`` stands for: those its bar and table row select."""
        ids = self._area_ids.get(key)
        if ids is None:
            ids = self._area_ids[key] = tuple(self.state.keys_for(key))
        return ids

    def _ids_of_areas(self, data: ResultData, spec: MapSpec, geography: Any) -> dict[str, tuple]:
        """Map key -> area ids, as the bar and table rows of the same data select them.

        The rows' identities are the one matcher's (kept with the data); a merged area stands
        for its members; an area with no row is asked of the registry when first needed.
        """
        from atlasviewer.core.matching import AREA, cached_match
        from atlasviewer.core.plans.rows import row_identities

        match = cached_match(data, spec.rowset, geography, self.state.registry)
        rows = row_identities(data, spec.rowset, self.state.registry)
        ids: dict[str, tuple[str, ...]] = {
            area.key: tuple(area.members) for area in geography.areas if area.members
        }
        for name, key in match.mapping.items():
            if match.levels.get(name) == AREA and rows.selects.get(name):
                ids.setdefault(key, rows.selects[name])
        return ids

    def _on_map_click(self, key: str, add: bool) -> None:
        style = self.map_plan.areas.get(key) if self.map_plan is not None else None
        self.state.select_ids(self.ids_of(key), add, key, style.name if style else "")

    def _map_widget_for(self, geography: Any) -> Any:
        """The map widget of a map set: scene and view are built once per geography."""
        widget = self._map_widgets.get(geography.id)
        if widget is None:
            from atlasviewer.qt.map.scene import MapScene
            from atlasviewer.qt.map.widget import ChoroplethMap

            widget = ChoroplethMap(MapScene(geography), self.map_stack)
            widget.scene.set_selection_width(theme.current().selection_px)
            widget.area_clicked.connect(self._on_map_click)
            widget.area_hovered.connect(self._on_map_hover)
            self._map_widgets[geography.id] = widget
            self.map_stack.addWidget(widget)
        self._map_widget = widget
        return widget

    def _on_library(self, _library: object) -> None:
        """Another library's maps: the scenes and plans of the old one go."""
        self._map_plans.clear()
        for widget in self._map_widgets.values():
            self.map_stack.removeWidget(widget)
            widget.deleteLater()
        self._map_widgets.clear()
        self._map_widget = None
        self.map_plan = None

    def _on_map_hover(self, key: str) -> None:
        style = self.map_plan.areas.get(key) if (key and self.map_plan) else None
        if style is None:
            self.hover_text_changed.emit("")
            return
        value = style.value_text or _("no data")
        self.hover_text_changed.emit(f"{style.name}: {value}")
