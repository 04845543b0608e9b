"""The viewer's settings: one typed object with defaults, stored as JSON, written atomically.

The file is ``settings.json`` in ``$ATLASVIEWER_CONFIG_DIR`` when set (tests point it at a
temporary folder), else in Qt's per-user application configuration folder. It is read through
:mod:`atlasviewer.core.settings_file`: a file that cannot be read (not UTF-8, not JSON, nested
too deep, too large, a FIFO or a device) is renamed aside (``settings.json.corrupt-<timestamp>``)
and the defaults are used, so a damaged file never stops the viewer from starting, is kept for
whoever wants to look at it, and the window says so. It is written through
:mod:`atlasviewer.core.atomic`.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from atlasviewer.core.atomic import atomic_write_text
from atlasviewer.core.safe_io import MESSAGES
from atlasviewer.core.settings_file import read_settings_file
from atlasviewer.i18n import gettext as _

SETTINGS_FILE = "settings.json"


@dataclass
class AppSettings:
    """Everything the viewer remembers between runs.

    Attributes:
        language: UI language (``nb``, ``nn``, ``en``); None until the user or system chose one.
        window_geometry: ``QWidget.saveGeometry()`` as hex, "" for the default size.
        window_state: ``QMainWindow.saveState()`` as hex.
        full_screen: Whether the window was full screen.
        last_atlas: Id of the atlas open at exit, "" for the library screen.
        last_box: Number of the result box shown at exit (0 for none).
        selection: Canonical keys of the selected areas.
        data_folders: Extra data roots the user opened with File > Open data folder.
        recent_decks: Presentation decks opened or saved lately, newest first.
        projector_theme: Whether the window uses the projector theme (View menu).
        colour_blind: Whether maps use colour-blind-safe colours (View menu).
        compare_area: The user's own area in the comparison ("my area"), a registry id.
        compare_indicators: The indicators chosen for the comparison (keys, in order).
    """

    language: str | None = None
    window_geometry: str = ""
    window_state: str = ""
    full_screen: bool = False
    last_atlas: str = ""
    last_box: int = 0
    selection: list[str] = field(default_factory=list)
    data_folders: list[str] = field(default_factory=list)
    recent_decks: list[str] = field(default_factory=list)
    projector_theme: bool = False
    colour_blind: bool = False
    compare_area: str = ""
    compare_indicators: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> AppSettings:
        """Settings from a parsed file; unknown keys are ignored, wrong types take the default."""
        settings = cls()
        for spec in fields(cls):
            if spec.name not in raw:
                continue
            value = raw[spec.name]
            default = getattr(settings, spec.name)
            if spec.name == "language":
                if value is None or value in ("nb", "nn", "en"):
                    settings.language = value
            elif isinstance(default, bool):
                if isinstance(value, bool):
                    setattr(settings, spec.name, value)
            elif isinstance(default, int):
                if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31:
                    setattr(settings, spec.name, value)
            elif isinstance(default, list):
                if isinstance(value, list):
                    setattr(settings, spec.name, [str(v) for v in value])
            elif isinstance(value, str):
                setattr(settings, spec.name, value)
        return settings


def config_dir() -> Path:
    """Where the settings file lives (``$ATLASVIEWER_CONFIG_DIR`` wins)."""
    override = os.environ.get("ATLASVIEWER_CONFIG_DIR")
    if override:
        return Path(override)
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(location) if location else Path.home() / ".config" / "atlasviewer"


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def read_settings(path: Path | None = None) -> tuple[AppSettings, str]:
    """The settings, and what the window should say about a settings file it could not use.

    Reads through :func:`~atlasviewer.core.settings_file.read_settings_file`, which never raises
    and never blocks: a missing file gives the defaults and no notice; a file that is not
    UTF-8, not JSON, nested too deep, too large, a FIFO or a device gives the defaults, is set
    aside (``settings.json.corrupt-<timestamp>``) and a notice naming both files.
    """
    path = path or settings_path()
    read = read_settings_file(path)
    settings = AppSettings.from_dict(read.raw)
    if not read.reason:
        return settings, ""
    if read.set_aside is not None:
        notice = _(
            "The settings file {path} could not be read ({reason}); it was moved to {aside} "
            "and the default settings are used."
        )
    else:
        notice = _(
            "The settings file {path} could not be read ({reason}); the default settings are used."
        )
    return settings, notice.format(path=path, reason=_reason(read.reason), aside=read.set_aside)


def _reason(code: str) -> str:
    template = MESSAGES.get(code)
    if not isinstance(template, str) or "{" in template:
        return code
    return _(template).rstrip(".")


def load_settings(path: Path | None = None) -> AppSettings:
    """Read the settings; a missing file gives defaults, a damaged one is moved aside."""
    return read_settings(path)[0]


def save_settings(settings: AppSettings, path: Path | None = None) -> None:
    """Write the settings atomically (:func:`~atlasviewer.core.atomic.atomic_write_text`).

    Raises:
        WriteError: When the file cannot be written; the old file is unchanged.
    """
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(settings), ensure_ascii=False, indent=2)
    atomic_write_text(path, text)
