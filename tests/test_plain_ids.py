"""``--atlas NAME`` finds a first-generation ``v1-NAME`` by its plain id, and says what it chose."""

from __future__ import annotations

from atlasviewer.cli import main
from atlasviewer.core.library import AtlasLibrary


def test_a_plain_id_finds_the_first_generation_atlas_when_it_is_the_only_one(v1_root, capsys):
    assert main(["validate", "--data", str(v1_root), "--atlas", "kols"]) == 0
    captured = capsys.readouterr()
    assert "“kols” is the atlas v1-kols." in captured.err
    assert "v1-kols" in captured.out


def test_with_two_atlases_of_the_name_the_library_id_wins_and_the_choice_is_said(
    v1_root, v2_root, capsys
):
    library = AtlasLibrary([v2_root, v1_root], check_checksums=False)
    atlas, answers = library.resolve("kols")
    assert atlas is not None and library.atlas_id(atlas) == "kols"
    assert answers == ["kols", "v1-kols"]
    main(["validate", "--data", str(v2_root), "--data", str(v1_root), "--atlas", "kols"])
    err = capsys.readouterr().err
    assert "“kols” names 2 atlases; chosen: kols (the others: v1-kols)." in err


def test_export_and_factsheet_take_a_plain_id(v1_root, tmp_path, capsys):
    code = main(
        [
            "export",
            "--data",
            str(v1_root),
            "--atlas",
            "kols",
            "--box",
            "1",
            "--out",
            str(tmp_path / "out"),
            "--format",
            "csv",
        ]
    )
    assert code == 0
    assert any((tmp_path / "out").iterdir())
    assert "v1-kols" in capsys.readouterr().err


def test_an_unknown_plain_id_is_still_unknown(v1_root, capsys):
    assert main(["validate", "--data", str(v1_root), "--atlas", "eldre"]) == 2
    assert "Unknown atlas id: eldre" in capsys.readouterr().err
