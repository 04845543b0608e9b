"""The viewer window: the library screen and the reader, history, settings.

The window is the coordinator: it owns the pages and decides which actions are enabled where
the user is; where the user is, and the history Back goes through, the state holds (the stack
follows the state's atlas and fact sheet). Its menus, actions and toolbar are built and named in
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

from PySide6.QtCore import Qt, Signal
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
from atlasviewer.qt.shell.compare_entry import CompareEntry
from atlasviewer.qt.shell.language import LanguageManager
from atlasviewer.qt.shell.menus import WindowMenus
from atlasviewer.qt.shell.output_commands import OutputCommands
from atlasviewer.qt.shell.session import store_window
from atlasviewer.qt.shell.settings import AppSettings, save_settings
from atlasviewer.qt.shell.warmup import Warmup
from atlasviewer.qt.shell.window_commands import WindowCommands
from atlasviewer.qt.state import AppState

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from atlasviewer.core.factsheet import FactSheetTarget
    from atlasviewer.qt.factsheets.viewer import FactSheetViewer
    from atlasviewer.qt.reader.view import ReaderView


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
        self._reader: ReaderView | None = None
        self._viewer: FactSheetViewer | None = None
        self._viewer_page: QWidget | None = None
        self.message_box: QMessageBox | None = None
        self.library_view = LibraryView(self)
        self.library_view.atlas_activated.connect(lambda atlas: self.open_atlas(atlas))
        self.library_view.box_activated.connect(self.open_atlas)
        self.library_view.fact_sheets_requested.connect(self.show_fact_sheet_list)
        self.warmup = Warmup(self)
        self.library_view.cards.painted.connect(self.warmup.start)
        self.fact_sheet_requested.connect(self.show_fact_sheet)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.library_view)
        self.setCentralWidget(self.stack)
        self.hover_label = QLabel(self)
        # No stretch: a stretched permanent label took the whole bar, and the bar's own
        # messages (what a click did, "Saved …") were set but never seen.
        self.statusBar().addPermanentWidget(self.hover_label)
        # A click that changes the selection says what it did: unselecting an area by
        # clicking it again left no trace before.
        state.selection_explained.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.output_commands = OutputCommands(self)
        self.commands = WindowCommands(self)
        self.menus = WindowMenus(self)
        # The menu, actions and language chooser tests and callers reach on the window.
        self.file_menu = self.menus.file_menu
        self.language_actions = self.menus.language_actions
        self.language_combo = self.menus.language_combo
        self.back_action = self.menus.back_action
        self.create_fact_sheet_action = self.menus.create_fact_sheet_action
        from atlasviewer.qt.shell.slide_views import install_presentation

        self.presentation = install_presentation(self)  # the deck, its panel, F5
        from atlasviewer.qt.shell.layout import WindowLayout

        self.layout_commands = WindowLayout(self)  # the navigation pane: F9, full screen
        from atlasviewer.qt.shell.export_dialog import ExportCommand

        self.export_command = ExportCommand(self)  # File > Export…, with progress
        self.compare = CompareEntry(self)
        self._on_library(library)
        state.library_changed.connect(self._on_library)
        state.atlas_changed.connect(self._on_location_changed)
        state.box_changed.connect(self._on_location_changed)
        state.sheet_changed.connect(self._on_sheet)
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
        if self.compare.showing:
            self.compare.show()  # its title and Back

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
        menus.back_action.setEnabled(len(self.state.history) > 1 or viewing)
        menus.library_action.setEnabled(self.stack.currentWidget() is not self.library_view)
        menus.create_fact_sheet_action.setEnabled(self.output_commands.atlas_has_result_boxes())

    def _show_library_problems(self) -> None:
        self.library_view.set_notice(library_notice(self.library))

    # ------------------------------------------------------------------ navigation

    @property
    def reader(self) -> ReaderView:
        """The reader, built when first needed (its charts import matplotlib)."""
        if self._reader is None:
            from atlasviewer.qt.shell.panes import build_reader

            self._reader = build_reader(self.state, self)
            self._reader.fact_sheet_requested.connect(self.fact_sheet_requested)
            self._reader.box_view.hover_text_changed.connect(self.hover_label.setText)
            self._reader.box_view.compare_requested.connect(self.compare.add_current_box)
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
        reader = self.reader  # built before the state moves, so that it follows the move
        self.state.set_sheet("", record=False)
        self.stack.setCurrentWidget(reader)
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
        self._on_location_changed()  # back from the viewer to the same place: no signal
        return True

    def show_library(self) -> None:
        self.state.set_sheet("", record=False)
        self.state.set_atlas(None)
        self.stack.setCurrentWidget(self.library_view)
        self.library_view.cards.setFocus()
        self._on_location_changed()

    def _on_location_changed(self, *_args: object) -> None:
        self.state.record_location()
        self._update_title()
        self._update_actions()

    def _on_sheet(self, sheet: str) -> None:
        """The stack follows the state: the viewer while a sheet is shown, else atlas or library."""
        if sheet:
            viewer = self.fact_sheet_viewer
            if viewer.path is None or str(viewer.path) != sheet:
                viewer.open_pdf(sheet, "")
            self.stack.setCurrentWidget(self.viewer_page)
            self._update_viewer_heading()
        elif self.state.atlas is not None:
            self.stack.setCurrentWidget(self.reader)
        else:
            self.stack.setCurrentWidget(self.library_view)
            self.library_view.cards.setFocus()
        self._update_title()
        self._update_actions()

    def show_fact_sheet(self, path: Path, title: str = "") -> bool:
        """Show a PDF in the window's viewer; Back returns to where the user was.

        A file that cannot be shown (never published, damaged) gives the viewer's message in
        place of the pages, naming the file. Returns True when the pages are shown.
        """
        viewer = self.fact_sheet_viewer
        shown = viewer.open_pdf(path, title)
        self.state.set_sheet(str(path))
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
        """Return to where the user was before (Alt+Left): the state moves, the stack follows."""
        if self.compare.leave():
            return
        if self.state.go_back() and not self.state.sheet:
            self._on_sheet("")
        self._update_title()
        self._update_actions()

    def _on_library(self, library: AtlasLibrary) -> None:
        self.library_view.set_atlases(library.atlases)
        self._show_library_problems()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        try:
            save_settings(store_window(self, self.settings))
        except OSError as exc:
            self.statusBar().showMessage(_("Settings not saved: {error}").format(error=exc))
        super().closeEvent(event)


def library_notice(library: AtlasLibrary) -> str:
    """What the library screen says about its data folders: no atlases, or their problems."""
    problems = library.root_problems
    if not library.atlases:
        text = _("No atlases were found.")
        if problems:
            text += " " + " ".join(f"{p.file}: {p.message}" for p in problems[:3])
        return text
    if problems:
        return i18n.ngettext(
            "{count} problem with the data folders: {first}",
            "{count} problems with the data folders: {first}",
            len(problems),
        ).format(count=len(problems), first=f"{problems[0].file}: {problems[0].message}")
    return ""
