"""The window's place between runs: geometry, last atlas and box, selection, language.

Read from :class:`~.settings.AppSettings` at start and written back into them on close.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray

from atlasviewer import i18n
from atlasviewer.qt.shell.settings import AppSettings


def restore_window(window: Any, settings: AppSettings) -> None:
    """Window geometry, last atlas and box, and selection from the last run."""
    if settings.window_geometry:
        window.restoreGeometry(QByteArray.fromHex(settings.window_geometry.encode()))
    if settings.window_state:
        window.restoreState(QByteArray.fromHex(settings.window_state.encode()))
    if settings.selection:
        window.state.set_selection(settings.selection)
    if settings.last_atlas and window.library.get(settings.last_atlas) is not None:
        window.open_atlas(settings.last_atlas, settings.last_box)
    if settings.full_screen:
        window.showFullScreen()


def store_window(window: Any, settings: AppSettings) -> AppSettings:
    """Write where the window is into ``settings`` (and return them)."""
    settings.window_geometry = bytes(window.saveGeometry().toHex().data()).decode()
    settings.window_state = bytes(window.saveState().toHex().data()).decode()
    settings.full_screen = window.isFullScreen()
    settings.language = i18n.current_language()
    atlas_id, box_number, _sheet = window.state.location
    settings.last_atlas = atlas_id
    settings.last_box = box_number
    settings.selection = sorted(window.state.selection)
    return settings
