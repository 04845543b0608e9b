"""The one way atlas files are read: regular files only, bounded in size and depth, never raising.

An atlas folder is untrusted input. Every reader of the core opens its files through this module,
so that a FIFO, a device or a folder where a file is expected is a problem rather than a read that
blocks for ever; a file larger than its kind's limit is a problem rather than a read of unbounded
size; and JSON nested too deep, numbers of more than 4,300 digits (Python's limit on int
conversion), bytes that are not UTF-8 and any ``OSError`` become a :class:`~.problems.Problem`
naming the file and, where known, the place in it.

Limits (:data:`SIZE_LIMITS`, bytes): data JSON, GeoJSON, CSV and manifests 64 MB each, markdown
and atlas texts 16 MB, settings 1 MB. The largest file in the published atlases is a 3.7 MB PDF;
the largest JSON or GeoJSON is 0.75 MB, so each limit leaves room of more than 80 times.
JSON deeper than :data:`MAX_JSON_DEPTH` is refused (GeoJSON needs 7 levels, the atlas files 6).

The file is opened with ``O_NONBLOCK`` and checked with ``fstat`` on the open descriptor, so no
FIFO blocks the open and no swap between check and read is possible. Standard library only.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from atlasviewer.core.problems import ProblemLog, Template
from atlasviewer.i18n import N_

MB = 1 << 20
SIZE_LIMITS: dict[str, int] = {
    "data": 64 * MB,
    "atlas": 16 * MB,
    "geojson": 64 * MB,
    "csv": 64 * MB,
    "markdown": 16 * MB,
    "manifest": 64 * MB,
    "settings": 1 * MB,
}
"""Largest file read, by kind, in bytes (see the module docstring)."""

MAX_JSON_DEPTH = 64
"""Deepest nesting of JSON arrays and objects accepted."""

MISSING = "missing"
NOT_FILE = "not_file"
TOO_LARGE = "too_large"
UNREADABLE = "unreadable"
NOT_UTF8 = "not_utf8"
NOT_JSON = "not_json"
TOO_DEEP = "too_deep"

MESSAGES: dict[str, Template] = {
    MISSING: N_("The file does not exist."),
    NOT_FILE: N_("This is not a regular file (a folder, pipe or device); it was not read."),
    TOO_LARGE: N_("The file is {size} MB, over the limit of {limit} MB for this kind; not read."),
    UNREADABLE: N_("The file cannot be read: {reason}."),
    NOT_UTF8: N_("The file is not UTF-8 text."),
    NOT_JSON: N_("The file is not valid JSON (truncated or damaged): {reason}."),
    TOO_DEEP: N_("The file is nested deeper than {limit} levels; it was not read."),
}
"""The problem recorded for each way a read fails; a reader may name its own (``messages=``)."""


class ReadFailure(Exception):
    """A file that could not be read; ``code`` is one of the keys of :data:`MESSAGES`."""

    def __init__(self, code: str, place: str = "", **params: Any) -> None:
        super().__init__(code, place, params)
        self.code = code
        self.place = place
        self.params = params

    def record(self, log: ProblemLog, messages: Mapping[str, Template] | None = None) -> None:
        """Record the failure as an error in ``log``."""
        template = (messages or {}).get(self.code) or MESSAGES[self.code]
        log.error(self.place, template, **self.params)


def read_bytes_or_raise(path: Path, kind: str) -> bytes:
    """The bytes of a regular file of at most ``SIZE_LIMITS[kind]`` bytes.

    Raises:
        ReadFailure: For a missing, special, too large or unreadable file.
    """
    limit = SIZE_LIMITS[kind]
    try:
        # Check before opening too: opening a FIFO or a device can have effects of its own.
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise ReadFailure(NOT_FILE)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadFailure(MISSING) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise ReadFailure(UNREADABLE, reason=getattr(exc, "strerror", None) or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadFailure(NOT_FILE)
        if info.st_size > limit:
            raise ReadFailure(TOO_LARGE, size=f"{info.st_size / MB:.0f}", limit=f"{limit / MB:.0f}")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while read
                raise ReadFailure(TOO_LARGE, size=f"{total / MB:.0f}", limit=f"{limit / MB:.0f}")
        return b"".join(chunks)
    except OSError as exc:
        raise ReadFailure(UNREADABLE, reason=exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def read_bytes(
    path: Path, kind: str, log: ProblemLog, messages: Mapping[str, Template] | None = None
) -> bytes | None:
    """The bytes of a file (see :func:`read_bytes_or_raise`), or None with an error in ``log``."""
    try:
        return read_bytes_or_raise(path, kind)
    except ReadFailure as failure:
        failure.record(log, messages)
        return None


def decode_utf8(raw: bytes) -> str:
    """UTF-8 text with or without a byte-order mark.

    Raises:
        ReadFailure: ``not_utf8``, placed at the first bad byte.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadFailure(NOT_UTF8, f"byte {exc.start}") from None


def read_text(
    path: Path, kind: str, log: ProblemLog, messages: Mapping[str, Template] | None = None
) -> str | None:
    """The UTF-8 text of a file (a BOM is dropped), or None with an error in ``log``."""
    try:
        return decode_utf8(read_bytes_or_raise(path, kind))
    except ReadFailure as failure:
        failure.record(log, messages)
        return None


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")


def json_depth_exceeds(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether arrays and objects in the JSON ``text`` (already parsed) nest deeper than ``limit``.

    Read from the brackets of the text, strings left out: each round drops the innermost
    pairs (``[]`` and ``{}``), so the rounds needed to empty it are the depth. Each round is
    one C-speed ``re.sub``, where walking the parsed values in Python took ~0.2 s for the
    first-generation maps (a list per coordinate pair).
    """
    brackets = _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text))
    for _ in range(limit):
        if not brackets:
            return False
        brackets = _INNERMOST.sub("", brackets)  # one pass: a pair it leaves waits a round
    return bool(brackets)


def parse_json(text: str) -> Any:
    """JSON text as Python values; ``NaN`` and ``Infinity`` become floats for the reader to judge.

    Raises:
        ReadFailure: ``not_json`` (with line and column), or ``too_deep``.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadFailure(
            NOT_JSON, f"line {exc.lineno}, column {exc.colno}", reason=exc.msg
        ) from None
    except RecursionError:
        raise ReadFailure(TOO_DEEP, limit=MAX_JSON_DEPTH) from None
    except (ValueError, OverflowError) as exc:  # an integer of more than 4,300 digits
        raise ReadFailure(NOT_JSON, reason=str(exc).split(";")[0]) from None
    if isinstance(value, (dict, list)) and json_depth_exceeds(text):
        raise ReadFailure(TOO_DEEP, limit=MAX_JSON_DEPTH)
    return value


def load_json_or_raise(path: Path, kind: str) -> Any:
    """A JSON file: :func:`read_bytes_or_raise`, then :func:`decode_utf8` and :func:`parse_json`.

    Raises:
        ReadFailure: However the read fails.
    """
    return parse_json(decode_utf8(read_bytes_or_raise(path, kind)))


def load_json(
    path: Path,
    kind: str,
    log: ProblemLog,
    messages: Mapping[str, Template] | None = None,
    default: Any = None,
) -> Any:
    """A JSON file's value, or ``default`` with an error in ``log`` naming why it was not read."""
    try:
        return load_json_or_raise(path, kind)
    except ReadFailure as failure:
        failure.record(log, messages)
        return default


def is_regular_file(path: Path) -> bool:
    """Whether ``path`` is a regular file (following links); never raises, never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
