"""The window's own commands: open a data folder, search atlases, full screen, reset map, about.

Kept apart from :mod:`~.main_window` as :mod:`~.output_commands` is: each is a slot of a menu
action that acts on the window; the window owns the pages and the state they change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.i18n import _


class WindowCommands:
    """Open data folder, Search atlases, Full screen, Reset map and About for the window.

    Args:
        window: The :class:`~atlasviewer.qt.shell.main_window.MainWindow` the commands act on
            (typed loosely: the window imports this module, not the other way round).
    """

    def __init__(self, window: Any) -> None:
        self.window = window

    def find_atlas(self) -> None:
        """Ctrl+F: the library's search field (QWidget.find is Qt's, so not that name)."""
        window = self.window
        if window.stack.currentWidget() is not window.library_view:
            window.show_library()
        window.library_view.focus_search()

    def toggle_full_screen(self) -> None:
        window = self.window
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()
        window.menus.full_screen_action.setChecked(window.isFullScreen())

    def reset_map(self) -> None:
        window = self.window
        if window.built_reader is not None:
            window.built_reader.box_view.reset_map()

    def open_data_folder(self) -> None:
        """Add a folder of atlases to the library; every pane then reads the new library."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        window = self.window
        folder = QFileDialog.getExistingDirectory(window, _("Open data folder"))
        if not folder:
            return
        roots = [*window.library.roots, Path(folder)]
        library = AtlasLibrary(roots, window.library.registry)
        new_problems = [p for p in library.root_problems if p.file == str(Path(folder))]
        if new_problems:
            QMessageBox.warning(
                window,
                _("Open data folder"),
                "\n".join(f"{p.file}: {p.message}" for p in new_problems),
            )
            return
        window.state.set_library(library)
        if folder not in window.settings.data_folders:
            window.settings.data_folders.append(folder)
        window.show_library()

    def show_about(self) -> None:
        from atlasviewer.qt.shell.about_dialog import AboutDialog

        dialog = AboutDialog(self.window)
        dialog.exec()
