"""``atlasviewer validate`` on the real atlases: output, JSON and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from atlasviewer.cli import main

MISSING_FACT_SHEET = "leads to a fact sheet that was never published"
REPO = Path(__file__).resolve().parents[1]


def _bundled(root_name: str) -> list[str]:
    bundle = json.loads((REPO / "data" / "bundle.json").read_text(encoding="utf-8"))
    return next(r["atlases"] for r in bundle["roots"] if r["name"] == root_name)


def test_real_second_generation_errors_are_only_the_known_defects(v2_root, capsys):
    """Errors: only the draft psyk2-1's missing data; never-published fact sheets are warnings."""
    assert main(["validate", "--data", str(v2_root), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["problems"] == []
    problems = [p for atlas in report["atlases"] for p in atlas["problems"]]
    errors = [p for p in problems if p["severity"] == "error"]
    assert len(errors) == 11
    for problem in errors:
        assert "psyk2-1" in problem["file"], problem
        assert "figures and tables cannot be shown" in problem["message"]
        assert problem["place"] and problem["details"].startswith("public/data/psyk2-1/")
    links = [p for p in problems if MISSING_FACT_SHEET in p["message"]]
    assert len(links) == 25 and {p["severity"] for p in links} == {"warning"}
    assert all(p["details"].startswith("files/") for p in links)
    radiologi2 = next(a for a in report["atlases"] if a["id"] == "radiologi2")
    assert radiologi2["languages"] == ["nb", "en"]
    assert radiologi2["result_boxes"] == {"nb": 7, "en": 7}
    assert radiologi2["maps"] == ["kart_2024.geojson"]


def test_the_bundled_atlases_validate_with_exit_0(v2_root, v1_root, capsys):
    """A clean installation (every atlas data/bundle.json lists) is told from a tampered one."""
    bundled = _bundled("helseatlas")
    assert "psyk2-1" not in bundled  # a draft: its missing data files stay errors
    ids = [arg for atlas in bundled for arg in ("--atlas", atlas)]
    assert main(["validate", "--data", str(v2_root), *ids]) == 0
    assert f"{len(bundled)} atlases checked: 0 errors" in capsys.readouterr().out
    v1_ids = [arg for atlas in _bundled("helseatlas-v1") for arg in ("--atlas", f"v1-{atlas}")]
    assert main(["validate", "--data", str(v1_root), *v1_ids]) == 0


def test_one_clean_atlas_exits_0_with_a_readable_summary(v2_root, capsys):
    assert main(["validate", "--data", str(v2_root), "--atlas", "radiologi2"]) == 0
    out = capsys.readouterr().out
    assert "radiologi2: Radiologi andre del, MR Kolumna" in out
    assert "languages: nb, en" in out
    assert "result boxes: nb 7, en 7" in out
    assert "1 atlas checked: 0 errors" in out


def test_draft_with_missing_data_exits_1(v2_root, capsys):
    assert main(["validate", "--data", str(v2_root), "--atlas", "psyk2-1"]) == 1
    out = capsys.readouterr().out
    assert "(draft)" in out
    assert "pasient_polyklinikk_65.json" in out


def test_unknown_atlas_id_is_a_usage_error(v2_root, capsys):
    assert main(["validate", "--data", str(v2_root), "--atlas", "nosuch"]) == 2
    err = capsys.readouterr().err
    assert "Unknown atlas id: nosuch" in err and "radiologi2" in err


def test_folder_that_is_not_an_atlas_exits_1_naming_it(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert main(["validate", "--data", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert str(tmp_path) in out and "not an atlas folder" in out


def test_first_generation_atlases_validate_with_their_borrowed_maps_named(v1_root, capsys):
    """fodsel and gyn have no map of their own: validate says which map they are drawn on."""
    assert main(["validate", "--data", str(v1_root)]) == 0
    out = capsys.readouterr().out
    assert "7 atlases checked: 0 errors, 2 warnings" in out
    fodsel = out.split("v1-fodsel:")[1].split("\nv1-")[0]
    assert "fodsel.geojson" in fodsel and "dagkir2.geojson" in fodsel
    assert "numerator and denominator names are swapped" in out  # dagkir_en.csv, corrected


def test_data_and_lang_given_before_the_command_are_kept(tmp_path, capsys):
    """argparse copies a command's defaults over options given before it; ours have none."""
    empty = tmp_path / "atlases"
    empty.mkdir()
    assert main(["--lang", "nb", "--data", str(empty), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{empty}: Datamappen er tom." in out  # the folder given, not the default ones
    assert "0 atlas kontrollert" in out


def test_lang_may_follow_the_command_as_data_does(tmp_path, capsys):
    empty = tmp_path / "atlases"
    empty.mkdir()
    assert main(["validate", "--data", str(empty), "--lang", "nb"]) == 1
    assert "Datamappen er tom." in capsys.readouterr().out
