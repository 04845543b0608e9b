"""Every reference an atlas makes is confined to its data root.

An atlas folder is untrusted input: its data and map fields, the images and links of its texts
(``/helseatlas/img/...``, ``/helseatlas/files/...``, relative paths), its front image and any
symbolic link in it may point anywhere. :func:`confine` is the one check: a path is used only
when, with every ``..`` and every symbolic link resolved, it lies inside the root's own resolved
path. ``file:`` URLs, absolute paths, NUL bytes and anything that leaves the root are refused
with :class:`OutsideRoot`, which :meth:`OutsideRoot.record` turns into a problem naming the
reference. Nothing outside the root is read, opened or handed to another program.

The functions are Qt-free; the Qt side calls :func:`site_path` and :func:`reference_path` for
markdown images and links, and :func:`front_image` for library cards.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

from atlasviewer.core.problems import ProblemLog
from atlasviewer.i18n import N_

SITE_PREFIX = "/helseatlas/"
"""The web site's path prefix the atlas texts use for files of the data root."""

SITE_FOLDERS = {"files": "public", "img": "public", "kart": "public", "data": "public"}
"""Site folders and the root folder that holds each (``/helseatlas/img/x`` is ``public/img/x``)."""

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class OutsideRoot(Exception):
    """A reference that leaves its data root (or cannot be a path in it)."""

    def __init__(self, reference: str, root: Path) -> None:
        super().__init__(reference, root)
        self.reference = reference
        self.root = root

    def record(self, log: ProblemLog, place: str = "") -> None:
        """An error in ``log`` naming the reference."""
        log.error(
            place,
            N_("“{reference}” points outside the atlas folder {root}; it was not read or opened."),
            reference=self.reference[:200],
            root=str(self.root),
        )


def _real(path: Path) -> str:
    return os.path.realpath(path)


def is_inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with ``..`` and links resolved, lies in ``root`` (or is ``root``)."""
    try:
        real_root = _real(root)
        real = _real(path)
    except (OSError, ValueError):
        return False
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def confine(root: Path, path: Path, reference: str | None = None) -> Path:
    """``path`` itself when it lies inside ``root`` (see :func:`is_inside`).

    Raises:
        OutsideRoot: Naming ``reference`` (default: ``path``) when it does not.
    """
    if "\x00" in str(path) or not is_inside(root, path):
        raise OutsideRoot(reference if reference is not None else str(path), root)
    return path


def reference_path(root: Path, folder: Path, reference: str) -> Path:
    """A relative reference written in a file of ``folder``, as a path confined to ``root``.

    Raises:
        OutsideRoot: For a URL (``file:`` included), an absolute path, or a path that leaves
            ``root``.
    """
    target = unquote(reference.split("#")[0].split("?")[0]).strip()
    if _SCHEME.match(target) or os.path.isabs(target) or target.startswith(("\\", "/")):
        raise OutsideRoot(reference, root)
    return confine(root, folder / target, reference)


def site_path(root: Path, target: str) -> Path | None:
    """The local file of a web-site path; None for other pages (an atlas of the site).

    ``/helseatlas/files/X.pdf`` is ``public/files/X.pdf``, ``/helseatlas/statisk/om`` is
    ``posts/statisk/om.md``.

    Raises:
        OutsideRoot: When the path leaves the root (``/helseatlas/img/../../x``).
    """
    if not target.startswith(SITE_PREFIX):
        return None
    relative = unquote(target[len(SITE_PREFIX) :].split("#")[0].split("?")[0])
    parts = relative.split("/")
    if parts[0] in SITE_FOLDERS:
        return confine(root, root / SITE_FOLDERS[parts[0]] / relative, target)
    if parts[0] == "statisk" and len(parts) > 1 and parts[1]:  # the site's own pages
        return confine(root, root / "posts" / "statisk" / f"{parts[1]}.md", target)
    if parts[:2] == ["en", "static"] and len(parts) > 2 and parts[2]:
        return confine(root, root / "posts" / "en" / "static" / f"{parts[2]}.md", target)
    return None


def front_image(root: Path, image: str) -> Path:
    """The file of an atlas's front image (``/helseatlas/img/...`` or a path in the root).

    Raises:
        OutsideRoot: When the image lies outside the root.
    """
    image = image.strip()
    if "/img/" in image:
        return confine(root, root / "public" / "img" / image.split("/img/", 1)[1], image)
    if _SCHEME.match(image):
        raise OutsideRoot(image, root)
    return confine(root, root / image.lstrip("/"), image)
