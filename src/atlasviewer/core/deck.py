"""A presentation deck: an ordered list of slides, each a reference to a view, never its data.

A slide names where its view is (atlas id, result box number, view name such as ``map``,
``bar1``, ``line1``, ``table``), the areas to highlight, the language and options (the year of
a first-generation box); the figures are drawn from the atlas when the slide is shown or
exported, so a deck is a few hundred bytes and always shows the atlas as it is now.

Each slide has a ``kind``: ``"box"`` is a view of a result box. Other kinds (the comparison
workspace's ``"compare"``) are added by registering a resolver in
:data:`atlasviewer.core.deck_views.RESOLVERS`; a slide of a kind this version does not know is
kept as it was read and written back unchanged, so a deck made by a newer version loses nothing
when saved here. What a slide refers to is found by :mod:`atlasviewer.core.deck_views`.

The file (``.avdeck``) is JSON, read with a size bound; a file that is not a deck gives a
:class:`~atlasviewer.core.problems.Problem` naming it, and is never overwritten by reading. It
is written atomically: a temporary file in the same folder, flushed, then ``os.replace``.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from atlasviewer.core.problems import Problem, ProblemLog
from atlasviewer.i18n import N_, _

DECK_SUFFIX = ".avdeck"
DECK_FORMAT = "atlasviewer-deck"
DECK_VERSION = 1
MAX_DECK_BYTES = 2_000_000
"""A deck is references only: a file larger than this is not one (read no further)."""
ASPECTS = ("16:9", "4:3")


@dataclass
class Slide:
    """One slide: a reference to a view and how to show it.

    Attributes:
        kind: What the slide shows: ``"box"`` (a result box view); others by :data:`RESOLVERS`.
        atlas: The atlas id in the library.
        box: The result box number (from 1).
        view: The view's name in its box: ``map``, ``bar1``, ``line1``, ``table`` (as the
            ``export`` command names files).
        title: The slide title the user gave; "" for the box title.
        areas: Registry keys (or names) of the areas to highlight.
        lang: The content language (``nb``, ``nn``, ``en``); "" for the interface's.
        finding: The finding text under the view: None for the box's own finding, "" for none.
        options: Further settings, such as ``{"slice": "2019"}`` for a year.
        extra: Keys of the file this version does not know, kept and written back.
    """

    kind: str = "box"
    atlas: str = ""
    box: int = 0
    view: str = "map"
    title: str = ""
    areas: list[str] = field(default_factory=list)
    lang: str = ""
    finding: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if self.kind != "box":  # a kind this version does not know: as it was read
            return {"kind": self.kind, **self.extra}
        document: dict[str, Any] = dict(self.extra)
        document.update(
            kind=self.kind,
            atlas=self.atlas,
            box=self.box,
            view=self.view,
            title=self.title,
            areas=list(self.areas),
            lang=self.lang,
            finding=self.finding,
            options=dict(self.options),
        )
        return document

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Slide:
        """A slide from its JSON object; raises ValueError naming the field that is wrong."""
        known = {"kind", "atlas", "box", "view", "title", "areas", "lang", "finding", "options"}
        kind = raw.get("kind", "box")
        if not isinstance(kind, str) or not kind:
            raise ValueError(_("“kind” must be a text"))
        slide = cls(kind=kind, extra={k: v for k, v in raw.items() if k not in known})
        if kind != "box":  # another kind: everything is kept as read
            slide.extra = {k: v for k, v in raw.items() if k != "kind"}
            return slide
        for name in ("atlas", "view", "title", "lang"):
            value = raw.get(name, getattr(slide, name))
            if not isinstance(value, str):
                raise ValueError(_("“{field}” must be a text").format(field=name))
            setattr(slide, name, value)
        box = raw.get("box")
        if not isinstance(box, int) or isinstance(box, bool) or box < 1:
            raise ValueError(_("“box” must be a result box number from 1"))
        slide.box = box
        areas = raw.get("areas", [])
        if not isinstance(areas, list) or not all(isinstance(a, str) for a in areas):
            raise ValueError(_("“areas” must be a list of area names"))
        slide.areas = list(areas)
        finding = raw.get("finding")
        if finding is not None and not isinstance(finding, str):
            raise ValueError(_("“finding” must be a text or null"))
        slide.finding = finding
        options = raw.get("options", {})
        if not isinstance(options, dict):
            raise ValueError(_("“options” must be an object"))
        slide.options = dict(options)
        return slide


@dataclass
class Deck:
    """A presentation: its title, slide shape and slides in order.

    Attributes:
        title: The deck's name ("" until the user gives one).
        aspect: ``"16:9"`` or ``"4:3"``, for the slides written out.
        slides: The slides in the order shown.
        path: The file it was read from or last saved to (not stored in the file).
    """

    title: str = ""
    aspect: str = "16:9"
    slides: list[Slide] = field(default_factory=list)
    path: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": DECK_FORMAT,
            "version": DECK_VERSION,
            "title": self.title,
            "aspect": self.aspect,
            "slides": [s.to_dict() for s in self.slides],
        }

    def move(self, source: int, target: int) -> None:
        """Move the slide at ``source`` to position ``target`` (both from 0)."""
        slide = self.slides.pop(source)
        self.slides.insert(max(0, min(target, len(self.slides))), slide)


def read_deck(path: Path | str) -> tuple[Deck, list[Problem]]:
    """Read a ``.avdeck`` file.

    Never raises on bad input: a file that cannot be read or is not a deck gives an empty deck
    and an error naming the file; a slide that is wrong gives a warning naming the slide, and
    the other slides are read.

    Returns:
        The deck (``path`` set), and the problems found.
    """
    path = Path(path)
    log = ProblemLog(str(path))
    deck = Deck(path=path)
    try:
        if not path.is_file():
            log.error("", N_("The deck file does not exist or is not a file."))
            return deck, log.problems
        if path.stat().st_size > MAX_DECK_BYTES:
            log.error(
                "",
                N_("The file is too large to be a deck ({limit} bytes at most)."),
                limit=MAX_DECK_BYTES,
            )
            return deck, log.problems
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        log.error("", N_("The deck cannot be read: {error}"), error=exc)
        return deck, log.problems
    except ValueError as exc:
        log.error("", N_("The deck is not valid JSON: {error}"), error=exc)
        return deck, log.problems
    if not isinstance(raw, dict) or raw.get("format") != DECK_FORMAT:
        log.error(
            "",
            N_("The file is not an Atlas Viewer deck (no “format”: “{format}”)."),
            format=DECK_FORMAT,
        )
        return deck, log.problems
    title, aspect = raw.get("title", ""), raw.get("aspect", "16:9")
    deck.title = title if isinstance(title, str) else ""
    deck.aspect = aspect if aspect in ASPECTS else "16:9"
    slides = raw.get("slides", [])
    if not isinstance(slides, list):
        log.error("slides", N_("“slides” is not a list; the deck has no slides."))
        return deck, log.problems
    for number, item in enumerate(slides, start=1):
        place = _("slide {number}").format(number=number)
        if not isinstance(item, dict):
            log.warning(place, N_("The slide is not an object; left out."))
            continue
        try:
            deck.slides.append(Slide.from_dict(item))
        except ValueError as exc:
            log.warning(place, N_("The slide is left out: {error}"), error=exc)
    return deck, log.problems


def write_deck(deck: Deck, path: Path | str) -> Path:
    """Write the deck atomically (temporary file, flush, ``os.replace``); sets ``deck.path``.

    Raises:
        OSError: When the file cannot be written; an older file at ``path`` is left as it was.
    """
    path = Path(path)
    text = json.dumps(deck.to_dict(), ensure_ascii=False, indent=2) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=".deck-", suffix=DECK_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    deck.path = path
    return path
