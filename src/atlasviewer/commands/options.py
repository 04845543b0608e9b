"""Options shared by the ``atlasviewer`` parser and its commands.

Kept out of :mod:`atlasviewer.cli` so that a command module (imported by the window too: the
slide pictures reuse ``export``'s drawing) does not import the entry point, which imports the
window: that would be an import circle.
"""

from __future__ import annotations

import argparse

from atlasviewer.i18n import LANGUAGES, _


def add_lang_argument(parser: argparse.ArgumentParser, *, command: bool = False) -> None:
    """The ``--lang`` option, before a command or after it (``command``: as for ``--data``).

    On a command's parser it has no default of its own: argparse copies a command's defaults
    over the values given before the command.
    """
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS if command else None,
        help=_("language of the interface and content (nb, nn, en)"),
    )
