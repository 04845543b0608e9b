"""While the user reads the library, load what the first result box will need.

Opening the first box imports shapely (with numpy), matplotlib and its Qt canvas and loads the
chart font: ~0.5-0.7 s here, which the user would otherwise wait for at their first click (issue
#4: "import it lazily, or while the user reads the library"). After the library's first paint,
one step runs per event-loop turn, in the main thread: importing in a second thread could hand
the window a half-initialised module when a box is opened mid-import. The longest turn is
``matplotlib.figure`` (~0.3 s). A box opened sooner loads whatever is left itself.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

WARM_MODULES = (
    "numpy",
    "shapely",
    "atlasviewer.core.geography",
    "matplotlib",
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_qtagg",
    "atlasviewer.qt.charts.widget",
    "atlasviewer.qt.map.scene",
    "atlasviewer.qt.map.widget",
)
"""What opening a result box imports, heaviest dependencies first."""

START_DELAY_MS = 300
"""After the library's first paint: its front images and dates are filled in first."""


def draw_chart_text() -> None:
    """Draw one label with the chart font off screen: loads the font list and the font file."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from atlasviewer.render.style import ChartStyle

    figure = Figure(figsize=(1, 1), dpi=50)
    FigureCanvasAgg(figure)
    figure.text(0.5, 0.5, "Førde 1 234,5", family=list(ChartStyle().font_family))
    figure.canvas.draw()


class Warmup(QObject):
    """Loads :data:`WARM_MODULES` and the chart font, one step per event-loop turn.

    Signals:
        finished(): Every step has run (a step that failed is left to the box that needs it,
            which reports the problem in its place).
    """

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (module name, step): a module already imported by then costs no turn.
        self._steps: list[tuple[str | None, Callable[[], object]]] = [
            *((name, partial(importlib.import_module, name)) for name in WARM_MODULES),
            (None, draw_chart_text),
        ]
        self._started = False

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        """Begin after ``delay_ms``; later calls do nothing."""
        if self._started:
            return
        self._started = True
        QTimer.singleShot(delay_ms, self, self._next)

    @property
    def pending(self) -> int:
        """Steps not run yet."""
        return len(self._steps)

    def _next(self) -> None:
        while self._steps:
            module, step = self._steps.pop(0)
            if module in sys.modules:
                continue
            # A step that fails is left to the box that needs it, which reports it in place.
            with contextlib.suppress(Exception):
                step()
            break
        if self._steps:
            QTimer.singleShot(0, self, self._next)
        else:
            self.finished.emit()
