"""The main window's menus, actions with their shortcuts, and toolbar with the language chooser.

Kept apart from :mod:`~.main_window` because the window's chrome is a piece of its
own: which actions exist, which keys trigger them, which menu and toolbar show them, and their
texts in the current language. The window decides what the actions do (their slots) and when
they are enabled; this module only builds them and names them. The actions are added to the
window itself so their shortcuts work on every page of its stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from atlasviewer import i18n
from atlasviewer.i18n import LANGUAGES, _, language_name
from atlasviewer.qt import translation


class WindowMenus:
    """The menu bar, the actions in it and the navigation toolbar of a :class:`MainWindow`.

    Args:
        window: The :class:`~atlasviewer.qt.shell.main_window.MainWindow` the actions, menus and
            toolbar belong to; its methods (and those of its output commands) are the actions'
            slots. Typed loosely: the window imports this module, not the other way round.
    """

    def __init__(self, window: Any) -> None:
        self.window = window
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        translation.register(self, owner=window)

    def _create_actions(self) -> None:
        window = self.window
        commands, own = window.output_commands, window.commands

        def action(shortcut: Any = None, slot: Any = None, checkable: bool = False) -> QAction:
            act = QAction(window)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            if slot is not None:
                act.triggered.connect(slot)
            act.setCheckable(checkable)
            window.addAction(act)
            return act

        self.open_folder_action = action(QKeySequence.StandardKey.Open, own.open_data_folder)
        self.export_action = action("Ctrl+E", commands.export_current_figure)
        self.print_action = action(QKeySequence.StandardKey.Print, commands.print_current_figure)
        self.quit_action = action(QKeySequence.StandardKey.Quit, window.close)
        self.library_action = action("Ctrl+L", window.show_library)
        self.compare_action = action("Ctrl+K", lambda: window.compare.show())
        self.back_action = action("Alt+Left", window.go_back)
        self.full_screen_action = action("F11", own.toggle_full_screen, checkable=True)
        self.reset_map_action = action("Ctrl+0", own.reset_map)
        self.copy_action = action(QKeySequence.StandardKey.Copy, commands.copy_current)
        self.find_action = action(QKeySequence.StandardKey.Find, own.find_atlas)
        self.about_action = action(None, own.show_about)
        self.create_fact_sheet_action = action(None, lambda: window.create_fact_sheet())
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(window)
        for lang in LANGUAGES:
            act = action(None, None, checkable=True)
            act.setText(language_name(lang))
            act.triggered.connect(
                lambda _checked=False, code=lang: window.language.set_language(code)
            )
            group.addAction(act)
            self.language_actions[lang] = act

    def _create_menus(self) -> None:
        bar = self.window.menuBar()
        self.file_menu = bar.addMenu("")
        for act in (self.open_folder_action, self.export_action, self.print_action):
            self.file_menu.addAction(act)
        self.file_menu.addAction(self.create_fact_sheet_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("")
        for act in (self.library_action, self.compare_action, self.back_action):
            self.view_menu.addAction(act)
        self.view_menu.addAction(self.reset_map_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.full_screen_action)
        self.language_menu = bar.addMenu("")
        for act in self.language_actions.values():
            self.language_menu.addAction(act)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        window = self.window
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.back_action)
        self.toolbar.addAction(self.library_action)
        self.toolbar.addAction(self.compare_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.create_fact_sheet_action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        self.toolbar.addWidget(spacer)
        self.language_label = QLabel(self.toolbar)
        self.toolbar.addWidget(self.language_label)
        self.language_combo = QComboBox(self.toolbar)
        for lang in LANGUAGES:
            self.language_combo.addItem(language_name(lang), lang)
        self.language_combo.activated.connect(
            lambda index: window.language.set_language(self.language_combo.itemData(index))
        )
        self.language_label.setBuddy(self.language_combo)
        self.toolbar.addWidget(self.language_combo)
        window.addToolBar(self.toolbar)

    def retranslate_ui(self) -> None:
        """Menu titles, action texts and tips, and the language chooser in the current language."""
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.open_folder_action.setText(_("&Open data folder…"))
        self.export_action.setText(_("&Export current figure…"))
        self.print_action.setText(_("&Print…"))
        self.quit_action.setText(_("&Quit"))
        self.copy_action.setText(_("&Copy figure or table selection"))
        self.find_action.setText(_("&Search atlases"))
        self.library_action.setText(_("&Library"))
        self.library_action.setToolTip(_("Show all atlases (Ctrl+L)"))
        self.back_action.setText(_("&Back"))
        self.compare_action.setText(_("&Compare areas"))
        self.compare_action.setToolTip(_("Compare areas across every atlas (Ctrl+K)"))
        self.back_action.setToolTip(_("Go back (Alt+Left)"))
        self.full_screen_action.setText(_("&Full screen"))
        self.reset_map_action.setText(_("&Reset map"))
        self.about_action.setText(_("&About Atlas Viewer"))
        self.create_fact_sheet_action.setText(_("Create &fact sheet…"))
        self.create_fact_sheet_action.setToolTip(
            _("Write a fact sheet (PDF) for the selected area of this atlas and open it")
        )
        self.toolbar.setWindowTitle(_("Navigation"))
        self.language_label.setText(_("Language:") + " ")
        lang = i18n.current_language()
        self.language_actions[lang].setChecked(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(lang))
