"""Checksums of the atlas data bundled with the application: written at build, checked at start.

The installer puts the atlases under ``<bundle>/atlases/`` together with ``MANIFEST.sha256.json``:
the SHA-256 and size of every bundled data file, by its path relative to that folder. A file that
was changed, truncated or deleted after installation is an error naming the file, so a damaged
installation never shows wrong figures as if they were the published ones. A file that is there
but not in the manifest is a warning: it is not checked, and it was not shipped with the atlases.

Qt-free, standard library only: it runs in the build, in ``atlasviewer validate`` and in the app.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from atlasviewer.core.problems import Problem, ProblemLog, Severity
from atlasviewer.core.safe_io import ReadFailure, is_regular_file, load_json_or_raise
from atlasviewer.i18n import N_

MANIFEST_NAME = "MANIFEST.sha256.json"
"""File name of the manifest, in the folder that holds the bundled data roots."""

MANIFEST_FORMAT = 1

_CHUNK = 1 << 20


@dataclass(frozen=True)
class ManifestEntry:
    """What one bundled file must be: its size in bytes and its SHA-256 in hex."""

    size: int
    sha256: str


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in lower-case hex."""
    import hashlib  # only when contents are checked: the library's start checks presence only

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _data_files(folder: Path) -> list[Path]:
    """Every file below ``folder`` except the manifest itself, in a stable order."""
    found = [
        Path(dirpath, name)
        for dirpath, _dirs, names in os.walk(folder)
        for name in names
        if not (Path(dirpath) == folder and name == MANIFEST_NAME)
    ]
    return sorted(found)


def build_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """Checksum every file below ``folder``, keyed by its POSIX path relative to ``folder``."""
    return {
        path.relative_to(folder).as_posix(): ManifestEntry(path.stat().st_size, file_sha256(path))
        for path in _data_files(folder)
    }


def write_manifest(folder: Path) -> Path:
    """Write ``folder/MANIFEST.sha256.json`` for the files now in ``folder``; return its path."""
    entries = build_manifest(folder)
    document = {
        "format": MANIFEST_FORMAT,
        "algorithm": "sha256",
        "files": {
            name: {"size": entry.size, "sha256": entry.sha256} for name, entry in entries.items()
        },
    }
    target = folder / MANIFEST_NAME
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    temporary.replace(target)
    return target


def find_manifest(root: Path) -> Path | None:
    """The manifest covering ``root``: in ``root`` itself or in the folder that holds it.

    ``root`` is either the bundle's ``atlases`` folder or one data root inside it
    (``atlases/helseatlas``). Data folders a user points the app to have no manifest.
    """
    for folder in (root, root.parent):
        candidate = folder / MANIFEST_NAME
        if candidate.is_file():
            return candidate
    return None


def read_manifest(path: Path, log: ProblemLog) -> dict[str, ManifestEntry] | None:
    """Read a manifest file; a manifest that cannot be read is an error in ``log``."""
    try:
        document = load_json_or_raise(path, "manifest")
        files = document["files"]
        return {
            str(name): ManifestEntry(int(entry["size"]), str(entry["sha256"]).lower())
            for name, entry in files.items()
        }
    except (ReadFailure, ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
        if isinstance(exc, ReadFailure):
            exc.record(why := ProblemLog(str(path)))
            exc = ValueError(why.problems[0].message.rstrip("."))
        log.error(
            "",
            N_(
                "The list of checksums of the installed atlas data cannot be read ({reason}). "
                "Reinstall the application."
            ),
            reason=str(exc),
        )
        return None


def is_installed_data(root: Path) -> bool:
    """Whether ``root`` is (in) the atlas data bundled with a frozen, installed viewer."""
    import sys

    from atlasviewer.core.sources import BUNDLE_FOLDER

    if not getattr(sys, "frozen", False):
        return False
    bundle = Path(sys.executable).resolve().parent / BUNDLE_FOLDER
    try:
        Path(root).resolve().relative_to(bundle.resolve())
    except (ValueError, OSError):
        return False
    return True


def verify_manifest(
    root: Path, *, check_contents: bool = True, required: bool | None = None
) -> list[Problem]:
    """Compare the data files under ``root`` with the manifest written when they were bundled.

    Args:
        root: The bundle's ``atlases`` folder, or one data root inside it. When no manifest
            covers ``root`` (data the user chose, a development checkout) nothing is checked
            and the list is empty.
        check_contents: Compare SHA-256 checksums (reads every file). When false, only
            presence and size are compared, which is instant.
        required: Whether a missing manifest is an error; by default it is for the data of
            an installed viewer (:func:`is_installed_data`), where deleting the manifest must
            not turn the check off.

    Returns:
        An error for every file that is missing or whose contents differ, naming the file; a
        warning for every file under ``root`` that the manifest does not list.
    """
    root = Path(root)
    manifest_path = find_manifest(root)
    if manifest_path is None:
        if not (is_installed_data(root) if required is None else required):
            return []
        log = ProblemLog(str(root / MANIFEST_NAME))
        log.error(
            "",
            N_(
                "The list of checksums of the installed atlas data is missing, so the data "
                "cannot be checked. Reinstall the application."
            ),
        )
        return log.problems
    base = manifest_path.parent
    log = ProblemLog(str(manifest_path))
    entries = read_manifest(manifest_path, log)
    if entries is None:
        return log.problems
    prefix = "" if root.resolve() == base.resolve() else root.relative_to(base).as_posix() + "/"
    wanted = {name: entry for name, entry in entries.items() if name.startswith(prefix)}

    for name, entry in sorted(wanted.items()):
        path = base / name
        if not is_regular_file(path):
            log.add(
                Severity.ERROR,
                "",
                N_(
                    "The atlas data file {name} is missing from the installation. "
                    "Reinstall the application."
                ),
                file=str(path),
                name=name,
            )
        elif path.stat().st_size != entry.size or (
            check_contents and file_sha256(path) != entry.sha256
        ):
            log.add(
                Severity.ERROR,
                "",
                N_(
                    "The atlas data file {name} has been changed since the application was "
                    "installed: its contents no longer match the published data. "
                    "Reinstall the application."
                ),
                file=str(path),
                name=name,
            )

    scan_from = base / prefix if prefix else base
    for path in _data_files(scan_from):
        name = path.relative_to(base).as_posix()
        if name not in entries:
            log.add(
                Severity.WARNING,
                "",
                N_(
                    "The file {name} was not installed with the atlas data; "
                    "it is not checked and may not be published data."
                ),
                file=str(path),
                name=name,
            )
    return log.problems
