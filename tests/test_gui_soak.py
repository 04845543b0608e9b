"""``--smoke --soak N``: boxes of every atlas in turn, selections, language switches, memory."""

from __future__ import annotations

import argparse

from atlasviewer import i18n
from atlasviewer.qt.shell import soak


def test_a_short_soak_visits_several_atlases_switches_language_and_reports_memory(
    tmp_path, monkeypatch, capsys, v2_root, v1_root
):
    from atlasviewer.qt.shell.app import run_gui

    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    monkeypatch.setattr(soak, "LANGUAGE_EVERY", 4)
    visited: list[str] = []
    languages: list[str] = []
    original = soak.Soak._select

    def select(self):
        visited.append(self.window.state.location.atlas_id)
        languages.append(i18n.current_language())
        original(self)

    monkeypatch.setattr(soak.Soak, "_select", select)
    args = argparse.Namespace(
        smoke=True,
        data=[str(v2_root), str(v1_root)],
        lang="en",
        atlas=None,
        box=None,
        screenshot=None,
        soak=10,
    )
    assert run_gui(args) == 0
    out = capsys.readouterr().out
    assert "soak: after 1 steps: resident memory" in out
    assert "soak: end: resident memory" in out and "(10 steps" in out
    assert len(visited) == 10
    assert len(set(visited)) >= 5  # a box of every atlas in turn
    assert {"en", "nb", "nn"} <= set(languages)
