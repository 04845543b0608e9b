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


def unknown_atlases(library: AtlasLibrary, ids: Sequence[str]) -> bool:
    """Print the unknown ones among ``ids`` with the known ids; True when there were any."""
    unknown = [atlas_id for atlas_id in ids if library.get(atlas_id) is None]
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
