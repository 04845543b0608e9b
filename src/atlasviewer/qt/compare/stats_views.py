"""The Trend, Funnel and Two indicators views, plugged into the comparison workspace.

:class:`StatsViews` adds the three pages (:mod:`.trend_page`, :mod:`.funnel_page`,
:mod:`.scatter_page`) as tabs after the workspace's own, selects in the app's state the area
of a clicked point, follows the selection when a page is in front, and gives the workspace's
Export menu and Copy button what they do for these views: the chart as PNG, SVG or PDF, its
table as CSV or XLSX (as ``atlasviewer compare --view`` writes them), and the picture with
the finding in words as text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from atlasviewer.core.compare.stats_views import STATS_VIEW_TITLES, STATS_VIEWS
from atlasviewer.i18n import N_, _
from atlasviewer.qt import translation
from atlasviewer.qt.compare.funnel_page import FunnelPage
from atlasviewer.qt.compare.scatter_page import ScatterPage
from atlasviewer.qt.compare.stats_page import StatsPage
from atlasviewer.qt.compare.trend_page import TrendPage

TOOLTIPS = {
    "trend": N_("The selected areas over the years, against Norway"),
    "funnel": N_("Each area's rate against its population, with control limits"),
    "scatter": N_("One indicator against another over the areas they share"),
}
KINDS = (
    ("png", N_("Chart as PNG…")),
    ("svg", N_("Chart as SVG…")),
    ("pdf", N_("Chart as PDF…")),
    ("csv", N_("Table of this view as CSV…")),
    ("xlsx", N_("Table of this view as Excel…")),
)


class StatsViews:
    """The three statistics pages of a workspace (typed loosely: the workspace builds this).

    Args:
        workspace: The :class:`~atlasviewer.qt.compare.workspace.CompareWorkspace`.
    """

    def __init__(self, workspace: Any) -> None:
        self.workspace = workspace
        self.pages: dict[str, StatsPage] = {
            "trend": TrendPage(workspace),
            "funnel": FunnelPage(workspace),
            "scatter": ScatterPage(workspace),
        }
        for page in self.pages.values():
            workspace.views.addTab(page, "")
            page.area_clicked.connect(workspace.select_area)
        self.last_error = ""
        workspace.state.selection_changed.connect(lambda _keys: self.follow_selection())
        workspace.views.currentChanged.connect(lambda _index: self.follow_selection())
        workspace.export_menu.aboutToShow.connect(self._fill_menu)
        copy_menu = getattr(workspace, "copy_menu", None)
        if copy_menu is not None:
            copy_menu.aboutToShow.connect(self._fill_copy_menu)
        translation.register(self, owner=workspace)

    def retranslate_ui(self) -> None:
        views = self.workspace.views
        for name, page in self.pages.items():
            index = views.indexOf(page)
            views.setTabText(index, _(STATS_VIEW_TITLES[name]))
            views.setTabToolTip(index, _(TOOLTIPS[name]))

    @property
    def current(self) -> StatsPage | None:
        """The statistics page in front, None when another view is."""
        page = self.workspace.views.currentWidget()
        return page if isinstance(page, StatsPage) else None

    def refresh(self, view: str, comparison: Any) -> None:
        """Lay out ``view``'s page for a new comparison."""
        workspace = self.workspace
        self.pages[view].show_comparison(
            comparison, frozenset(workspace.state.selection), workspace.profile_area()
        )

    def follow_selection(self) -> None:
        page = self.current
        if page is not None and page.indicators:
            workspace = self.workspace
            page.show_selection(frozenset(workspace.state.selection), workspace.profile_area())

    # ------------------------------------------------------------------ out

    def _fill_menu(self) -> None:
        menu: QMenu = self.workspace.export_menu
        if self.current is None:
            self.workspace.output.fill_menu(menu)
            return
        menu.clear()
        for kind, text in KINDS:
            action = QAction(_(text), menu)
            action.triggered.connect(lambda _checked=False, k=kind: self.export(k))
            menu.addAction(action)

    def _fill_copy_menu(self) -> None:
        menu: QMenu = self.workspace.copy_menu
        if self.current is None:
            self.workspace.output.fill_copy_menu(menu)
            return
        menu.clear()
        both = QAction(_("Copy the chart with its finding"), menu)
        both.triggered.connect(lambda _checked=False: self.copy())
        text = QAction(_("Copy the finding as text"), menu)
        text.triggered.connect(lambda _checked=False: self.copy_finding())
        menu.addAction(both)
        menu.addAction(text)

    def copy_finding(self) -> str:
        """Copy the finding of the page in front as plain text."""
        from PySide6.QtGui import QGuiApplication

        page = self.current
        found = page.finding.text() if page is not None else ""
        QGuiApplication.clipboard().setText(found)
        return found

    def export(self, kind: str, path: Path | str | None = None) -> Path | None:
        """Write the page in front as ``kind``; asks where without ``path``. None if not."""
        page = self.current
        if page is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self.workspace, _("Export comparison"), f"{page.view}.{kind}", f"*.{kind}"
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.casefold() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = page.export(kind, target)
        except (OSError, ValueError) as exc:
            self.last_error = _("Could not write {path}: {error}").format(path=target, error=exc)
            if path is None:
                QMessageBox.warning(self.workspace, _("Export comparison"), self.last_error)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.last_error = ""
        return written

    def copy(self) -> str:
        """Copy the page in front: its picture, and the finding as text."""
        page = self.current
        return page.copy() if page is not None else ""


__all__ = ["STATS_VIEWS", "StatsViews"]
