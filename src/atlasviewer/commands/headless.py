"""Qt for the headless commands: offscreen when there is no display, with the bundled font.

``export`` and ``factsheet`` draw with Qt (the map scene, PDF text) but have no window. Without a
display Qt paints offscreen; on a machine without system fonts (a bare installation) text would
be empty boxes unless the bundled font is registered, as the window does at start.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def use_headless_backends() -> None:
    """No display: Qt paints offscreen; matplotlib never needs a GUI backend here."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def headless_application() -> Any:
    """The QApplication (not QGuiApplication: the map scene is a QGraphicsScene), fonts loaded."""
    use_headless_backends()
    from PySide6.QtWidgets import QApplication

    from atlasviewer.qt.shell.fonts import register_bundled_fonts

    app = QApplication.instance() or QApplication([sys.argv[0]])
    register_bundled_fonts()
    return app
