"""One safe way to read atlas files: special files, sizes, depth, numbers, encodings, maps, CSV."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atlasviewer.core import safe_io
from atlasviewer.core.geography import read_geojson
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.problems import ProblemLog, Severity
from atlasviewer.core.readers.v1_scan import scan_long_csv
from atlasviewer.core.readers.v2_result_data import read_result_data

SQUARE = [[10.0, 60.0], [10.5, 60.0], [10.5, 60.5], [10.0, 60.5], [10.0, 60.0]]


def _feature(name: str, coordinates, kind: str = "Polygon") -> dict:
    return {
        "type": "Feature",
        "properties": {"area": name},
        "geometry": {"type": kind, "coordinates": coordinates},
    }


def _write_map(path: Path, features: list, **extra) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features, **extra}))
    return path


def _errors(problems) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


@pytest.mark.parametrize("make", ["fifo", "folder", "device"])
def test_a_special_file_is_a_problem_not_a_blocking_read(tmp_path, make):
    """A FIFO would block ``open`` for ever: it is refused, naming the file."""
    path = tmp_path / "box.json"
    if make == "fifo":
        os.mkfifo(path)
    elif make == "folder":
        path.mkdir()
    else:
        path = Path("/dev/zero")
    data = read_result_data(path)
    (error,) = _errors(data.problems)
    assert error.file == str(path) and "not a regular file" in error.message


def test_a_file_over_its_kind_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setitem(safe_io.SIZE_LIMITS, "data", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"innhold": ["x" * 2000]}))
    (error,) = _errors(read_result_data(path).problems)
    assert error.file == str(path) and "over the limit" in error.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested deeper"),  # RecursionError in json
        ('{"a":' * 70 + "1" + "}" * 70, "nested deeper"),  # parses, but deeper than the limit
        ('{"innhold": [' + "9" * 5000 + "]}", "not valid JSON"),  # int over 4,300 digits
        ('{"innhold": [', "not valid JSON"),
    ],
)
def test_json_too_deep_or_with_huge_numbers_is_a_problem(tmp_path, text, words):
    path = tmp_path / "box.json"
    path.write_text(text)
    (error,) = _errors(read_result_data(path).problems)
    assert error.file == str(path) and words in error.message


def test_a_byte_order_mark_is_read_and_nan_literals_parse(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b'\xef\xbb\xbf{"v": NaN, "w": Infinity}')
    log = ProblemLog(str(path))
    value = safe_io.load_json(path, "data", log)
    assert log.problems == [] and value["v"] != value["v"] and value["w"] == float("inf")


def test_a_file_name_too_long_is_a_problem(tmp_path):
    log = ProblemLog("x")
    assert safe_io.read_bytes(tmp_path / ("x" * 600), "data", log) is None
    assert "cannot be read" in log.problems[0].message


# ------------------------------------------------------------------- GeoJSON


@pytest.mark.parametrize(
    ("feature", "words"),
    [
        (["not", "an", "object"], "not a JSON object"),
        ({"type": "Feature", "properties": ["x"], "geometry": None}, "properties are not"),
        (_feature("UNN", [[["a", "b"], [1, 2], [3, 4], ["a", "b"]]]), "not pairs of numbers"),
        (_feature("UNN", [[[10.0], [11.0], [12.0], [10.0]]]), "not pairs of numbers"),
        (_feature("UNN", [[[10.0, 60.0], [10.1, 60.0]]]), "cannot be read"),
        (_feature("UNN", [[10.0, 60.0], [10.1, 60.0]], "Polygon"), "not pairs of numbers"),
        (_feature("UNN", [[[1, 2]]], "Circle"), "cannot be read"),
    ],
)
def test_a_broken_feature_is_an_error_naming_it_and_the_others_load(tmp_path, feature, words):
    path = _write_map(tmp_path / "m.geojson", [_feature("Finnmark", [SQUARE]), feature])
    geo = read_geojson(path)
    assert [a.key for a in geo.areas] == ["Finnmark"]
    (error,) = _errors(geo.problems)
    assert error.file == str(path) and error.place.startswith("features[1]")
    assert words in error.message


def test_a_self_intersecting_area_is_repaired_and_reported_not_dropped(tmp_path):
    bow_tie = [[[10.0, 60.0], [10.5, 60.5], [10.5, 60.0], [10.0, 60.5], [10.0, 60.0]]]
    geo = read_geojson(_write_map(tmp_path / "m.geojson", [_feature("UNN", bow_tie)]))
    (area,) = geo.areas
    assert area.geometry is not None and area.geometry.is_valid and area.geometry.area > 0
    (warning,) = geo.problems
    assert warning.severity is Severity.WARNING and "repaired" in warning.message


def test_an_empty_geometry_is_reported(tmp_path):
    features = [_feature("Finnmark", [SQUARE]), _feature("UNN", [])]
    geo = read_geojson(_write_map(tmp_path / "m.geojson", features))
    assert [a.key for a in geo.areas] == ["Finnmark"]
    assert any("empty" in p.message and p.place == "features[1]" for p in geo.problems)


def test_web_mercator_without_crs_and_swapped_axes_land_where_lon_lat_does(tmp_path):
    """Hand-computed: 10°E is x = 6378137 * 10 * pi / 180 = 1,113,194.9 m in Web Mercator."""
    import math

    reference = read_geojson(_write_map(tmp_path / "ll.geojson", [_feature("UNN", [SQUARE])]))

    def mercator(lon: float, lat: float) -> list[float]:
        radius = 6378137.0
        y = radius * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return [radius * math.radians(lon), y]

    assert mercator(10, 60)[0] == pytest.approx(1113194.9, abs=0.1)
    web = [[mercator(x, y) for x, y in SQUARE]]
    swapped = [[[y, x] for x, y in SQUARE]]
    for name, ring in (("wm", web), ("sw", swapped)):
        geo = read_geojson(_write_map(tmp_path / f"{name}.geojson", [_feature("UNN", ring)]))
        (warning,) = geo.problems
        assert warning.severity is Severity.WARNING
        expected = reference.areas[0].geometry
        assert geo.areas[0].geometry.symmetric_difference(expected).area < 1e-6 * expected.area


# ------------------------------------------------------------------- CSV


def _v1_root(tmp_path: Path, v1_root: Path, damage: bytes) -> Path:
    root = tmp_path / "v1"
    (root / "csv").mkdir(parents=True)
    (root / "geojson").mkdir()
    for name in ("kols.csv", "gyn.csv"):
        (root / "csv" / name).write_bytes((v1_root / "csv" / name).read_bytes())
    (root / "geojson" / "kols.geojson").write_bytes((v1_root / "geojson/kols.geojson").read_bytes())
    gyn = root / "csv" / "gyn.csv"
    lines = gyn.read_bytes().splitlines(keepends=True)
    gyn.write_bytes(b"".join(lines[:3]) + damage + b"".join(lines[3:]))
    return root


@pytest.mark.parametrize(
    "damage",
    [b'"unterminated;quote\n', b"x" * 200_000 + b";1\n"],
    ids=["unterminated-quote", "field-over-limit"],
)
def test_a_malformed_csv_fails_its_atlas_only(tmp_path, v1_root, damage):
    root = _v1_root(tmp_path, v1_root, damage)
    library = AtlasLibrary([root])
    assert library.get("v1-kols") is not None and library.get("v1-gyn") is not None
    scan = scan_long_csv(root / "csv" / "gyn.csv")
    (error,) = _errors(scan.problems)
    assert error.file.endswith("gyn.csv") and error.place == "line 4"
    assert "cannot be read as CSV" in error.message
    kols = library.atlas("v1-kols")
    assert not _errors(kols.problems)


def _depth(value) -> int:
    """The nesting depth of arrays and objects, counted by hand (recursively)."""
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab,:'),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=30,
)


@given(_JSON_VALUES, st.integers(min_value=1, max_value=8))
def test_depth_read_from_the_text_agrees_with_the_values(value, limit):
    import json

    from atlasviewer.core.safe_io import json_depth_exceeds

    assert json_depth_exceeds(json.dumps(value), limit) == (_depth(value) > limit)
