"""The window's layout at small sizes and full screen: the navigation pane gives way.

View > Navigation pane (F9) shows or hides the reader's chapter list; in full screen it is
hidden (and comes back when full screen is left, if it was shown). Below 1,200 px the pane
starts narrower (200 px instead of 260), so that at 1024x768 the map and the chart keep their
room; its splitter handle still moves it. Below the size at which map and chart can be read,
they scroll (the result box view sets their minimum sizes).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
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
        if self._sized_for is not reader and self.window.width() > 0:
            narrow = self.window.width() < NARROW_WINDOW_PX
            width = NAVIGATION_PX[0] if narrow else NAVIGATION_PX[1]
            reader.splitter.setSizes([width, max(1, self.window.width() - width)])
            self._sized_for = reader

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.WindowStateChange:
            self.apply()
        return False
