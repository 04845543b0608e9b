"""The "Details" expander under a result box's problems: files and places for whoever asks.

A manager reads what is wrong and what still works; the file path, the place in the file
(a JSON path, a CSV line) and the link target (``Problem.details``) are for the person who
fixes the atlas, so they are folded away until "Details" is pressed (as a browser folds the
technical part of an error page).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from atlasviewer.core.problems import Problem
from atlasviewer.i18n import _
from atlasviewer.qt import translation


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """One line per problem with its file, place and details, as ``validate`` names them."""
    return [f"• {problem.message}\n    {problem.where}" for problem in problems]


class ProblemDetails(QWidget):
    """A "Details" toggle and, when open, the files and places of the problems shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("QLabel { color: #333333; padding: 2px 4px 4px 18px; }")
        self.text.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text)
        self.hide()
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.toggle.setText(_("Details"))
        self.toggle.setToolTip(_("Show the files and places these problems are in"))

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Offer the details of ``problems`` (folded); none hides the expander."""
        self.toggle.setChecked(False)
        self.text.setText("\n".join(problem_lines(problems)))
        self.setVisible(bool(problems))

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def _on_toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.text.setVisible(expanded)
