"""The viewer window: the library screen and the reader, history, settings.

The window is the coordinator: it owns the pages and the history, and decides which actions
are enabled where the user is. Its menus, actions and toolbar are built and named in
:mod:`atlasviewer.qt.shell.menus`; copying, exporting and printing the figure and creating a
fact sheet live in :mod:`atlasviewer.qt.shell.output_commands`.

The window's stack holds three pages: the library, the reader and the fact-sheet viewer. A
fact sheet opened from an atlas text, from the reader's "Fact sheets" list or from a library
card's "Fact sheets…" list is a place in the history like an atlas page, so Back (Alt+Left)
returns to where the user was. "Create fact sheet…" writes a generated A4 fact sheet for the
selected area of the current atlas and opens it in the viewer.

Pages and dialogs the library screen does not show are built, and their classes imported, when
first needed: PySide6 creates a class's enums when the class is first imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.model import Atlas
from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.library.view import LibraryView
from atlasviewer.qt.shell.language import LanguageManager
from atlasviewer.qt.shell.menus import WindowMenus
from atlasviewer.qt.shell.output_commands import OutputCommands
from atlasviewer.qt.shell.settings import AppSettings, save_settings
from atlasviewer.qt.shell.warmup import Warmup
from atlasviewer.qt.state import AppState

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from atlasviewer.core.factsheet import FactSheetTarget
    from atlasviewer.qt.factsheets.viewer import FactSheetViewer
    from atlasviewer.qt.reader.view import ReaderView

HistoryEntry = tuple[str, int, str]
"""(atlas id or "" for the library, result box number or 0, fact sheet shown or "")."""


class MainWindow(QMainWindow):
    """Library and reader in one window; every view follows the one :class:`AppState`.

    Signals:
        fact_sheet_requested(Path, str): A text asked for a fact sheet (PDF) to be shown.
    """

    fact_sheet_requested = Signal(Path, str)

    def __init__(
        self,
        library: AtlasLibrary,
        state: AppState,
        language: LanguageManager,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        state.set_library(library)
        self.language = language
        self.settings = settings or AppSettings()
        self.history: list[HistoryEntry] = [("", 0, "")]  # the library, where the user starts
        self._navigating_back = False
        self._reader: ReaderView | None = None
        self._viewer: FactSheetViewer | None = None
        self._viewer_page: QWidget | None = None
        self.message_box: QMessageBox | None = None
        self.library_view = LibraryView(self)
        self.library_view.atlas_activated.connect(lambda atlas: self.open_atlas(atlas))
        self.library_view.fact_sheets_requested.connect(self.show_fact_sheet_list)
        self.warmup = Warmup(self)
        self.library_view.cards.painted.connect(self.warmup.start)
        self.fact_sheet_requested.connect(self.show_fact_sheet)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.library_view)
        self.setCentralWidget(self.stack)
        self.hover_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.hover_label, 1)
        self.output_commands = OutputCommands(self)
        self.menus = WindowMenus(self)
        # The menu, actions and language chooser tests and callers reach on the window.
        self.file_menu = self.menus.file_menu
        self.language_actions = self.menus.language_actions
        self.language_combo = self.menus.language_combo
        self.back_action = self.menus.back_action
        self.create_fact_sheet_action = self.menus.create_fact_sheet_action
        from atlasviewer.qt.shell.slide_views import install_presentation

        self.presentation = install_presentation(self)  # the deck, its panel, F5
        self._on_library(library)
        state.library_changed.connect(self._on_library)
        state.atlas_changed.connect(self._on_location_changed)
        state.box_changed.connect(self._on_location_changed)
        translation.register(self)
        self.resize(1280, 800)

    @property
    def library(self) -> AtlasLibrary:
        """The library shown: the state's (every pane reads it there)."""
        library: AtlasLibrary = self.state.library
        return library

    # ------------------------------------------------------------------ language

    def retranslate_ui(self) -> None:
        self._update_viewer_heading()
        self._show_library_problems()
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        atlas = self.state.atlas
        if self._viewer is not None and self.stack.currentWidget() is self._viewer_page:
            self.setWindowTitle(_("{atlas} – Atlas Viewer").format(atlas=self._viewer.title))
        elif atlas is None:
            self.setWindowTitle(_("Atlas Viewer"))
        else:
            title = atlas.title(self.state.content_language)
            self.setWindowTitle(_("{atlas} – Atlas Viewer").format(atlas=title))

    def _update_actions(self) -> None:
        menus = self.menus
        viewing = self.showing_fact_sheet
        box_open = self.state.atlas is not None and self.state.box is not None and not viewing
        menus.export_action.setEnabled(box_open)
        menus.print_action.setEnabled(box_open)
        menus.reset_map_action.setEnabled(box_open)
        # The viewer has its own Copy, Find and Print keys; the window's would make them ambiguous.
        menus.copy_action.setEnabled(not viewing)
        menus.find_action.setEnabled(not viewing)
        menus.back_action.setEnabled(len(self.history) > 1 or viewing)
        menus.library_action.setEnabled(self.stack.currentWidget() is not self.library_view)
        menus.create_fact_sheet_action.setEnabled(self.output_commands.atlas_has_result_boxes())

    def _show_library_problems(self) -> None:
        problems = self.library.root_problems
        if not self.library.atlases:
            text = _("No atlases were found.")
            if problems:
                text += " " + " ".join(f"{p.file}: {p.message}" for p in problems[:3])
            self.library_view.set_notice(text)
        elif problems:
            self.library_view.set_notice(
                i18n.ngettext(
                    "{count} problem with the data folders: {first}",
                    "{count} problems with the data folders: {first}",
                    len(problems),
                ).format(count=len(problems), first=f"{problems[0].file}: {problems[0].message}")
            )
        else:
            self.library_view.set_notice("")

    # ------------------------------------------------------------------ navigation

    @property
    def reader(self) -> ReaderView:
        """The reader, built when first needed (its charts import matplotlib)."""
        if self._reader is None:
            from atlasviewer.qt.shell.panes import build_reader

            self._reader = build_reader(self.state, self)
            self._reader.fact_sheet_requested.connect(self.fact_sheet_requested)
            self._reader.box_view.hover_text_changed.connect(self.hover_label.setText)
            navigation = self._reader.navigation
            navigation.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            navigation.addAction(self.menus.create_fact_sheet_action)
            self.stack.addWidget(self._reader)
        return self._reader

    @property
    def built_reader(self) -> ReaderView | None:
        """The reader if it has been built, else None (unlike :attr:`reader`, never builds it)."""
        return self._reader

    @property
    def fact_sheet_viewer(self) -> FactSheetViewer:
        """The fact-sheet viewer page, built when first needed (QtPdf loads on first use)."""
        if self._viewer is None:
            from atlasviewer.qt.factsheets.viewer import FactSheetViewer

            page = QWidget(self)
            layout = QVBoxLayout(page)
            layout.setContentsMargins(4, 4, 4, 4)
            self.viewer_heading = QLabel(page)
            self.viewer_heading.setTextFormat(Qt.TextFormat.PlainText)
            self.viewer_heading.setStyleSheet("QLabel { font-weight: bold; padding: 4px; }")
            self.viewer_heading.setWordWrap(True)
            layout.addWidget(self.viewer_heading)
            self._viewer = FactSheetViewer(page)
            layout.addWidget(self._viewer, 1)
            self._viewer_page = page
            self.stack.addWidget(page)
        return self._viewer

    @property
    def viewer_page(self) -> QWidget:
        """The stack page holding the viewer and its heading."""
        self.fact_sheet_viewer  # noqa: B018 - builds the page on first use
        assert self._viewer_page is not None
        return self._viewer_page

    @property
    def showing_fact_sheet(self) -> bool:
        return self._viewer_page is not None and self.stack.currentWidget() is self._viewer_page

    def _update_viewer_heading(self) -> None:
        if self._viewer is None or self._viewer.path is None:
            return
        # The title already says what it is ("Fact sheet: St. Olav", "Postmenopausal bleeding").
        title, file = self._viewer.title, self._viewer.path.name
        self.viewer_heading.setText(title if title == file else f"{title}  ·  {file}")

    def open_atlas(self, atlas: Atlas | str, box_number: int = 0) -> bool:
        """Open an atlas (object or library id), at result box ``box_number`` (0: front page)."""
        if isinstance(atlas, str):
            found = self.library.get(atlas)
            if found is None:
                self.statusBar().showMessage(_("No atlas “{id}” in the library.").format(id=atlas))
                return False
            atlas = found
        reader = self.reader
        was_elsewhere = self.stack.currentWidget() is not reader
        self.stack.setCurrentWidget(reader)
        same_atlas = atlas is self.state.atlas
        self.state.set_atlas(atlas)
        if box_number:
            variant = self.state.variant
            boxes = variant.result_boxes if variant is not None else []
            box = next((b for b in boxes if b.number == box_number), None)
            if box is None:
                self.statusBar().showMessage(
                    _("The atlas has no result box {number}.").format(number=box_number)
                )
            self.state.set_box(box)
        if was_elsewhere and same_atlas:
            self._on_location_changed()  # back from the viewer to the same atlas: no signal
        self._update_actions()
        return True

    def show_library(self) -> None:
        self.state.set_atlas(None)
        self.stack.setCurrentWidget(self.library_view)
        self.library_view.cards.setFocus()
        self._on_location_changed()

    def current_location(self) -> HistoryEntry:
        """Where the user is: atlas id ("" in the library), box number, fact sheet shown."""
        sheet = str(self._viewer.path) if self.showing_fact_sheet and self._viewer else ""
        if self.state.atlas is None or self.stack.currentWidget() is self.library_view:
            return ("", 0, sheet)
        box = self.state.box
        return (self.library.atlas_id(self.state.atlas), box.number if box else 0, sheet)

    def _on_location_changed(self, *_args: object) -> None:
        location = self.current_location()
        if not self._navigating_back and (not self.history or self.history[-1] != location):
            self.history.append(location)
        self._update_title()
        self._update_actions()

    def show_fact_sheet(self, path: Path, title: str = "") -> bool:
        """Show a PDF in the window's viewer; Back returns to where the user was.

        A file that cannot be shown (never published, damaged) gives the viewer's message in
        place of the pages, naming the file. Returns True when the pages are shown.
        """
        viewer = self.fact_sheet_viewer
        shown = viewer.open_pdf(path, title)
        self.stack.setCurrentWidget(self.viewer_page)
        viewer.view.setFocus()
        self._update_viewer_heading()
        self._on_location_changed()
        return shown

    def show_fact_sheet_list(self, atlas: Atlas) -> None:
        """The fact sheets ``atlas`` links to, in a dialog; choosing one opens it in the viewer."""
        from atlasviewer.qt.factsheets.actions import FactSheetsDialog

        lang = atlas.variant(i18n.current_language()).lang if atlas.variants else ""
        dialog = FactSheetsDialog(atlas, lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fact_sheet_requested.connect(self.show_fact_sheet)
        self.fact_sheets_dialog = dialog
        dialog.open()

    def create_fact_sheet(
        self, path: Path | None = None, target: FactSheetTarget | None = None
    ) -> Path | None:
        """Write and show a fact sheet: :meth:`OutputCommands.create_fact_sheet`."""
        return self.output_commands.create_fact_sheet(path, target)

    def go_back(self) -> None:
        """Return to where the user was before (Alt+Left)."""
        current = self.current_location()
        while self.history and self.history[-1] == current:
            self.history.pop()
        if not self.history:
            self._update_actions()
            return
        atlas_id, box_number, sheet = self.history[-1]
        self._navigating_back = True
        try:
            if sheet:
                if not atlas_id and self.state.atlas is not None:
                    self.show_library()
                elif atlas_id and self.current_location()[:2] != (atlas_id, box_number):
                    self.open_atlas(atlas_id, box_number)
                viewer = self.fact_sheet_viewer
                if viewer.path is None or str(viewer.path) != sheet:
                    viewer.open_pdf(sheet, "")
                self.stack.setCurrentWidget(self.viewer_page)
                self._update_viewer_heading()
            elif not atlas_id:
                self.show_library()
            elif (
                self.state.atlas is not None and self.library.atlas_id(self.state.atlas) == atlas_id
            ):
                reader = self.reader
                showing = self.stack.currentWidget() is reader
                self.stack.setCurrentWidget(reader)
                shown_box = self.state.box.number if self.state.box else 0
                # Back from the viewer to the page it was opened from: leave that page as it was
                # (chapter, fact-sheet list, scroll position) rather than re-opening the box.
                if showing or shown_box != box_number:
                    reader._open_box_number(box_number) if box_number else reader.show_front_page()
            else:
                self.open_atlas(atlas_id, box_number)
        finally:
            self._navigating_back = False
        self._update_title()
        self._update_actions()

    # ------------------------------------------------------------------ actions

    def find_atlas(self) -> None:
        """Ctrl+F: the library's search field (QWidget.find is Qt's, so not that name)."""
        if self.stack.currentWidget() is not self.library_view:
            self.show_library()
        self.library_view.focus_search()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.menus.full_screen_action.setChecked(self.isFullScreen())

    def reset_map(self) -> None:
        if self._reader is not None:
            self._reader.box_view.reset_map()

    def open_data_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        folder = QFileDialog.getExistingDirectory(self, _("Open data folder"))
        if not folder:
            return
        roots = [*self.library.roots, Path(folder)]
        library = AtlasLibrary(roots, self.library.registry)
        new_problems = [p for p in library.root_problems if p.file == str(Path(folder))]
        if new_problems:
            QMessageBox.warning(
                self,
                _("Open data folder"),
                "\n".join(f"{p.file}: {p.message}" for p in new_problems),
            )
            return
        self.state.set_library(library)
        if folder not in self.settings.data_folders:
            self.settings.data_folders.append(folder)
        self.show_library()

    def _on_library(self, library: AtlasLibrary) -> None:
        self.library_view.set_atlases(library.atlases)
        self._show_library_problems()

    def show_about(self) -> None:
        from atlasviewer.qt.shell.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.exec()

    # ------------------------------------------------------------------ settings

    def restore_from(self, settings: AppSettings) -> None:
        """Window geometry, last atlas and box, and selection from the last run."""
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromHex(settings.window_geometry.encode()))
        if settings.window_state:
            self.restoreState(QByteArray.fromHex(settings.window_state.encode()))
        if settings.selection:
            self.state.set_selection(settings.selection)
        if settings.last_atlas and self.library.get(settings.last_atlas) is not None:
            self.open_atlas(settings.last_atlas, settings.last_box)
        if settings.full_screen:
            self.showFullScreen()

    def store_into(self, settings: AppSettings) -> AppSettings:
        settings.window_geometry = bytes(self.saveGeometry().toHex().data()).decode()
        settings.window_state = bytes(self.saveState().toHex().data()).decode()
        settings.full_screen = self.isFullScreen()
        settings.language = i18n.current_language()
        atlas_id, box_number, _sheet = self.current_location()
        settings.last_atlas = atlas_id
        settings.last_box = box_number
        settings.selection = sorted(self.state.selection)
        return settings

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        try:
            save_settings(self.store_into(self.settings))
        except OSError as exc:
            self.statusBar().showMessage(_("Settings not saved: {error}").format(error=exc))
        super().closeEvent(event)
