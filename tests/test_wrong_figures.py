"""Figures that would be silently wrong are problems, or are read right (issue 18, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

from atlasviewer.cli import main
from atlasviewer.core.factsheet import build_fact_sheet, resolve_target
from atlasviewer.core.formatting import format_number
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.problems import Severity
from atlasviewer.core.summary import summarise

SQUARE = [[[10.0, 60.0], [10.5, 60.0], [10.5, 60.5], [10.0, 60.5], [10.0, 60.0]]]
AREAS = ["Finnmark", "UNN", "Nordland"]


def _make(root: Path, rows: list[dict], *, english_only: bool = False, **atlas) -> Path:
    folder = root / "posts" / ("en/atlas" if english_only else "atlas")
    for path in (folder, root / "posts/atlas", root / "public/data/test", root / "public/kart"):
        path.mkdir(parents=True, exist_ok=True)
    features = [
        {
            "type": "Feature",
            "properties": {"area": name},
            "geometry": {"type": "Polygon", "coordinates": [[[x + i, y] for x, y in SQUARE[0]]]},
        }
        for i, name in enumerate(AREAS)
    ]
    (root / "public/kart/m.geojson").write_text(json.dumps({"features": features}))
    data = {
        "innhold": [
            {"type": "barchart", "data": "d", "x": ["rate"], "y": "area", "format": ",.1f"},
            {"type": "map", "data": "d", "x": "rate", "jenks": [{"cluster": "NaN"}]},
            {"type": "data", "label": "d", "data": rows},
        ]
    }
    # Written by hand: json.dumps would refuse nothing, but 1e400 must reach the reader as text.
    text = json.dumps(data).replace('"__1e400__"', "1e400")
    (root / "public/data/test/box.json").write_text(text)
    box = {"type": "resultatboks", "overskrift": "Box", "data": "box.json", "kart": "m.geojson"}
    document = {
        "lang": "en" if english_only else "nb",
        "mainTitle": "T",
        "kapittel": [{"innhold": [box]}],
        **atlas,
    }
    (folder / "test.json").write_text(json.dumps(document))
    return root


def _load(root: Path):
    atlas = AtlasLibrary([root]).atlas("test")
    return atlas, atlas.primary.result_boxes[0].load()


def test_non_finite_values_are_warnings_not_silent_gaps(tmp_path):
    rows = [
        {"area": "Finnmark", "rate": float("nan")},
        {"area": "UNN", "rate": float("inf")},
        {"area": "Nordland", "rate": "__1e400__"},
        {"area": "Norge", "rate": 2.0},
    ]
    _, data = _load(_make(tmp_path, rows))
    warnings = [p for p in data.problems if "not a finite number" in p.message]
    assert [p.place.rsplit(".", 2)[-2] for p in warnings] == ["data[0]", "data[1]", "data[2]"]
    assert all(p.severity is Severity.WARNING for p in warnings)
    assert data.rowsets["d"].frame["rate"][:3] == [None, None, None]


def test_a_negative_rate_and_a_missing_national_row_are_reported(tmp_path):
    rows = [{"area": "Finnmark", "rate": -3.0}, {"area": "UNN", "rate": 4.0}]
    _, data = _load(_make(tmp_path, rows))
    messages = [p.message for p in data.problems if p.severity is Severity.WARNING]
    assert any("negative value (-3.0)" in m for m in messages)
    assert any("no national row" in m for m in messages)


def test_publisert_false_as_text_is_a_draft(tmp_path):
    atlas, _ = _load(_make(tmp_path, [{"area": "UNN", "rate": 1.0}], publisert="false"))
    assert atlas.primary.published is False
    assert any("true or false" in p.message for p in atlas.problems)


def test_huge_values_format_summarise_and_make_a_fact_sheet(tmp_path):
    rows = [
        {"area": "Finnmark", "rate": 1e308},
        {"area": "UNN", "rate": 1.7976931348623157e308},
        {"area": "Nordland", "rate": 5e-324},
        {"area": "Norge", "rate": 1e307},
    ]
    atlas, data = _load(_make(tmp_path, rows))
    text = format_number(1e308, ",.0f", "en")
    assert text.startswith("100,000,000,000,") and len(text.replace(",", "")) == 309
    assert format_number(10**400, ",.0f", "nb") == "–"  # an int no float can hold: no figure
    summary = summarise(data, "rate", "en")
    assert summary["highest"]["label"] == "UNN" and summary["n_areas"] == 3
    target = resolve_target("UNN")
    assert target is not None
    sheet = build_fact_sheet(atlas, target, "en")
    assert len(sheet.boxes) == 1


def test_export_names_the_language_it_used(tmp_path):
    rows = [{"area": n, "rate": float(i + 1)} for i, n in enumerate([*AREAS, "Norge"])]
    root = _make(tmp_path / "data", rows, english_only=True)
    out = tmp_path / "out"
    code = main(["export", "--data", str(root), "--atlas", "test", "--lang", "nb"]
                + ["--box", "1", "--out", str(out), "--format", "csv"])  # fmt: skip
    assert code == 0
    (summary,) = out.glob("*summary.json")
    document = json.loads(summary.read_text(encoding="utf-8"))
    assert document["lang"] == "en" and document["number_lang"] == "nb"
