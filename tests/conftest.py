"""Test set-up: Qt offscreen, matplotlib headless, English UI, and the real data in ../shared."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
# Commands speak the system locale's language unless told: the tests read English, on any
# machine (a test of the locale rule sets these itself).
for _variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"

import pytest  # noqa: E402

import atlasviewer.qt  # noqa: E402,F401  (guards PySide6 6.12 on Python 3.11; see its docstring)
from atlasviewer import i18n  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
V2_ROOT = SHARED / "helseatlas"
V1_ROOT = SHARED / "helseatlas-v1"


@pytest.fixture(autouse=True)
def _english_ui():
    """Every test starts in English and leaves the language as it found it."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def v2_root() -> Path:
    if not V2_ROOT.is_dir():
        pytest.skip("../shared/helseatlas is not beside the repository")
    return V2_ROOT


@pytest.fixture(scope="session")
def v1_root() -> Path:
    if not V1_ROOT.is_dir():
        pytest.skip("../shared/helseatlas-v1 is not beside the repository")
    return V1_ROOT


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch):
    """Build the real main window over a library, shown at a size, with settings in tmp_path."""
    from atlasviewer.qt.shell.language import LanguageManager
    from atlasviewer.qt.shell.main_window import MainWindow
    from atlasviewer.qt.shell.settings import AppSettings
    from atlasviewer.qt.state import AppState

    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    opened = []

    def make(library, size=(1280, 800)):
        state = AppState(library.registry)
        language = LanguageManager()
        window = MainWindow(library, state, language, AppSettings())
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        opened.append((state, language))
        return window

    yield make
    for state, language in opened:
        state.close()
        language.close()
