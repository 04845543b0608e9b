"""A result box: its texts above, and its map, charts and tables side by side below.

The view draws what the :class:`AppState` says: the box, the year (first-generation slices), the
selected areas and the language. Clicks in the map, a bar or a table row change the state's
selection; every pane then marks the same areas. Map, charts and tables never call each other.
A box whose data cannot be read shows its problems in plain words in place of the figures.

This module is the host: texts, year and problems, the layout, export and print. The map, the
chart tabs and the table tabs are panes of their own packages that follow the state themselves
(box, year, selection, language; :mod:`atlasviewer.qt.figures` tells each what the box shows).
The reader imports none of them: the shell builds them
(:func:`atlasviewer.qt.shell.panes.figure_panes`) and hands them in as :class:`FigurePanes`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.model import (
    ResultBox,
    ResultData,
    TableSpec,
    pick_text,
)
from atlasviewer.core.plans import MapPlan
from atlasviewer.core.problems import Severity
from atlasviewer.i18n import _
from atlasviewer.qt import theme, translation
from atlasviewer.qt.figures import box_figures
from atlasviewer.qt.reader.figure_output import export_figure, render_scaled
from atlasviewer.qt.reader.problem_details import ProblemDetails
from atlasviewer.qt.reader.text_browser import AtlasTextBrowser
from atlasviewer.qt.state import AppState

MAP_MIN_SIZE = (260, 300)
CHART_MIN_SIZE = (340, 460)
"""The smallest map and chart panes (pixels): below these the two scroll, not squeeze."""


@dataclass
class FigurePanes:
    """The panes a result box lays out, built by the shell for the view that shows them.

    Attributes:
        map: The map pane (``show_map``, ``show_selection``, ``is_painted``, ``map_widget``).
        charts: The chart tabs, a ``QTabWidget`` (``show_charts``, ``draw_chart``).
        tables: The table tabs, a ``QTabWidget`` (``show_tables``, ``copy_selected_rows``).
    """

    map: Any
    charts: Any
    tables: Any


PaneFactory = Callable[[AppState, QWidget], FigurePanes]
"""Builds the panes of a result box: ``(state, parent) -> FigurePanes``."""


class ResultBoxView(QWidget):
    """The current result box of the state.

    Signals:
        hover_text_changed(str): Name and formatted value of the area under the mouse ("" off).
        painted(): The figures of the box were drawn (used by ``--smoke`` and the benchmarks).
        compare_requested(): "Add to comparison": the box's indicators, to the comparison.
    """

    hover_text_changed = Signal(str)
    compare_requested = Signal()

    def __init__(
        self,
        state: AppState,
        make_panes: PaneFactory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.data: ResultData | None = None
        self._sized = False
        self._shown_box: ResultBox | None = None

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self._size_title()
        self.slice_label = QLabel(self)
        self.slice_combo = QComboBox(self)
        self.slice_combo.activated.connect(
            lambda index: self.state.set_slice(self.slice_combo.itemData(index))
        )
        self.slice_label.setBuddy(self.slice_combo)
        self.compare_button = QPushButton(self)
        self.compare_button.clicked.connect(self.compare_requested)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.slice_label)
        header.addWidget(self.slice_combo)
        header.addWidget(self.compare_button)
        self.text = AtlasTextBrowser(self)
        self.text.setMinimumHeight(90)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        # A box whose data cannot be read has no figures: one message takes their place, so
        # the map, chart and table panes do not each give a wrong reason ("has no map").
        self.figures_note = QLabel(self)
        self.figures_note.setWordWrap(True)
        self.figures_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.figures_note.setStyleSheet(
            "QLabel { background: #f8d7da; padding: 6px; border-radius: 4px; }"
        )
        self.figures_note.hide()
        # Files and places of the problems, folded under "Details": managers read the message.
        self.problem_details = ProblemDetails(self)
        # Connected before the panes are built, so the box's texts and the room for its
        # figures are set before each pane draws its part of the box.
        state.box_changed.connect(self._on_box)
        state.slice_changed.connect(lambda _slice: self._show_table_tab())
        state.slice_changed.connect(self._show_slice_chosen)
        panes = make_panes(state, self)
        self.map_pane = panes.map
        self.map_pane.hover_text_changed.connect(self.hover_text_changed)
        self.chart_tabs = panes.charts
        self.chart_tabs.hover_text_changed.connect(self.hover_text_changed)
        self.table_tabs = panes.tables
        self.figures = QSplitter(Qt.Orientation.Horizontal, self)
        self.figures.addWidget(self.map_pane)
        self.figures.addWidget(self.chart_tabs)
        self.figures.setStretchFactor(0, 3)
        self.figures.setStretchFactor(1, 4)
        # The table gets the full width on its own tab: tables of 6-7 columns do not fit beside
        # map and chart at 1280 px, and cut-off numbers are worse than one click.
        self.view_tabs = QTabWidget(self)
        self.view_tabs.setDocumentMode(True)
        # Below the size at which map and chart can be read (a chart squeezed further collapses
        # its axes), the pair keeps that size and scrolls instead.
        self.map_pane.setMinimumSize(*MAP_MIN_SIZE)
        self.chart_tabs.setMinimumSize(*CHART_MIN_SIZE)
        self.figures.setChildrenCollapsible(False)
        self.figures_scroll = QScrollArea(self)
        self.figures_scroll.setWidgetResizable(True)
        self.figures_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.figures_scroll.setWidget(self.figures)
        self.view_tabs.addTab(self.figures_scroll, "")
        self.view_tabs.addTab(self.table_tabs, "")
        self.view_tabs.currentChanged.connect(self._on_view_tab)
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
        layout.addWidget(self.figures_note)
        layout.addWidget(self.problem_details)
        # Takes the spare height only when the splitter is hidden (no texts and no figures).
        layout.addStretch(0)

        unfollow = theme.follow(self._on_theme)
        self.destroyed.connect(lambda *_args: unfollow())
        translation.register(self)

    # ------------------------------------------------------------------ public

    def _size_title(self) -> None:
        """The box title 1.35 times the body text (which the projector theme enlarges)."""
        font = QApplication.font()
        if font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * 1.35))
        else:
            font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)

    def _on_theme(self, _theme: object) -> None:
        """After a theme change (the application font is set first): title and texts again."""
        self._size_title()
        # Qt tells widgets of the new application font later (a posted event): the texts are
        # laid out again now, in it.
        self.text.setFont(QApplication.font())
        if self.state.box is not None:
            self._show_texts()

    def retranslate_ui(self) -> None:
        self.slice_label.setText(_("Year:"))
        self.compare_button.setText(_("Add to comparison"))
        self.compare_button.setToolTip(
            _("Compare the areas on this box's indicators, across atlases")
        )
        # Existing catalogue words, so the tab reads right in every language today.
        self.view_tabs.setTabText(0, _("Map") + " / " + _("Chart"))
        self.view_tabs.setTabText(1, _("Table"))
        # A box the view has not drawn yet comes with box_changed (the content language moved
        # to another variant): drawing it here too would draw it twice.
        if self.state.box is not None and self.state.box is self._shown_box:
            self._show_texts()
            self._show_slices()

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
        if self.map_widget is not None:
            self.map_widget.reset_view()

    @property
    def map_widget(self) -> Any:
        return self.map_pane.map_widget

    @property
    def map_plan(self) -> MapPlan | None:
        return self.map_pane.map_plan

    @property
    def chart_widgets(self) -> list[Any]:
        return self.chart_tabs.chart_widgets

    @property
    def table_views(self) -> list[QTableView]:
        """The box's table views, their plans built now if the table tab has not been shown."""
        return self.table_tabs.table_views

    def show_tables(self, shown: bool = True) -> None:
        """Bring the table tab (``shown``) or the map and chart tab to the front."""
        self.view_tabs.setCurrentIndex(1 if shown else 0)

    def is_painted(self) -> bool:
        """True when every figure the box has is drawn and shown."""
        if self.state.box is None or self.data is None:
            return False
        if self.view_tabs.currentWidget() is not self.figures_scroll:
            return self.table_tabs.count() > 0 or not self.table_tabs.pending
        if not self.map_pane.is_painted():
            return False
        chart: Any = self.chart_tabs.currentWidget()
        visible_chart = chart is not None and chart.isVisible() and chart.plan is not None
        return not (visible_chart and chart.figure.stale)

    def current_figure_widget(self) -> Any:
        """The figure Ctrl+C, export and print act on: the focused pane, else the chart."""
        focus = QGuiApplication.focusObject()
        widget = self.map_widget
        if widget is not None and isinstance(focus, QWidget) and widget.isAncestorOf(focus):
            return widget
        if widget is not None and focus is widget:
            return widget
        chart = self.chart_tabs.currentWidget()
        if chart is not None and getattr(chart, "plan", None) is not None:
            return chart
        return self.map_widget

    def copy_to_clipboard(self, focus: object) -> bool:
        """Copy the focused table's selected rows as TSV, else the current figure as an image."""
        if self.table_tabs.copy_selected_rows(focus):
            return True
        widget = self.current_figure_widget()
        if widget is None:
            return False
        QGuiApplication.clipboard().setImage(widget.grab().toImage())
        return True

    def export_current_figure(self, path: Path) -> str:
        """Save the current figure (PNG, SVG or PDF by suffix); returns an error text or ""."""
        title = self.state.box.title if self.state.box is not None else ""
        return export_figure(self.current_figure_widget(), self.map_widget, path, title)

    def print_current_figure(self, printer: Any) -> None:
        widget = self.current_figure_widget()
        if widget is not None:
            render_scaled(widget, printer)

    # ------------------------------------------------------------------ box and texts

    def _on_box(self, box: ResultBox | None) -> None:
        self._shown_box = box
        if box is None:
            return
        self.data = box.load()  # read by the state already: the box keeps its data
        self._show_texts()
        self._show_slices()
        # The panes draw the figures themselves: they follow box_changed too.
        self._show_table_tab()

    def _show_table_tab(self) -> None:
        """The table tab is there when the box has tables for the year shown."""
        figures = box_figures(self.state)
        self.view_tabs.setTabVisible(1, bool(figures and figures.of_kind(TableSpec)))

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
        errors = [p for p in data.problems if p.severity is Severity.ERROR] if data else []
        unreadable = bool(data is not None and errors and not data.views)
        self._show_figures(not unreadable)
        if data is None or not data.problems:
            self.show_notice("")
            self.problem_details.set_problems([])
            return
        shown = errors or data.problems
        # The message only: file, place and details wait under "Details".
        lines = [f"• {p.message}" for p in shown[:6]]
        self.problem_details.set_problems(shown[:6])
        if len(shown) > 6:
            lines.append(_("… and {count} more.").format(count=len(shown) - 6))
        if unreadable:
            self.show_notice("")
            self.figures_note.setText(
                _(
                    "The figures of this result box cannot be shown because its data could "
                    "not be read:"
                )
                + "\n"
                + "\n".join(lines)
            )
            return
        heading = _("Some of this result box's data has problems:")
        self.notice.setStyleSheet(
            "QLabel { background: %s; padding: 6px; border-radius: 4px; }"
            % ("#f8d7da" if errors else "#fff3cd")
        )
        self.show_notice(heading + "\n" + "\n".join(lines))

    def _show_figures(self, shown: bool) -> None:
        """The map, chart and table tabs (``shown``), else the note on why there are none.

        Without figures the box's texts get all the room the views had.
        """
        self.view_tabs.setVisible(shown)
        self.figures_note.setVisible(not shown)
        self.splitter.setVisible(shown or not self.text.isHidden())

    def _show_slice_chosen(self, slice_: str) -> None:
        """The year selector follows the state (a year restored, or chosen elsewhere)."""
        index = self.slice_combo.findData(slice_)
        if index >= 0 and index != self.slice_combo.currentIndex():
            self.slice_combo.blockSignals(True)
            self.slice_combo.setCurrentIndex(index)
            self.slice_combo.blockSignals(False)

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

    def _on_view_tab(self, index: int) -> None:
        if index == 1:
            self.table_tabs.build_pending_tables()
        elif self.chart_tabs.count():
            self.chart_tabs.draw_chart(self.chart_tabs.currentIndex())
