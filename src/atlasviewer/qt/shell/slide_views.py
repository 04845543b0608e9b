"""Presentation mode's views and the window's current view, put together from the panes.

Presentation mode (:mod:`atlasviewer.qt.present`) imports no other pane; the shell hands it two
things made here: the live view of a slide (the map, a chart, a table, drawn from the slide's
own atlas and box in the projector's sizes) and the slide for the view the user is looking at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atlasviewer.core.deck import Slide
from atlasviewer.core.deck_views import ResolvedSlide, highlighted, view_names
from atlasviewer.i18n import _
from atlasviewer.qt import theme
from atlasviewer.qt.present.actions import PresentActions
from atlasviewer.qt.present.slide import PROJECTOR_BODY_PX, LiveView


def current_slide(window: Any) -> Slide | None:
    """A slide of the view the window shows: the table on show, the focused map, else the chart."""
    state = window.state
    reader = window.built_reader
    if (
        reader is None
        or state.atlas is None
        or state.box is None
        or window.stack.currentWidget() is not reader
        or reader.box_view.data is None
    ):
        return None
    box_view = reader.box_view
    named = view_names(box_view.data.views_for(state.slice or None))
    tables = [name for name, view in named if view.kind == "table"]
    charts = [name for name, view in named if view.kind in ("barchart", "linechart")]
    maps = [name for name, view in named if view.kind == "map"]
    if box_view.view_tabs.currentIndex() == 1 and tables:
        name = tables[min(max(0, box_view.table_tabs.currentIndex()), len(tables) - 1)]
    elif maps and (box_view.current_figure_widget() is box_view.map_widget or not charts):
        name = maps[0]
    elif charts:
        name = charts[min(max(0, box_view.chart_tabs.currentIndex()), len(charts) - 1)]
    elif tables:
        name = tables[0]
    else:
        return None
    return Slide(
        atlas=window.library.atlas_id(state.atlas),
        box=state.box.number,
        view=name,
        areas=sorted(state.selection),
        lang=state.content_language,
        options={"slice": state.slice} if state.slice else {},
    )


class SlideViewFactory:
    """Builds the live view of a slide; map scenes are built once per map set and shared.

    Each slide kind has its builder in :attr:`builders` (``"box"``: a result box's map, chart
    or table); a workspace with slides of its own (the comparison's ``"compare"``) adds one
    there, beside its resolver in :data:`atlasviewer.core.deck_views.RESOLVERS`.

    Args:
        state: The window's state (library and registry; clicks do not change its selection:
            a slide's highlight is its own).
    """

    def __init__(self, state: Any) -> None:
        self.state = state
        self._scenes: dict[str, Any] = {}
        self.builders: dict[str, Callable[[ResolvedSlide, float, QWidget], LiveView]] = {
            "box": self.box_view
        }

    def __call__(self, found: ResolvedSlide, scale: float, parent: QWidget) -> LiveView:
        build = self.builders.get(found.slide.kind)
        try:
            if build is None:
                raise LookupError(found.slide.kind)
            return build(found, scale, parent)
        except Exception as exc:  # noqa: BLE001 - one slide that cannot be drawn says so
            return _MessageView(
                _("This view could not be drawn: {error}").format(error=exc), scale, parent
            )

    def box_view(self, found: ResolvedSlide, scale: float, parent: QWidget) -> LiveView:
        """A result box's map, bar or line chart, or table."""
        from atlasviewer.core.plans import credits_for

        credits = credits_for(found.variant, found.box, found.lang, found.data)
        kind = found.view.kind
        if kind == "map":
            return _MapView(self, found, credits, scale, parent)
        if kind in ("barchart", "linechart"):
            return _ChartView(self, found, credits, scale, parent)
        return _TableView(self, found, credits, scale, parent)

    def scene(self, geography: Any) -> Any:
        if geography.id not in self._scenes:
            from atlasviewer.qt.map.scene import MapScene

            self._scenes[geography.id] = MapScene(geography)
        return self._scenes[geography.id]

    def keys_for(self, name: str) -> set[str]:
        return set(self.state.keys_for(name))


class _LiveBase(LiveView):
    def __init__(self, factory: SlideViewFactory, parent: QWidget) -> None:
        super().__init__(parent)
        self.factory = factory
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def keys_of(self, name: str) -> set[str]:
        return self.factory.keys_for(name)


class _MessageView(LiveView):
    def __init__(self, text: str, scale: float, parent: QWidget) -> None:
        super().__init__(parent)
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont()
        font.setPixelSize(round(PROJECTOR_BODY_PX * scale))
        label.setFont(font)
        QVBoxLayout(self).addWidget(label)


class _MapView(_LiveBase):
    """The slide's map: its own plan, applied again when shown (the scene is shared)."""

    def __init__(
        self,
        factory: SlideViewFactory,
        found: ResolvedSlide,
        credits: Any,
        scale: float,
        parent: QWidget,
    ) -> None:
        super().__init__(factory, parent)
        from atlasviewer.core.matching import match_rows
        from atlasviewer.core.plans import build_map_plan
        from atlasviewer.qt.map.widget import ChoroplethMap

        state = factory.state
        geography = state.library.geography(found.atlas, found.box.map_file)
        mapping = match_rows(found.data.rowsets[found.view.rowset], geography, state.registry)
        self.plan = build_map_plan(
            found.data,
            found.view,
            geography,
            row_to_area=mapping.mapping,
            lang=found.lang,
            palette=theme.current().palette,
            credits=credits,
            registry=state.registry,
        )
        self.map = ChoroplethMap(factory.scene(geography), self)
        projector = theme.Theme(projector=True, scale=scale)
        self.map.legend_font_px = projector.label_px
        self.map.view.label_px = self.map.inset.label_px = projector.label_px
        self.map.scene.set_selection_width(projector.selection_px)
        self.map.apply_plan(self.plan)
        self.map.area_clicked.connect(lambda key, _add: self.area_clicked.emit(key))
        self.map.area_hovered.connect(self._hover)
        self.layout_.addWidget(self.map)
        self._highlight: set[str] = set()

    def set_highlight(self, areas: set[str]) -> None:
        self._highlight = set(areas)
        names = highlighted(list(self.plan.areas), self._highlight, self.factory.keys_for)
        self.map.set_selection(names)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.map.scene.plan is not self.plan:  # another slide of the map set was shown
            self.map.apply_plan(self.plan)
            self.set_highlight(self._highlight)
        super().showEvent(event)

    def _hover(self, key: str) -> None:
        style = self.plan.areas.get(key) if key else None
        if style is None:
            self.hover_text_changed.emit("")
            return
        value = style.value_text or _("no data")
        self.hover_text_changed.emit(f"{style.name}: {value}")


class _ChartView(_LiveBase):
    """The slide's bar or line chart, drawn in the projector's sizes (not a scaled picture)."""

    def __init__(
        self,
        factory: SlideViewFactory,
        found: ResolvedSlide,
        credits: Any,
        scale: float,
        parent: QWidget,
    ) -> None:
        super().__init__(factory, parent)
        from atlasviewer.core.plans import BarPlan, build_bar_plan, build_line_plan
        from atlasviewer.qt.charts.widget import ChartWidget

        style = theme.Theme(projector=True, scale=scale).chart_style()
        self.chart = ChartWidget(self, style=style)
        self.layout_.addWidget(self.chart)
        view, lang = found.view, found.lang
        if found.view.kind == "barchart":
            rowset = found.data.rowsets.get(view.rowset)
            names = list(rowset.frame.get(view.y, [])) if rowset is not None else []
            selected = highlighted(names, set(found.slide.areas), factory.keys_for)
            plan: Any = build_bar_plan(
                found.data,
                view,
                lang,
                selected=selected,
                credits=credits,
                registry=factory.state.registry,
            )
            self.chart.show_bar_plan(plan, lang)
        else:
            self.chart.show_line_plan(
                build_line_plan(found.data, view, lang, credits=credits), lang
            )
        self._is_bar = isinstance(self.chart.plan, BarPlan)
        self.chart.area_clicked.connect(lambda key, _add: self.area_clicked.emit(key))
        self.chart.area_hovered.connect(self._hover)

    def set_highlight(self, areas: set[str]) -> None:
        rows = getattr(self.chart.plan, "rows", None)
        if self._is_bar and rows is not None:
            keys = [r.key for r in rows]
            self.chart.set_selected_areas(highlighted(keys, areas, self.factory.keys_for))

    def _hover(self, key: str) -> None:
        rows = getattr(self.chart.plan, "rows", None) or []
        row = next((r for r in rows if r.key == key), None) if key else None
        self.hover_text_changed.emit(f"{row.label}: {' / '.join(row.value_texts)}" if row else "")


class _TableView(_LiveBase):
    """The slide's table in large type, the highlighted areas' rows selected."""

    def __init__(
        self,
        factory: SlideViewFactory,
        found: ResolvedSlide,
        credits: Any,
        scale: float,
        parent: QWidget,
    ) -> None:
        super().__init__(factory, parent)
        from atlasviewer.core.plans import build_table_plan
        from atlasviewer.qt.tables.model import TablePlanModel, TableSortProxy

        self.table = QTableView(self)
        font = QFont()
        font.setPixelSize(round(PROJECTOR_BODY_PX * scale))
        self.table.setFont(font)
        self.model = TablePlanModel(self.table)
        self.model.set_plan(
            build_table_plan(
                found.data,
                found.view,
                found.lang,
                credits=credits,
                registry=factory.state.registry,
            )
        )
        self.proxy = TableSortProxy(self.table)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        self.table.clicked.connect(
            lambda index: self.area_clicked.emit(
                self.model.row_key(self.proxy.mapToSource(index).row())
            )
        )
        self.layout_.addWidget(self.table)

    def set_highlight(self, areas: set[str]) -> None:
        plan = self.model.plan
        selection = QItemSelection()
        if plan is not None:
            names = highlighted(list(plan.row_keys), areas, self.factory.keys_for)
            for row, key in enumerate(plan.row_keys):
                if row != plan.national_row and key in names:
                    index = self.proxy.mapFromSource(self.model.index(row, 0))
                    selection.select(index, index)
        self.table.selectionModel().select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )


def install_presentation(window: Any) -> PresentActions:
    """Give ``window`` its deck, presentation panel and presentation mode."""
    return PresentActions(window, SlideViewFactory(window.state), lambda: current_slide(window))
