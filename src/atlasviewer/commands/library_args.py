"""Opening the atlas library from a command's ``--data`` and ``--atlas`` options.

Every headless command finds its data the same way and says the same thing when there is none or
when an atlas id is unknown; a ``None`` answer means the message is printed and the command
should exit 2 (wrong usage).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from atlasviewer.i18n import _

if TYPE_CHECKING:
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.model import Atlas


def library_from_args(args: argparse.Namespace) -> AtlasLibrary | None:
    """The library over the data roots the options name, or None (message printed)."""
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.sources import data_roots

    roots = data_roots(getattr(args, "data", None))
    if not roots:
        print(_("No atlas data found: give --data DIR or set ATLASVIEWER_DATA."), file=sys.stderr)
        return None
    return AtlasLibrary(roots)


def say_choice(library: AtlasLibrary, name: str) -> None:
    """Say on stderr which atlas a plain ``--atlas`` name chose when it is not the library id.

    ``eldre`` with only ``v1-eldre`` in the library chooses that one and says so; with both
    ``eldre`` and ``v1-eldre`` it chooses ``eldre`` and names the other.
    """
    atlas, answers = library.resolve(name)
    if atlas is None:
        return
    chosen = library.atlas_id(atlas)
    others = [answer for answer in answers if answer != chosen]
    if others:
        print(
            _("“{name}” names {count} atlases; chosen: {chosen} (the others: {others}).").format(
                name=name, count=len(answers), chosen=chosen, others=", ".join(others)
            ),
            file=sys.stderr,
        )
    elif chosen != name:
        print(
            _("“{name}” is the atlas {chosen}.").format(name=name, chosen=chosen), file=sys.stderr
        )


def unknown_atlases(library: AtlasLibrary, ids: Sequence[str]) -> bool:
    """Print the unknown ones among ``ids`` with the known ids; True when there were any.

    The known ones are reported with :func:`say_choice` when a plain id chose them.
    """
    unknown = [atlas_id for atlas_id in ids if library.get(atlas_id) is None]
    for atlas_id in ids:
        if atlas_id not in unknown:
            say_choice(library, atlas_id)
    if unknown:
        print(
            _("Unknown atlas id: {ids}. Known ids: {known}.").format(
                ids=", ".join(unknown), known=", ".join(library.ids)
            ),
            file=sys.stderr,
        )
    return bool(unknown)


def atlas_from_args(args: argparse.Namespace) -> tuple[AtlasLibrary, Atlas] | None:
    """The library and the one atlas ``--atlas`` names, or None (message printed)."""
    library = library_from_args(args)
    if library is None or unknown_atlases(library, [args.atlas]):
        return None
    atlas = library.get(args.atlas)
    assert atlas is not None
    return library, atlas
