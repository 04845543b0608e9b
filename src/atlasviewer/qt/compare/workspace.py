"""The comparison workspace: areas against the national value across atlases, three views.

On the left the choices (areas; indicators), on the right the views: **Table** (areas x
indicators), **Area profile** (one area, a spine chart per indicator) and **Variation**. The
workspace follows the app's one state like every other pane: the library it compares over,
the selected area (which the profile shows, and the table marks) and the language; a click on
an area selects it in the state (so every result box shows it selected), a click on an
indicator asks the window to open its result box (:attr:`CompareWorkspace.open_box_requested`).

Only the view in front is laid out when something changes; the others when next shown. pandas
is imported when the first comparison is laid out, i.e. when the workspace is first shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from atlasviewer.core.compare.matrix import comparison_areas
from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.compare.area_chooser import AreaChooser
from atlasviewer.qt.compare.indicator_chooser import IndicatorChooser
from atlasviewer.qt.compare.profile_page import ProfilePage
from atlasviewer.qt.compare.session import CompareSession
from atlasviewer.qt.compare.stats_views import STATS_VIEWS, StatsViews
from atlasviewer.qt.compare.table_page import TablePage
from atlasviewer.qt.compare.variation_page import VariationPage
from atlasviewer.qt.state import AppState

VIEWS = ("table", "profile", "variation", *STATS_VIEWS)
"""The views, in the order of their tabs (``--smoke --view compare`` is the table)."""


class CompareWorkspace(QWidget):
    """The Compare page of the window.

    Args:
        state: The app's state (library, selection).
        settings: The window's settings (my area and the chosen indicators are kept there).

    Signals:
        open_box_requested(str, int): Open result box ``number`` of atlas ``id``.
    """

    open_box_requested = Signal(str, int)

    def __init__(self, state: AppState, settings: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.session = CompareSession(settings, self)
        self.areas = AreaChooser(self)
        self.indicators = IndicatorChooser(self.session, self)
        area_page = QWidget(self)
        area_layout = QVBoxLayout(area_page)
        area_layout.addWidget(self.areas, 1)
        self.choices = QTabWidget(self)
        self.choices.addTab(area_page, "")
        self.choices.addTab(self.indicators, "")
        self.choices.setMinimumWidth(240)
        self.table_page = TablePage(self)
        self.profile_page = ProfilePage(self)
        self.variation_page = VariationPage(self)
        self.views = QTabWidget(self)
        self.views.setDocumentMode(True)
        for page in (self.table_page, self.profile_page, self.variation_page):
            self.views.addTab(page, "")
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.heading.setFont(font)
        self.export_button = QPushButton(self)
        self.export_menu = QMenu(self)
        self.export_button.setMenu(self.export_menu)
        self.copy_button = QPushButton(self)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.copy_button)
        header.addWidget(self.export_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addLayout(header)
        right_layout.addWidget(self.views, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.choices)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._stale = set(VIEWS)
        from atlasviewer.qt.compare.output import CompareOutput

        self.output = CompareOutput(self)
        self.copy_menu = QMenu(self)
        self.copy_button.setMenu(self.copy_menu)
        self.stats = StatsViews(self)
        self._connect()
        self.session.set_library(state.library)
        self.indicators.fill_tree()  # built before the session had a library
        self.areas.set_library(state.library)
        self.areas.set_my_area(self.session.my_area)
        self.table_page.set_my_area(self.session.my_area)
        translation.register(self)

    def _connect(self) -> None:
        self.state.library_changed.connect(self._on_library)
        self.state.selection_changed.connect(self._on_selection)
        self.session.changed.connect(self._on_changed)
        self.session.my_area_changed.connect(self.table_page.set_my_area)
        self.views.currentChanged.connect(lambda _index: self.refresh())
        self.areas.area_chosen.connect(self.select_area)
        self.areas.my_area_chosen.connect(self.session.set_my_area)
        self.areas.region_chosen.connect(self.session.set_region)
        self.table_page.area_clicked.connect(self.select_area)
        for page in (self.table_page, self.profile_page, self.variation_page):
            page.indicator_activated.connect(self.open_indicator)

    def retranslate_ui(self) -> None:
        self.choices.setTabText(0, _("Areas"))
        self.choices.setTabText(1, _("Indicators"))
        self.views.setTabText(0, _("Table"))
        self.views.setTabText(1, _("Area profile"))
        self.views.setTabText(2, _("Variation"))
        self.views.setTabToolTip(0, _("Areas against each other, indicator by indicator"))
        self.views.setTabToolTip(1, _("One area across every indicator chosen"))
        self.views.setTabToolTip(2, _("Where do the areas differ most?"))
        self.heading.setText(_("Compare areas"))
        self.copy_button.setText(_("Copy"))
        self.copy_button.setToolTip(_("Copy the view as a table or as a picture"))
        self.output.fill_copy_menu(self.copy_menu)
        self.export_button.setText(_("Export"))
        self.output.fill_menu(self.export_menu)
        self.session.language_switched()

    # ------------------------------------------------------------------ reading

    @property
    def view(self) -> str:
        """The view in front: ``table``, ``profile`` or ``variation``."""
        return VIEWS[max(0, self.views.currentIndex())]

    def profile_area(self) -> str:
        """The area the profile shows: the one selected, else my area, else none."""
        current = set(comparison_areas(self.state.registry))
        selected = [key for key in self.state.selection if key in current]
        if len(selected) == 1:
            return selected[0]
        return self.session.my_area if self.session.my_area in current else ""

    def is_ready(self) -> bool:
        """True when the view in front shows the current comparison (for --smoke)."""
        return self.view not in self._stale

    # ------------------------------------------------------------------ changing

    def show_view(self, view: str) -> None:
        """Bring ``view`` (``table``/``compare``, ``profile``, ``variation``) to the front."""
        name = "table" if view == "compare" else view
        self.views.setCurrentIndex(VIEWS.index(name) if name in VIEWS else 0)
        self.refresh()

    def add_box(self, atlas_id: str, box_number: int) -> int:
        """Add a result box's indicators (the box's "Add to comparison"); how many new."""
        return self.session.add_box(atlas_id, box_number)

    def select_area(self, area_id: str) -> None:
        """Select ``area_id`` in the app's state (the profile and every pane follow)."""
        self.state.set_selection(frozenset({area_id}))

    def open_indicator(self, key: str) -> None:
        indicator = self.session.index.get(key) if self.session.index else None
        if indicator is not None:
            self.open_box_requested.emit(indicator.atlas_id, indicator.box)

    def refresh(self) -> None:
        """Lay out the view in front if the comparison changed since it was laid out."""
        view = self.view
        if view not in self._stale or self.session.library is None or not self.isVisible():
            return
        self._stale.discard(view)
        comparison = self.session.comparison()
        if view == "table":
            self.table_page.show_comparison(comparison)
            self.table_page.show_selection(self.state.selection)
        elif view == "profile":
            self.profile_page.show_profile(comparison, self.profile_area())
        elif view == "variation":
            self.variation_page.show_comparison(comparison)
        else:
            self.stats.refresh(view, comparison)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()

    def _on_changed(self) -> None:
        self._stale = set(VIEWS)
        self.refresh()

    def _on_library(self, library: Any) -> None:
        self.session.set_library(library)
        self.areas.set_library(library)
        self.indicators.fill_tree()

    def _on_selection(self, keys: frozenset[str]) -> None:
        self.table_page.show_selection(keys)
        area = self.profile_area()
        if area:
            self.areas.show_members(area)
        if area != self.profile_page.area_id:
            self._stale.add("profile")
            self.refresh()
