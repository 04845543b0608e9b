"""The viewer's settings: one typed object with defaults, stored as JSON, written atomically.

The file is ``settings.json`` in ``$ATLASVIEWER_CONFIG_DIR`` when set (tests point it at a
temporary folder), else in Qt's per-user application configuration folder. A file that cannot
be read is renamed aside (``settings.json.corrupt-<timestamp>``) and the defaults are used, so a
damaged file never stops the viewer from starting and is kept for whoever wants to look at it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

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
                if isinstance(value, int) and not isinstance(value, bool):
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


def load_settings(path: Path | None = None) -> AppSettings:
    """Read the settings; a missing file gives defaults, a corrupt one is moved aside."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return AppSettings()
    except OSError:
        return AppSettings()
    try:
        raw = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("settings file is not a JSON object")
    except ValueError:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        with contextlib.suppress(OSError):
            os.replace(path, path.with_name(f"{path.name}.corrupt-{stamp}"))
        return AppSettings()
    return AppSettings.from_dict(raw)


def save_settings(settings: AppSettings, path: Path | None = None) -> None:
    """Write the settings atomically: a temporary file in the same folder, then ``os.replace``."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            json.dump(asdict(settings), fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
