"""``atlasviewer deck``: a presentation deck, or a deck of result boxes, as PowerPoint or PDF.

``atlasviewer deck FILE.avdeck --out FILE.pptx`` writes the slides of a deck saved in the window;
``atlasviewer deck --atlas ID [--box N ...|all] [--area NAME ...] --out FILE.pdf`` a slide for every
view of the chosen boxes, the areas outlined. Each slide has the view's title, the view as a
picture drawn as ``atlasviewer export`` draws it (a table as a native PowerPoint table), and the
source line; the finding goes into the speaker notes. The PDF is a handout: one page a slide,
the finding under the view. A slide whose atlas, box or view is gone is named on stderr and
left out; the others are written and the command exits 1. The file is written atomically.
Exit codes: 0 all written, 1 some slide left out, 2 wrong usage or a file that is not a deck.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from atlasviewer.i18n import _, ngettext

FORMATS = (".pptx", ".pdf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from atlasviewer.commands.options import add_lang_argument

    parser.add_argument(
        "deck", nargs="?", metavar="FILE.avdeck", help=_("a deck saved in the viewer")
    )
    parser.add_argument("--atlas", metavar="ID", help=_("without a deck file: the atlas"))
    parser.add_argument(
        "--box",
        nargs="+",
        default=["all"],
        metavar="N",
        help=_("with --atlas: result box numbers (from 1), or all (the default)"),
    )
    parser.add_argument(
        "--area",
        action="append",
        default=[],
        metavar="NAME",
        help=_("with --atlas: an area or health region to outline (repeatable)"),
    )
    add_lang_argument(parser, command=True)
    parser.add_argument(
        "--out", required=True, metavar="FILE", help=_("the file to write: .pptx or .pdf")
    )
    parser.add_argument(
        "--aspect", choices=("16:9", "4:3"), default=None, help=_("slide shape (default 16:9)")
    )
    parser.add_argument(
        "--dpi", type=float, default=150.0, help=_("picture resolution (default 150)")
    )


def run(args: argparse.Namespace) -> int:
    from atlasviewer.commands.headless import use_headless_backends

    use_headless_backends()
    from atlasviewer import i18n
    from atlasviewer.commands.library_args import library_from_args

    lang = getattr(args, "lang", None) or i18n.system_language()
    i18n.set_language(lang)
    out = Path(args.out)
    if out.suffix.lower() not in FORMATS:
        _error(_("{path}: the file must end in .pptx or .pdf.").format(path=out))
        return 2
    library = library_from_args(args)
    if library is None:
        return 2
    deck = _deck(args, library, lang)
    if deck is None:
        return 2
    if getattr(args, "aspect", None):
        deck.aspect = args.aspect
    from atlasviewer.core.deck_views import resolve

    shown = []
    left_out = 0
    for number, slide in enumerate(deck.slides, start=1):
        found = resolve(slide, library, lang)
        if found.ok:
            shown.append(found)
        else:
            left_out += 1
            _error(_("Slide {number}: {missing}").format(number=number, missing=found.missing))
    if not shown:
        _error(_("No slide to write."))
        return 1
    from atlasviewer.commands.slides import SlideRenderer

    try:
        with SlideRenderer(library, deck.aspect, args.dpi) as renderer:
            if out.suffix.lower() == ".pptx":
                from atlasviewer.commands.deck_pptx import write_pptx

                failed = _atomic(out, lambda path: write_pptx(renderer, shown, path))
            else:
                from atlasviewer.commands.deck_pdf import write_pdf

                failed = _atomic(out, lambda path: write_pdf(renderer, shown, path))
    except OSError as exc:
        _error(_("Cannot write {path}: {error}").format(path=out, error=exc))
        return 1
    for note in failed:
        _error(note)
    written = len(shown) - len(failed)
    print(
        ngettext(
            "{count} slide written to {path}.", "{count} slides written to {path}.", written
        ).format(count=written, path=out)
    )
    return 1 if left_out or failed else 0


def _deck(args: argparse.Namespace, library: Any, lang: str) -> Any:
    """The deck the options name (a file, or the boxes of an atlas), or None (message printed)."""
    from atlasviewer.core.deck import read_deck
    from atlasviewer.core.deck_views import area_keys, box_slides
    from atlasviewer.core.problems import Severity

    if args.deck:
        deck, problems = read_deck(args.deck)
        for problem in problems:
            _error(str(problem))
        if any(p.severity is Severity.ERROR for p in problems):
            return None
        return deck
    if not args.atlas:
        _error(_("Give a deck file, or --atlas ID for a deck of its result boxes."))
        return None
    from atlasviewer.commands.library_args import unknown_atlases

    if unknown_atlases(library, [args.atlas]):
        return None
    numbers: list[int] | None = None
    if [b.lower() for b in args.box] != ["all"]:
        try:
            numbers = [int(b) for b in args.box]
        except ValueError:
            _error(
                _("--box takes result box numbers or all, not {boxes}.").format(
                    boxes=" ".join(args.box)
                )
            )
            return None
    keys: set[str] = set()
    for name in args.area:
        keys |= area_keys(library.registry, name)
    try:
        deck = box_slides(library, args.atlas, numbers, sorted(keys), lang)
    except LookupError as exc:
        _error(str(exc.args[0] if exc.args else exc))
        return None
    known = _map_areas(library, args.atlas, deck)
    for name in args.area:
        if library.registry.match(name) is None and name not in known:
            _error(_("Unknown area or health region: {name}.").format(name=name))
            return None
    return deck


def _map_areas(library: Any, atlas_id: str, deck: Any) -> set[str]:
    """The area names of the maps the deck's boxes draw (areas the registry may not know)."""
    atlas = library.get(atlas_id)
    variant = atlas.variant(deck.slides[0].lang) if deck.slides else None
    names: set[str] = set()
    files = {b.map_file for b in variant.result_boxes} if variant is not None else set()
    for map_file in files:
        try:
            geography = library.geography(atlas, map_file)
        except Exception:  # noqa: BLE001 - a map that cannot be read has no names to offer
            continue
        names.update(str(key) for key in geography.keys)
    return names


def _atomic(path: Path, write: Any) -> list[str]:
    """Write through a temporary file beside ``path``, then ``os.replace``; returns the notes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".deck-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    try:
        notes: list[str] = write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return notes


def _error(message: str) -> None:
    print(message, file=sys.stderr)
