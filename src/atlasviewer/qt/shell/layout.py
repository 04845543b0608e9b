"""The window's layout at small sizes and full screen: the navigation pane gives way.

View > Navigation pane (F9) shows or hides the reader's chapter list; in full screen it is
hidden (and comes back when full screen is left, if it was shown). Below 1,200 px the pane
starts narrower (200 px instead of 260), so that at 1024x768 the map and the chart keep their
room; its splitter handle still moves it. Below the size at which map and chart can be read,
they scroll (the result box view sets their minimum sizes).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from atlasviewer.i18n import _
from atlasviewer.qt import translation

NARROW_WINDOW_PX = 1200
NAVIGATION_PX = (200, 260)
"""The navigation pane's starting width in a narrow window, and in a wide one."""


class WindowLayout(QObject):
    """The navigation pane's toggle and its place in full screen, for a main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.wanted = True
        self._sized_for: Any = None
        self.user_moved = False
        self._fitting = False
        self.action = QAction(window)
        self.action.setCheckable(True)
        self.action.setChecked(True)
        self.action.setShortcut(QKeySequence("F9"))
        self.action.triggered.connect(self.set_wanted)
        window.addAction(self.action)
        menus = window.menus
        menus.view_menu.insertAction(menus.full_screen_action, self.action)
        window.installEventFilter(self)
        window.state.atlas_changed.connect(lambda _atlas: self.apply())
        translation.register(self, owner=window)

    def retranslate_ui(self) -> None:
        self.action.setText(_("&Navigation pane"))
        self.action.setToolTip(_("Show or hide the list of chapters (F9)"))

    def set_wanted(self, shown: bool) -> None:
        """The user's choice: show the pane (outside full screen) or not."""
        self.wanted = bool(shown)
        self.apply()

    @property
    def navigation_shown(self) -> bool:
        return self.wanted and not self.window.isFullScreen()

    def apply(self) -> None:
        """Show or hide the pane as chosen; give it its starting width the first time."""
        reader = self.window.built_reader
        self.action.setChecked(self.wanted)
        if reader is None:
            return
        reader.navigation.setVisible(self.navigation_shown)
        if self._sized_for is not reader:
            self._sized_for = reader
            self.user_moved = False
            reader.splitter.splitterMoved.connect(self._on_moved)
        self._fit_navigation()

    def _on_moved(self, *_args: object) -> None:
        if not self._fitting:
            self.user_moved = True

    def _fit_navigation(self) -> None:
        """The pane's width for the window's, until the user drags its handle."""
        reader = self.window.built_reader
        if reader is None or self.user_moved or self.window.width() <= 0:
            return
        narrow = self.window.width() < NARROW_WINDOW_PX
        width = NAVIGATION_PX[0] if narrow else NAVIGATION_PX[1]
        sizes = reader.splitter.sizes()
        if sizes and sizes[0] not in (0, width):
            self._fitting = True
            reader.splitter.setSizes([width, max(1, sum(sizes) - width)])
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.WindowStateChange:
            self.apply()
        elif watched is self.window and event.type() == QEvent.Type.Resize:
            # After the resize is done: a splitter moved inside the window's resize left the
            # map fitted for the size before (seen under a window manager, not offscreen).
            QTimer.singleShot(0, self._fit_navigation)
        return False
