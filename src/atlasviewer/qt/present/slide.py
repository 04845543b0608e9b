"""One slide on screen: its title, the view large, a one-line source and the finding.

The view itself (a map, a chart, a table) is a :class:`LiveView` built by the shell, which puts
the panes together (presentation mode imports no other pane): it is a live widget, so hover
shows values and a click highlights an area on the slide.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from atlasviewer.core.deck_views import ResolvedSlide, source_line
from atlasviewer.i18n import _

PROJECTOR_BODY_PX = 20
"""Body text at 1024x768 (scaled with the screen): readable from the back of a room."""
PROJECTOR_TITLE_PX = 34


class LiveView(QWidget):
    """A slide's view: shows its areas highlighted and reports hover and clicks.

    Signals:
        area_clicked(str): An area (its key in the view) was clicked.
        hover_text_changed(str): Name and value under the mouse ("" when none).
    """

    area_clicked = Signal(str)
    hover_text_changed = Signal(str)

    def set_highlight(self, areas: set[str]) -> None:
        """Outline the areas whose registry keys are ``areas``."""

    def keys_of(self, name: str) -> set[str]:
        """The registry keys a click on ``name`` toggles (default: the name itself)."""
        return {name}


ViewFactory = Callable[[ResolvedSlide, float, QWidget], LiveView]
"""Builds the live view of a slide: ``(slide, scale, parent) -> LiveView``."""


class SlideWidget(QWidget):
    """A slide: title, view, source line, finding text; or what is missing.

    Args:
        found: The slide with its view found (or what is missing).
        make_view: The shell's :data:`ViewFactory`.
        scale: Text scale: 1.0 at 1024x768, larger on larger screens.
    """

    hover_text_changed = Signal(str)

    def __init__(
        self,
        found: ResolvedSlide,
        make_view: ViewFactory,
        scale: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.found = found
        self.highlight = set(found.slide.areas)
        self.setAutoFillBackground(True)
        self.setStyleSheet("SlideWidget { background: white; } QLabel { color: #111111; }")
        self.title = QLabel(found.title, self)
        self.title.setWordWrap(True)
        self.title.setFont(_font(PROJECTOR_TITLE_PX * scale, bold=True))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        margin = round(16 * scale)
        layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        layout.setSpacing(round(6 * scale))
        layout.addWidget(self.title)
        self.view: LiveView | None = None
        if found.missing:
            self.message = QLabel(found.missing, self)
            self.message.setWordWrap(True)
            self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.message.setFont(_font(PROJECTOR_BODY_PX * scale))
            layout.addWidget(self.message, 1)
        else:
            self.view = make_view(found, scale, self)
            self.view.set_highlight(self.highlight)
            self.view.area_clicked.connect(self._toggle)
            self.view.hover_text_changed.connect(self.hover_text_changed)
            layout.addWidget(self.view, 1)
        self.finding = QLabel(found.finding, self)
        self.finding.setWordWrap(True)
        self.finding.setTextFormat(Qt.TextFormat.PlainText)
        self.finding.setFont(_font(PROJECTOR_BODY_PX * scale))
        self.finding.setVisible(bool(found.finding))
        layout.addWidget(self.finding)
        self.source = QLabel(source_line(found), self)
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setFont(_font(max(16.0, PROJECTOR_BODY_PX * 0.8) * scale))
        self.source.setStyleSheet("QLabel { color: #333333; }")
        layout.addWidget(self.source)
        self.setAccessibleName(_("Slide: {title}").format(title=found.title))

    def _toggle(self, name: str) -> None:
        """A click highlights an area live (or takes its highlight away); the deck is unchanged."""
        if self.view is None:
            return
        keys = self.view.keys_of(name)
        if keys and keys <= self.highlight:
            self.highlight -= keys
        else:
            self.highlight |= keys
        self.view.set_highlight(self.highlight)


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font
