"""Reading map sets: areas, codes, the drawing CRS, drawn-in insets removed, health regions."""

from __future__ import annotations

import json

import pytest

from atlasviewer.core.geography import dissolve_regions, read_geojson
from atlasviewer.core.map_geometry import small_area_keys


@pytest.mark.parametrize(
    ("relative", "count"),
    [("public/kart/kart_2024.geojson", 21), ("public/kart/fylke_2024.geojson", 15)],
)
def test_second_generation_maps_have_their_areas(v2_root, relative, count):
    geo = read_geojson(v2_root / relative)
    assert len(geo.areas) == count
    assert geo.problems == []


def test_oslo_keeps_its_true_extent_without_the_drawn_in_copy(v2_root):
    """kart_2024 carries a magnified Oslo over Sweden; OUS must stay a few km wide, in Norway."""
    geo = read_geojson(v2_root / "public/kart/kart_2024.geojson")
    minx, miny, maxx, maxy = geo.area("OUS").geometry.bounds
    assert maxx - minx < 40_000 and maxy - miny < 40_000
    x, y = geo.area("OUS").geometry.representative_point().coords[0]
    assert 250_000 < x < 275_000 and 6_630_000 < y < 6_690_000  # Oslo in UTM 33


def test_oslo_areas_are_the_ones_too_small_to_see(v2_root):
    geo = read_geojson(v2_root / "public/kart/kart_2024.geojson")
    small = small_area_keys({a.key: a.geometry for a in geo.areas})
    assert sorted(small) == ["Diakonhjemmet", "Lovisenberg", "OUS"]


def test_first_generation_maps_join_by_code_or_name(v1_root):
    kols = read_geojson(v1_root / "geojson/kols.geojson")
    assert len(kols.areas) == 22
    assert kols.area("Haraldsplass").code == 9
    dagkir = read_geojson(v1_root / "geojson/dagkir.geojson")
    # dagkir numbers its areas its own way (17 = Innlandet); the registry's code wins.
    assert dagkir.area("Innlandet").code == 19
    assert kols.source_crs == "EPSG:25833"


def test_counties_are_their_own_area_set(v2_root):
    counties = read_geojson(v2_root / "public/kart/fylke_2024.geojson")
    assert counties.area("Møre og Romsdal").canonical is None


def test_health_regions_dissolve_from_their_areas(v2_root):
    regions = dissolve_regions(read_geojson(v2_root / "public/kart/kart_2024.geojson"))
    assert [a.key for a in regions.areas] == [
        "Helse Nord",
        "Helse Midt-Norge",
        "Helse Vest",
        "Helse Sør-Øst",
    ]


def test_a_map_without_its_key_property_names_file_and_feature(tmp_path):
    path = tmp_path / "bad.geojson"
    feature = {
        "type": "Feature",
        "properties": {"colour": "red"},
        "geometry": {"type": "Polygon", "coordinates": [[[10, 60], [11, 60], [11, 61], [10, 60]]]},
    }
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    geo = read_geojson(path)
    assert geo.areas == []
    assert not geo.drawable
    [problem] = geo.problems
    assert problem.file == str(path)
    assert "no property that names or numbers its areas" in problem.message
    assert "properties: colour." in problem.message
