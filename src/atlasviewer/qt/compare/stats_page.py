"""The common part of the Trend, Funnel and Scatter views: indicator choice, chart, finding.

A page shows one indicator of the comparison (chosen in its combo box; the scatter has a second
one) as a matplotlib chart drawn by the render functions from the core's plan
(:func:`atlasviewer.core.compare.stats_views.view_plan`), the finding in words for the area the
workspace shows (:func:`atlasviewer.core.compare.findings_data.area_finding`), and, where the
view does not apply to the indicator, why. A click on a point emits :attr:`area_clicked` with
the registry area it stands for; the workspace selects it in the app's state, and the pages
follow the selection. Export (PNG, SVG, PDF of the chart; CSV, XLSX of its table) and Copy
(the picture and the finding) write what ``atlasviewer compare --view`` writes.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from atlasviewer.core.compare.area_rows import area_rows
from atlasviewer.core.compare.findings_data import area_finding
from atlasviewer.core.compare.indicators import Indicator
from atlasviewer.core.compare.stats_views import view_plan, view_problem
from atlasviewer.core.plans.contract import SELECTION_COLOUR
from atlasviewer.core.registry import default_registry
from atlasviewer.i18n import _, current_language
from atlasviewer.qt import translation
from atlasviewer.render.layout import CachedConstrainedLayout
from atlasviewer.render.style import ChartStyle
from atlasviewer.render.text_renderer import caching_renderer_for

PICK_RADIUS = 9.0
"""How near (pixels) a click must be to a point to pick its area."""


def selected_points(
    ax: Any, points: list[Any], style: ChartStyle, size: float, colour_of: Any
) -> list[Any]:
    """The selected points outlined and named, as the render functions draw them, animated."""
    chosen = [p for p in points if p.selected]
    if not chosen:
        return []
    dots = ax.scatter(
        [p.x for p in chosen],
        [p.y for p in chosen],
        s=style.marker_size * size,
        c=[colour_of(p) for p in chosen],
        edgecolors=SELECTION_COLOUR,
        linewidths=style.selection_width,
        zorder=4,
        animated=True,
    )
    names = [
        ax.annotate(
            p.label,
            (p.x, p.y),
            xytext=(5, 4),
            textcoords="offset points",
            fontsize=style.tick_size,
            color=SELECTION_COLOUR,
            fontweight="bold",
            zorder=5,
            animated=True,
        )
        for p in chosen
    ]
    return [dots, *names]


class _StatsCanvas(FigureCanvasQTAgg):
    """The Agg canvas with the text-caching renderer and the layout kept while it fits.

    As the result box's chart canvas does (``qt/charts/widget.py``; not imported: panes do not
    import each other): texts laid out and glyphs rendered once, constrained layout run again
    only when the size or the texts' reach changed. Measured on radiologi2's funnel at
    1280 x 800: a new selection drew in ~400 ms with a fresh layout and glyphs, see
    ``benchmarks/bench_compare_stats.py`` for the figures now.
    """

    def get_renderer(self):  # type: ignore[no-untyped-def]  # as FigureCanvasAgg's
        return caching_renderer_for(self)

    def draw(self) -> None:
        super().draw()
        engine = self.figure.get_layout_engine()
        if isinstance(engine, CachedConstrainedLayout) and not engine.accept(
            self.figure, self.renderer.ink
        ):
            super().draw()
            engine.accept(self.figure, self.renderer.ink)


class StatsPage(QWidget):
    """One statistics view of the workspace; subclasses say which and how it is drawn.

    Signals:
        area_clicked(str): A point was clicked: the registry area it stands for.
    """

    area_clicked = Signal(str)
    view = ""
    """``"trend"``, ``"funnel"`` or ``"scatter"``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicators: list[Indicator] = []
        self.selection: frozenset[str] = frozenset()
        self.area_id = ""
        self.plan: Any = None
        self.lang = current_language()
        self.choice = QComboBox(self)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(30)
        self.choice_label = QLabel(self)
        self.controls = QHBoxLayout()
        self.controls.addWidget(self.choice_label)
        self.controls.addWidget(self.choice, 1)
        self.style_ = ChartStyle.screen()
        self.figure = Figure(dpi=self.style_.dpi, layout=CachedConstrainedLayout())
        self.canvas = _StatsCanvas(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.canvas.mpl_connect("draw_event", self._on_drawn)
        self._base_key: tuple[str, ...] | None = None
        self._background: Any = None
        self._layer: list[Any] = []
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.finding = QLabel(self)
        self.finding.setWordWrap(True)
        self.finding.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finding.setStyleSheet("QLabel { background: #F4F4F4; padding: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self.controls)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.finding)
        self.choice.currentIndexChanged.connect(lambda _index: self.redraw())
        translation.register(self)

    # ------------------------------------------------------------------ texts

    def retranslate_ui(self) -> None:
        self.choice_label.setText(_("Indicator:"))
        self.lang = current_language()

    # ------------------------------------------------------------------ what is shown

    @property
    def indicator(self) -> Indicator | None:
        index = self.choice.currentIndex()
        return self.indicators[index] if 0 <= index < len(self.indicators) else None

    def second(self) -> Indicator | None:
        """The second indicator (the scatter's); None for the other views."""
        return None

    def applies(self, indicator: Indicator) -> bool:
        """Whether the view can show ``indicator`` (the default choice is the first that can)."""
        return not view_problem(self.view, indicator, self.lang, self.second())

    def show_comparison(self, comparison: Any, selection: frozenset[str], area_id: str) -> None:
        """Show the comparison's indicators (keeping the one chosen), the selection, the area."""
        self.lang = comparison.lang
        keys = [i.key for i in comparison.indicators]
        current = self.indicator.key if self.indicator is not None else ""
        if keys != [i.key for i in self.indicators]:
            self.indicators = list(comparison.indicators)
            self.choice.blockSignals(True)
            self.choice.clear()
            for indicator in self.indicators:
                self.choice.addItem(f"{indicator.title(self.lang)} ({indicator.atlas_id}, "
                                    f"{indicator.box})", indicator.key)  # fmt: skip
            if current in keys:
                self.choice.setCurrentIndex(keys.index(current))
            else:
                first = next((n for n, i in enumerate(self.indicators) if self.applies(i)), 0)
                self.choice.setCurrentIndex(first)
            self.choice.blockSignals(False)
            self.indicators_changed()
        self.selection, self.area_id = selection, area_id
        self.redraw()

    def indicators_changed(self) -> None:
        """Hook: the indicators of the combo boxes changed (the scatter fills its second one)."""

    def show_selection(self, selection: frozenset[str], area_id: str) -> None:
        """Follow the app's selection: the selected areas are drawn as lines or labelled."""
        if selection == self.selection and area_id == self.area_id:
            return
        self.selection, self.area_id = selection, area_id
        self.redraw()

    def plan_options(self) -> dict[str, Any]:
        """Hook: the view's own options for :func:`view_plan` (the trend's layout and order)."""
        return {}

    def redraw(self) -> None:
        """Build the plan for the indicator and selection, and draw what changed.

        The chart is drawn in two layers: the base, everything that does not depend on the
        selection (limits, dots, Norway, axes, texts), drawn in full only when the indicator
        or an option changes; and the selection (outlines, names, the selected areas'
        lines), drawn on top of the saved base (blitting), so that selecting another area
        repaints only that layer.
        """
        indicator = self.indicator
        self.plan = None
        if indicator is None:
            self._show_message(_("Choose indicators in the Indicators tab."))
            return
        problem = view_problem(self.view, indicator, self.lang, self.second())
        if problem:
            self._base_key = None
            self._show_message(problem)
            self.finding.setText(self.finding_text())
            return
        options = self.plan_options()
        second = self.second()
        self.plan = view_plan(
            self.view, indicator, sorted(self.selection), self.lang, second=second, **options
        )
        self.message.hide()
        self.canvas.show()
        key = (
            indicator.key,
            second.key if second else "",
            self.lang,
            repr(sorted(options.items())),
        )
        if key != self._base_key:
            base = view_plan(self.view, indicator, [], self.lang, second=second, **options)
            self._clear_layer()
            self.draw(self.figure, base)
            self._base_key = key
            self._background = None
            self._layer = self.selection_layer(self.plan)
            self.canvas.draw_idle()  # the layer is drawn over the base when it is drawn
        else:
            self._clear_layer()
            self._layer = self.selection_layer(self.plan)
            self._blit_layer()
        self.finding.setText(self.finding_text())

    def selection_layer(self, plan: Any) -> list[Any]:
        """Hook: the artists that show the selection of ``plan``, added to the axes (animated)."""
        return []

    def _clear_layer(self) -> None:
        for artist in self._layer:
            with contextlib.suppress(ValueError, NotImplementedError):
                artist.remove()  # a legend replaced by a newer one is gone already
        self._layer = []

    def _on_drawn(self, _event: Any) -> None:
        """After a full draw: keep the base as the background and draw the selection on it."""
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_layer()

    def _draw_layer(self) -> None:
        for artist in self._layer:
            if artist.axes is not None:
                artist.axes.draw_artist(artist)
            else:
                self.figure.draw_artist(artist)

    def _blit_layer(self) -> None:
        if self._background is None:
            self.canvas.draw_idle()
            return
        self.canvas.restore_region(self._background)
        self._draw_layer()
        self.canvas.blit(self.figure.bbox)

    def draw(self, figure: Figure, plan: Any) -> None:
        """Draw ``plan`` on the figure (subclasses)."""
        raise NotImplementedError

    def single_axes(self) -> Any:
        """The figure's one axes, cleared: kept from the last draw so that its layout is kept."""
        axes = self.figure.axes
        if len(axes) == 1:
            axes[0].clear()
            return axes[0]
        self.figure.clear()
        return self.figure.add_subplot()

    def _show_message(self, text: str) -> None:
        self.canvas.hide()
        self.message.setText(text)
        self.message.show()

    def finding_text(self) -> str:
        """The finding for the area shown, for each indicator of the view."""
        if not self.area_id:
            return _("Select an area to read its finding.")
        shown = [i for i in (self.indicator, self.second()) if i is not None]
        found = [(i, area_finding(i, self.area_id, self.lang)) for i in shown]
        if len(shown) > 1:  # say which indicator each sentence is of
            found = [(i, f"{i.title(self.lang)} – {text}") for i, text in found if text]
        return "\n".join(text for _i, text in found if text) or _(
            "The analysis has no figure for the area selected."
        )

    # ------------------------------------------------------------------ clicks

    def points(self) -> list[tuple[Any, float, float, str]]:
        """``(axes, x, y, point key)`` of every point that a click can pick (subclasses)."""
        return []

    def _on_press(self, event: Any) -> None:
        if event.inaxes is None or self.plan is None:
            return
        best: tuple[float, str] | None = None
        for axes, x, y, key in self.points():
            if axes is not event.inaxes:
                continue
            px, py = axes.transData.transform((x, y))
            distance = ((px - event.x) ** 2 + (py - event.y) ** 2) ** 0.5
            if distance <= PICK_RADIUS * self.devicePixelRatioF() and (
                best is None or distance < best[0]
            ):
                best = (distance, key)
        if best is not None:
            area = self.area_of(best[1])
            if area:
                self.area_clicked.emit(area)

    def area_of(self, key: str) -> str:
        """The registry area a point key stands for ("" for none)."""
        for indicator in (self.indicator, self.second()):
            if indicator is None:
                continue
            registry = indicator.registry or default_registry()
            for row in area_rows(indicator.values(), registry).values():
                if row.key == key and row.area_ids:
                    return row.area_ids[0]
        return ""

    # ------------------------------------------------------------------ out

    def export(self, kind: str, path: Path) -> Path:
        """Write the view as ``kind`` (png, svg, pdf, csv, xlsx) to ``path``, atomically."""
        from atlasviewer.core.compare.stats_export import write_view_table
        from atlasviewer.render.stats_output import save_stats_figure, stats_figure

        indicator = self.indicator
        if indicator is None or self.plan is None:
            raise ValueError(self.message.text() or _("Nothing to export in this view."))
        if kind in ("png", "svg", "pdf"):
            return save_stats_figure(stats_figure(self.view, self.plan, self.lang), path)
        return write_view_table(self.view, indicator, self.second(), self.plan, self.lang, path)

    def copy(self) -> str:
        """Copy the chart as a picture with the finding as its text; returns the text."""
        data = QMimeData()
        text = self.finding.text()
        data.setText(text)
        data.setImageData(self.canvas.grab().toImage())
        QGuiApplication.clipboard().setMimeData(data)
        return text
