"""File > Export…: the view shown, or every view of the atlas, to files, with progress and cancel.

The files are those of ``atlasviewer export`` (its :class:`~atlasviewer.commands.export.
BoxExporter` writes them: ``<box>-<slug>-<view>.<ext>``, a summary per box), into a folder the
user chooses. Every view of an atlas is written box by box; the progress bar counts the boxes
and Cancel stops after the box being written. At the end the dialog says how many files went
where, and which boxes failed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from atlasviewer import i18n
from atlasviewer.i18n import _, ngettext
from atlasviewer.qt import translation

FORMATS = ("png", "svg", "pdf", "csv", "xlsx")
DEFAULT_FORMATS = ("png", "csv")


class ExportDialog(QDialog):
    """Export the current view or the whole atlas of a main window.

    Args:
        window: The main window (state, library, the view shown).
        current_slide: The reference of the view shown (None when none).
    """

    def __init__(self, window: Any, current_slide: Any, folder: Path | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.current_slide = current_slide
        self.cancelled = False
        self.running = False
        self.written: list[Path] = []
        self.failures = 0
        self.view_choice = QRadioButton(self)
        self.atlas_choice = QRadioButton(self)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.view_choice)
        self.choice.addButton(self.atlas_choice)
        has_view = current_slide is not None
        self.view_choice.setEnabled(has_view)
        (self.view_choice if has_view else self.atlas_choice).setChecked(True)
        self.folder_label = QLabel(self)
        self.folder = QLineEdit(str(folder or Path.home() / "atlasviewer-export"), self)
        self.folder_label.setBuddy(self.folder)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self.format_label = QLabel(self)
        self.formats = {fmt: QCheckBox(fmt.upper(), self) for fmt in FORMATS}
        for fmt, box in self.formats.items():
            box.setChecked(fmt in DEFAULT_FORMATS)
        self.progress = QProgressBar(self)
        self.progress.setValue(0)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        format_row = QHBoxLayout()
        for box in self.formats.values():
            format_row.addWidget(box)
        format_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view_choice)
        layout.addWidget(self.atlas_choice)
        layout.addWidget(self.folder_label)
        layout.addLayout(folder_row)
        layout.addWidget(self.format_label)
        layout.addLayout(format_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Export"))
        self.view_choice.setText(_("The view shown"))
        self.atlas_choice.setText(_("Every view of this atlas"))
        self.folder_label.setText(_("Folder:"))
        self.browse.setText(_("Choose…"))
        self.format_label.setText(_("Formats:"))
        self.export_button.setText(_("Export"))
        self.cancel_button.setText(_("Cancel") if not self.written else _("Close"))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Export to folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def cancel(self) -> None:
        """Stop after the box being written (while running); else close."""
        if self.running:
            self.cancelled = True
        else:
            self.reject()

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, box in self.formats.items() if box.isChecked()]

    # ------------------------------------------------------------------ writing

    def start(self) -> None:
        """Write the files; returns when done or cancelled, the result said in the dialog."""
        from atlasviewer.commands.export import BoxExporter, slugify
        from atlasviewer.core.deck_views import resolve

        state = self.window_.state
        atlas, variant = state.atlas, state.variant
        formats = self.chosen_formats()
        out = Path(self.folder.text()).expanduser()
        if atlas is None or variant is None or not formats:
            self.result_label.setText(_("Choose at least one format."))
            return
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.result_label.setText(
                _("Cannot create the folder {path}: {error}").format(path=out, error=exc)
            )
            return
        from atlasviewer.commands.headless import headless_application

        headless_application()
        lang = i18n.current_language()
        exporter = BoxExporter(self.window_.library, atlas, variant, out, formats, 200.0, lang)
        self.running, self.cancelled, self.failures = True, False, 0
        self.export_button.setEnabled(False)
        self.result_label.setText("")
        try:
            if self.view_choice.isChecked() and self.current_slide is not None:
                self.progress.setRange(0, 1)
                found = resolve(self.current_slide, self.window_.library, lang)
                if found.ok:
                    from atlasviewer.core.plans import credits_for

                    credits = credits_for(found.variant, found.box, lang, found.data)
                    stem = f"{found.box.number}-{slugify(found.box.title)}-{found.slide.view}"
                    try:
                        exporter.export_view(found.box, found.data, found.view, credits, stem)
                    except Exception:  # noqa: BLE001 - said in the dialog, the window lives on
                        self.failures += 1
                else:
                    self.failures += 1
                self.progress.setValue(1)
            else:
                boxes = variant.result_boxes
                self.progress.setRange(0, len(boxes))
                for index, box in enumerate(boxes, start=1):
                    QApplication.processEvents()  # the Cancel button is heard between boxes
                    if self.cancelled:
                        break
                    self.failures += exporter.export(box)
                    self.progress.setValue(index)
        finally:
            self.running = False
            self.export_button.setEnabled(True)
        self.written = list(exporter.written)
        self._say(out)

    def _say(self, out: Path) -> None:
        text = ngettext(
            "{count} file written to {path}.", "{count} files written to {path}.", len(self.written)
        ).format(count=len(self.written), path=out)
        if self.cancelled:
            text = _("Cancelled.") + " " + text
        if self.failures:
            text += " " + ngettext(
                "{count} result box or view could not be exported.",
                "{count} result boxes or views could not be exported.",
                self.failures,
            ).format(count=self.failures)
        self.result_label.setText(text)
        self.retranslate_ui()


class ExportCommand(QObject):
    """File > Export… (Ctrl+Shift+E) for a main window: enabled when an atlas is open."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ExportDialog | None = None
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.action.triggered.connect(lambda _checked=False: self.open())
        window.addAction(self.action)
        menus = window.menus
        menus.file_menu.insertAction(menus.print_action, self.action)
        window.state.atlas_changed.connect(lambda _atlas: self._update())
        translation.register(self, owner=window)

    def retranslate_ui(self) -> None:
        self.action.setText(_("E&xport…"))
        self.action.setToolTip(_("Write the view shown, or every view of the atlas, to files"))
        self._update()

    def _update(self) -> None:
        atlas = self.window.state.atlas
        self.action.setEnabled(
            atlas is not None and any(v.result_boxes for v in atlas.variants.values())
        )

    def open(self) -> ExportDialog:
        from atlasviewer.qt.shell.slide_views import current_slide

        dialog = ExportDialog(self.window, current_slide(self.window))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.finished.connect(lambda *_args: setattr(self, "dialog", None))
        dialog.open()
        return dialog
