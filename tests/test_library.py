"""The atlas library and the discovery of data roots."""

from __future__ import annotations

import os
import sys

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.problems import Severity
from atlasviewer.core.readers.v2 import SecondGenerationReader
from atlasviewer.core.sources import ENV_VARIABLE, checkout_roots, data_roots


def test_library_of_the_real_second_generation(v2_root):
    library = AtlasLibrary([v2_root])
    assert len(library.atlases) == 19
    dates = [a.date for a in library.atlases]
    assert dates == sorted(dates, reverse=True)
    assert library.atlases[0].id == "psyk2-1"  # the newest, a draft
    atlas = library.atlas("radiologi2")
    assert isinstance(library.reader_for(atlas), SecondGenerationReader)
    assert len(library.geography(atlas, "fylke_2024.geojson").areas) == 15
    assert not [p for p in library.problems if p.severity is Severity.ERROR]


def test_first_generation_ids_stay_distinct(v2_root, v1_root):
    library = AtlasLibrary([v2_root, v1_root])
    assert library.atlas("barn").generation == 2
    if library.get("v1-barn") is not None:  # once the first-generation reader exists
        assert library.atlas("v1-barn").generation == 1
        assert library.atlas_id(library.atlas("v1-barn")) == "v1-barn"
        assert len(set(library.ids)) == len(library.ids)


def test_bad_roots_are_problems_naming_the_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"\xff\xd8")
    missing = tmp_path / "nowhere"
    library = AtlasLibrary([empty, other, missing])
    assert library.atlases == []
    by_file = {p.file: p for p in library.problems}
    assert set(by_file) == {str(empty), str(other), str(missing)}
    assert all(p.severity is Severity.ERROR for p in by_file.values())
    assert "empty" in by_file[str(empty)].message
    assert "not an atlas folder" in by_file[str(other)].message
    assert "does not exist" in by_file[str(missing)].message


def test_data_roots_precedence(tmp_path, monkeypatch):
    a, b = tmp_path / "a", tmp_path / "b"
    environ = {ENV_VARIABLE: f"{a}{os.pathsep}{b}"}
    assert data_roots([str(b)], environ) == [b]
    assert data_roots(None, environ) == [a, b]
    assert data_roots(None, {}) == checkout_roots()


def test_frozen_build_reads_the_bundled_atlases(tmp_path, monkeypatch):
    bundle = tmp_path / "atlases"
    (bundle / "helseatlas").mkdir(parents=True)
    (bundle / "helseatlas-v1").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "atlasviewer"))
    assert data_roots(None, {}) == [bundle / "helseatlas", bundle / "helseatlas-v1"]


def test_checkout_roots_are_the_shared_atlases(v2_root, v1_root):
    # Both sides as found beside the checkout: ../shared may be a symlink (as in CI).
    assert checkout_roots() == [v2_root, v1_root]


def test_checkout_roots_through_a_symlinked_shared_folder(tmp_path):
    real = tmp_path / "elsewhere"
    for name in ("helseatlas", "helseatlas-v1"):
        (real / name).mkdir(parents=True)
    (tmp_path / "shared").symlink_to(real, target_is_directory=True)
    (tmp_path / "repo").mkdir()
    roots = checkout_roots(tmp_path / "repo")
    assert roots == [tmp_path / "shared" / "helseatlas", tmp_path / "shared" / "helseatlas-v1"]
    assert roots[0].samefile(real / "helseatlas")
