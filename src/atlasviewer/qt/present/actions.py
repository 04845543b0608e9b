"""The presentation commands of the window: add a view to the deck, present, open and save decks.

Plugged into the window by the shell (:func:`atlasviewer.qt.shell.slide_views.install_presentation`)
with the two things only the shell knows: which view the user is looking at, and how to build
the live view of a slide. This module adds its actions to the window's menus and toolbar:
"Add to presentation" (Ctrl+D), "Start presentation" (F5), "Present current view" (Shift+F5),
the deck's New / Open / Save / Save as and the recent decks in the File menu, and the panel
that lists the slides.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from atlasviewer import i18n
from atlasviewer.core.deck import DECK_SUFFIX, Slide
from atlasviewer.core.deck_views import resolve
from atlasviewer.i18n import _
from atlasviewer.qt import theme, translation
from atlasviewer.qt.present.controller import DeckController
from atlasviewer.qt.present.panel import DeckPanel
from atlasviewer.qt.present.presentation import PresentationView
from atlasviewer.qt.present.screens import ScreenMenu
from atlasviewer.qt.present.slide import ViewFactory

PANEL_PX = (210, 280)
"""The slides panel's starting width in a window narrower than :data:`NARROW_WINDOW_PX`, else."""
NARROW_WINDOW_PX = 1200


class PresentActions(QObject):
    """The deck, its panel and presentation mode for a main window.

    Args:
        window: The main window (menus, toolbar, state, settings, status bar). Typed loosely:
            the shell imports this package, not the other way round.
        make_view: Builds a slide's live view.
        current_slide: The slide for the view the user is looking at (None when none).
    """

    def __init__(
        self,
        window: Any,
        make_view: ViewFactory,
        current_slide: Callable[[], Slide | None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.make_view = make_view
        self.current_slide = current_slide
        self.controller = DeckController(window.state, window.settings.recent_decks, self)
        self.panel = DeckPanel(self.controller, window)
        self.panel.hide()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.present_requested.connect(self.present)
        self.presentation: PresentationView | None = None
        self.messages: list[str] = []
        self._create_actions()
        self._add_to_menus()
        self.controller.recent_changed.connect(self._fill_recent)
        self.controller.changed.connect(self.update_actions)
        window.state.box_changed.connect(lambda _box: self.update_actions())
        window.state.library_changed.connect(lambda _library: self.panel.refresh())
        translation.register(self, owner=window)
        if self.projector_action.isChecked() or self.colour_blind_action.isChecked():
            self.apply_theme()

    def _create_actions(self) -> None:
        window = self.window

        def action(shortcut: Any, slot: Callable[[], object]) -> QAction:
            act = QAction(window)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())
            window.addAction(act)
            return act

        self.add_action = action("Ctrl+D", self.add_current_view)
        self.start_action = action("F5", lambda: self.present(0))
        self.present_view_action = action("Shift+F5", self.present_current_view)
        self.new_action = action(None, self.new_deck)
        self.open_action = action("Ctrl+Shift+O", self.open_deck)
        self.save_action = action(QKeySequence.StandardKey.Save, self.save_deck)
        self.save_as_action = action(None, lambda: self.save_deck(ask=True))
        self.panel_action = self.panel.toggleViewAction()
        self.projector_action = action(None, self.apply_theme)
        self.projector_action.setCheckable(True)
        self.projector_action.setChecked(window.settings.projector_theme)
        self.colour_blind_action = action(None, self.apply_theme)
        self.colour_blind_action.setCheckable(True)
        self.colour_blind_action.setChecked(window.settings.colour_blind)
        self._system_font = QApplication.font()

    def _add_to_menus(self) -> None:
        menus = self.window.menus
        self.menu = QMenu(self.window)
        for act in (self.add_action, self.start_action, self.present_view_action):
            self.menu.addAction(act)
        self.screen_menu = ScreenMenu(self.window)
        self.menu.addMenu(self.screen_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.panel_action)
        self.window.menuBar().insertMenu(menus.language_menu.menuAction(), self.menu)
        menus.view_menu.addSeparator()
        menus.view_menu.addAction(self.projector_action)
        menus.view_menu.addAction(self.colour_blind_action)
        self.recent_menu = QMenu(self.window)
        before = menus.quit_action
        for act in (self.new_action, self.open_action):
            menus.file_menu.insertAction(before, act)
        menus.file_menu.insertMenu(before, self.recent_menu)
        for act in (self.save_action, self.save_as_action):
            menus.file_menu.insertAction(before, act)
        menus.file_menu.insertSeparator(before)
        menus.toolbar.insertAction(menus.toolbar.actions()[-3], self.add_action)
        self._fill_recent()

    def retranslate_ui(self, *_args: object) -> None:
        self.menu.setTitle(_("&Presentation"))
        self.add_action.setText(_("&Add to presentation"))
        self.add_action.setToolTip(_("Add the view shown to the presentation (Ctrl+D)"))
        self.start_action.setText(_("&Start presentation"))
        self.present_view_action.setText(_("Present &current view"))
        self.new_action.setText(_("&New presentation"))
        self.open_action.setText(_("Open p&resentation…"))
        self.save_action.setText(_("&Save presentation"))
        self.save_as_action.setText(_("Save presentation &as…"))
        self.recent_menu.setTitle(_("Recent presentations"))
        self.panel_action.setText(_("Presentation &panel"))
        self.screen_menu.setTitle(_("Present on s&creen"))
        self.projector_action.setText(_("P&rojector theme"))
        self.projector_action.setToolTip(
            _("Large type and thick outlines, for a projector in a meeting room")
        )
        self.colour_blind_action.setText(_("Colour-&blind-safe colours"))
        self._fill_recent()
        self.update_actions()

    def update_actions(self) -> None:
        has_view = self.window.state.box is not None
        self.add_action.setEnabled(has_view)
        self.present_view_action.setEnabled(has_view)
        self.start_action.setEnabled(len(self.controller) > 0 or has_view)
        self.save_action.setEnabled(len(self.controller) > 0)
        self.save_as_action.setEnabled(len(self.controller) > 0)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.controller.recent:
            act = self.recent_menu.addAction(Path(path).name)
            act.setToolTip(path)
            act.triggered.connect(lambda _checked=False, p=path: self.open_deck(Path(p)))
        self.recent_menu.setEnabled(bool(self.controller.recent))

    # ------------------------------------------------------------------ the theme

    def apply_theme(self) -> None:
        """The window in the theme the View menu's two choices make, sizes for its screen."""
        window = self.window
        screen = window.screen().size()
        chosen = theme.Theme(
            projector=self.projector_action.isChecked(),
            colour_blind=self.colour_blind_action.isChecked(),
            scale=theme.projector_scale(screen.width(), screen.height()),
        )
        window.settings.projector_theme = chosen.projector
        window.settings.colour_blind = chosen.colour_blind
        font = QFont(self._system_font)
        if chosen.body_px is not None:
            font.setPixelSize(round(chosen.body_px))
        QApplication.setFont(font)
        theme.set_theme(chosen)

    # ------------------------------------------------------------------ the deck

    def add_current_view(self) -> int | None:
        """Add the view shown (map, chart or table) as a slide; returns its index."""
        slide = self.current_slide()
        if slide is None:
            return None
        index = self.controller.add(slide)
        self.show_panel()
        self.panel.list.setCurrentRow(index)
        self.window.statusBar().showMessage(
            _("Slide {number} added to the presentation.").format(number=index + 1), 5000
        )
        return index

    def show_panel(self) -> None:
        """The slides panel, narrow at first (the map and chart keep their room at 1024 px)."""
        if not self.panel.isVisible():
            self.panel.show()
            width = PANEL_PX[0] if self.window.width() < NARROW_WINDOW_PX else PANEL_PX[1]
            self.window.resizeDocks([self.panel], [width], Qt.Orientation.Horizontal)

    def new_deck(self) -> None:
        self.controller.new()

    def open_deck(self, path: Path | None = None) -> bool:
        """Open a deck file (asks for one when ``path`` is None); names what is missing."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _filter = QFileDialog.getOpenFileName(
                self.window, _("Open presentation"), str(Path.home()), self._file_filter()
            )
            if not chosen:
                return False
            path = Path(chosen)
        before = self.controller.deck
        self.messages = self.controller.open(path)
        opened = self.controller.deck is not before
        if opened:
            self.show_panel()
        if self.messages:
            self._tell(_("Open presentation"), "\n".join(self.messages))
        return opened

    def save_deck(self, ask: bool = False, path: Path | None = None) -> bool:
        """Save the deck where it came from (or ``path``; asks when it has no file or ``ask``)."""
        if path is None and (ask or self.controller.deck.path is None):
            from PySide6.QtWidgets import QFileDialog

            name = _("presentation") + DECK_SUFFIX
            start = self.controller.deck.path or Path.home() / name
            chosen, _filter = QFileDialog.getSaveFileName(
                self.window, _("Save presentation"), str(start), self._file_filter()
            )
            if not chosen:
                return False
            path = Path(chosen)
            if path.suffix != DECK_SUFFIX:
                path = path.with_name(path.name + DECK_SUFFIX)
        error = self.controller.save(path)
        if error:
            self._tell(_("Save presentation"), error)
            return False
        self.window.statusBar().showMessage(
            _("Saved {path}").format(path=self.controller.deck.path), 5000
        )
        return True

    @staticmethod
    def _file_filter() -> str:
        return _("Atlas Viewer presentation (*{suffix})").format(suffix=DECK_SUFFIX)

    def _tell(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.window.message_box = box
        box.finished.connect(lambda *_args: setattr(self.window, "message_box", None))
        box.open()

    # ------------------------------------------------------------------ presenting

    def present(self, start: int = 0) -> PresentationView | None:
        """F5: the deck full screen from slide ``start``; without slides, the current view."""
        if not len(self.controller):
            return self.present_current_view()
        return self._present(self.controller.all_resolved(), start)

    def present_current_view(self) -> PresentationView | None:
        """Shift+F5: the view shown, full screen, as a one-slide presentation."""
        slide = self.current_slide()
        if slide is None:
            return None
        found = resolve(slide, self.window.state.library, i18n.current_language())
        return self._present([found], 0)

    def _present(self, slides: list[Any], start: int) -> PresentationView:
        if self.presentation is not None:
            self.presentation.close()
        view = PresentationView(slides, self.make_view, start, self.window)
        view.finished.connect(self._on_finished)
        self.presentation = view
        view.present(self.screen_menu.chosen(self.window.screen()))
        return view

    def _on_finished(self) -> None:
        self.presentation = None
        self.window.activateWindow()
