"""Installed data stay checked: by validate --atlas, without a manifest, with a damaged one."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from atlasviewer.cli import main
from atlasviewer.core.manifest import MANIFEST_NAME, verify_manifest, write_manifest
from atlasviewer.core.problems import Severity


@pytest.fixture()
def installed(tmp_path: Path, v1_root: Path) -> Path:
    """``<app>/atlases/helseatlas-v1`` with its manifest, as the installer lays it out."""
    atlases = tmp_path / "app" / "atlases"
    target = atlases / "helseatlas-v1"
    (target / "csv").mkdir(parents=True)
    (target / "geojson").mkdir()
    for name in ("csv/kols.csv", "geojson/kols.geojson"):
        shutil.copyfile(v1_root / name, target / name)
    write_manifest(atlases)
    return target


def test_validate_one_atlas_catches_a_tampered_installed_file(installed, capsys):
    csv = installed / "csv" / "kols.csv"
    csv.write_bytes(csv.read_bytes().replace(b"Finnmark", b"Finnmork", 1))
    assert main(["validate", "--data", str(installed), "--atlas", "v1-kols"]) == 1
    out = capsys.readouterr().out
    assert "kols.csv" in out and "changed since the application was installed" in out


def test_validate_one_atlas_is_clean_on_an_intact_installation(installed, capsys):
    assert main(["validate", "--data", str(installed), "--atlas", "v1-kols"]) == 0


def test_a_deleted_manifest_is_an_error_in_an_installed_build(installed, monkeypatch):
    (installed.parent / MANIFEST_NAME).unlink()
    assert verify_manifest(installed) == []  # a development checkout or a user's folder
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(installed.parent.parent / "atlasviewer"))
    (problem,) = verify_manifest(installed)
    assert problem.severity is Severity.ERROR and "missing" in problem.message
    assert problem.file.endswith(MANIFEST_NAME)


@pytest.mark.parametrize(
    "text",
    [
        '{"files": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"files": {"helseatlas-v1/csv/kols.csv": {"size": Infinity, "sha256": "00"}}}',
        '{"files": {"helseatlas-v1/csv/kols.csv": {"size": ' + "9" * 5000 + ', "sha256": "0"}}}',
        '{"files": {"helseatlas-v1/csv/kols.csv": {"size": NaN, "sha256": "00"}}}',
    ],
    ids=["deep", "infinity", "5000-digits", "nan"],
)
def test_a_damaged_manifest_is_one_error_not_a_traceback(installed, text):
    (installed.parent / MANIFEST_NAME).write_text(text)
    problems = verify_manifest(installed)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert len(errors) == 1 and "Reinstall" in errors[0].message
    assert errors[0].file.endswith(MANIFEST_NAME)


def test_manifest_document_is_what_the_installer_writes(installed):
    document = json.loads((installed.parent / MANIFEST_NAME).read_text())
    assert set(document["files"]) == {
        "helseatlas-v1/csv/kols.csv",
        "helseatlas-v1/geojson/kols.geojson",
    }
