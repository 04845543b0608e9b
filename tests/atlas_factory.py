"""Atlases the viewer has never seen, written into temporary folders for the tests.

Both generations, in the formats of ../shared (read there and in the readers), but with
geographies no file in ../shared has: random area names and codes under key properties of random
names, any number of areas (5, 70, 400), merged areas ("A/B", the union of two registry areas),
health-region rows in an area-level dataset, area-less profile rows (age and sex), and maps in
UTM 33N or in longitude/latitude.

- Second generation: ``posts/atlas/<id>.json``, ``public/data/<id>/<file>.json``,
  ``public/kart/<map>.geojson``.
- First generation: ``csv/<atlas>.csv`` (``;``-separated long format, one row per area and
  indicator, the national row coded 8888) and ``geojson/<atlas>.geojson``.
"""

from __future__ import annotations

import csv
import json
import math
import random
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from atlasviewer.core.registry import default_registry, normalise_name

SYLLABLES = (
    "ka", "lo", "vi", "rud", "sen", "bek", "mo", "dal", "ås", "vik", "stø", "fjel", "gar", "nes",
    "tor", "lund", "hei", "by", "sand", "ø", "ber", "hov", "li", "rå", "skog", "tan", "ul",
)  # fmt: skip


@dataclass(frozen=True)
class AtlasSpec:
    """What to generate.

    Attributes:
        generation: 1 (CSV + UTM map) or 2 (JSON posts + data + map).
        areas: How many areas the map has.
        seed: Seeds every random choice: the same spec writes the same atlas.
        lonlat: The map in longitude/latitude (else UTM 33N, EPSG:25833 coordinates).
        registry_areas: Use the registry's referral areas (as many as it has, at most
            ``areas``) instead of random names; needed for merged areas and regions that
            select their areas.
        merged: Merge the first two areas of one region into one feature named "A/B".
        region_rows: Add a row per health region to the area-level dataset.
        profile_rows: Add area-less age/sex rows to the area dataset (second generation).
        declare_crs: Write the map's ``crs`` member (else the reader guesses it).
    """

    generation: int = 2
    areas: int = 5
    seed: int = 0
    lonlat: bool = True
    registry_areas: bool = False
    merged: bool = False
    region_rows: bool = False
    profile_rows: bool = False
    declare_crs: bool = False


@dataclass
class GeneratedAtlas:
    """An atlas written by :func:`write_atlas`, and what the test may check against."""

    root: Path
    atlas_id: str
    library_id: str
    spec: AtlasSpec
    area_names: list[str]
    key_property: str
    code_property: str
    codes: dict[str, int]
    map_file: Path
    regions: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)


def random_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct area names the registry does not know ("Kalovik", "Sandå Hei")."""
    registry = default_registry()
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if rng.random() < 0.2:
            word += " " + "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
        folded = normalise_name(word)
        if folded in seen or registry.match(word) is not None:
            continue
        seen.add(folded)
        names.append(word)
    return names


def random_property(rng: random.Random, taken: set[str]) -> str:
    """A property name no reader knows ("qz_omr4")."""
    while True:
        name = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 5)))
        name += rng.choice(("_", "")) + str(rng.randint(0, 99))
        if name not in taken:
            taken.add(name)
            return name


def _grid(count: int, lonlat: bool) -> list[list[list[float]]]:
    """``count`` square rings tiling southern Norway's box, row by row."""
    columns = max(1, math.ceil(math.sqrt(count)))
    rows = math.ceil(count / columns)
    if lonlat:
        x0, y0, width, height = 5.0, 58.0, 25.0, 13.0
    else:
        x0, y0, width, height = 280_000.0, 6_460_000.0, 720_000.0, 1_400_000.0
    dx, dy = width / columns, height / rows
    rings = []
    for index in range(count):
        col, row = index % columns, index // columns
        x, y = x0 + col * dx, y0 + row * dy
        digits = 6 if lonlat else 1
        ring = [(x, y), (x + dx, y), (x + dx, y + dy), (x, y + dy), (x, y)]
        rings.append([[round(a, digits), round(b, digits)] for a, b in ring])
    return rings


def _areas(spec: AtlasSpec, rng: random.Random) -> tuple[list[str], list[str], list[str]]:
    """The map's feature names, the data's area names, and the merged names among them."""
    if not spec.registry_areas:
        names = random_names(rng, spec.areas)
        return names, names, []
    registry = default_registry()
    known = [a for a in registry.areas.values() if not a.historic][: spec.areas]
    names = [a.names["nb"] for a in known]
    merged: list[str] = []
    if spec.merged:
        by_region: dict[str, list[str]] = {}
        for area in known:
            by_region.setdefault(area.region, []).append(area.names["nb"])
        pair = next(group[:2] for group in by_region.values() if len(group) >= 2)
        joined = "/".join(pair)
        names = [n for n in names if n not in pair] + [joined]
        merged = [joined]
    return names, names, merged


def _feature_collection(
    spec: AtlasSpec,
    names: list[str],
    codes: dict[str, int],
    key_property: str,
    code_property: str,
    rng: random.Random,
) -> dict[str, Any]:
    features = []
    order = list(range(len(names)))
    rng.shuffle(order)
    for index, ring in zip(order, _grid(len(names), spec.lonlat), strict=True):
        name = names[index]
        properties = {
            "OBJECTID": index + 1,  # a distractor: numbers that are not the producer's codes
            key_property: name,
            code_property: codes[name],
            "Shape_Area": round(rng.uniform(1e8, 5e10), 1),
        }
        geometry = {"type": "Polygon", "coordinates": [ring]}
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if spec.declare_crs:
        crs = "urn:ogc:def:crs:OGC:1.3:CRS84" if spec.lonlat else "urn:ogc:def:crs:EPSG::25833"
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    return collection


def write_atlas(folder: Path, spec: AtlasSpec) -> GeneratedAtlas:
    """Write the atlas ``spec`` describes into ``folder`` (the data root); returns its facts."""
    rng = random.Random(spec.seed)
    taken = {"area", "OBJECTID", "Shape_Area"}
    key_property, code_property = random_property(rng, taken), random_property(rng, taken)
    map_names, data_names, merged = _areas(spec, rng)
    numbers = rng.sample(range(100, 100 + 50 * len(map_names)), len(map_names))
    codes = dict(zip(map_names, numbers, strict=True))
    atlas_id = "".join(rng.choice(string.ascii_lowercase) for _ in range(7))
    collection = _feature_collection(spec, map_names, codes, key_property, code_property, rng)
    values = {name: round(rng.uniform(10, 500), 1) for name in data_names}
    registry = default_registry()
    regions = [r.name("nb") for r in registry.regions.values()] if spec.region_rows else []
    folder.mkdir(parents=True, exist_ok=True)
    facts = GeneratedAtlas(
        root=folder,
        atlas_id=atlas_id,
        library_id=atlas_id if spec.generation == 2 else f"v1-{atlas_id}",
        spec=spec,
        area_names=data_names,
        key_property=key_property,
        code_property=code_property,
        codes=codes,
        map_file=folder,
        regions=regions,
        merged=merged,
        values=values,
    )
    if spec.generation == 2:
        _write_v2(facts, collection, rng)
    else:
        _write_v1(facts, collection, rng)
    return facts


def _jenks(values: list[float]) -> list[dict[str, float]]:
    ordered = sorted(values)
    cuts = [ordered[int(len(ordered) * q)] for q in (0.25, 0.5, 0.75)] if ordered else []
    return [{"grense": cut} for cut in cuts]


def _write_v2(facts: GeneratedAtlas, collection: dict[str, Any], rng: random.Random) -> None:
    root, spec = facts.root, facts.spec
    map_name = f"{facts.atlas_id}_kart.geojson"
    kart = root / "public" / "kart"
    kart.mkdir(parents=True, exist_ok=True)
    facts.map_file = kart / map_name
    facts.map_file.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    rows: list[dict[str, Any]] = []
    for name, value in facts.values.items():
        rows.append({"area": name, "rate": value, "y2021": value * 0.9, "y2022": value * 1.1})
    national = round(sum(facts.values.values()) / max(1, len(facts.values)), 1)
    rows.append({"area": "Norge", "rate": national, "y2021": national, "y2022": national})
    for region in facts.regions:
        value = round(rng.uniform(10, 500), 1)
        rows.append({"area": region, "rate": value, "y2021": value, "y2022": value})
    profile = [
        {"alder": age, "kvinner": round(rng.uniform(0, 1), 3), "menn": round(rng.uniform(0, 1), 3)}
        for age in range(0, 90, 10)
    ]
    if spec.profile_rows:
        rows.extend(profile)
    label = {"nb": "Rate per 10 000 innbyggere", "en": "Rate per 10,000 inhabitants"}
    items: list[dict[str, Any]] = [
        {
            "type": "barchart", "data": "hoved", "x": ["rate"], "y": "area", "xLabel": label,
            "yLabel": {"nb": "Område", "en": "Area"}, "annualVar": ["y2021", "y2022"],
            "annualVarLabels": {"nb": ["2021", "2022"], "en": ["2021", "2022"]},
            "format": ",.1f",
        },
        {
            "type": "table", "data": "hoved", "caption": label,
            "columns": [
                {"id": "area", "label_no": "Område", "label_en": "Area", "typeVar": "string",
                 "format": ""},
                {"id": "rate", "label_no": "Rate", "label_en": "Rate", "typeVar": "number",
                 "format": ",.1f"},
            ],
        },
        {
            "type": "map", "data": "hoved", "x": "rate", "caption": label,
            "jenks": _jenks(list(facts.values.values())), "format": ",.1f",
        },
        {
            "type": "linechart", "data": "profil", "x": ["alder"],
            "xLabel": {"nb": "Alder", "en": "Age"}, "yLabel": label, "format_y": ",.2f",
            "linevars": ["kvinner", "menn"],
            "linevarsLabels": {"nb": ["Kvinner", "Menn"], "en": ["Women", "Men"]},
        },
        {"type": "data", "label": "hoved", "national": "Norge", "data": rows},
        {"type": "data", "label": "profil", "data": profile},
    ]  # fmt: skip
    data_dir = root / "public" / "data" / facts.atlas_id
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "boks1.json").write_text(
        json.dumps({"innhold": items}, ensure_ascii=False), encoding="utf-8"
    )
    box = {
        "type": "resultatboks", "overskrift": "Første resultat", "data": "boks1.json",
        "kart": map_name, "resultat": "Ratene varierer mellom områdene.",
        "ingress": "Områdene bruker tjenesten ulikt.", "utvalg": "Alle innbyggere.",
        "publisert": "2026-01-01T00:00:00.000Z", "oppdatert": "2026-01-01T00:00:00.000Z",
    }  # fmt: skip
    atlas = {
        "filename": facts.atlas_id, "publisert": True, "lang": "nb",
        "date": "2026-02-01T12:00:00.000Z", "forfatter": "SKDE",
        "mainTitle": f"Helseatlas {facts.atlas_id}", "shortTitle": facts.atlas_id.capitalize(),
        "frontpagetext": "Et generert atlas.", "ingress": "Et atlas til testene.",
        "kapittel": [
            {"overskrift": "Innledning", "innhold": [{"type": "tekst", "tekst": "Tekst."}]},
            {"overskrift": "Resultater", "innhold": [box]},
        ],
    }  # fmt: skip
    posts = root / "posts" / "atlas"
    posts.mkdir(parents=True, exist_ok=True)
    (posts / f"{facts.atlas_id}.json").write_text(
        json.dumps(atlas, ensure_ascii=False, indent=1), encoding="utf-8"
    )


V1_HEADER = (
    "area", "level2", "level2_name", "area_name", "level1", "level1_name", "value", "numerator",
    "denominator", "type", "numerator_name", "denominator_name", "period",
)  # fmt: skip


def _write_v1(facts: GeneratedAtlas, collection: dict[str, Any], rng: random.Random) -> None:
    root = facts.root
    (root / "geojson").mkdir(parents=True, exist_ok=True)
    (root / "csv").mkdir(parents=True, exist_ok=True)
    facts.map_file = root / "geojson" / f"{facts.atlas_id}.geojson"
    facts.map_file.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    indicators = [(1, "Personer med kontakt"), (2, "Innleggelser")]
    named = list(facts.values.items())
    named.append(("Norge", round(sum(facts.values.values()) / max(1, len(named)), 1)))
    named.extend((region, round(rng.uniform(10, 500), 1)) for region in facts.regions)
    with (root / "csv" / f"{facts.atlas_id}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(V1_HEADER)
        for level2, level2_name in indicators:
            for number, (name, value) in enumerate(named, start=1):
                code = 8888 if name == "Norge" else number  # the CSV's own numbers, not the map's
                denominator = rng.randint(20_000, 400_000)
                writer.writerow(
                    (code, level2, level2_name, name, 1, "Kontakter", value,
                     round(value * denominator / 10_000), denominator, "Rate", "Antall",
                     "Innbyggere", "2021-2023")
                )  # fmt: skip
