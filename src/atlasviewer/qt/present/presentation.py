"""Presentation mode: the deck full screen, one slide at a time, driven by a clicker.

Keys as presentation clickers send them: Right, Page Down, Space and Enter go to the next
slide; Left, Page Up and Backspace to the previous; Home and End to the first and last; a
number then Enter jumps to that slide; B and W black or white the screen (again, or any key, to
come back); Esc leaves. The mouse still works on the view: hover shows values, a click
highlights an area on the slide.

The slide after the one shown is built and painted while the audience reads the current one, so
stepping shows a finished slide (benchmarks/bench_present.py measures it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget

from atlasviewer.core.deck_views import ResolvedSlide
from atlasviewer.i18n import _
from atlasviewer.qt.present.slide import SlideWidget, ViewFactory

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up}
ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
BASE_SIZE = (1024, 768)


class PresentationView(QWidget):
    """The slides of a deck, full screen.

    Args:
        slides: The slides to show, resolved (a missing one says what is missing).
        make_view: Builds a slide's live view (the shell's factory).
        start: The slide shown first (from 0).

    Signals:
        finished(): The presentation was left (Esc, or the window closed).
        slide_shown(int): Slide ``index`` (from 0) is now on screen.
    """

    finished = Signal()
    slide_shown = Signal(int)

    def __init__(
        self,
        slides: list[ResolvedSlide],
        make_view: ViewFactory,
        start: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.slides = slides
        self.make_view = make_view
        self.index = -1
        self._typed = ""
        self._built: dict[int, SlideWidget] = {}
        self.setStyleSheet("PresentationView { background: white; }")
        self.stack = QStackedWidget(self)
        self.hover = QLabel(self)
        self.hover.setTextFormat(Qt.TextFormat.PlainText)
        self.hover.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.blank = QWidget(self)
        self.blank.setAutoFillBackground(True)
        self.blank.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hover)
        self.setWindowTitle(_("Presentation – Atlas Viewer"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._start = max(0, min(start, len(slides) - 1))

    # ------------------------------------------------------------------ showing

    def present(self, screen: QScreen | None = None) -> None:
        """Full screen on ``screen`` (default: the screen the parent window is on)."""
        parent = self.parentWidget()
        screen = screen or (parent.screen() if parent is not None else None)
        screen = screen or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.show_slide(self._start)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    @property
    def scale(self) -> float:
        """Text scale: 1.0 at 1024x768, the screen's share of it beyond."""
        size = self.size() if self.width() > 100 else self.screen().size()
        return max(1.0, min(size.width() / BASE_SIZE[0], size.height() / BASE_SIZE[1]))

    @property
    def current(self) -> SlideWidget | None:
        return self._built.get(self.index)

    def slide_widget(self, index: int) -> SlideWidget:
        """The widget of slide ``index``, built the first time it is asked for."""
        widget = self._built.get(index)
        if widget is None:
            widget = SlideWidget(self.slides[index], self.make_view, self.scale, self.stack)
            widget.hover_text_changed.connect(self.hover.setText)
            self.stack.addWidget(widget)
            self._built[index] = widget
        return widget

    def show_slide(self, index: int) -> None:
        """Show slide ``index`` (clamped to the deck), then prepare the next one."""
        if not self.slides:
            return
        index = max(0, min(index, len(self.slides) - 1))
        self.blank.hide()
        self.hover.setText("")
        self.stack.setCurrentWidget(self.slide_widget(index))
        changed = index != self.index
        self.index = index
        if changed:
            self.slide_shown.emit(index)
        QTimer.singleShot(0, self.prepare_next)

    def prepare_next(self) -> None:
        """Build and paint the next slide off screen, so stepping to it is instant."""
        following = self.index + 1
        if 0 <= following < len(self.slides) and following not in self._built:
            widget = self.slide_widget(following)
            widget.resize(self.stack.size())
            widget.grab()  # lays it out and paints every part once (the chart draws here)

    def next(self) -> None:
        self.show_slide(self.index + 1)

    def previous(self) -> None:
        self.show_slide(self.index - 1)

    def blank_screen(self, colour: Qt.GlobalColor) -> None:
        """Black or white the screen; the same key again (or another) brings the slide back."""
        if self.blank.isVisible():
            self.blank.hide()
            return
        palette = self.blank.palette()
        palette.setColor(self.blank.backgroundRole(), colour)
        self.blank.setPalette(palette)
        self.blank.setGeometry(self.rect())
        self.blank.show()
        self.blank.raise_()

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = Qt.Key(event.key())
        text = event.text()
        if key == Qt.Key.Key_Escape:
            if self.blank.isVisible():
                self.blank.hide()
            else:
                self.close()
            return
        if key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.blank_screen(Qt.GlobalColor.black)
            return
        if key == Qt.Key.Key_W:
            self.blank_screen(Qt.GlobalColor.white)
            return
        if self.blank.isVisible():
            self.blank.hide()
            return
        if text.isdigit():
            self._typed += text
            return
        if key in ENTER_KEYS and self._typed:
            number, self._typed = int(self._typed), ""
            self.show_slide(number - 1)
            return
        self._typed = ""
        if key in NEXT_KEYS or key in ENTER_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.show_slide(0)
        elif key == Qt.Key.Key_End:
            self.show_slide(len(self.slides) - 1)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.blank.isVisible():
            self.blank.setGeometry(self.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Clicker keys reach the presentation whichever of its parts has the focus.

        The map and the table would otherwise take the arrow keys to scroll.
        """
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QWidget)
            and watched is not self
            and watched.window() is self
            and isinstance(event, QKeyEvent)
        ):
            self.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.finished.emit()
        super().closeEvent(event)  # type: ignore[arg-type]
