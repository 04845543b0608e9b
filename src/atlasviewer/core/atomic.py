"""Every file the viewer writes is written whole or not at all.

:func:`atomic_write` has a writer write a temporary file in the target's folder, flushes it to
disk (``fsync``), checks it (a PDF must end with ``%%EOF``, a PNG with its ``IEND`` chunk, an
XLSX must be a sound zip: :func:`check_for`), and only then moves it over the target with
``os.replace``. So a full disk, a read-only folder or a writer that fails half-way leaves the old
file as it was, and raises :class:`WriteError` saying which file and why. Writing to a path that
is a symbolic link replaces the link itself; the file it points to is never written.

Standard library only; the Qt side uses it for settings, window exports and screenshots.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from atlasviewer.i18n import gettext as _


class WriteError(OSError):
    """A file could not be written; the file that was there before is unchanged."""


Check = Callable[[Path], None]
"""A check of a written temporary file; raises ``ValueError`` saying what is wrong."""


def _mode_for(target: Path) -> int:
    """The old file's permissions, else rw-r--r-- (``mkstemp`` makes its file rw-------)."""
    try:
        return os.stat(target).st_mode & 0o777 if not target.is_symlink() else 0o644
    except OSError:
        return 0o644


def _error(target: Path, exc: BaseException) -> WriteError:
    error = WriteError(_cannot(target, exc))
    error.errno = getattr(exc, "errno", None)
    return error


def _tail(path: Path, size: int = 2048) -> bytes:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - size))
        return handle.read()


def check_nonempty(path: Path) -> None:
    """The file has some bytes."""
    if path.stat().st_size == 0:
        raise ValueError(_("the file is empty"))


def check_pdf(path: Path) -> None:
    """A PDF: ``%PDF-`` at the start and ``%%EOF`` in its last 2 KB (a truncated one lacks it)."""
    check_nonempty(path)
    with path.open("rb") as handle:
        head = handle.read(5)
    if head != b"%PDF-" or b"%%EOF" not in _tail(path):
        raise ValueError(_("the PDF is incomplete"))


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"


def check_png(path: Path) -> None:
    """A PNG: its signature first and the ``IEND`` chunk last."""
    check_nonempty(path)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head != PNG_SIGNATURE or not _tail(path, 12).endswith(PNG_END):
        raise ValueError(_("the PNG image is incomplete"))


def check_svg(path: Path) -> None:
    """An SVG: ends with ``</svg>``."""
    check_nonempty(path)
    if b"</svg>" not in _tail(path, 256):
        raise ValueError(_("the SVG image is incomplete"))


def check_zip(path: Path) -> None:
    """A zip (XLSX): a readable central directory and no damaged member."""
    check_nonempty(path)
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ValueError(_("the workbook is incomplete")) from exc
    if bad is not None:
        raise ValueError(_("the workbook is incomplete"))


CHECKS: dict[str, Check] = {
    "pdf": check_pdf,
    "png": check_png,
    "svg": check_svg,
    "xlsx": check_zip,
}


def check_for(fmt: str) -> Check:
    """The check for files of a format (``pdf``, ``png``...); non-empty for any other."""
    return CHECKS.get(fmt.lower().lstrip("."), check_nonempty)


def atomic_write(target: Path, write: Callable[[Path], object], check: Check | None = None) -> Path:
    """Have ``write`` write ``target`` through a checked temporary file (module docstring).

    Args:
        target: The file to write; its folder must exist.
        write: Writes a file at the path it is given (the temporary file, with the target's
            suffix, in the target's folder).
        check: Raises ``ValueError`` when the written file is not sound; default
            :func:`check_for` the target's suffix.

    Returns:
        ``target``.

    Raises:
        WriteError: When the file cannot be written or fails its check; the old file (if any)
            is unchanged and no temporary file is left.
    """
    target = Path(target)
    check = check or check_for(target.suffix)
    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name[:60]}.", suffix=f".tmp{target.suffix}", dir=folder
        )
    except OSError as exc:
        raise _error(target, exc) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        check(temporary)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, (OSError, ValueError)):
            raise _error(target, exc) from exc
        raise
    with contextlib.suppress(OSError):  # the rename itself on disk; not possible everywhere
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    return target


def _cannot(target: Path, exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return _("Cannot write {path}: {reason}; any file already there is unchanged.").format(
        path=target, reason=reason
    )


def atomic_save(target: Path, save: Callable[[Path], bool], check: Check | None = None) -> Path:
    """:func:`atomic_write` with a writer that returns False when it fails.

    For ``QImage.save``, ``QPixmap.save`` and ``QPainter.end``: False is a :class:`WriteError`.
    """

    def write(path: Path) -> None:
        if save(path) is False:
            raise OSError(_("the file could not be saved"))

    return atomic_write(target, write, check)


def atomic_write_bytes(target: Path, data: bytes, check: Check | None = None) -> Path:
    """Write ``data`` to ``target`` with :func:`atomic_write`."""
    return atomic_write(target, lambda path: path.write_bytes(data), check)


def atomic_write_text(target: Path, text: str, check: Check | None = None) -> Path:
    """Write UTF-8 ``text`` to ``target`` with :func:`atomic_write`."""
    return atomic_write_bytes(target, text.encode("utf-8"), check)
