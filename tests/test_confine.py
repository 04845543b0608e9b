"""Nothing outside an atlas folder is read or opened, whatever the atlas refers to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atlasviewer.core import confine
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.links import OUTSIDE, link_problems, variant_links
from atlasviewer.core.problems import Severity

SQUARE = [[[10.0, 60.0], [10.5, 60.0], [10.5, 60.5], [10.0, 60.5], [10.0, 60.0]]]
DATA = {
    "innhold": [
        {"type": "barchart", "data": "d", "x": ["rate"], "y": "area", "format": ",.0f"},
        {"type": "data", "label": "d", "national": "Norge", "data": [{"area": "UNN", "rate": 1}]},
    ]
}
MAP = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"area": "UNN"},
            "geometry": {"type": "Polygon", "coordinates": SQUARE},
        }
    ],
}


def _make(tmp_path: Path, data: str = "box.json", kart: str = "m.geojson", **atlas) -> Path:
    """A one-box atlas in ``tmp_path/root``; beside the root, ``secret.json``/``.geojson``."""
    root = tmp_path / "root"
    for folder in ("posts/atlas", "public/data/test", "public/kart", "public/img"):
        (root / folder).mkdir(parents=True)
    (tmp_path / "secret.json").write_text(json.dumps(DATA))
    (tmp_path / "secret.geojson").write_text(json.dumps(MAP))
    (root / "public/data/test/box.json").write_text(json.dumps(DATA))
    (root / "public/kart/m.geojson").write_text(json.dumps(MAP))
    box = {"type": "resultatboks", "overskrift": "Box", "data": data, "kart": kart}
    document = {"lang": "nb", "mainTitle": "T", "kapittel": [{"innhold": [box]}], **atlas}
    (root / "posts/atlas/test.json").write_text(json.dumps(document))
    return root


def _outside(problems) -> list:
    return [p for p in problems if "outside the atlas folder" in p.message]


def test_confine_resolves_dots_and_links(tmp_path):
    root = tmp_path / "root"
    (root / "a").mkdir(parents=True)
    (tmp_path / "secret").write_text("x")
    (root / "a" / "link").symlink_to(tmp_path / "secret")
    assert confine.confine(root, root / "a" / ".." / "a") == root / "a" / ".." / "a"
    for escape in (root / ".." / "secret", root / "a" / "link", Path("/etc/passwd")):
        with pytest.raises(confine.OutsideRoot):
            confine.confine(root, escape)
    for reference in ("../secret", "file:///etc/passwd", "/etc/passwd", "a/../../secret"):
        with pytest.raises(confine.OutsideRoot):
            confine.reference_path(root, root, reference)
    with pytest.raises(confine.OutsideRoot):
        confine.site_path(root, "/helseatlas/img/../../../secret")
    assert confine.site_path(root, "/helseatlas/files/x.pdf") == root / "public/files/x.pdf"


@pytest.mark.parametrize(
    ("field", "value"),
    [("data", "../../../../secret.json"), ("kart", "../../../secret.geojson")],
)
def test_a_data_or_map_field_leaving_the_root_is_an_error_and_not_read(tmp_path, field, value):
    root = _make(tmp_path, **{field: value})
    atlas = AtlasLibrary([root]).atlas("test")
    data = atlas.primary.result_boxes[0].load()
    (error,) = _outside(data.problems)
    assert error.severity is Severity.ERROR and value in error.message
    assert error.file.endswith("test.json") and error.place.endswith(f".{field}")
    if field == "data":
        assert data.rowsets == {}  # the secret's row set was not read


def test_a_symlinked_data_file_pointing_out_is_not_read(tmp_path):
    root = _make(tmp_path)
    box = root / "public/data/test/box.json"
    box.unlink()
    box.symlink_to(tmp_path / "secret.json")
    data = AtlasLibrary([root]).atlas("test").primary.result_boxes[0].load()
    assert _outside(data.problems) and data.rowsets == {}


def test_a_symlinked_atlas_file_pointing_out_is_a_folder_problem(tmp_path):
    root = _make(tmp_path)
    (tmp_path / "other.json").write_text(json.dumps({"lang": "nb", "mainTitle": "Other"}))
    (root / "posts/atlas/other.json").symlink_to(tmp_path / "other.json")
    library = AtlasLibrary([root])
    assert library.ids == ["test"]
    (problem,) = _outside(library.problems)
    assert problem.file.endswith("other.json")


def test_text_references_leaving_the_root_are_errors_with_no_path(tmp_path):
    text = (
        "![a](/helseatlas/img/../../../secret.png) [b](/helseatlas/files/../../../secret.pdf) "
        "![c](../secret.png) [d](file:///etc/passwd) [fine](/helseatlas/files/ok.pdf)"
    )
    root = _make(tmp_path, ingress=text, image="../../secret.png")
    variant = AtlasLibrary([root]).atlas("test").primary
    links = variant_links(variant)
    outside = [link for link in links if link.kind == OUTSIDE]
    assert [link.text for link in outside] == ["a", "b", "c", "d"]
    assert all(link.path is None for link in outside)
    problems = _outside(link_problems(variant))
    assert {p.place for p in problems} == {"image", "ingress"} and len(problems) == 5
