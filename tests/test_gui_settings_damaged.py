"""A settings file that cannot be read never stops the window: defaults, the file set aside, said.

Issue 18, class 7: latin-1 or random bytes, JSON nested too deep, a FIFO or ``/dev/zero`` as the
settings file stopped the start (``UnicodeDecodeError``, ``RecursionError``, a hang, a
``MemoryError``). The real window is built as ``atlasviewer`` builds it (``build_window``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys

import pytest

from atlasviewer.qt.shell.settings import AppSettings, save_settings


def _latin1(path):
    path.write_bytes('{"language": "nb", "last_atlas": "blåbær"}'.encode("latin-1"))


def _random(path):
    path.write_bytes(random.Random(18).randbytes(4096))


def _deep(path):
    path.write_text('{"selection": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")


def _fifo(path):
    os.mkfifo(path)


def _dev_zero(path):
    path.symlink_to("/dev/zero")


DAMAGED = {"latin-1": _latin1, "random": _random, "deep": _deep, "fifo": _fifo, "zero": _dev_zero}


def _build(qtbot, v2_root):
    from atlasviewer.qt.shell.app import build_window

    window, settings = build_window(argparse.Namespace(data=[str(v2_root)], lang="en"))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, settings


@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_a_damaged_settings_file_gives_defaults_is_set_aside_and_is_named(
    qtbot, tmp_path, monkeypatch, v2_root, kind
):
    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    path = tmp_path / "settings.json"
    DAMAGED[kind](path)
    window, settings = _build(qtbot, v2_root)
    assert settings == AppSettings()
    assert window.library_view.isVisible() or window.stack.currentWidget() is not None
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(aside) == 1 and not os.path.lexists(path)
    message = window.statusBar().currentMessage()
    assert str(path) in message and str(aside[0]) in message
    assert "default settings" in message
    window.close()  # saves the defaults, atomically, where the damaged file was
    assert json.loads(path.read_text(encoding="utf-8"))["last_atlas"] == ""


def test_a_settings_file_with_a_byte_order_mark_is_read(qtbot, tmp_path, monkeypatch, v2_root):
    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    path = tmp_path / "settings.json"
    text = json.dumps({"language": "nn", "last_atlas": "radiologi2", "last_box": 2})
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    window, settings = _build(qtbot, v2_root)
    assert (settings.language, settings.last_atlas, settings.last_box) == ("nn", "radiologi2", 2)
    assert window.statusBar().currentMessage() == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_settings_are_saved_through_the_atomic_writer(tmp_path, monkeypatch):
    import errno

    from atlasviewer.core import atomic

    path = tmp_path / "settings.json"
    save_settings(AppSettings(last_atlas="radiologi2"), path)

    def full_disk(temporary):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.Path, "write_bytes", lambda self, data: full_disk(self))
    with pytest.raises(OSError, match="No space left"):
        save_settings(AppSettings(last_atlas="kols"), path)
    assert json.loads(path.read_text(encoding="utf-8"))["last_atlas"] == "radiologi2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_smoke_with_a_fifo_as_the_settings_file_does_not_hang(tmp_path, v2_root):
    os.mkfifo(tmp_path / "settings.json")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPLBACKEND="Agg")
    environment["ATLASVIEWER_CONFIG_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "atlasviewer", "--smoke", "--data", str(v2_root), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke:" in done.stdout and "painted" in done.stdout
    assert "could not be read" in done.stderr and "settings.json.corrupt-" in done.stderr
