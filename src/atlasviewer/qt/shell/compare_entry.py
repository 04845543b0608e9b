"""The window's Compare page: built when first opened, reached from library, toolbar and box.

The library has a "Compare areas…" button, the toolbar and the View menu "Compare areas"
(Ctrl+K), and every result box "Add to comparison".

The workspace (:mod:`atlasviewer.qt.compare`) imports pandas with its first comparison, so it is
built only when the user first asks for it, never on the start-up path
(``tests/test_architecture.py``). Opening an indicator from it opens that result box in the
reader; Back returns from the workspace to where the user was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from atlasviewer import i18n
from atlasviewer.i18n import _

if TYPE_CHECKING:
    from atlasviewer.qt.compare.workspace import CompareWorkspace


class CompareEntry:
    """Builds, shows and feeds the window's comparison workspace.

    Args:
        window: The :class:`~atlasviewer.qt.shell.main_window.MainWindow` (typed loosely: the
            window imports this module, not the other way round).
    """

    def __init__(self, window: Any) -> None:
        self.window = window
        self._workspace: CompareWorkspace | None = None
        window.library_view.compare_requested.connect(lambda: self.show())

    @property
    def built(self) -> CompareWorkspace | None:
        """The workspace if it has been built (never builds it)."""
        return self._workspace

    @property
    def workspace(self) -> CompareWorkspace:
        """The workspace, built (and its stack page added) when first asked for."""
        if self._workspace is None:
            from atlasviewer.qt.compare.workspace import CompareWorkspace

            window = self.window
            workspace = CompareWorkspace(window.state, window.settings, window)
            workspace.open_box_requested.connect(self._open_box)
            window.stack.addWidget(workspace)
            self._workspace = workspace
        return self._workspace

    @property
    def showing(self) -> bool:
        return self._workspace is not None and self.window.stack.currentWidget() is self._workspace

    def show(self, view: str = "", area: str = "", atlas: str = "") -> bool:
        """Show the workspace (on ``view``; ``area`` selected; ``atlas``'s indicators only).

        Returns False, with a message in the status bar, for an area or atlas not known.
        """
        if self._workspace is None:  # the first opening reads every box: ~1-2 s
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                return self._show(view, area, atlas)
            finally:
                QApplication.restoreOverrideCursor()
        return self._show(view, area, atlas)

    def _show(self, view: str, area: str, atlas: str) -> bool:
        window = self.window
        workspace = self.workspace
        if atlas:
            if window.library.get(atlas) is None:
                window.statusBar().showMessage(
                    _("No atlas “{id}” in the library.").format(id=atlas)
                )
                return False
            assert workspace.session.index is not None
            workspace.session.set_keys(
                i.key for i in workspace.session.index.indicators([atlas], headline_only=True)
            )
        if area and not workspace.areas.find_area(area):
            window.statusBar().showMessage(_("No area or municipality called “{name}”.").format(
                name=area))  # fmt: skip
            return False
        window.stack.setCurrentWidget(workspace)
        if view:
            workspace.show_view(view)
        window.setWindowTitle(_("Compare areas – Atlas Viewer"))
        window.menus.library_action.setEnabled(True)
        window.back_action.setEnabled(True)
        return True

    def add_current_box(self) -> int:
        """Add the result box shown in the reader to the comparison, and show the workspace."""
        location = self.window.state.location
        if not location.atlas_id or not location.box:
            return 0
        added = self.workspace.add_box(location.atlas_id, location.box)
        self.show()
        self.workspace.indicators.show_chosen()
        self.workspace.choices.setCurrentIndex(1)
        self.window.statusBar().showMessage(
            i18n.ngettext(
                "Added {count} indicator of result box {number} to the comparison.",
                "Added {count} indicators of result box {number} to the comparison.",
                added,
            ).format(count=added, number=location.box),
            5000,
        )
        return added

    def leave(self) -> bool:
        """Back from the workspace: to the atlas or the library the state is at; True if so."""
        if not self.showing:
            return False
        window = self.window
        if window.state.atlas is not None:
            window.stack.setCurrentWidget(window.reader)
        else:
            window.stack.setCurrentWidget(window.library_view)
        window.retranslate_ui()
        return True

    def _open_box(self, atlas_id: str, number: int) -> None:
        self.window.open_atlas(atlas_id, number)
