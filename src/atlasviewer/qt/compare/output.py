"""Out of the workspace: XLSX, CSV, the profile as PNG/SVG/PDF, and Copy.

Every file is written by the core's functions (:func:`~atlasviewer.core.compare.export.write_xlsx`,
:func:`~atlasviewer.core.compare.export.write_csv`,
:func:`~atlasviewer.render.profile_chart.save_profile`), the same as ``atlasviewer compare``
writes, and atomically: into a temporary file in the target's folder, then moved over the
target with :func:`os.replace`, so a failed or interrupted write never leaves half a file.
Copy puts the view in front on the clipboard as tab-separated text with its header line, or
as a picture of the view: one or the other, as the reader's Copy does (one ``QMimeData`` with
both crashed the interpreter at exit on the offscreen platform the tests and CI use).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from atlasviewer.i18n import _

KINDS = ("xlsx", "csv", "png", "svg", "pdf")


def write_atomically(path: Path, write: Callable[[Path], Any]) -> Path:
    """Call ``write(temporary)`` with a path in ``path``'s folder, then move it to ``path``."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent
    )
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


class CompareOutput:
    """Export and Copy of a :class:`~atlasviewer.qt.compare.workspace.CompareWorkspace`.

    Args:
        workspace: The workspace (typed loosely: it builds this object).
    """

    def __init__(self, workspace: Any) -> None:
        self.workspace = workspace
        self.last_error = ""

    def fill_menu(self, menu: QMenu) -> None:
        """The Export menu's entries, in the current language."""
        menu.clear()
        texts = {
            "xlsx": _("Excel workbook (every view)…"),
            "csv": _("CSV of this view…"),
            "png": _("Area profile as PNG…"),
            "svg": _("Area profile as SVG…"),
            "pdf": _("Area profile as PDF…"),
        }
        for kind in KINDS:
            action = QAction(texts[kind], menu)
            action.triggered.connect(lambda _checked=False, k=kind: self.export(k))
            menu.addAction(action)

    def _frame(self) -> tuple[Any, bool]:
        """The view in front as the core's labelled frame, and whether its index is a column."""
        from atlasviewer.core.compare.views import profile_view, table_view, variation_view

        workspace = self.workspace
        comparison = workspace.session.comparison()
        if workspace.view == "profile" and workspace.profile_area():
            return profile_view(comparison, workspace.profile_area()), False
        if workspace.view == "variation":
            return variation_view(comparison), False
        return table_view(comparison, transpose=workspace.table_page.model.transposed), True

    def export(self, kind: str, path: Path | str | None = None) -> Path | None:
        """Write ``kind`` (``xlsx``, ``csv``, ``png``, ``svg``, ``pdf``); asks where if no path.

        Returns the path written, or None (cancelled, or the error shown and kept in
        :attr:`last_error`).
        """
        workspace = self.workspace
        area = workspace.profile_area()
        if kind in ("png", "svg", "pdf") and not area:
            self._fail(_("Choose an area first: the picture is of one area's profile."), path)
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                workspace, _("Export comparison"), f"comparison.{kind}", f"*.{kind}"
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.casefold() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write_atomically(target, lambda tmp: self._write(kind, tmp, area))
        except (OSError, ValueError) as exc:
            self._fail(_("Could not write {path}: {error}").format(path=target, error=exc), path)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.last_error = ""
        return written

    def _write(self, kind: str, path: Path, area: str) -> None:
        workspace = self.workspace
        comparison = workspace.session.comparison()
        if kind == "xlsx":
            from atlasviewer.core.compare.export import write_xlsx

            write_xlsx(
                comparison,
                path,
                area_id=area or None,
                transpose=workspace.table_page.model.transposed,
            )
        elif kind == "csv":
            from atlasviewer.core.compare.export import write_csv

            frame, index = self._frame()
            write_csv(frame, path, comparison.lang, index=index)
        else:
            from atlasviewer.core.compare.profile import profile_plan
            from atlasviewer.render.profile_chart import save_profile

            save_profile(profile_plan(comparison, area), path)

    def fill_copy_menu(self, menu: QMenu) -> None:
        """The Copy menu's entries, in the current language."""
        menu.clear()
        table = QAction(_("Copy as a table (tab-separated, with headers)"), menu)
        table.triggered.connect(lambda _checked=False: self.copy())
        picture = QAction(_("Copy as a picture"), menu)
        picture.triggered.connect(lambda _checked=False: self.copy_picture())
        menu.addAction(table)
        menu.addAction(picture)

    def copy(self) -> str:
        """Copy the view in front as TSV with its header line; returns the text."""
        if self.workspace.stats.current is not None:
            return self.workspace.stats.copy()  # a chart: its picture and its finding
        from atlasviewer.core.compare.views import to_tsv

        frame, index = self._frame()
        text = to_tsv(frame, index=index)
        QGuiApplication.clipboard().setText(text)
        return text

    def copy_picture(self) -> bool:
        """Copy a picture of the view in front (as it is on screen)."""
        page = self.workspace.views.currentWidget()
        if page is None:
            return False
        QGuiApplication.clipboard().setImage(page.grab().toImage())
        return True

    def _fail(self, message: str, path: Path | str | None) -> None:
        self.last_error = message
        if path is None:  # asked interactively: say so in a dialog
            QMessageBox.warning(self.workspace, _("Export comparison"), message)
