"""``validate --lang nb`` names the place in bokmål too (issue 19, item 16)."""

from __future__ import annotations

from atlasviewer.cli import main


def test_validate_in_bokmal_names_the_chapter_in_bokmal(v2_root, capsys):
    main(["--lang", "nb", "validate", "--data", str(v2_root), "--atlas", "psyk2-1"])
    out = capsys.readouterr().out
    assert "(kapittel «Eldre i psykisk helsevern»)" in out
    assert "(chapter" not in out


def test_validate_in_nynorsk_names_the_result_box_in_nynorsk(v2_root, capsys):
    main(["--lang", "nn", "validate", "--data", str(v2_root)])
    out = capsys.readouterr().out
    assert "(chapter" not in out and "result box" not in out
    assert ", resultatboks " in out
