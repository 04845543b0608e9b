"""A small generated second-generation atlas and registry for the comparison tests.

Five invented referral areas (Nordby, Sørby, Vestby, Østby, Midtby) in two regions, the merged
area "Storby" of Nordby and Sørby; no name of the real atlases.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from atlasviewer.core.registry import AreaRegistry

AREAS = ["Nordby", "Sørby", "Vestby", "Østby", "Midtby"]


def registry() -> AreaRegistry:
    areas = [
        {"id": name.casefold(), "code": i + 1, "names": {"nb": name, "en": name},
         "region": "r1" if i < 3 else "r2"}
        for i, name in enumerate(AREAS)
    ]  # fmt: skip
    areas.append({"id": "gamleby", "code": 9, "names": {"nb": "Gamleby"}, "region": "r2",
                  "historic": True})  # fmt: skip
    areas[3]["contains"] = ["gamleby"]
    return AreaRegistry(
        {
            "national": {"names": {"nb": "Landet", "nn": "Landet", "en": "Country"}},
            "regions": [
                {"id": "r1", "names": {"nb": "Region En"}, "aliases": ["R1"]},
                {"id": "r2", "names": {"nb": "Region To"}},
            ],
            "areas": areas,
            "merged": [
                {"id": "storby", "names": {"nb": "Storby"}, "members": ["nordby", "sørby"],
                 "stands_in": "nordby"}
            ],
        }
    )  # fmt: skip


def box_data(rows: list[dict[str, Any]], *, error_bars: bool = False) -> dict[str, Any]:
    bar: dict[str, Any] = {
        "type": "barchart", "data": "d1", "x": ["rate"], "y": "area",
        "xLabel": {"nb": "Innleggelser pr. 1 000 innbyggere", "en": "Admissions per 1,000"},
        "annualVar": ["r2020", "r2021"], "annualVarLabels": {"nb": ["2020", "2021"]},
        "format": ",.1f",
    }  # fmt: skip
    if error_bars:
        bar["errorBars"] = ["lo", "hi"]
    return {
        "innhold": [
            bar,
            {"type": "barchart", "data": "d1", "x": ["andel"], "y": "area",
             "xLabel": {"nb": "Andel akutt", "en": "Share emergency"}, "format": ",.0%"},
            {"type": "map", "data": "d1", "x": "rate",
             "caption": {"nb": "Innleggelser pr. 1 000 innbyggere"}, "jenks": [], "format": ",.1f"},
            {"type": "data", "label": "d1", "national": "Landet", "data": rows},
        ]
    }  # fmt: skip


def write_atlas(root: Path, boxes: dict[str, dict[str, Any]], atlas_id: str = "testatlas") -> Path:
    """A second-generation root with one atlas whose result boxes read ``boxes`` (file: data)."""
    (root / "posts" / "atlas").mkdir(parents=True, exist_ok=True)
    data_dir = root / "public" / "data" / atlas_id
    data_dir.mkdir(parents=True, exist_ok=True)
    items = []
    for i, (name, content) in enumerate(boxes.items(), start=1):
        (data_dir / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        items.append({"type": "resultatboks", "overskrift": f"Boks {i} om hofte",
                      "ingress": "Pasienter med MR-undersøkelse", "resultat": "Funn",
                      "utvalg": "", "data": name, "kart": "kart_2024.geojson"})  # fmt: skip
    atlas = {"lang": "nb", "mainTitle": "Testatlas", "shortTitle": "Test", "date": "2025-01-01",
             "publisert": True, "forfatter": "Testprodusent", "ingress": "",
             "kapittel": [{"overskrift": "Kapittel", "innhold": items}]}  # fmt: skip
    (root / "posts" / "atlas" / f"{atlas_id}.json").write_text(
        json.dumps(atlas, ensure_ascii=False), encoding="utf-8"
    )
    return root


def rows(values: dict[str, float], **extra: dict[str, float]) -> list[dict[str, Any]]:
    out = []
    for name, value in values.items():
        row: dict[str, Any] = {"area": name, "rate": value, "andel": 0.5,
                               "r2020": value - 1, "r2021": value + 1}  # fmt: skip
        for column, per_area in extra.items():
            if name in per_area:
                row[column] = per_area[name]
        out.append(row)
    return out
