"""``--box``: a number outside an atlas's boxes is a usage error naming the range (issue 19)."""

from __future__ import annotations

import argparse

import pytest

from atlasviewer.cli import main


def test_box_zero_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--smoke", "--atlas", "radiologi2", "--box", "0"])
    assert exit_.value.code == 2
    assert "result boxes are numbered from 1, not '0'" in capsys.readouterr().err


def test_box_zero_is_explained_in_bokmal(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "nb", "--smoke", "--box", "0"])
    assert exit_.value.code == 2
    assert "resultatboksene er nummerert fra 1, ikke '0'" in capsys.readouterr().err


def test_a_box_past_the_last_names_the_range(tmp_path, monkeypatch, capsys, v2_root):
    from atlasviewer.qt.shell.app import run_gui

    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    args = argparse.Namespace(
        smoke=True, data=[str(v2_root)], lang="en", atlas="radiologi2", box=99, screenshot=None
    )
    assert run_gui(args) == 2
    err = capsys.readouterr().err
    assert "Atlas radiologi2 has no result box 99; it has boxes 1 to " in err
