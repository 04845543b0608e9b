"""Atlases no file in ../shared has (tests/atlas_factory.py): read by content, every command runs.

Each generated atlas is validated, exported and given a fact sheet in-process, and opened by
``--smoke`` in a subprocess; none may end in a traceback. A hypothesis test varies the
geography (generation, size, projection, registry or random names, merged areas, region and
profile rows) and checks that the map's areas are found by the values of their properties.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas_factory import AtlasSpec, GeneratedAtlas, write_atlas
from atlasviewer.cli import main
from atlasviewer.core.library import AtlasLibrary

VIEWER = Path(sys.executable).with_name("atlasviewer")

SPECS = {
    "v2-5-lonlat-profile-regions": AtlasSpec(2, 5, 1, profile_rows=True, region_rows=True),
    "v2-70-utm": AtlasSpec(2, 70, 2, lonlat=False, declare_crs=True),
    "v2-400-lonlat": AtlasSpec(2, 400, 3),
    "v2-registry-merged-regions": AtlasSpec(
        2, 30, 4, registry_areas=True, merged=True, region_rows=True
    ),
    "v1-5-lonlat": AtlasSpec(1, 5, 5, lonlat=True),
    "v1-70-utm": AtlasSpec(1, 70, 6, lonlat=False),
    "v1-400-utm-regions": AtlasSpec(1, 400, 7, lonlat=False, region_rows=True),
    "v1-registry-merged": AtlasSpec(1, 30, 8, lonlat=False, registry_areas=True, merged=True),
}


@pytest.fixture(scope="module", params=sorted(SPECS))
def generated(request, tmp_path_factory) -> GeneratedAtlas:
    return write_atlas(tmp_path_factory.mktemp(request.param), SPECS[request.param])


def _box(atlas: GeneratedAtlas):
    library = AtlasLibrary([atlas.root])
    found = library.atlas(atlas.library_id)
    return library, found, found.primary.result_boxes[0]


def test_the_map_is_keyed_by_the_values_of_its_properties(generated):
    library, atlas, box = _box(generated)
    geography = library.geography(atlas, box.map_file)
    assert geography.drawable and not geography.problems
    assert set(geography.keys) == set(generated.area_names)
    for name in generated.merged:
        area = geography.area(name)
        assert area is not None and area.merged and len(area.members) == 2


def test_validate_export_and_factsheet_run_without_a_traceback(generated, tmp_path, capsys):
    data = ["--data", str(generated.root)]
    code = main(["validate", *data, "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["ok"], report
    out = tmp_path / "out"
    assert main(["export", *data, "--atlas", generated.library_id, "--out", str(out),
                 "--format", "png,csv"]) == 0  # fmt: skip
    names = {p.name.rsplit("-", 1)[-1] for p in out.iterdir()}
    assert {"map.png", "bar1.png", "table.csv", "summary.json"} <= names
    sheet = tmp_path / "sheet.pdf"
    area = generated.area_names[0]
    code = main(["factsheet", *data, "--atlas", generated.library_id, "--area", area,
                 "--out", str(sheet)])  # fmt: skip
    assert code == 0 and sheet.stat().st_size > 1000


def test_smoke_opens_the_atlas(generated, tmp_path):
    shot = tmp_path / "window.png"
    done = subprocess.run(
        [str(VIEWER), "--data", str(generated.root), "--smoke", "--atlas",
         generated.library_id, "--box", "1", "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=180,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
             "ATLASVIEWER_CONFIG_DIR": str(tmp_path)},
    )  # fmt: skip
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    generation=st.sampled_from([1, 2]),
    areas=st.integers(min_value=3, max_value=80),
    seed=st.integers(min_value=0, max_value=10_000),
    lonlat=st.booleans(),
    registry_areas=st.booleans(),
    merged=st.booleans(),
    region_rows=st.booleans(),
    profile_rows=st.booleans(),
    declare_crs=st.booleans(),
)
def test_any_generated_geography_is_read_by_content(tmp_path_factory, **fields):
    if fields["merged"] and not fields["registry_areas"]:
        fields["merged"] = False
    spec = AtlasSpec(**fields)
    atlas = write_atlas(tmp_path_factory.mktemp("hyp"), spec)
    library, found, box = _box(atlas)
    geography = library.geography(found, box.map_file)
    assert set(geography.keys) == set(atlas.area_names)
    data = box.load()
    assert data.views
    # Region rows, profile rows, merged areas and random names are no problem at all.
    assert main(["validate", "--data", str(atlas.root)]) == 0


def test_a_map_with_no_usable_key_is_one_problem_and_nothing_raises(tmp_path, capsys):
    atlas = write_atlas(tmp_path / "atlas", AtlasSpec(2, 5, 41))
    collection = json.loads(atlas.map_file.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        feature["properties"] = {"Shape_Area": feature["properties"]["Shape_Area"], "flag": True}
    atlas.map_file.write_text(json.dumps(collection), encoding="utf-8")
    data = ["--data", str(atlas.root)]
    assert main(["validate", *data, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    [problem] = [p for a in report["atlases"] for p in a["problems"]]
    assert problem["file"] == str(atlas.map_file)
    assert "properties: Shape_Area, flag." in problem["message"]
    out = tmp_path / "out"
    main(["export", *data, "--atlas", atlas.library_id, "--out", str(out), "--format", "png"])
    assert "Traceback" not in capsys.readouterr().err
    assert {p.name.rsplit("-", 1)[-1] for p in out.iterdir()} >= {"bar1.png", "line1.png"}
    shot = tmp_path / "window.png"
    done = subprocess.run(
        [str(VIEWER), *data, "--smoke", "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=180,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
             "ATLASVIEWER_CONFIG_DIR": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
