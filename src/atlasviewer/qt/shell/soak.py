"""``atlasviewer --smoke --soak N``: a long run through the real window, to find leaks and aborts.

Step after step it opens a result box of every atlas in turn (the next box at the next round),
selects an area of the box's map at each, and switches the UI language every
:data:`LANGUAGE_EVERY` steps (to the next of English, bokmål and nynorsk), waiting each time
until the box is painted. It prints the resident memory after the
first 10 % of the steps and at the end, so a growth shows; the caller's ``--smoke`` handling
turns an exception or a Qt warning into a non-zero exit.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from atlasviewer.i18n import LANGUAGES

LANGUAGE_EVERY = 100
"""Steps between two language switches."""

STEP_TIMEOUT_S = 30.0


def resident_mb() -> float:
    """The process's resident memory now, in MB (Linux ``/proc``; else the peak so far)."""
    statm = Path("/proc/self/statm")
    if statm.is_file():
        pages = int(statm.read_text().split()[1])
        return pages * resource.getpagesize() / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def _places(window: Any) -> Iterator[tuple[str, int]]:
    """(atlas id, box number): one box of each atlas in turn, the next box at the next round."""
    library = window.library
    boxes = [
        (library.atlas_id(atlas), [box.number for box in atlas.variant("en").result_boxes])
        for atlas in library.atlases
        if atlas.variants
    ]
    boxes = [(atlas_id, numbers) for atlas_id, numbers in boxes if numbers]
    round_ = 0
    while boxes:
        for atlas_id, numbers in boxes:
            yield atlas_id, numbers[round_ % len(numbers)]
        round_ += 1


class Soak:
    """Runs ``steps`` steps in the window's event loop, then calls ``done(code)``.

    Args:
        window: The main window.
        steps: How many boxes to open.
        done: Called once with 0 at the end, or non-zero when a step failed.
        out: Where the figures are printed.
    """

    def __init__(self, window: Any, steps: int, done: Callable[[int], None], out: Any) -> None:
        self.window = window
        self.steps = steps
        self.done = done
        self.out = out
        self.step = 0
        self.places = _places(window)
        self.report_at = max(1, steps // 10)
        self.started = time.monotonic()
        self._waiting_since = 0.0

    def start(self) -> None:
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if self.step >= self.steps:
            self._print("end")
            self.done(0)
            return
        window = self.window
        if self.step and self.step % LANGUAGE_EVERY == 0:
            languages = list(LANGUAGES)
            now = window.language.language
            following = languages.index(now) + 1 if now in languages else 0
            window.language.set_language(languages[following % len(languages)])
        atlas_id, number = next(self.places, ("", 0))
        if not atlas_id or not window.open_atlas(atlas_id, number):
            self.out.write(f"soak: no result box to open at step {self.step}\n")
            self.done(1)
            return
        self._waiting_since = time.monotonic()
        QTimer.singleShot(0, self._wait_painted)

    def _wait_painted(self) -> None:
        view = self.window.reader.box_view
        if view.is_painted() or view.figures_note.isVisible():
            self._select()
            self.step += 1
            if self.step == self.report_at:
                self._print(f"after {self.step} steps")
            QTimer.singleShot(0, self._next)
        elif time.monotonic() - self._waiting_since > STEP_TIMEOUT_S:
            self.out.write(f"soak: step {self.step} not painted in {STEP_TIMEOUT_S:.0f} s\n")
            self.done(1)
        else:
            QTimer.singleShot(5, self._wait_painted)

    def _select(self) -> None:
        """Select one of the box's map areas (another one each step), as a click would."""
        plan = self.window.reader.box_view.map_plan
        names = sorted(plan.areas) if plan is not None else []
        if names:
            self.window.state.select(names[self.step % len(names)])

    def _print(self, when: str) -> None:
        elapsed = time.monotonic() - self.started
        self.out.write(
            f"soak: {when}: resident memory {resident_mb():.1f} MB ({self.step} steps, "
            f"{elapsed:.1f} s)\n"
        )
        self.out.flush()
