"""The checksums of bundled atlas data: a damaged installation is named file by file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from atlasviewer.core.manifest import (
    MANIFEST_NAME,
    build_manifest,
    find_manifest,
    verify_manifest,
    write_manifest,
)
from atlasviewer.core.problems import Severity


@pytest.fixture()
def installed(tmp_path: Path, v1_root: Path) -> Path:
    """An ``atlases`` folder as the installer makes it: one real data root and its manifest."""
    atlases = tmp_path / "atlases"
    target = atlases / "helseatlas-v1"
    (target / "csv").mkdir(parents=True)
    (target / "geojson").mkdir()
    for name in ("csv/kols.csv", "csv/kols_en.csv", "geojson/kols.geojson", "LICENSE-data"):
        shutil.copyfile(v1_root / name, target / name)
    write_manifest(atlases)
    return atlases


def test_intact_installation_has_no_problems(installed: Path) -> None:
    assert verify_manifest(installed) == []
    assert verify_manifest(installed / "helseatlas-v1") == []


def test_manifest_lists_relative_paths_and_real_checksums(installed: Path) -> None:
    document = json.loads((installed / MANIFEST_NAME).read_text(encoding="utf-8"))
    files = document["files"]
    assert set(files) == {
        "helseatlas-v1/csv/kols.csv",
        "helseatlas-v1/csv/kols_en.csv",
        "helseatlas-v1/geojson/kols.geojson",
        "helseatlas-v1/LICENSE-data",
    }
    import hashlib

    data = (installed / "helseatlas-v1/csv/kols.csv").read_bytes()
    assert files["helseatlas-v1/csv/kols.csv"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert files["helseatlas-v1/csv/kols.csv"]["size"] == len(data)


def test_changed_value_of_same_size_is_an_error_naming_the_file(installed: Path) -> None:
    csv = installed / "helseatlas-v1" / "csv" / "kols.csv"
    data = bytearray(csv.read_bytes())
    # Change one digit of a rate: same size, only the checksum can tell.
    position = next(i for i in range(len(data) - 1, 0, -1) if chr(data[i]).isdigit())
    data[position] = ord("1") if data[position] != ord("1") else ord("2")
    csv.write_bytes(bytes(data))

    problems = verify_manifest(installed)
    assert [p.severity for p in problems] == [Severity.ERROR]
    assert problems[0].file == str(csv)
    assert "helseatlas-v1/csv/kols.csv" in problems[0].message
    assert "changed" in problems[0].message
    # The quick check (sizes only) cannot see a same-size change, and says nothing.
    assert verify_manifest(installed, check_contents=False) == []


def test_missing_file_is_an_error_and_extra_file_a_warning(installed: Path) -> None:
    (installed / "helseatlas-v1" / "geojson" / "kols.geojson").unlink()
    (installed / "helseatlas-v1" / "csv" / "added.csv").write_text("a;b\n", encoding="utf-8")

    problems = verify_manifest(installed / "helseatlas-v1")
    by_severity = {p.severity: p for p in problems}
    assert len(problems) == 2
    assert "helseatlas-v1/geojson/kols.geojson" in by_severity[Severity.ERROR].message
    assert "missing" in by_severity[Severity.ERROR].message
    assert "helseatlas-v1/csv/added.csv" in by_severity[Severity.WARNING].message
    assert "added.csv" in str(by_severity[Severity.WARNING])


def test_truncated_file_is_caught_by_the_quick_check(installed: Path) -> None:
    csv = installed / "helseatlas-v1" / "csv" / "kols_en.csv"
    csv.write_bytes(csv.read_bytes()[:100])
    problems = verify_manifest(installed, check_contents=False)
    assert [p.severity for p in problems] == [Severity.ERROR]
    assert "kols_en.csv" in problems[0].message


def test_unreadable_manifest_is_one_error(installed: Path) -> None:
    (installed / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    problems = verify_manifest(installed)
    assert len(problems) == 1
    assert problems[0].severity is Severity.ERROR
    assert "Reinstall" in problems[0].message


def test_data_without_manifest_is_not_checked(tmp_path: Path, v1_root: Path) -> None:
    assert find_manifest(v1_root) is None
    assert verify_manifest(v1_root) == []
    assert build_manifest(tmp_path) == {}


def test_message_is_translated(installed: Path) -> None:
    from atlasviewer import i18n

    (installed / "helseatlas-v1" / "LICENSE-data").unlink()
    problem = verify_manifest(installed)[0]
    english = problem.message
    i18n.set_language("nb")
    # Until the catalogue has the string, the English text is shown, never a placeholder.
    assert "LICENSE-data" in problem.message
    assert "{name}" not in problem.message
    assert english


def test_validate_exits_1_naming_a_changed_bundled_file(
    installed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from atlasviewer.cli import main

    root = installed / "helseatlas-v1"
    assert main(["validate", "--data", str(root)]) == 0
    geojson = root / "geojson" / "kols.geojson"
    geojson.write_bytes(geojson.read_bytes().replace(b"1", b"2", 1))
    capsys.readouterr()

    assert main(["validate", "--data", str(root)]) == 1
    output = capsys.readouterr().out
    assert "helseatlas-v1/geojson/kols.geojson" in output
    assert "changed" in output
