"""Bad input never gives a traceback: each defect is a problem naming its file and place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atlasviewer.cli import main
from atlasviewer.core.geography import read_geojson
from atlasviewer.core.problems import Severity
from atlasviewer.core.readers.v2 import SecondGenerationReader

SQUARE = [[[10.0, 60.0], [10.1, 60.0], [10.1, 60.1], [10.0, 60.1], [10.0, 60.0]]]


def _square(dx: float) -> list:
    return [[[x + dx, y] for x, y in SQUARE[0]]]


def _map(names: list[str], key: str = "area") -> dict:
    features = [
        {
            "type": "Feature",
            "properties": {key: name},
            "geometry": {"type": "Polygon", "coordinates": _square(i * 0.2)},
        }
        for i, name in enumerate(names)
    ]
    return {"type": "FeatureCollection", "features": features}


def _rows(names: list[str]) -> list[dict]:
    return [{"area": name, "rate": 10.0 + i} for i, name in enumerate(names)]


def _data(rows: list) -> dict:
    return {
        "innhold": [
            {"type": "barchart", "data": "d1", "x": ["rate"], "y": "area", "format": ",.0f"},
            {"type": "map", "data": "d1", "x": "rate", "jenks": []},
            {"type": "data", "label": "d1", "national": "Norge", "data": rows},
        ]
    }


def _atlas(root: Path, data: dict | bytes | None, map_raw: dict | None = None) -> Path:
    """A one-box atlas ``test`` in ``root``; returns its data file."""
    (root / "posts" / "atlas").mkdir(parents=True)
    box = {"type": "resultatboks", "overskrift": "Box", "data": "box.json", "kart": "m.geojson"}
    atlas = {
        "lang": "nb",
        "mainTitle": "Test",
        "publisert": True,
        "date": "2024-01-01",
        "kapittel": [{"overskrift": "One", "innhold": [box]}],
    }
    (root / "posts" / "atlas" / "test.json").write_text(json.dumps(atlas), encoding="utf-8")
    (root / "public" / "data" / "test").mkdir(parents=True)
    (root / "public" / "kart").mkdir(parents=True)
    raw_map = map_raw or _map(["Finnmark", "UNN", "Nordland"])
    (root / "public" / "kart" / "m.geojson").write_text(json.dumps(raw_map), encoding="utf-8")
    path = root / "public" / "data" / "test" / "box.json"
    if data is not None:
        path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode("utf-8"))
    return path


def _load(root: Path):
    atlas = SecondGenerationReader(root).read_index()[0]
    return atlas.primary.result_boxes[0].load()


def _errors(problems) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def test_a_sound_fixture_loads_without_problems(tmp_path):
    _atlas(tmp_path, _data(_rows(["Finnmark", "UNN", "Nordland", "Norge"])))
    data = _load(tmp_path)
    assert data.problems == []
    assert len(data.views) == 2


def test_truncated_json(tmp_path):
    path = _atlas(tmp_path, json.dumps(_data(_rows(["Finnmark"])))[:60].encode())
    data = _load(tmp_path)
    (error,) = _errors(data.problems)
    assert error.file == str(path)
    assert error.place.startswith("line 1, column")
    assert "not valid JSON" in error.message
    assert data.views == []


def test_rows_not_a_list_and_a_value_that_is_text(tmp_path):
    raw = _data(_rows(["Finnmark", "UNN", "Nordland", "Norge"]))
    raw["innhold"][2]["data"][1]["rate"] = "12,5"
    raw["innhold"].append({"type": "data", "label": "d2", "data": {"area": "UNN"}})
    path = _atlas(tmp_path, raw)
    data = _load(tmp_path)
    errors = {p.place: p for p in _errors(data.problems)}
    assert set(errors) == {"innhold[3].data"}
    # Text where a number was expected is shown degraded (an empty cell): a warning.
    warnings = {p.place: p for p in data.problems if p.severity is Severity.WARNING}
    assert "“12,5” is not a number" in warnings["innhold[2].data[1].rate"].message
    assert all(p.file == str(path) for p in [*errors.values(), *warnings.values()])
    # The rest of the box still loads: the bar chart and the map, UNN's value shown as missing.
    assert len(data.views) == 2
    frame = data.rowsets["d1"].frame
    rates = dict(zip(frame["area"], frame["rate"], strict=True))
    assert rates["Finnmark"] == 10.0
    assert sum(1 for rate in rates.values() if rate is None) == 1


def test_view_with_wrong_type_and_missing_column_or_rowset(tmp_path):
    raw = _data(_rows(["Finnmark", "UNN", "Nordland", "Norge"]))
    raw["innhold"][0]["x"] = 5
    raw["innhold"][1]["x"] = "nosuch"
    raw["innhold"].append({"type": "table", "data": "d9", "columns": []})
    raw["innhold"].append({"type": "sparkline", "data": "d1"})
    _atlas(tmp_path, raw)
    data = _load(tmp_path)
    places = {p.place: p for p in data.problems}
    assert places["innhold[0].x"].severity is Severity.ERROR
    assert "nosuch" in places["innhold[1].x"].message
    assert "d9" in places["innhold[3].data"].message
    assert places["innhold[4].type"].severity is Severity.WARNING
    assert data.views == [] and "d1" in data.rowsets


def test_an_unknown_area_is_a_warning_not_dropped(tmp_path):
    """Shown degraded (in the table and chart, not on the map): a warning, never dropped."""
    path = _atlas(tmp_path, _data(_rows(["Finnmark", "Atlantis", "UNN", "St Olavs", "Norge"])))
    data = _load(tmp_path)
    assert not _errors(data.problems)
    errors = [p for p in data.problems if p.severity is Severity.WARNING]
    assert [(p.file, p.place) for p in errors] == [
        (str(path), "innhold[2].data[1].area"),
        (str(path), "innhold[2].data[3].area"),  # St. Olav is a real area, but not on this map
    ]
    assert "Atlantis" in errors[0].message and "m" in errors[0].message
    assert len(data.rowsets["d1"].frame) == 5


def test_a_map_whose_key_property_has_an_unknown_name_is_read_by_its_values(tmp_path):
    _atlas(
        tmp_path,
        _data(_rows(["Finnmark", "Norge"])),
        map_raw=_map(["Finnmark", "UNN"], key="colour"),
    )
    data = _load(tmp_path)
    assert not _errors(data.problems)


def test_a_non_utf8_file(tmp_path):
    path = _atlas(
        tmp_path, json.dumps(_data(_rows(["Førde"])), ensure_ascii=False).encode("latin-1")
    )
    data = _load(tmp_path)
    (error,) = _errors(data.problems)
    assert error.file == str(path) and error.place.startswith("byte ")
    assert "not UTF-8" in error.message


def test_a_non_utf8_atlas_file(tmp_path):
    _atlas(tmp_path, None)
    (tmp_path / "posts" / "atlas" / "broken.json").write_bytes(
        '{"mainTitle": "Førde"}'.encode("latin-1")
    )
    reader = SecondGenerationReader(tmp_path)
    assert [a.id for a in reader.read_index()] == ["test"]
    (problem,) = reader.problems
    assert problem.file.endswith("broken.json") and "not UTF-8" in problem.message


def test_missing_data_file_names_the_atlas_file_and_box(tmp_path):
    _atlas(tmp_path, None)
    (error,) = _errors(_load(tmp_path).problems)
    assert error.file.endswith("posts/atlas/test.json")
    assert error.place == "kapittel[0].innhold[0].data"


@pytest.mark.parametrize("kind", ["empty", "not an atlas"])
def test_bad_folders_through_the_cli(tmp_path, capsys, kind):
    if kind == "not an atlas":
        (tmp_path / "readme.txt").write_text("x", encoding="utf-8")
    assert main(["validate", "--data", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert str(tmp_path) in out
    assert ("empty" if kind == "empty" else "not an atlas folder") in out


def test_map_reader_names_a_missing_key(tmp_path):
    path = tmp_path / "m.geojson"
    path.write_text(json.dumps(_map(["A"], key="colour")), encoding="utf-8")
    geography = read_geojson(path)
    [problem] = geography.problems
    assert geography.areas == [] and problem.file == str(path)
    assert "properties: colour" in problem.message
