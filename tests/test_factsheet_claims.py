"""The fact sheet is described as what it is, everywhere (issue 19, item 12)."""

from __future__ import annotations

import math

import pytest

from atlasviewer.cli import main
from conftest import REPO


def test_the_readme_promises_no_one_page_sheet():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "one-page" not in text.lower()
    assert "about five to a page" in text


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("en", "about five to a page"),
        ("nb", "omtrent fem per side"),
        ("nn", "omtrent fem per side"),
    ],
)
def test_the_help_says_how_many_boxes_go_on_a_page(capsys, lang, wanted):
    with pytest.raises(SystemExit):
        main(["--lang", lang, "--help"])
    assert wanted in " ".join(capsys.readouterr().out.split())


def test_radiologi2_fills_the_pages_the_help_says(tmp_path, v2_root, capsys):
    out = tmp_path / "bergen.pdf"
    args = ["factsheet", "--data", str(v2_root), "--atlas", "radiologi2", "--area", "Bergen"]
    assert main([*args, "--lang", "en", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"{math.ceil(7 / 5)} pages, 7 of 7 result boxes" in said
