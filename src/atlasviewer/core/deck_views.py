"""What the slides of a deck refer to, found in a library: atlas, box, data and view.

A slide (:class:`~atlasviewer.core.deck.Slide`) is a reference; :func:`resolve` finds the atlas,
result box and view it names, or says in a sentence what is missing. Each slide kind has its
resolver in :data:`RESOLVERS` (``"box"`` here; the comparison workspace adds ``"compare"``).
Also here: the views' names in their box (as ``atlasviewer export`` names its files), a deck of
every view of chosen boxes, and the slide's source line, finding and highlighted areas.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from atlasviewer.core.deck import Deck, Slide
from atlasviewer.i18n import _

VIEW_KINDS = {"map": "map", "barchart": "bar", "linechart": "line", "table": "table"}


def view_names(views: list[Any]) -> list[tuple[str, Any]]:
    """Each view with its name in its box: ``map``, ``map2``; ``bar1``, ``bar2``; ``table``.

    The same names as the files of ``atlasviewer export``.
    """
    counts: dict[str, int] = {}
    named = []
    for view in views:
        kind = VIEW_KINDS.get(view.kind, view.kind)
        counts[kind] = counts.get(kind, 0) + 1
        count = counts[kind]
        if kind in ("bar", "line"):
            named.append((f"{kind}{count}", view))
        else:
            named.append((kind if count == 1 else f"{kind}{count}", view))
    return named


@dataclass
class ResolvedSlide:
    """A slide with what it refers to found in a library, or what is missing.

    Attributes:
        slide: The slide.
        atlas: The atlas (None when it is gone).
        variant: The atlas's variant in the slide's language.
        box: The result box (None when it is gone).
        data: The box's data, read.
        view: The view (None when it is gone).
        missing: "" when everything was found, else a sentence naming what is missing.
    """

    slide: Slide
    atlas: Any = None
    variant: Any = None
    box: Any = None
    data: Any = None
    view: Any = None
    missing: str = ""

    @property
    def ok(self) -> bool:
        return not self.missing

    @property
    def lang(self) -> str:
        return self.variant.lang if self.variant is not None else self.slide.lang

    @property
    def title(self) -> str:
        """The title the user gave, else the box title, else the reference."""
        if self.slide.title:
            return self.slide.title
        if self.box is not None:
            return str(self.box.title)
        return f"{self.slide.atlas} {self.slide.box} {self.slide.view}".strip()

    @property
    def finding(self) -> str:
        """The finding shown with the slide: the slide's own, else the box's first paragraph."""
        if self.slide.finding is not None:
            return self.slide.finding
        text = str(getattr(self.box, "finding", "") or "")
        return plain_markdown(text.strip().split("\n\n")[0])


def plain_markdown(text: str) -> str:
    """Markdown as plain words: links keep their text, images, emphasis and HTML go."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*)", "", text)
    return " ".join(text.split())


Resolver = Callable[[Slide, Any, str], ResolvedSlide]
"""Finds what a slide of one kind refers to: ``(slide, library, ui_lang) -> ResolvedSlide``."""


def resolve_box_slide(slide: Slide, library: Any, ui_lang: str) -> ResolvedSlide:
    """Find the atlas, box and view of a ``"box"`` slide in ``library``."""
    found = ResolvedSlide(slide)
    atlas = library.get(slide.atlas)
    if atlas is None or not atlas.variants:
        found.missing = _("The atlas “{atlas}” is not in the library.").format(atlas=slide.atlas)
        return found
    found.atlas = atlas
    found.variant = atlas.variant(slide.lang or ui_lang)
    box = next((b for b in found.variant.result_boxes if b.number == slide.box), None)
    if box is None:
        found.missing = _("The atlas “{atlas}” has no result box {box}.").format(
            atlas=slide.atlas, box=slide.box
        )
        return found
    found.box = box
    try:
        found.data = box.load()
    except Exception as exc:  # noqa: BLE001 - a reader bug names the slide, not a crash
        found.missing = _("Result box {box} of “{atlas}” cannot be read: {error}").format(
            box=slide.box, atlas=slide.atlas, error=exc
        )
        return found
    slice_ = slide.options.get("slice")
    views = dict(view_names(found.data.views_for(str(slice_) if slice_ else None)))
    found.view = views.get(slide.view)
    if found.view is None:
        found.missing = _("Result box {box} of “{atlas}” has no view “{view}”.").format(
            box=slide.box, atlas=slide.atlas, view=slide.view
        )
    return found


RESOLVERS: dict[str, Resolver] = {"box": resolve_box_slide}
"""Slide kinds and how to find what they refer to; a workspace adds its own kind here."""


def resolve(slide: Slide, library: Any, ui_lang: str) -> ResolvedSlide:
    """What ``slide`` refers to in ``library``; an unknown kind is named as missing."""
    resolver = RESOLVERS.get(slide.kind)
    if resolver is None:
        found = ResolvedSlide(slide)
        found.missing = _("This version cannot show slides of the kind “{kind}”.").format(
            kind=slide.kind
        )
        return found
    return resolver(slide, library, ui_lang)


def box_slides(
    library: Any,
    atlas_id: str,
    numbers: list[int] | None,
    areas: list[str],
    lang: str,
) -> Deck:
    """A deck of every view of the chosen result boxes of one atlas (all boxes for None).

    Raises:
        LookupError: For an atlas not in the library or a box it does not have (the message
            names it).
    """
    atlas = library.get(atlas_id)
    if atlas is None or not atlas.variants:
        raise LookupError(_("The atlas “{atlas}” is not in the library.").format(atlas=atlas_id))
    variant = atlas.variant(lang)
    boxes = variant.result_boxes
    if numbers:
        by_number = {b.number: b for b in boxes}
        gone = [n for n in numbers if n not in by_number]
        if gone:
            raise LookupError(
                _("The atlas “{atlas}” has no result box {box}.").format(
                    atlas=atlas_id, box=", ".join(str(n) for n in gone)
                )
            )
        boxes = [by_number[n] for n in numbers]
    deck = Deck(title=atlas.title(variant.lang))
    for box in boxes:
        data = box.load()
        slices = data.slices
        options = {"slice": slices[-1]} if slices else {}
        for name, _view in view_names(data.views_for(slices[-1] if slices else None)):
            deck.slides.append(
                Slide(
                    atlas=atlas_id,
                    box=box.number,
                    view=name,
                    areas=list(areas),
                    lang=variant.lang,
                    options=dict(options),
                )
            )
    return deck


def source_line(found: ResolvedSlide) -> str:
    """The one-line source of a slide: atlas, producer and period (``Source: …``)."""
    if found.atlas is None or found.variant is None:
        return ""
    from atlasviewer.core.plans import credits_for

    parts = [found.atlas.title(found.variant.lang)]
    try:
        credits = credits_for(found.variant, found.box, found.variant.lang, found.data)
    except Exception:  # noqa: BLE001 - a credit line must never hide the slide
        credits = None
    if credits is not None and credits.producer:
        parts.append(credits.producer)
    if credits is not None and credits.period:
        parts.append(credits.period)
    return _("Source: {source}").format(source=", ".join(p for p in parts if p))


def highlighted(
    names: list[str], areas: list[str] | set[str], keys_for: Callable[[str], Any]
) -> list[str]:
    """Those of a view's area ``names`` a slide highlights (``keys_for``: name -> its keys)."""
    chosen = set(areas)
    found = []
    for name in names:
        keys = keys_for(name)
        if keys and set(keys) <= chosen:
            found.append(name)
    return found


def area_keys(registry: Any, name: str) -> frozenset[str]:
    """The registry keys an area name stands for: a region all its areas, the nation none.

    Names the registry does not know stand for themselves (as the window's selection keeps them).
    """
    found = registry.match(name)
    if found is None:
        return frozenset({str(name)})
    if found.kind == "region":
        return frozenset(registry.regions[found.id].areas) or frozenset({str(name)})
    if found.kind == "national":
        return frozenset()
    return frozenset({found.id})
