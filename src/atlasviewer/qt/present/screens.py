"""Presentation > Present on screen: which screen presentation mode fills (a projector).

The screens are listed when the menu opens (a projector plugged in later is there), each by its
name and size; without a choice, presentation mode fills the screen the window is on.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget


class ScreenMenu(QMenu):
    """The screens to present on; :meth:`chosen` is the one picked (by name)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.screen_name = ""
        self.aboutToShow.connect(self.fill)

    def chosen(self, fallback: QScreen) -> QScreen:
        """The screen picked, else ``fallback`` (also when the picked one was unplugged)."""
        for screen in QGuiApplication.screens():
            if screen.name() == self.screen_name:
                return screen
        return fallback

    def choose(self, name: str) -> None:
        self.screen_name = name

    def fill(self) -> None:
        """One entry a screen: its name and size, the chosen one checked."""
        self.clear()
        parent = self.parentWidget()
        primary = QGuiApplication.primaryScreen()
        chosen = self.chosen(parent.screen() if parent is not None else primary)
        for screen in QGuiApplication.screens():
            name, size = screen.name(), screen.size()
            act = self.addAction(f"{name} ({size.width()}×{size.height()})")
            act.setCheckable(True)
            act.setChecked(screen is chosen)
            act.triggered.connect(lambda _checked=False, n=name: self.choose(n))
