"""Our Transverse Mercator puts every point where PROJ (pyproj, the reference) puts it.

pyproj is a development dependency only: the viewer projects with atlasviewer.core.projection
(tests/test_architecture.py keeps pyproj out of src/).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from pyproj import Transformer

from atlasviewer.core.geography import read_geojson
from atlasviewer.core.problems import Severity
from atlasviewer.core.projection import (
    TransverseMercator,
    UnsupportedCrsError,
    is_supported,
    normalise_crs,
    to_drawing_crs,
)

MILLIMETRE = 1e-3


def _pyproj(source: str, target: str = "EPSG:25833") -> Transformer:
    return Transformer.from_crs(source, target, always_xy=True)


def _mainland_grid() -> np.ndarray:
    """Lon 4-32 E, lat 57-72 N: mainland Norway, Finnmark 17 degrees east of zone 33's axis."""
    lon, lat = np.meshgrid(np.linspace(4.0, 32.0, 57), np.linspace(57.0, 72.0, 61))
    return np.column_stack([lon.ravel(), lat.ravel()])


@pytest.mark.parametrize("crs", ["EPSG:4326", "EPSG:4258", "OGC:CRS84"])
def test_lon_lat_projects_as_proj_does_within_a_millimetre(crs):
    grid = _mainland_grid()
    ours = to_drawing_crs(crs)(grid)
    x, y = _pyproj(crs).transform(grid[:, 0], grid[:, 1])
    assert np.abs(ours - np.column_stack([x, y])).max() < MILLIMETRE


def test_finnmark_far_from_the_central_meridian_is_still_exact():
    vardo_grense_jakobselv_nordkapp = np.array([[31.1, 70.37], [30.9, 69.79], [25.78, 71.17]])
    ours = to_drawing_crs("EPSG:4326")(vardo_grense_jakobselv_nordkapp)
    x, y = _pyproj("EPSG:4326").transform(
        vardo_grense_jakobselv_nordkapp[:, 0], vardo_grense_jakobselv_nordkapp[:, 1]
    )
    assert np.abs(ours - np.column_stack([x, y])).max() < MILLIMETRE
    assert ours[0, 0] > 1_090_000  # Vardø: ~600 km east of the central meridian (x = 500 000)


def test_inverse_round_trip_returns_to_the_same_point_within_a_millimetre():
    grid = _mainland_grid()
    utm33 = TransverseMercator.utm(33)
    x, y = utm33.forward(grid[:, 0], grid[:, 1])
    lon, lat = utm33.inverse(x, y)
    back_x, back_y = utm33.forward(lon, lat)
    assert np.abs(back_x - x).max() < MILLIMETRE and np.abs(back_y - y).max() < MILLIMETRE
    # ...and the inverse is PROJ's inverse: 1e-8 degrees is about 1 mm.
    ref_lon, ref_lat = _pyproj("EPSG:25833", "EPSG:4258").transform(x, y)
    assert np.abs(lon - ref_lon).max() < 1e-8 and np.abs(lat - ref_lat).max() < 1e-8


@pytest.mark.parametrize("crs", [f"EPSG:{p}{z}" for p in (258, 326) for z in range(31, 38)])
def test_other_utm_zones_reproject_to_zone_33_as_proj_does(crs):
    grid = _mainland_grid()
    x, y = _pyproj("EPSG:4258", crs).transform(grid[:, 0], grid[:, 1])
    in_zone = np.column_stack([x, y])
    project = to_drawing_crs(crs)
    if crs.endswith("33"):
        assert project is None  # already the drawing CRS
        return
    ref_x, ref_y = _pyproj(crs).transform(x, y)
    assert np.abs(project(in_zone) - np.column_stack([ref_x, ref_y])).max() < MILLIMETRE


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("EPSG:4326", "EPSG:4326"),
        ("urn:ogc:def:crs:EPSG::25833", "EPSG:25833"),
        ("urn:ogc:def:crs:EPSG:6.6:4258", "EPSG:4258"),
        ("urn:ogc:def:crs:OGC:1.3:CRS84", "OGC:CRS84"),
        ("http://www.opengis.net/def/crs/EPSG/0/32632", "EPSG:32632"),
        ("urn:ogc:def:crs:EPSG::3857", "EPSG:3857"),
    ],
)
def test_crs_names_as_geojson_writes_them(written, normal):
    assert normalise_crs(written) == normal


@pytest.mark.parametrize("crs", ["EPSG:3857", "EPSG:25830", "EPSG:32733", "EPSG:5972", "EPSG:4230"])
def test_other_coordinate_systems_are_refused(crs):
    assert not is_supported(crs)
    with pytest.raises(UnsupportedCrsError):
        to_drawing_crs(crs)


def _reference_copy(raw: dict, tmp_path: Path, name: str) -> Path:
    """The map with every coordinate projected by pyproj, declared as UTM 33."""
    transformer = _pyproj("EPSG:4326")

    def project(node):
        if node and isinstance(node[0], (int, float)):
            x, y = transformer.transform(node[0], node[1])
            return [x, y]
        return [project(child) for child in node]

    features = [
        {
            **feature,
            "geometry": {
                "type": feature["geometry"]["type"],
                "coordinates": project(feature["geometry"]["coordinates"]),
            },
        }
        for feature in raw["features"]
    ]
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}}
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}))
    return path


def test_every_second_generation_map_lands_where_pyproj_puts_it(v2_root, tmp_path):
    maps = sorted(v2_root.rglob("*.geojson"))
    assert len(maps) >= 3
    for path in maps:
        raw = json.loads(path.read_text(encoding="utf-8"))
        ours = read_geojson(path)
        reference = read_geojson(_reference_copy(raw, tmp_path, path.name))
        assert ours.problems == [] and ours.source_crs == "EPSG:4326"
        assert ours.keys == reference.keys, path.name
        for area in ours.areas:
            expected = reference.area(area.key).geometry.bounds
            difference = np.abs(np.subtract(area.geometry.bounds, expected)).max()
            assert difference < MILLIMETRE, f"{path.name}: {area.key} off by {difference} m"


def _square_map(tmp_path: Path, crs_name: str, ring: list[list[float]]) -> Path:
    path = tmp_path / "square.geojson"
    feature = {
        "type": "Feature",
        "properties": {"area": "Bergen"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    crs = {"type": "name", "properties": {"name": crs_name}}
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": [feature]}))
    return path


def test_a_map_in_web_mercator_is_refused_with_a_problem_naming_file_and_crs(tmp_path):
    ring = [[590_000.0, 8_480_000.0], [600_000.0, 8_480_000.0], [600_000.0, 8_490_000.0]]
    path = _square_map(tmp_path, "urn:ogc:def:crs:EPSG::3857", [*ring, ring[0]])
    geo = read_geojson(path)
    assert geo.areas == []
    [problem] = geo.problems
    assert problem.severity == Severity.ERROR and problem.file == str(path)
    assert "EPSG:3857" in problem.message and "not supported" in problem.message


def test_a_map_in_utm_zone_32_is_drawn_where_pyproj_puts_it(tmp_path):
    """Bergen, written in ETRS89 / UTM 32N, as a Norwegian county might publish it."""
    lon = np.array([5.2, 5.45, 5.45, 5.2, 5.2])
    lat = np.array([60.3, 60.3, 60.45, 60.45, 60.3])
    x, y = _pyproj("EPSG:4258", "EPSG:25832").transform(lon, lat)
    path = _square_map(tmp_path, "urn:ogc:def:crs:EPSG::25832", np.column_stack([x, y]).tolist())
    geo = read_geojson(path)
    assert geo.problems == [] and geo.source_crs == "EPSG:25832"
    ref_x, ref_y = _pyproj("EPSG:25832").transform(x, y)
    expected = (ref_x.min(), ref_y.min(), ref_x.max(), ref_y.max())
    bounds = geo.area("Bergen").geometry.bounds
    assert np.abs(np.subtract(bounds, expected)).max() < MILLIMETRE
    assert -60_000 < bounds[0] < 0  # Bergen lies ~540 km west of zone 33's central meridian


@pytest.mark.parametrize(
    ("member", "source_crs"),
    [
        ({"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}, "OGC:CRS84"),
        ({"type": "EPSG", "properties": {"code": 4258}}, "EPSG:4258"),  # GeoJSON 2008 form
    ],
)
def test_declared_lon_lat_maps_are_read_in_every_spelling(tmp_path, member, source_crs):
    ring = [[5.2, 60.3], [5.45, 60.3], [5.45, 60.45], [5.2, 60.3]]
    path = _square_map(tmp_path, "EPSG:4326", ring)
    raw = json.loads(path.read_text())
    path.write_text(json.dumps({**raw, "crs": member}))
    geo = read_geojson(path)
    assert geo.problems == [] and geo.source_crs == source_crs
    assert -60_000 < geo.area("Bergen").geometry.bounds[0] < 0
