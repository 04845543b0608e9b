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
import warnings
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


SHOW_WARNING = warnings.showwarning

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

    def python_warning(  # noqa: PLR0913 - warnings.showwarning's signature
        self,
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        """A Python (or matplotlib) warning: recorded like Qt's, so ``--smoke`` fails on it."""
        text = f"{category.__name__}: {message} ({Path(filename).name}:{lineno})"
        self.messages.append(text)
        sys.stderr.write(f"{text}\n")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with names for settings and high-DPI pass-through."""
    # Qt's own file and print dialogs, not the desktop's: they speak the viewer's language
    # (our catalogues translate their texts, see language.py), where a GTK or KDE dialog
    # would speak the system's whatever the Language menu says.
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
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
        # matplotlib's and Python's warnings (a glyph missing, a layout that cannot fit) too
        warnings.simplefilter("always")
        warnings.showwarning = recorder.python_warning
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
    result: dict[str, Any] = {"code": 0}

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
        atlas = library.get(atlas_id)
        if atlas is not None and args.atlas:
            from atlasviewer.commands.library_args import say_choice

            say_choice(library, args.atlas)  # "eldre" is v1-eldre: said, as export says it
        if atlas is None:
            fail(_("No atlas “{id}” in the library.").format(id=atlas_id))
            return
        count = len(atlas.variant(i18n.current_language()).result_boxes)
        number = args.box or 1
        if not 1 <= number <= count:
            # A usage error (exit 2) that names the range, as `export --box` gives.
            fail(
                _("Atlas {atlas} has no result box {box}; it has boxes 1 to {count}.").format(
                    atlas=atlas_id, box=number, count=count
                ),
                2,
            )
            return
        window.open_atlas(atlas, number)
        QTimer.singleShot(SMOKE_POLL_MS, wait_painted)

    def wait_painted() -> None:
        view = window.reader.box_view
        app.processEvents()
        if view.is_painted():
            result["painted_at"] = time.time()
            window.grab()  # paint every pane once more, as a screen would
            if getattr(args, "present", False):
                present()
            else:
                finish()
        elif time.monotonic() - started > SMOKE_TIMEOUT_S:
            fail("timed out waiting for the result box to be painted")
        else:
            QTimer.singleShot(SMOKE_POLL_MS, wait_painted)

    def present() -> None:
        """``--present``: the view shown as presentation mode shows it, at ``--size``."""
        shown = window.presentation.present_current_view()
        if shown is None:
            fail("no view to present")
            return
        shown.setWindowState(Qt.WindowState.WindowNoState)
        shown.resize(*getattr(args, "size", (1600, 1000)))
        app.processEvents()
        shown.grab()  # the slide laid out and painted (the chart draws here)
        result["shown"] = shown
        finish()

    def finish() -> None:
        if args.screenshot:
            from atlasviewer.core.atomic import WriteError, atomic_save

            target = Path(args.screenshot)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                # Checked to be a whole PNG, then moved into place: no truncated file.
                grabbed = result.get("shown", window)
                atomic_save(target, lambda path: grabbed.grab().save(str(path)))
            except (WriteError, OSError) as exc:
                fail(str(exc))
                return
        box = window.state.box
        shown = f"{window.state.location.atlas_id} box {box.number if box else '-'}"
        if getattr(args, "smoke_view", None):
            shown = f"comparison {window.compare.workspace.view}"
        print(
            f"smoke: {shown} painted in "
            f"{time.monotonic() - started:.2f} s (at {result['painted_at']:.3f})"
        )
        app.exit(0)

    def open_compare() -> None:
        entry = window.compare
        area = getattr(args, "smoke_area", None) or ""
        if not entry.show(args.smoke_view, area, args.atlas or ""):
            fail(window.statusBar().currentMessage())
            return
        QTimer.singleShot(SMOKE_POLL_MS, wait_compare)

    def wait_compare() -> None:
        app.processEvents()
        if window.compare.workspace.is_ready():
            result["painted_at"] = time.time()
            window.grab()
            finish()
        elif time.monotonic() - started > SMOKE_TIMEOUT_S:
            fail("timed out waiting for the comparison to be laid out")
        else:
            QTimer.singleShot(SMOKE_POLL_MS, wait_compare)

    soak_steps = getattr(args, "soak", 0) or 0
    if soak_steps > 0:
        from atlasviewer.qt.shell.soak import Soak

        def soaked(code: int) -> None:
            result["code"] = code
            app.exit(code)

        soak = Soak(window, soak_steps, soaked, sys.stdout)
        soak.start()
    elif getattr(args, "smoke_view", None):
        QTimer.singleShot(0, open_compare)
    else:
        QTimer.singleShot(0, open_box)
    try:
        code = app.exec()
    finally:
        warnings.showwarning = SHOW_WARNING
        warnings.resetwarnings()
    shown = result.get("shown")
    if shown is not None:
        shown.close()
    window.hide()
    if errors:
        sys.stderr.write("smoke: exception(s) raised\n")
        return 3
    if recorder.messages:
        sys.stderr.write(
            "smoke: warnings (Qt, Python, matplotlib):\n" + "\n".join(recorder.messages) + "\n"
        )
        return 4
    return code or int(result["code"])
