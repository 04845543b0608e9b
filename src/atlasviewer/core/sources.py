"""Where the atlases are: the data roots the viewer and the commands read.

In order: the ``--data`` options, else ``$ATLASVIEWER_DATA`` (a list separated by
:data:`os.pathsep`), else the atlases bundled beside a frozen application
(``<executable folder>/atlases/<root>``), else the real atlases beside a development checkout
(``<repo>/../shared/helseatlas`` and ``helseatlas-v1``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

ENV_VARIABLE = "ATLASVIEWER_DATA"
BUNDLE_FOLDER = "atlases"
CHECKOUT_ROOTS = ("helseatlas", "helseatlas-v1")


def data_roots(cli_roots: list[str] | None, environ: Mapping[str, str] | None = None) -> list[Path]:
    """The data roots to read, by the order of precedence in the module docstring.

    Args:
        cli_roots: The ``--data`` values, or None when none was given.
        environ: The environment (default :data:`os.environ`).

    Returns:
        The roots as given (not checked: the library records a problem for a root that is
        missing or not an atlas folder). Empty when nothing is found.
    """
    if cli_roots:
        return [Path(r).expanduser() for r in cli_roots]
    environ = os.environ if environ is None else environ
    listed = environ.get(ENV_VARIABLE, "")
    if listed.strip():
        return [Path(p).expanduser() for p in listed.split(os.pathsep) if p.strip()]
    if getattr(sys, "frozen", False):
        bundle = Path(sys.executable).resolve().parent / BUNDLE_FOLDER
        if bundle.is_dir():
            return sorted(p for p in bundle.iterdir() if p.is_dir())
    return checkout_roots()


def checkout_roots(repository: Path | None = None) -> list[Path]:
    """The real atlases beside a development checkout (``src/atlasviewer/core`` -> repo).

    The roots are ``../shared/<name>`` as found beside the checkout, not resolved: ``../shared``
    may be a symlink, and its roots are kept as written, as any root given on the command line.

    Args:
        repository: The checkout (default: the one this module is in).

    Returns:
        The roots of :data:`CHECKOUT_ROOTS` that exist as folders under ``../shared``.
    """
    if repository is None:
        repository = Path(__file__).resolve().parents[3]
    shared = repository.parent / "shared"
    return [shared / name for name in CHECKOUT_ROOTS if (shared / name).is_dir()]
