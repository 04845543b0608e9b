"""Test set-up: Qt offscreen, matplotlib headless, English UI, and the real data in ../shared."""

from __future__ import annotations

import os
import socket
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
    """Every test starts in English and leaves the language as it found it.

    Language listeners of Qt objects that are gone (``run_gui`` run in-process does not close
    its state) are dropped after the test: a later test's switch must not call into objects that
    Qt has deleted ("Signal source has been deleted").
    """
    i18n.set_language("en")
    yield
    from atlasviewer.qt import translation

    for listeners in (i18n._listeners, translation._followers, translation._after):
        listeners[:] = [one for one in listeners if not _of_a_deleted_qt_object(one)]
    i18n.set_language("en")


def _of_a_deleted_qt_object(listener) -> bool:
    import shiboken6
    from PySide6.QtCore import QObject

    owner = getattr(listener, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


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


class DialogAnswers:
    """The answers a test gives to the viewer's dialogs, and the dialogs it was asked.

    Set the attributes before the action that opens a dialog; ``asked`` lists ``(kind, title)``
    of every dialog in order (kind: the static function's name, e.g. ``"warning"``).
    """

    def __init__(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.button = QMessageBox.StandardButton.Ok  # what every message box answers
        self.save_file = ""  # getSaveFileName's path ("" = cancelled)
        self.open_file = ""  # getOpenFileName's path
        self.folder = ""  # getExistingDirectory's folder
        self.asked: list[tuple[str, str]] = []

    def _message(self, kind):
        def answer(parent, title, text, *args, **kwargs):
            self.asked.append((kind, title))
            return self.button

        return answer

    def _file(self, kind, attribute):
        def answer(parent=None, caption="", *args, **kwargs):
            self.asked.append((kind, caption))
            path = getattr(self, attribute)
            return path if kind == "getExistingDirectory" else (path, "")

        return answer


@pytest.fixture
def answer_dialogs(monkeypatch) -> DialogAnswers:
    """Answer QMessageBox's and QFileDialog's static dialogs instead of showing them."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    answers = DialogAnswers()
    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, answers._message(kind))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", answers._file("getSaveFileName", "save_file")
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", answers._file("getOpenFileName", "open_file")
    )
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", answers._file("getExistingDirectory", "folder")
    )
    return answers


class ModalGuard:
    """Closes a modal dialog nobody answers within ``patience`` seconds, and remembers it."""

    def __init__(self, patience: float = 5.0) -> None:
        from PySide6.QtCore import QTimer

        self.patience = patience
        self.left_open: list[str] = []
        self._seen: dict[int, float] = {}
        self._timer = QTimer()
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _check(self) -> None:
        import time

        from PySide6.QtWidgets import QApplication, QDialog

        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        first = self._seen.setdefault(id(modal), time.monotonic())
        if time.monotonic() - first < self.patience:
            return
        text = getattr(modal, "text", lambda: "")()
        self.left_open.append(f"{type(modal).__name__} {modal.windowTitle()!r} {text!r}".strip())
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture(autouse=True)
def modal_guard(request):
    """In a test with a QApplication, a modal dialog left unanswered fails the test, not the run.

    Without it a dialog's own event loop waits for a click forever (pytest-timeout's per-test
    limit in pyproject.toml then ends the whole run). Answer dialogs with ``answer_dialogs``.
    """
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield None
        return
    request.getfixturevalue("qapp")
    guard = ModalGuard()
    yield guard
    guard.stop()
    if guard.left_open:
        pytest.fail("a modal dialog was left unanswered: " + "; ".join(guard.left_open))


class NetworkBlocked(OSError):
    """A test tried to open a network connection: the suite opens no socket (issue 18)."""


@pytest.fixture(autouse=True)
def _no_sockets(monkeypatch):
    """No test connects anywhere: the viewer is offline, and its tests must be too.

    Python's socket connects raise :class:`NetworkBlocked` (an ``OSError``, as a real failure
    would be); Qt's own connections (CUPS for a system printer) are cut by ``dev.sh test``
    running pytest under ``unshare -n``, and the print tests print to :func:`pdf_printer`.
    """

    def refuse(*args, **kwargs):
        raise NetworkBlocked("tests open no socket: " + repr(args[1:] if args else kwargs))

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def pdf_printer(tmp_path):
    """A printer that writes a PDF file, without asking CUPS (a QPrinter does, on localhost:631).

    ``pdf_printer("name.pdf", first, last)`` gives a ``QPdfWriter`` with the print dialog's
    page range (``fromPage``/``toPage``, 0 = all pages) that the viewer's printing reads.
    """
    from PySide6.QtGui import QPdfWriter

    class PdfFilePrinter(QPdfWriter):
        def __init__(self, path: Path, first: int, last: int) -> None:
            super().__init__(str(path))
            self.path, self._range = path, (first, last)

        def fromPage(self) -> int:  # noqa: N802 - QPrinter's name
            return self._range[0]

        def toPage(self) -> int:  # noqa: N802 - QPrinter's name
            return self._range[1]

    def make(name: str = "printed.pdf", first: int = 0, last: int = 0) -> PdfFilePrinter:
        return PdfFilePrinter(tmp_path / name, first, last)

    return make
