"""The deck being put together in the window: its slides, its file, the decks opened lately.

Kept apart from the panel that lists the slides and from presentation mode, which both read it:
the controller is the one place the deck changes (add, move, rename, remove, highlight, finding,
open, save), and says so with :attr:`DeckController.changed`. Slides are found in the state's
library each time they are resolved, so a slide whose atlas or box is gone is named as missing
and the rest are shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from atlasviewer import i18n
from atlasviewer.core.deck import Deck, Slide, read_deck, write_deck
from atlasviewer.core.deck_views import ResolvedSlide, resolve
from atlasviewer.core.problems import Severity
from atlasviewer.i18n import _

RECENT_KEPT = 8


class DeckController(QObject):
    """The deck of the window.

    Args:
        state: The window's :class:`~atlasviewer.qt.state.AppState` (library, selection).
        recent: The list of recent deck paths to keep up to date (the settings' list).

    Signals:
        changed(): The slides, their order or the deck's file changed.
        recent_changed(): The list of recent decks changed.
    """

    changed = Signal()
    recent_changed = Signal()

    def __init__(self, state: Any, recent: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.deck = Deck()
        self.recent = recent
        self.dirty = False

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self.deck.slides)

    def resolved(self, index: int) -> ResolvedSlide:
        """Slide ``index`` with its atlas, box and view found in the library, or what is gone."""
        return resolve(self.deck.slides[index], self.state.library, i18n.current_language())

    def all_resolved(self) -> list[ResolvedSlide]:
        return [self.resolved(i) for i in range(len(self.deck.slides))]

    # ------------------------------------------------------------------ changing

    def add(self, slide: Slide) -> int:
        """Append ``slide``; returns its index."""
        self.deck.slides.append(slide)
        self._touch()
        return len(self.deck.slides) - 1

    def remove(self, index: int) -> None:
        del self.deck.slides[index]
        self._touch()

    def move(self, source: int, target: int) -> None:
        if source != target:
            self.deck.move(source, target)
            self._touch()

    def reorder(self, slides: list[Slide]) -> None:
        """Take the slides in a new order (after a drag in the panel); the same slides only."""
        same = sorted(map(id, slides)) == sorted(map(id, self.deck.slides))
        if same and any(a is not b for a, b in zip(slides, self.deck.slides, strict=True)):
            self.deck.slides = list(slides)
            self._touch()

    def rename(self, index: int, title: str) -> None:
        self.deck.slides[index].title = title.strip()
        self._touch()

    def set_areas(self, index: int, areas: list[str] | frozenset[str]) -> None:
        self.deck.slides[index].areas = sorted(areas)
        self._touch()

    def set_finding(self, index: int, text: str | None) -> None:
        self.deck.slides[index].finding = text
        self.dirty = True

    def new(self) -> None:
        self.deck = Deck()
        self.dirty = False
        self.changed.emit()

    # ------------------------------------------------------------------ files

    def open(self, path: Path | str) -> list[str]:
        """Open a deck file; returns the messages to show (problems, slides whose view is gone).

        A file that is not a deck leaves the current deck as it is.
        """
        deck, problems = read_deck(path)
        messages = [f"{p.place + ': ' if p.place else ''}{p.message}" for p in problems]
        if any(p.severity is Severity.ERROR for p in problems):
            return [f"{path}: {m}" for m in messages]
        self.deck = deck
        self.dirty = False
        self._remember(Path(path))
        for index, found in enumerate(self.all_resolved(), start=1):
            if found.missing:
                messages.append(
                    _("Slide {number}: {missing}").format(number=index, missing=found.missing)
                )
        self.changed.emit()
        return messages

    def save(self, path: Path | str | None = None) -> str:
        """Write the deck (to ``path``, else where it came from); returns an error text or ""."""
        target = Path(path) if path is not None else self.deck.path
        if target is None:
            return _("The deck has no file yet.")
        try:
            write_deck(self.deck, target)
        except OSError as exc:
            return _("Cannot write {path}: {error}").format(path=target, error=exc)
        self.dirty = False
        self._remember(target)
        self.changed.emit()
        return ""

    def _remember(self, path: Path) -> None:
        text = str(path.resolve())
        if text in self.recent:
            self.recent.remove(text)
        self.recent.insert(0, text)
        del self.recent[RECENT_KEPT:]
        self.recent_changed.emit()

    def _touch(self) -> None:
        self.dirty = True
        self.changed.emit()
