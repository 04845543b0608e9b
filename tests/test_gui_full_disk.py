"""A full disk never costs the user a file: the window's outputs are written atomically.

Issue 18, class 6: every file the window writes (a figure exported, a generated fact sheet, the
``--smoke --screenshot`` PNG, the settings) goes to a temporary file in the same folder, is
checked and only then moved into place. The disk filling up is played by ``os.fsync`` raising
``ENOSPC`` (the writers are Qt's and matplotlib's; the flush to disk is where a full disk shows).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QMessageBox

from atlasviewer.core.library import AtlasLibrary

OLD = b"the file the user had before\n"


def _full_disk(monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)


@pytest.fixture
def window(open_window, qtbot, v2_root):
    window = open_window(AtlasLibrary([v2_root]))
    assert window.open_atlas("radiologi2", 2)
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=30000)
    return window


@pytest.mark.parametrize("figure", ["map", "chart"])
@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_a_figure_export_on_a_full_disk_keeps_the_old_file_and_says_so(
    window, qtbot, tmp_path, monkeypatch, answer_dialogs, figure, suffix
):
    view = window.reader.box_view
    if figure == "map":
        view.map_widget.view.setFocus()
        qtbot.waitUntil(lambda: view.current_figure_widget() is view.map_widget)
    else:
        assert view.current_figure_widget() is view.chart_tabs.currentWidget()
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"figure.{suffix}"
    target.write_bytes(OLD)
    answer_dialogs.save_file = str(target)
    texts: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: texts.append(text)
    )
    _full_disk(monkeypatch)
    window.output_commands.export_current_figure()
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in folder.iterdir()) == [target.name]  # no temporary left
    assert len(texts) == 1 and str(target) in texts[0]
    assert os.strerror(errno.ENOSPC) in texts[0] and "unchanged" in texts[0]
    monkeypatch.undo()
    # With room on the disk the same export replaces the file with a whole figure.
    answer_dialogs.save_file = str(target)
    monkeypatch.setattr(QMessageBox, "warning", answer_dialogs._message("warning"))
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.output_commands.export_current_figure()
    assert target.read_bytes() != OLD and target.stat().st_size > 100
    assert f"Saved {target}" in window.statusBar().currentMessage()


def test_a_fact_sheet_on_a_full_disk_keeps_the_old_sheet_and_says_so(window, tmp_path, monkeypatch):
    window.state.select("UNN")
    target = tmp_path / "unn.pdf"
    target.write_bytes(OLD)
    _full_disk(monkeypatch)
    assert window.create_fact_sheet(path=target) is None
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".unn", "unn"))) == [
        "unn.pdf"
    ]
    box = window.message_box
    assert box is not None and str(target) in box.text() and "unchanged" in box.text()
    assert not window.showing_fact_sheet
    box.close()


SMOKE = textwrap.dedent(
    """
    import errno, os, sys

    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    os.fsync = no_space
    from atlasviewer.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_smoke_screenshot_on_a_full_disk_keeps_the_old_png_and_fails(tmp_path, v2_root):
    shot = tmp_path / "shots" / "window.png"
    shot.parent.mkdir()
    shot.write_bytes(OLD)
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPLBACKEND="Agg")
    environment["ATLASVIEWER_CONFIG_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", SMOKE, "--smoke", "--data", str(v2_root), "--lang", "en"]
        + ["--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=180,
        env=environment,
    )
    assert done.returncode != 0
    assert shot.read_bytes() == OLD and sorted(p.name for p in shot.parent.iterdir()) == [
        "window.png"
    ]
    assert str(shot) in done.stderr and os.strerror(errno.ENOSPC) in done.stderr
