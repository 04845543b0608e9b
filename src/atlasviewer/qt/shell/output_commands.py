"""What the user takes out of the open atlas: the figure copied, exported or printed, a fact sheet.

Kept apart from :mod:`~.main_window` because these commands share a shape of their
own that has nothing to do with navigation: each acts on the atlas and result box the state
holds, asks for a file or a printer, writes, and reports the outcome in the status bar or in a
window-modal message naming the file. The window owns the actions and the pages; these commands
only read where the user is and, after "Create fact sheet…", ask the window to show the sheet.

The file and print dialogs, the message box and the fact-sheet writer are imported when a
command first runs: the library screen paints before any of them is needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from atlasviewer import i18n
from atlasviewer.core.atomic import WriteError
from atlasviewer.i18n import _

if TYPE_CHECKING:
    from atlasviewer.core.factsheet import FactSheetTarget


class OutputCommands:
    """Copy, Export current figure, Print and Create fact sheet for a :class:`MainWindow`.

    Args:
        window: The :class:`~atlasviewer.qt.shell.main_window.MainWindow` whose state, library
            and reader the commands act on; their dialogs and messages are its children. Typed
            loosely: the window imports this module, not the other way round.
    """

    def __init__(self, window: Any) -> None:
        self.window = window

    def copy_current(self) -> None:
        """Ctrl+C: the table selection as TSV, else the figure shown as an image."""
        window = self.window
        reader = window.built_reader
        focus = QGuiApplication.focusObject()
        if reader is None or window.stack.currentWidget() is not reader:
            if hasattr(focus, "copy"):
                focus.copy()
            return
        if reader.box_view.table_tabs.copy_selected_rows(focus) or self.copy_slide():
            return
        if not reader.box_view.copy_to_clipboard(focus) and hasattr(focus, "copy"):
            focus.copy()

    def copy_slide(self) -> bool:
        """The map or chart shown as a slide picture (1920 px wide: title, view, source line).

        Drawn as ``atlasviewer deck`` draws slides, not a grab of the screen. False when the
        view shown is a table or none (a table copies its rows).
        """
        from atlasviewer.core.deck_views import resolve
        from atlasviewer.qt.shell.slide_views import current_slide

        window = self.window
        slide = current_slide(window)
        if slide is None:
            return False
        found = resolve(slide, window.library, i18n.current_language())
        if not found.ok or found.view.kind == "table":
            return False
        from atlasviewer.commands.slides import SlideRenderer

        with SlideRenderer(window.library) as renderer:
            image = renderer.slide_image(found)
        QGuiApplication.clipboard().setImage(image)
        window.statusBar().showMessage(_("Copied as a slide picture."), 5000)
        return True

    def export_current_figure(self) -> None:
        window = self.window
        reader = window.built_reader
        if reader is None or window.state.box is None:
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _filter = QFileDialog.getSaveFileName(
            window,
            _("Export current figure"),
            str(Path.home() / f"{window.state.location.atlas_id}-{window.state.box.number}.png"),
            _("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
        )
        if path:
            error = reader.box_view.export_current_figure(Path(path))
            if error:
                QMessageBox.warning(window, _("Export current figure"), error)
            else:
                window.statusBar().showMessage(_("Saved {path}").format(path=path), 5000)

    def print_current_figure(self) -> None:
        window = self.window
        reader = window.built_reader
        if reader is None or window.state.box is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            reader.box_view.print_current_figure(printer)

    def create_fact_sheet(
        self, path: Path | None = None, target: FactSheetTarget | None = None
    ) -> Path | None:
        """Write a generated fact sheet for the selected area of the current atlas and show it.

        Args:
            path: Where to write the PDF; None asks the user (a file dialog).
            target: The area or region; None takes the selection, or asks when it names none.

        Returns:
            The PDF written, or None when the user cancelled or writing failed (a message box
            names the file and the problem).
        """
        from atlasviewer.core.factsheet import written_note
        from atlasviewer.qt.factsheets import actions
        from atlasviewer.qt.map.scene import MapScene

        window = self.window
        atlas = window.state.atlas
        if atlas is None or not self.atlas_has_result_boxes():
            return None
        registry = window.library.registry
        lang = i18n.current_language()
        if not atlas.variant(lang).result_boxes:  # figures from a language that has them
            lang = next(code for code, v in atlas.variants.items() if v.result_boxes)
        if target is None:
            target = actions.target_from_selection(window.state.selection, registry)
        if target is None:
            choices = actions.area_choices(window.library, atlas, window.state.content_language)
            target = actions.ask_for_area(window, choices, window.state.selection)
            if target is None:
                return None
        if path is None:
            suggestion = actions.suggested_file_name(
                window.library.atlas_id(atlas), target.name(lang, registry)
            )
            path = actions.choose_pdf_path(window, Path.home() / suggestion)
            if path is None:
                return None
        try:
            created = actions.write_area_fact_sheet(
                window.library, atlas, target, path, lang, MapScene
            )
        except WriteError as exc:  # says which file and that the old one is unchanged
            self._warn(_("Create fact sheet"), str(exc))
            return None
        except (OSError, ValueError) as exc:
            self._warn(
                _("Create fact sheet"),
                _("Cannot write {path}: {reason}").format(path=path, reason=exc),
            )
            return None
        window.show_fact_sheet(path, _("Fact sheet: {area}").format(area=created.area_name))
        window.statusBar().showMessage(
            written_note(path, created.pages, created.boxes_with_figures, created.boxes),
            10000,
        )
        if created.boxes_with_figures == 0:
            self._warn(
                _("Create fact sheet"),
                _("The atlas has no figures for {area}.").format(area=created.area_name),
            )
        return path

    def atlas_has_result_boxes(self) -> bool:
        """Older atlases are texts with published PDFs only: nothing to make a fact sheet of."""
        atlas = self.window.state.atlas
        return atlas is not None and any(v.result_boxes for v in atlas.variants.values())

    def _warn(self, title: str, text: str) -> None:
        """A window-modal warning that does not block (tests read the window's message_box)."""
        from PySide6.QtWidgets import QMessageBox

        window = self.window
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, window
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        window.message_box = box
        box.finished.connect(lambda *_args: setattr(window, "message_box", None))
        box.open()
