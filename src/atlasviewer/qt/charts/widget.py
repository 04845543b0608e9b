"""The chart pane: a thin Qt host for the matplotlib chart functions of :mod:`atlasviewer.render`.

The widget owns one :class:`~matplotlib.backends.backend_qtagg.FigureCanvasQTAgg`, draws a bar
or line plan on it with :func:`~atlasviewer.render.bar_chart.draw_bar_chart` /
:func:`~atlasviewer.render.line_chart.draw_line_chart`, and turns mouse events on bars into area
signals. It never decides what to draw: the plan does. matplotlib is imported with this module,
which the window imports only when a chart is first shown.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QWheelEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from atlasviewer.core.plans import BarPlan, LinePlan
from atlasviewer.i18n import _, current_language
from atlasviewer.qt import translation
from atlasviewer.render.bar_chart import (
    bar_index_at,
    draw_bar_chart,
    scroll_height,
    update_bar_chart,
)
from atlasviewer.render.bar_marks import legend_look
from atlasviewer.render.layout import CachedConstrainedLayout
from atlasviewer.render.legend_stamp import LegendStamp
from atlasviewer.render.line_chart import draw_line_chart
from atlasviewer.render.selection_layer import SelectionLayer
from atlasviewer.render.style import ChartStyle
from atlasviewer.render.text_renderer import caching_renderer_for


class _ChartCanvas(FigureCanvasQTAgg):
    """The Qt Agg canvas, drawing with a renderer that keeps text layouts and glyphs.

    Area names, ticks and titles are drawn again at every box switch: laying them out and
    rendering their glyphs anew was half of a redraw.
    """

    def get_renderer(self):  # type: ignore[no-untyped-def]  # as FigureCanvasAgg's
        return caching_renderer_for(self)

    def draw(self) -> None:
        """Draw the figure; when its texts outgrew the kept layout, lay out and draw again.

        Both draws happen before Qt paints, so a clipped label is never on screen.
        """
        super().draw()
        engine = self.figure.get_layout_engine()
        if isinstance(engine, CachedConstrainedLayout) and not engine.accept(
            self.figure, self.renderer.ink
        ):
            super().draw()
            engine.accept(self.figure, self.renderer.ink)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        """The wheel goes to matplotlib, then the scroll area around a tall chart then scrolls."""
        super().wheelEvent(event)
        event.ignore()


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
        self.canvas = _ChartCanvas(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # A bar chart of many areas grows taller than the pane and scrolls (scroll_height).
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.canvas)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        layout.addWidget(self.empty_label)
        self.plan: BarPlan | LinePlan | None = None
        self._bar_patches: list = []
        self._bar_style: ChartStyle | None = None  # the style the current bar axes was drawn in
        self._hovered = ""
        # Selection changes repaint only the highlight layer (and what lies above it) over this
        # copy of the last full draw: a full draw of the chart costs ~100 ms, a blit a few.
        self._selection_layer: SelectionLayer | None = None
        self._background: object | None = None
        # The legend of annual dots is the same box after box: composited, not drawn anew.
        self._legend_stamp = LegendStamp()
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("figure_leave_event", self._on_leave)
        self.canvas.mpl_connect("resize_event", self._on_resize)
        self._wrapped_for: tuple[int, int] | None = None  # the canvas size texts are wrapped to
        self._plan_lang = "en"  # the language the plan's numbers are drawn in
        self._rewrap_due = False
        translation.register(self)
        self.clear()

    # ------------------------------------------------------------------ showing plans

    def show_bar_plan(self, plan: BarPlan, lang: str | None = None) -> None:
        """Draw ``plan`` as a bar chart (numbers in ``lang``, default the UI language).

        A plan with as many rows and parts as the bar chart shown (another box of the same map
        set) updates the bars, labels and texts in place instead of drawing the chart anew.
        The plan's selected rows are highlighted on the selection layer.
        """
        lang = lang or current_language()
        self._fit_height(plan)
        patches = None
        if self._bar_style == self.chart_style and self.figure.axes:
            patches = update_bar_chart(
                self.figure.axes[0], plan, self.chart_style, lang, mark_selection=False
            )
        if patches is None:
            self._prepare()
            ax = self.figure.add_subplot()
            patches = draw_bar_chart(ax, plan, self.chart_style, lang, mark_selection=False)
            self._bar_style = self.chart_style
            self._selection_layer = SelectionLayer(ax, self.chart_style)
        self.plan = plan
        self._plan_lang = lang
        self._wrapped_for = self.canvas.get_width_height()
        self._hovered = ""
        self._bar_patches = patches
        layer = self._selection_layer
        assert layer is not None
        layer.set_plan(plan)
        layer.set_selection(patches, plan, [r.key for r in plan.rows if r.selected])
        ax = self.figure.axes[0]
        # What lies above the highlight is drawn with it, so the highlight never covers a dot.
        for artist in [*ax.collections, *ax.lines, ax.get_legend()]:
            if artist is not None:
                artist.set_animated(True)
        self.draw_idle()

    def show_line_plan(self, plan: LinePlan, lang: str | None = None) -> None:
        """Draw ``plan`` as a line chart."""
        self._fit_height(None)
        self._prepare()
        self.plan = plan
        self._plan_lang = lang or current_language()
        self._wrapped_for = self.canvas.get_width_height()
        ax = self.figure.add_subplot()
        draw_line_chart(ax, plan, self.chart_style, self._plan_lang)
        self._bar_patches = []
        self.draw_idle()

    def set_selected_areas(self, keys: set[str] | list[str]) -> None:
        """Outline the bars of ``keys`` without drawing the chart again.

        After a full draw, only the highlight is repainted (blitted) over the saved chart.
        """
        if not isinstance(self.plan, BarPlan) or self._selection_layer is None:
            return
        chosen = set(keys)
        for row in self.plan.rows:
            row.selected = row.key in chosen
        self._selection_layer.set_selection(self._bar_patches, self.plan, chosen)
        if self._background is None or self.figure.stale:
            self.draw_idle()  # a full draw is due anyway; it draws the layer too
            return
        self.canvas.restore_region(self._background)
        self._draw_layers()
        self.canvas.blit(self.figure.bbox)

    @property
    def highlighted_rows(self) -> list[int]:
        """Plan indexes of the bar rows shown as selected (outlined, name in bold colour)."""
        return self._selection_layer.selected_rows if self._selection_layer is not None else []

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
        self._selection_layer = None
        self._background = None
        self.figure.clear()
        self._fit_height(None)
        self.scroll_area.hide()
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
        self._selection_layer = None
        self._background = None
        self.figure.clear()
        self.empty_label.hide()
        self.scroll_area.show()
        self._hovered = ""

    @property
    def scrolls(self) -> bool:
        """True when the chart is taller than its pane (the pane scrolls)."""
        return self.canvas.minimumHeight() > 0

    def _fit_height(self, plan: BarPlan | None) -> None:
        """Give a bar chart that would thin its names the height to show them all.

        The canvas is resized at once, so the chart is laid out and its names fitted at the
        height it is drawn at; a chart that fits goes back to the pane's height.
        """
        viewport = self.scroll_area.viewport()
        pixels_per_inch = self.figure.dpi / max(self.canvas.device_pixel_ratio, 1.0)
        need = (
            scroll_height(plan, self.chart_style, viewport.height() / pixels_per_inch)
            if plan is not None and viewport.height() > 0
            else None
        )
        height = round(need * pixels_per_inch) if need else 0
        if height == self.canvas.minimumHeight():
            return
        self.canvas.setMinimumHeight(height)
        # At once, so the names are fitted at the size they are drawn at: the pane's width
        # less the scroll bar's when it scrolls, the whole pane when it no longer does.
        room = self.scroll_area.maximumViewportSize()
        if height:
            bar = self.scroll_area.verticalScrollBar().sizeHint().width()
            self.canvas.resize(room.width() - bar, height)
        else:
            self.canvas.resize(room)

    # ------------------------------------------------------------------ blitting

    def _on_draw(self, _event) -> None:  # type: ignore[no-untyped-def]
        """After a full draw: keep the chart without its animated layers, then draw them."""
        self._background = None
        if self.canvas.is_saving() or not self.figure.axes:
            return  # a saved figure draws its animated artists itself
        if isinstance(self.plan, BarPlan) and self._selection_layer is not None:
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            self._draw_layers()

    def _draw_layers(self) -> None:
        """Draw the animated artists (highlight, then error bars, dots, legend) in z order.

        The legend is composited from its stamp while it looks as when last drawn.
        """
        ax = self.figure.axes[0]
        was_stale = self.figure.stale
        legend = ax.get_legend()
        renderer = self.canvas.get_renderer()
        animated = [a for a in ax.get_children() if a.get_animated() and a.get_visible()]
        for artist in sorted(animated, key=lambda a: a.get_zorder()):
            if artist is legend:
                self._legend_stamp.draw(legend, renderer, legend_look(legend))
            else:
                artist.draw(renderer)
        # Drawing places the legend's boxes, which marks them stale; they are drawn now, as
        # Figure.draw clears the flag after its own drawing.
        self.figure.stale = was_stale

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

    def _on_resize(self, _event) -> None:  # type: ignore[no-untyped-def]
        """Wrap the title, axis labels and credits again to the canvas's new size, once.

        They are wrapped to the figure's width when the plan is shown; a pane that is then
        laid out narrower (the window's first layout, a moved splitter) would cut them. The
        rewrap waits for the event loop, so the sizes a layout passes through cost nothing.
        """
        if not self._rewrap_due:
            self._rewrap_due = True
            QTimer.singleShot(0, self._rewrap)

    def _rewrap(self) -> None:
        self._rewrap_due = False
        if self.plan is None or self.canvas.get_width_height() == self._wrapped_for:
            return
        if isinstance(self.plan, BarPlan):
            self.show_bar_plan(self.plan, self._plan_lang)
        else:
            self.show_line_plan(self.plan, self._plan_lang)

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
