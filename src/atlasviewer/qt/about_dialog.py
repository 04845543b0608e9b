"""Help > About: the application, its licence, and the producers and licences of the data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from atlasviewer import __version__
from atlasviewer.i18n import _


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
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()

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
                "Rates are age- and sex-standardised as given by the producers. Figures shown "
                "by the application carry the producer's name."
            ),
        ]
        self.text.setText(
            "".join(f"<p>{p}</p>" if not p.startswith("<h") else p for p in paragraphs)
        )
