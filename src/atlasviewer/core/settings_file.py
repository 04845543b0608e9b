"""Reading the viewer's settings file so that no file can stop the viewer from starting.

:func:`read_settings_file` returns the settings file's JSON object, or an empty one (the caller's
defaults) for a file that is missing, unreadable or damaged. It reads through
:mod:`~atlasviewer.core.safe_io`, so a FIFO or ``/dev/zero`` at the settings path never blocks or
fills memory, a file over 1 MB is not read, bytes that are not UTF-8 (latin-1, random) and JSON
that is invalid, nested too deep or not an object are refused, and a byte-order mark is read. A
file that is there but refused is renamed aside (``settings.json.corrupt-<timestamp>``), kept
for whoever wants to look at it, so the next start reads no damaged file again.

Qt-free; ``atlasviewer.qt.settings`` turns the object into its typed settings.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from atlasviewer.core.safe_io import MISSING, UNREADABLE, ReadFailure, load_json_or_raise

CORRUPT_SUFFIX = ".corrupt-"


@dataclass
class SettingsRead:
    """What reading the settings file gave.

    Attributes:
        raw: The file's JSON object; empty for defaults.
        set_aside: Where a damaged file was moved, or None.
        reason: Why the file was not used ("" when it was, or when there was none).
    """

    raw: dict[str, Any] = field(default_factory=dict)
    set_aside: Path | None = None
    reason: str = ""


def set_aside(path: Path) -> Path | None:
    """Rename ``path`` (a file, link, FIFO...) to ``<name>.corrupt-<timestamp>``; None if not."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}{CORRUPT_SUFFIX}{stamp}")
    counter = 1
    while os.path.lexists(target):
        target = path.with_name(f"{path.name}{CORRUPT_SUFFIX}{stamp}-{counter}")
        counter += 1
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


def read_settings_file(path: Path) -> SettingsRead:
    """The settings file's JSON object, or empty; never raises, never blocks (module docstring)."""
    path = Path(path)
    try:
        raw = load_json_or_raise(path, "settings")
    except ReadFailure as failure:
        if failure.code == MISSING and not os.path.lexists(path):
            return SettingsRead()
        if failure.code == UNREADABLE and os.path.lexists(path) and not _is_link(path):
            # Permission denied and the like: renaming would fail too; use the defaults.
            return SettingsRead(reason=failure.code)
        return SettingsRead(set_aside=set_aside(path), reason=failure.code)
    except Exception as exc:  # noqa: BLE001 - no settings file may stop the start
        return SettingsRead(set_aside=set_aside(path), reason=type(exc).__name__)
    if not isinstance(raw, dict):
        return SettingsRead(set_aside=set_aside(path), reason="not_object")
    return SettingsRead(raw)


def _is_link(path: Path) -> bool:
    with contextlib.suppress(OSError):
        return path.is_symlink()
    return False
