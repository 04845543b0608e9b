"""Start the viewer window (``atlasviewer``) or its self-test (``atlasviewer --smoke``).

Start-up order is chosen for a fast first paint: Qt, the atlas index and the library screen
first; shapely and matplotlib are loaded while the user reads the library (:mod:`.warmup`), or
when a box is opened first (as ``--smoke`` does).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMessageLogContext, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from atlasviewer import i18n
from atlasviewer.i18n import _

SMOKE_TIMEOUT_S = 60.0
SMOKE_POLL_MS = 10
"""How often --smoke looks whether the box is painted: its time is to the paint, not to a poll."""


IGNORED_MESSAGES = ("This plugin does not support",)
"""Platform plugins without a screen (offscreen, minimal) say so for window hints; not ours."""


class QtMessageRecorder:
    """Records Qt's warnings (and worse) so ``--smoke`` can fail on them."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith(IGNORED_MESSAGES):
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.messages.append(f"{kind.name}: {message}")
        sys.stderr.write(f"{message}\n")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with names for settings and high-DPI pass-through."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    # Fractional scale factors (125 %, 150 %) as the system asks, not rounded to whole numbers.
    # The enum from Qt directly: asking QGuiApplication for its current policy first costs
    # ~25 ms of PySide6 signature set-up at every start.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("atlasviewer")
    app.setOrganizationName("atlasviewer")
    app.setApplicationDisplayName("Atlas Viewer")
    try:
        from atlasviewer.qt.shell.fonts import register_bundled_fonts

        register_bundled_fonts()
    except ImportError:
        pass
    return app


def build_window(args: argparse.Namespace) -> tuple[Any, Any]:
    """The main window and its settings for ``args`` (``--data``, ``--lang``); not shown yet."""
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.sources import data_roots
    from atlasviewer.qt.shell.language import LanguageManager
    from atlasviewer.qt.shell.main_window import MainWindow
    from atlasviewer.qt.shell.settings import read_settings
    from atlasviewer.qt.state import AppState

    settings, notice = read_settings()
    lang = getattr(args, "lang", None) or settings.language or i18n.system_language()
    i18n.set_language(lang)
    roots = data_roots(getattr(args, "data", None))
    roots += [Path(p) for p in settings.data_folders if Path(p) not in roots]
    library = AtlasLibrary(roots)
    state = AppState(library.registry)
    language = LanguageManager()
    window = MainWindow(library, state, language, settings)
    language.setParent(window)
    state.setParent(window)
    if notice:  # a damaged settings file: set aside, said where it went
        window.statusBar().showMessage(notice)
        sys.stderr.write(f"atlasviewer: {notice}\n")
    return window, settings


def run_gui(args: argparse.Namespace) -> int:
    """Open the viewer window (or run ``--smoke``); returns the exit code."""
    recorder = QtMessageRecorder() if getattr(args, "smoke", False) else None
    if recorder is not None:
        qInstallMessageHandler(recorder)
    app = create_application()
    errors: list[str] = []
    previous_hook = sys.excepthook

    def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None):
        errors.append("".join(traceback.format_exception(kind, value, tb)))
        previous_hook(kind, value, tb)
        if recorder is not None:
            app.exit(3)

    sys.excepthook = excepthook
    try:
        window, settings = build_window(args)
    except Exception:  # noqa: BLE001 - start-up failure is reported, not a bare traceback
        traceback.print_exc()
        return 3
    if recorder is None:
        from atlasviewer.qt.shell.session import restore_window

        window.show()
        restore_window(window, settings)
        return app.exec()
    return _run_smoke(app, window, args, recorder, errors)


def _run_smoke(
    app: QApplication,
    window: Any,
    args: argparse.Namespace,
    recorder: QtMessageRecorder,
    errors: list[str],
) -> int:
    window.resize(*getattr(args, "size", (1600, 1000)))
    window.show()
    started = time.monotonic()
    result: dict[str, float] = {"code": 0}

    def fail(message: str, code: int = 1) -> None:
        sys.stderr.write(f"smoke: {message}\n")
        result["code"] = code
        app.exit(code)

    def open_box() -> None:
        library = window.library
        atlas_id = args.atlas or next(
            (library.atlas_id(a) for a in library.atlases if a.published), ""
        )
        if not atlas_id:
            fail(_("No published atlas in the data folders."))
            return
        if not window.open_atlas(atlas_id, args.box or 1):
            fail(_("No atlas “{id}” in the library.").format(id=atlas_id))
            return
        if window.state.box is None:
            fail(_("The atlas has no result box {number}.").format(number=args.box or 1))
            return
        QTimer.singleShot(SMOKE_POLL_MS, wait_painted)

    def wait_painted() -> None:
        view = window.reader.box_view
        app.processEvents()
        if view.is_painted():
            result["painted_at"] = time.time()
            window.grab()  # paint every pane once more, as a screen would
            finish()
        elif time.monotonic() - started > SMOKE_TIMEOUT_S:
            fail("timed out waiting for the result box to be painted")
        else:
            QTimer.singleShot(SMOKE_POLL_MS, wait_painted)

    def finish() -> None:
        if args.screenshot:
            from atlasviewer.core.atomic import WriteError, atomic_save

            target = Path(args.screenshot)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                # Checked to be a whole PNG, then moved into place: no truncated file.
                atomic_save(target, lambda path: window.grab().save(str(path)))
            except (WriteError, OSError) as exc:
                fail(str(exc))
                return
        box = window.state.box
        print(
            f"smoke: {window.state.location.atlas_id} box {box.number if box else '-'} painted in "
            f"{time.monotonic() - started:.2f} s (at {result['painted_at']:.3f})"
        )
        app.exit(0)

    soak_steps = getattr(args, "soak", 0) or 0
    if soak_steps > 0:
        from atlasviewer.qt.shell.soak import Soak

        def soaked(code: int) -> None:
            result["code"] = code
            app.exit(code)

        soak = Soak(window, soak_steps, soaked, sys.stdout)
        soak.start()
    else:
        QTimer.singleShot(0, open_box)
    code = app.exec()
    window.hide()
    if errors:
        sys.stderr.write("smoke: exception(s) raised\n")
        return 3
    if recorder.messages:
        sys.stderr.write("smoke: Qt warnings:\n" + "\n".join(recorder.messages) + "\n")
        return 4
    return code or int(result["code"])
