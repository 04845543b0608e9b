"""A small generated second-generation atlas for the deck and presentation tests.

Its areas are not those of ../shared ("Nordvik", "Sørby", "Østmark", ...), and it has two
result boxes with a map, a bar chart and a table each, so that nothing in the deck works only
because of the names of the real atlases.
"""

from __future__ import annotations

import json
from pathlib import Path

AREAS = ["Nordvik", "Sørby", "Østmark", "Vestre", "Midtdal"]


def _square(dx: float, dy: float = 0.0, size: float = 0.4) -> list:
    x, y = 8.0 + dx, 60.0 + dy
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def _map(names: list[str]) -> dict:
    features = [
        {
            "type": "Feature",
            "properties": {"area": name},
            "geometry": {"type": "Polygon", "coordinates": _square((i % 3) * 0.5, (i // 3) * 0.5)},
        }
        for i, name in enumerate(names)
    ]
    return {"type": "FeatureCollection", "features": features}


def _data(offset: float) -> dict:
    rows = [{"area": n, "rate": 10.0 + offset + 3 * i} for i, n in enumerate(AREAS)]
    rows.append({"area": "Norge", "rate": 15.0 + offset})
    return {
        "innhold": [
            {"type": "map", "data": "d1", "x": "rate", "jenks": []},
            {"type": "barchart", "data": "d1", "x": ["rate"], "y": "area", "format": ",.1f"},
            {
                "type": "table",
                "data": "d1",
                "caption": {"nb": "Rater", "en": "Rates"},
                "columns": [
                    {"id": "area", "label_no": "Område", "label_en": "Area", "typeVar": "string"},
                    {
                        "id": "rate",
                        "label_no": "Rate",
                        "label_en": "Rate",
                        "typeVar": "number",
                        "format": ",.1f",
                    },
                ],
            },
            {"type": "data", "label": "d1", "national": "Norge", "data": rows},
        ]
    }


def make_atlas(root: Path, atlas_id: str = "kyst", boxes: int = 2) -> Path:
    """Write atlas ``atlas_id`` with ``boxes`` result boxes into ``root``; returns ``root``."""
    (root / "posts" / "atlas").mkdir(parents=True, exist_ok=True)
    (root / "public" / "data" / atlas_id).mkdir(parents=True, exist_ok=True)
    (root / "public" / "kart").mkdir(parents=True, exist_ok=True)
    (root / "public" / "kart" / "kyst.geojson").write_text(
        json.dumps(_map(AREAS)), encoding="utf-8"
    )
    items = []
    for number in range(1, boxes + 1):
        items.append(
            {
                "type": "resultatboks",
                "overskrift": f"Kystboks {number}",
                "resultat": f"Funn nummer {number}: raten varierer.",
                "data": f"box{number}.json",
                "kart": "kyst.geojson",
            }
        )
        (root / "public" / "data" / atlas_id / f"box{number}.json").write_text(
            json.dumps(_data(number * 10.0)), encoding="utf-8"
        )
    atlas = {
        "lang": "nb",
        "mainTitle": "Kystatlas",
        "publisert": True,
        "date": "2024-01-01",
        "kapittel": [{"overskrift": "Ett", "innhold": items}],
    }
    (root / "posts" / "atlas" / f"{atlas_id}.json").write_text(json.dumps(atlas), encoding="utf-8")
    return root


def library(root: Path):
    """The library over ``root`` alone."""
    from atlasviewer.core.library import AtlasLibrary

    return AtlasLibrary([root])
