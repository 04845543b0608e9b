"""The PDF viewer's actions and its two toolbars: pages and zoom; search, copy, print, open.

Kept apart from :mod:`~.viewer` because the chrome is a piece of its own: which actions exist,
their keys and texts, and where they sit. The viewer and its collaborators (the zoom, the search
bar) do what the actions say.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSpinBox, QToolBar

from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.factsheets.search_bar import PdfSearchBar
from atlasviewer.qt.factsheets.zoom import ZoomControl


class ViewerBars:
    """The actions and toolbars of a :class:`~.viewer.FactSheetViewer`.

    Args:
        viewer: The viewer the actions belong to (their shortcuts work inside it only) and
            whose page, copy, print and open methods they call.
    """

    def __init__(self, viewer: Any) -> None:
        self.viewer = viewer
        self._create_actions()
        self.toolbar = self._page_bar()
        self.search_toolbar = self._search_bar()
        self.zoom = ZoomControl(
            viewer.view, self.zoom_label, self.fit_width_action, self.fit_page_action
        )
        self.zoom_in_action.triggered.connect(self.zoom.zoom_in)
        self.zoom_out_action.triggered.connect(self.zoom.zoom_out)
        self.fit_width_action.triggered.connect(self.zoom.fit_width)
        self.fit_page_action.triggered.connect(self.zoom.fit_page)
        self.find_action.triggered.connect(self.search_bar.focus_search)
        self.next_hit_action.triggered.connect(self.search_bar.next_hit)
        self.previous_hit_action.triggered.connect(self.search_bar.previous_hit)
        translation.register(self, owner=viewer)

    def _create_actions(self) -> None:
        viewer = self.viewer

        def action(slot: Any, *shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
            act = QAction(viewer)
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
            # Shortcuts work wherever the focus is inside the viewer, and only there, so that a
            # viewer docked in the main window does not steal the window's own keys.
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if slot is not None:
                act.triggered.connect(slot)
            viewer.addAction(act)
            return act

        keys = QKeySequence.StandardKey
        self.previous_page_action = action(viewer.previous_page, keys.MoveToPreviousPage)
        self.next_page_action = action(viewer.next_page, keys.MoveToNextPage)
        self.zoom_in_action = action(None, keys.ZoomIn, "Ctrl+=")
        self.zoom_out_action = action(None, keys.ZoomOut)
        self.fit_width_action = action(None, "Ctrl+1")
        self.fit_page_action = action(None, "Ctrl+2")
        for act in (self.fit_width_action, self.fit_page_action):
            act.setCheckable(True)
        self.find_action = action(None, keys.Find)
        self.next_hit_action = action(None, keys.FindNext)
        self.previous_hit_action = action(None, keys.FindPrevious)
        self.copy_action = action(viewer.copy_page_text, keys.Copy)
        self.print_action = action(viewer.print_document, keys.Print)
        self.open_external_action = action(viewer.open_in_system_viewer)

    def _page_bar(self) -> QToolBar:
        """Pages and zoom, the first of two rows.

        In one row with the search they needed ~1,370 px in bokmål: at a projector's 1,280 px or
        less, print and copy fell into the toolbar's overflow menu.
        """
        viewer = self.viewer
        bar = QToolBar(viewer)
        bar.addAction(self.previous_page_action)
        self.page_box = QSpinBox(bar)
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: viewer.go_to_page(value - 1))
        bar.addWidget(self.page_box)
        self.page_count_label = QLabel(bar)
        bar.addWidget(self.page_count_label)
        bar.addAction(self.next_page_action)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        self.zoom_label = QLabel(bar)
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        bar.addAction(self.fit_width_action)
        bar.addAction(self.fit_page_action)
        return bar

    def _search_bar(self) -> QToolBar:
        """Search with its hits, then what is done with the sheet: copy, print, open elsewhere."""
        viewer = self.viewer
        bar = QToolBar(viewer)
        self.search_bar = PdfSearchBar(viewer.view, viewer.search_model, bar)
        bar.addWidget(self.search_bar)
        bar.addAction(self.previous_hit_action)
        bar.addAction(self.next_hit_action)
        bar.addSeparator()
        bar.addAction(self.copy_action)
        bar.addAction(self.print_action)
        bar.addAction(self.open_external_action)
        return bar

    def retranslate_ui(self) -> None:
        """Action texts and tooltips (with their keys) in the UI language."""
        self.previous_page_action.setText(_("Previous page"))
        self.next_page_action.setText(_("Next page"))
        self.zoom_in_action.setText(_("Zoom in"))
        self.zoom_out_action.setText(_("Zoom out"))
        self.fit_width_action.setText(_("Fit width"))
        self.fit_page_action.setText(_("Fit page"))
        self.find_action.setText(_("Find"))
        self.next_hit_action.setText(_("Next hit"))
        self.previous_hit_action.setText(_("Previous hit"))
        self.copy_action.setText(_("Copy page text"))
        self.print_action.setText(_("Print…"))
        self.open_external_action.setText(_("Open in system viewer"))
        for act in self.viewer.actions():
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{act.text()} ({keys})" if keys else act.text())
        self.page_box.setToolTip(_("Page number"))

    def set_enabled(self, enabled: bool) -> None:
        """Every action, the page number and the search field, for a document shown or not."""
        for act in self.viewer.actions():
            act.setEnabled(enabled)
        self.page_box.setEnabled(enabled)
        self.search_bar.search_field.setEnabled(enabled)
