"""Painting that raises ends its painter: a Python exception or a message, never a segfault.

Issue 18, class 1: an exception inside an active ``QPainter`` (the map's scaling dividing by a
zero width) left the painter active; its device was destroyed first and the process died with
SIGSEGV. Run in a subprocess so that a crash is seen as exit -11, not as a dead test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.qt.map import layout, legend
    from atlasviewer.qt.shell.language import LanguageManager
    from atlasviewer.qt.shell.main_window import MainWindow
    from atlasviewer.qt.shell.settings import AppSettings
    from atlasviewer.qt.state import AppState

    app = QApplication([])
    library = AtlasLibrary([Path(sys.argv[1])])
    state = AppState(library.registry)
    window = MainWindow(library, state, LanguageManager(), AppSettings())
    window.resize(1280, 800)
    window.show()
    window.open_atlas("radiologi2", 2)
    view = window.reader.box_view
    for _ in range(3000):
        app.processEvents()
        if view.is_painted():
            break
    assert view.map_widget.plan is not None, "no map shown"
    view.view_tabs.setCurrentWidget(view.figures)

    def no_area(*args, **kwargs):
        raise ZeroDivisionError("float division by zero")

    layout.scene_to_target = no_area
    out = Path(sys.argv[2])
    view.current_figure_widget = lambda: view.map_widget
    for suffix in ("png", "svg", "pdf"):
        print(suffix, "->", view.export_current_figure(out / f"map.{suffix}") or "written")
    legend.LegendPainter.paint = no_area
    view.map_widget.legend.update()
    try:
        window.grab()
    except ZeroDivisionError as exc:
        print("grab raised", type(exc).__name__)
    app.processEvents()
    print("survived")
    """
)


def test_a_map_whose_scaling_raises_gives_a_message_not_a_crash(tmp_path, v2_root):
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPLBACKEND="Agg")
    environment["ATLASVIEWER_CONFIG_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(v2_root), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=240,
        env=environment,
    )
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr[-3000:]}"
    assert "survived" in done.stdout
    for suffix in ("png", "svg", "pdf"):
        line = next(x for x in done.stdout.splitlines() if x.startswith(f"{suffix} ->"))
        assert "Could not write" in line and f"map.{suffix}" in line, line
    assert "grab raised ZeroDivisionError" in done.stdout  # a Python exception, caught
    assert "Cannot destroy paint device" not in done.stderr


def test_every_painter_is_made_by_the_painting_helper():
    import re
    from pathlib import Path

    import atlasviewer

    source = Path(atlasviewer.__file__).parent
    makers = re.compile(r"QPainter\(|painter\.begin\(")
    found = [
        f"{path.relative_to(source)}:{number}"
        for path in sorted(source.rglob("*.py"))
        if path.name != "painting.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if makers.search(line)
    ]
    assert found == []
