"""Help > About: the application, its licence, and the producers and licences of the data."""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import __version__
from atlasviewer.i18n import _
from atlasviewer.qt import translation

NOTICES_NAME = "THIRD_PARTY_NOTICES.md"


def third_party_notices() -> Path | None:
    """The notices an installed build carries (written by packaging/notices.py), if any."""
    candidates = [Path(sys.executable).parent / NOTICES_NAME]
    resource = importlib.resources.files("atlasviewer.resources").joinpath(NOTICES_NAME)
    if isinstance(resource, Path):
        candidates.insert(0, resource)
    return next((path for path in candidates if path.is_file()), None)


class AboutDialog(QDialog):
    """Names the data producers (SKDE, Helse Førde) and every licence involved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(False)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.notices = third_party_notices()
        self.notices_button = QPushButton(self)
        self.notices_button.clicked.connect(self.show_notices)
        self.buttons.addButton(self.notices_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.notices_button.setVisible(self.notices is not None)  # after addButton, which shows
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("About Atlas Viewer"))
        paragraphs = [
            "<h2>{} {}</h2>".format(_("Atlas Viewer"), __version__),
            _("The Norwegian healthcare atlases (Helseatlas), offline on your desktop."),
            _(
                "<b>Data:</b> the healthcare atlases are made by SKDE (the Centre for Clinical "
                "Documentation and Evaluation, Helse Nord) and Helse Førde. The second-generation "
                "atlases (2019–2025) are published by SKDE under the GNU General Public "
                "Licence, version 3 (GPL-3.0). The first-generation atlases (2015–2019) are "
                "published by the Helseatlas project under the MIT licence."
            ),
            _(
                "<b>Application:</b> free software under the GNU General Public Licence, version 3 "
                "or later (GPL-3.0-or-later). It comes with no warranty."
            ),
            _(
                "<b>Third-party software:</b> Qt and PySide6 (LGPL-3.0), matplotlib, NumPy, "
                "Shapely with GEOS, Babel and openpyxl, each under its own licence; installed "
                "builds carry every notice in THIRD_PARTY_NOTICES.md."
            ),
            _(
                "Rates are age- and sex-standardised as given by the producers. Figures shown "
                "by the application carry the producer's name."
            ),
        ]
        self.notices_button.setText(_("Third-party licences…"))
        self.text.setText(
            "".join(f"<p>{p}</p>" if not p.startswith("<h") else p for p in paragraphs)
        )

    def show_notices(self) -> None:
        """The full third-party notices of this build, in a scrollable window."""
        if self.notices is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(_("Third-party licences"))
        browser = QTextBrowser(dialog)
        browser.setMarkdown(self.notices.read_text(encoding="utf-8", errors="replace"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(close)
        dialog.resize(760, 600)
        dialog.exec()
