# ruff: noqa: E501 - a table of defects, one a line, reads best unwrapped
"""A corpus of damaged atlas folders, each a copy of a little of the real data with one defect.

:func:`build_base` copies two second-generation atlases (the two with the least data whose data
files all exist, chosen by content, not by name) with the maps they use, and two first-generation
atlases (the smallest CSV with a map of its own, and the smallest without one), from ``../shared``
into a temporary folder, never into the repository. :func:`cases` lists the defects; each
:class:`Case` applies one to a fresh copy (:func:`materialise`) and says what a user must see:
which file is named, at which severity. Beside every copy lies ``outside/`` with files an atlas
might reach for; nothing may open them.

Run as a script it builds the corpus and prints the cases: ``python tests/bad_input_corpus.py``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

V2 = "v2"
V1 = "v1"
OUTSIDE = "outside"
SECRET_NAMES = ("secret.json", "secret.geojson", "secret.png", "secret.pdf", "secret.csv")

DEFAULT_MAP = "kart_2024.geojson"


@dataclass(frozen=True)
class Base:
    """The undamaged copy: where it is and what is in it (relative to the copy's folder)."""

    folder: Path
    atlas: str  # v2/posts/atlas/<id>.json of the first v2 atlas
    atlas_id: str
    other_atlas_id: str
    data: str  # its first data file
    map: str  # the map it uses
    csv: str  # v1/csv/<stem>.csv with a map of its own
    csv_atlas_id: str
    v1_map: str
    other_csv_atlas_id: str


@dataclass(frozen=True)
class Case:
    """One defect.

    Attributes:
        name: Short id (``data-truncated``).
        target: The file (relative to the copy) that the defect is in, as placed in the copy.
        named: What the problems must name as their file: a suffix of the path (default
            ``target``), or "" when no problem is expected (the input is sound, such as a BOM).
        severity: The worst severity of the problems naming ``named``: ``error``, ``warning``
            or ``none``.
        apply: Makes the defect in a copy (given the copy's folder).
        atlas_id: The atlas the defect belongs to (exported by the corpus test).
    """

    name: str
    target: str
    severity: str
    apply: Callable[[Path], None]
    atlas_id: str
    named: str | None = None

    @property
    def expected_file(self) -> str:
        return self.target if self.named is None else self.named


# ------------------------------------------------------------------------- the base copy


def _referenced_data(atlas: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for chapter in atlas.get("kapittel", []):
        for item in chapter.get("innhold", []):
            if item.get("type") == "resultatboks":
                found.append((item.get("data") or "", item.get("kart") or DEFAULT_MAP))
    return found


def _choose_v2(shared: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The two second-generation atlases with the least data, all of whose data files exist."""
    root = shared / "helseatlas"
    scored = []
    for path in sorted((root / "posts" / "atlas").glob("*.json")):
        atlas = json.loads(path.read_text(encoding="utf-8"))
        boxes = _referenced_data(atlas)
        files = [root / "public" / "data" / path.stem / data for data, _ in boxes]
        if boxes and all(f.is_file() for f in files):
            scored.append((sum(f.stat().st_size for f in files), path.stem, boxes))
    scored.sort()
    return [(stem, boxes) for _, stem, boxes in scored[:2]]


def build_base(folder: Path, shared: Path) -> Base:
    """Copy a little of the real data into ``folder`` (see the module docstring)."""
    v2 = folder / V2
    chosen = _choose_v2(shared)
    source = shared / "helseatlas"
    maps: set[str] = set()
    for stem, boxes in chosen:
        for sub in ("posts/atlas", "posts/en/atlas"):
            original = source / sub / f"{stem}.json"
            if original.is_file():
                (v2 / sub).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(original, v2 / sub / original.name)
        (v2 / "public/data" / stem).mkdir(parents=True, exist_ok=True)
        for data, kart in boxes:
            shutil.copyfile(source / "public/data" / stem / data, v2 / "public/data" / stem / data)
            maps.add(kart)
    (v2 / "public/kart").mkdir(parents=True, exist_ok=True)
    for name in sorted(maps):
        shutil.copyfile(source / "public/kart" / name, v2 / "public/kart" / name)
    (v2 / "public/img").mkdir(parents=True, exist_ok=True)
    (v2 / "public/files").mkdir(parents=True, exist_ok=True)

    v1 = folder / V1
    origin = shared / "helseatlas-v1"
    (v1 / "csv").mkdir(parents=True)
    (v1 / "geojson").mkdir()
    csvs = sorted(
        (p for p in (origin / "csv").glob("*.csv") if not p.stem.endswith("_en")),
        key=lambda p: p.stat().st_size,
    )
    with_map = next(p for p in csvs if (origin / "geojson" / f"{p.stem}.geojson").is_file())
    without = next(p for p in csvs if not (origin / "geojson" / f"{p.stem}.geojson").is_file())
    for path in (with_map, without):
        shutil.copyfile(path, v1 / "csv" / path.name)
    shutil.copyfile(
        origin / "geojson" / f"{with_map.stem}.geojson", v1 / "geojson" / f"{with_map.stem}.geojson"
    )

    outside = folder / OUTSIDE
    outside.mkdir()
    first_data = v2 / "public/data" / chosen[0][0] / chosen[0][1][0][0]
    (outside / "secret.json").write_bytes(first_data.read_bytes())
    (outside / "secret.geojson").write_bytes((v2 / "public/kart" / sorted(maps)[0]).read_bytes())
    (outside / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\nsecret")
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4 secret %%EOF")
    (outside / "secret.csv").write_bytes(with_map.read_bytes())
    stem, boxes = chosen[0]
    return Base(
        folder=folder,
        atlas=f"{V2}/posts/atlas/{stem}.json",
        atlas_id=stem,
        other_atlas_id=chosen[1][0],
        data=f"{V2}/public/data/{stem}/{boxes[0][0]}",
        map=f"{V2}/public/kart/{boxes[0][1]}",
        csv=f"{V1}/csv/{with_map.name}",
        csv_atlas_id=f"v1-{with_map.stem}",
        v1_map=f"{V1}/geojson/{with_map.stem}.geojson",
        other_csv_atlas_id=f"v1-{without.stem}",
    )


def materialise(base: Base, case: Case, folder: Path) -> Path:
    """A fresh copy of ``base`` in ``folder`` with ``case``'s defect; returns ``folder``."""
    for part in (V2, V1, OUTSIDE):
        shutil.copytree(base.folder / part, folder / part, symlinks=True)
    case.apply(folder)
    return folder


# ------------------------------------------------------------------------- defects


def _json_edit(relative: str, edit: Callable[[Any], Any]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / relative
        value = json.loads(path.read_text(encoding="utf-8-sig"))
        result = edit(value)
        path.write_text(json.dumps(value if result is None else result), encoding="utf-8")

    return apply


def _json_text_edit(relative: str, edit: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / relative
        path.write_text(edit(path.read_text(encoding="utf-8-sig")), encoding="utf-8")

    return apply


def _bytes_edit(relative: str, edit: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / relative
        path.write_bytes(edit(path.read_bytes()))

    return apply


def _replace_with(relative: str, how: str, link_to: str = "") -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / relative
        path.unlink()
        if how == "fifo":
            os.mkfifo(path)
        elif how == "folder":
            path.mkdir()
        elif how == "symlink":
            path.symlink_to(folder / OUTSIDE / link_to)
        elif how == "dev-zero":
            path.symlink_to("/dev/zero")
        elif how == "sparse":  # 65 MB on paper, nothing on disk: over every limit
            with path.open("wb") as handle:
                handle.truncate(65 << 20)
        elif how == "empty":
            path.write_bytes(b"")

    return apply


def _latin1(raw: bytes) -> bytes:
    text = raw.decode("utf-8-sig")
    if not any(c in text for c in "æøåÆØÅé"):
        text = text.replace('"', '"Førde ', 1) if text.startswith("{") else text + "Førde\n"
    return text.encode("latin-1", errors="replace")


def _random_bytes(raw: bytes) -> bytes:
    return random.Random(len(raw)).randbytes(max(64, len(raw) // 8))


def _bom(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf" + raw


def _deep(_: bytes) -> bytes:
    return b"[" * 200_000 + b"]" * 200_000


def _deep_object(_: bytes) -> bytes:
    return b'{"innhold": ' + b'{"a": ' * 100 + b"1" + b"}" * 101


def _huge_int(raw: bytes) -> bytes:
    return raw.replace(b"[", b"[" + b"9" * 5000 + b", ", 1)


def _truncate(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _nul(raw: bytes) -> bytes:
    return raw[:100] + b"\x00" * 16 + raw[100:]


def _first(items: list[Any], kind: str) -> dict[str, Any]:
    return next(i for i in items if isinstance(i, dict) and i.get("type") == kind)


def _rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    return _first(document["innhold"], "data")["data"]


def _first_numeric_key(row: dict[str, Any]) -> str:
    return next(
        k for k, v in row.items() if isinstance(v, (int, float)) and not isinstance(v, bool)
    )


def _set_value(value: Any) -> Callable[[Any], None]:
    def edit(document: Any) -> None:
        rows = _rows(document)
        rows[0][_first_numeric_key(rows[0])] = value

    return edit


def _text_value(token: str) -> Callable[[str], str]:
    """Put a JSON token that json.dumps cannot write (``1e400``) as the first number of a row."""

    def edit(text: str) -> str:
        document = json.loads(text)
        rows = _rows(document)
        rows[0][_first_numeric_key(rows[0])] = "__token__"
        return json.dumps(document).replace('"__token__"', token)

    return edit


def _box(atlas: dict[str, Any]) -> dict[str, Any]:
    for chapter in atlas["kapittel"]:
        for item in chapter["innhold"]:
            if item.get("type") == "resultatboks":
                return item
    raise LookupError("no result box")


def _set_box(key: str, value: Any) -> Callable[[Any], None]:
    def edit(atlas: Any) -> None:
        _box(atlas)[key] = value

    return edit


def _append_text(markdown: str) -> Callable[[Any], None]:
    def edit(atlas: Any) -> None:
        atlas["ingress"] = (atlas.get("ingress") or "") + "\n\n" + markdown

    return edit


def _features(edit: Callable[[list[Any]], None]) -> Callable[[Any], None]:
    def apply(document: Any) -> None:
        edit(document["features"])

    return apply


def _geometry(feature_edit: Callable[[dict[str, Any]], None]) -> Callable[[Any], None]:
    return _features(lambda features: feature_edit(features[0]["geometry"]))


def _first_ring(geometry: dict[str, Any]) -> list[Any]:
    coordinates = geometry["coordinates"]
    return coordinates[0] if geometry["type"] == "Polygon" else coordinates[0][0]


def _ring_edit(edit: Callable[[list[Any]], None]) -> Callable[[Any], None]:
    return _geometry(lambda geometry: edit(_first_ring(geometry)))


def _transform_all(transform: Callable[[float, float], list[float]]) -> Callable[[Any], None]:
    def walk(node: Any) -> Any:
        if isinstance(node, list) and node and isinstance(node[0], (int, float)):
            return transform(node[0], node[1])
        if isinstance(node, list):
            return [walk(child) for child in node]
        return node

    def edit(document: Any) -> None:
        document.pop("crs", None)
        for feature in document["features"]:
            feature["geometry"]["coordinates"] = walk(feature["geometry"]["coordinates"])

    return edit


def _mercator(lon: float, lat: float) -> list[float]:
    import math

    radius = 6378137.0
    return [
        radius * math.radians(lon),
        radius * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)),
    ]


def _csv_lines(edit: Callable[[list[bytes]], list[bytes]]) -> Callable[[bytes], bytes]:
    def apply(raw: bytes) -> bytes:
        return b"".join(edit(raw.splitlines(keepends=True)))

    return apply


def _csv_cell(column: str, value: bytes) -> Callable[[bytes], bytes]:
    def apply(raw: bytes) -> bytes:
        lines = raw.splitlines(keepends=True)
        header = lines[0].decode("utf-8-sig").strip().split(";")
        index = header.index(column)
        cells = lines[1].rstrip(b"\r\n").split(b";")
        cells[index] = value
        lines[1] = b";".join(cells) + b"\n"
        return b"".join(lines)

    return apply


def cases(base: Base) -> list[Case]:  # noqa: PLR0915 - a table of cases
    """Every defect of the corpus (see :class:`Case`)."""
    found: list[Case] = []

    def add(name: str, target: str, severity: str, apply: Callable[[Path], None], atlas: str,
            named: str | None = None) -> None:  # fmt: skip
        found.append(Case(name, target, severity, apply, atlas, named))

    a, d, m, c, g = base.atlas, base.data, base.map, base.csv, base.v1_map
    v2, v1 = base.atlas_id, base.csv_atlas_id
    # Every file kind: the same damage to its bytes.
    for kind, target, atlas in (("atlas", a, v2), ("data", d, v2), ("map", m, v2),
                                ("csv", c, v1), ("v1map", g, v1)):  # fmt: skip
        json_kind = kind != "csv"
        # A CSV cut off mid-line is only a short last line (a warning naming it).
        cut = "warning" if kind == "csv" else "error"
        add(f"{kind}-truncated", target, cut, _bytes_edit(target, _truncate), atlas)
        add(f"{kind}-random-bytes", target, "error", _bytes_edit(target, _random_bytes), atlas)
        add(f"{kind}-empty", target, "error", _replace_with(target, "empty"), atlas)
        add(f"{kind}-fifo", target, "error", _replace_with(target, "fifo"), atlas)
        add(f"{kind}-folder", target, "error", _replace_with(target, "folder"), atlas)
        add(f"{kind}-dev-zero", target, "error", _replace_with(target, "dev-zero"), atlas)
        add(f"{kind}-over-size-limit", target, "error", _replace_with(target, "sparse"), atlas)
        secret = {"atlas": "secret.json", "data": "secret.json", "csv": "secret.csv"}
        add(f"{kind}-symlink-out", target, "error",
            _replace_with(target, "symlink", secret.get(kind, "secret.geojson")), atlas)  # fmt: skip
        add(f"{kind}-nul-bytes", target, "error", _bytes_edit(target, _nul), atlas)
        if json_kind:
            add(f"{kind}-latin-1", target, "error", _bytes_edit(target, _latin1), atlas)
            add(f"{kind}-bom", target, "none", _bytes_edit(target, _bom), atlas, named="")
            add(f"{kind}-deep-array", target, "error", _bytes_edit(target, _deep), atlas)
            add(f"{kind}-deep-object", target, "error", _bytes_edit(target, _deep_object), atlas)
            add(f"{kind}-huge-int", target, "error", _bytes_edit(target, _huge_int), atlas)
            add(f"{kind}-a-list", target, "error", _bytes_edit(target, lambda _: b"[1, 2]"), atlas)
            add(f"{kind}-a-string", target, "error", _bytes_edit(target, lambda _: b'"x"'), atlas)

    # Atlas files: structure, flags and every kind of reference out of the folder.
    for name, edit, severity in (
        ("kapittel-not-list", lambda x: x.update(kapittel={"a": 1}), "error"),
        ("chapter-not-object", lambda x: x["kapittel"].insert(0, 7), "error"),
        ("item-not-object", lambda x: x["kapittel"][0]["innhold"].insert(0, "x"), "error"),
        ("item-type-list", lambda x: x["kapittel"][0]["innhold"].insert(0, {"type": [1]}), "warning"),
        ("item-type-object", lambda x: x["kapittel"][0]["innhold"].insert(0, {"type": {}}), "warning"),
        ("title-a-number", lambda x: x.update(mainTitle=float("nan")), "warning"),
        ("publisert-string-false", lambda x: x.update(publisert="false"), "warning"),
        ("lang-a-list", lambda x: x.update(lang=["nb"]), "warning"),
        ("data-dotdot", _set_box("data", "../../../../outside/secret.json"), "error"),
        ("data-absolute", _set_box("data", str(Path("/etc/passwd"))), "error"),
        ("data-a-number", _set_box("data", 12), "error"),
        ("kart-dotdot", _set_box("kart", "../../../outside/secret.geojson"), "error"),
        ("kart-absolute", _set_box("kart", "/etc/hostname"), "error"),
        ("image-dotdot", lambda x: x.update(image="../../outside/secret.png"), "error"),
        ("image-file-url", lambda x: x.update(image="file:///etc/passwd"), "error"),
        ("md-image-site-dotdot", _append_text("![x](/helseatlas/img/../../../outside/secret.png)"), "error"),
        ("md-image-relative-dotdot", _append_text("![x](../outside/secret.png)"), "error"),
        ("md-image-file-url", _append_text("![x](file:///etc/passwd)"), "error"),
        ("md-link-file-url", _append_text("[x](file:///etc/passwd)"), "error"),
        ("md-factsheet-dotdot", _append_text("[x](/helseatlas/files/../../../outside/secret.pdf)"), "error"),
        ("md-link-relative-dotdot", _append_text("[x](../../outside/secret.pdf)"), "error"),
        ("md-unpublished-factsheet", _append_text("[x](/helseatlas/files/never.pdf)"), "warning"),
        ("md-missing-image", _append_text("![x](/helseatlas/img/never.png)"), "warning"),
    ):  # fmt: skip
        add(f"atlas-{name}", a, severity, _json_edit(a, edit), v2)
    add("atlas-nan-literal", a, "warning", _json_text_edit(a, lambda t: t.rstrip()[:-1] + ', "mainTitle": NaN}'), v2)  # fmt: skip
    add("atlas-long-data-name", a, "error", _json_edit(a, _set_box("data", "x" * 5000 + ".json")), v2)  # fmt: skip

    # Data files: values, views, row sets.
    for name, edit, severity in (
        ("value-nan", _set_value(float("nan")), "warning"),
        ("value-infinity", _set_value(float("inf")), "warning"),
        ("value-negative", _set_value(-12.5), "warning"),
        ("value-text", _set_value("12,5 %"), "warning"),
        ("value-list", _set_value([1, 2]), "warning"),
        ("value-object", _set_value({"a": 1}), "warning"),
        ("value-bool", _set_value(True), "warning"),
        ("innhold-not-list", lambda x: x.update(innhold={"a": 1}), "error"),
        ("item-not-object", lambda x: x["innhold"].insert(0, 5), "error"),
        ("item-type-list", lambda x: x["innhold"].insert(0, {"type": ["map"]}), "warning"),
        ("rows-not-list", lambda x: _first(x["innhold"], "data").update(data={"a": 1}), "error"),
        ("row-not-object", lambda x: _rows(x).insert(0, [1, 2]), "error"),
        ("national-row-missing", lambda x: _first(x["innhold"], "data").update(
            data=[r for r in _rows(x) if "Norge" not in json.dumps(r, ensure_ascii=False)]), "warning"),
        ("national-not-text", lambda x: _first(x["innhold"], "data").update(national=[1]), "error"),
        ("label-missing", lambda x: _first(x["innhold"], "data").pop("label"), "error"),
        ("view-x-number", lambda x: next(i for i in x["innhold"] if i.get("type") != "data").update(x=5), "error"),
        ("view-unknown-rowset", lambda x: next(i for i in x["innhold"] if i.get("type") != "data").update(data="nope"), "error"),
        ("map-jenks-text-nan", lambda x: x["innhold"].insert(0, {"type": "map", "data": _first(x["innhold"], "data")["label"], "x": _first_numeric_key(_rows(x)[0]), "jenks": [{"cluster": "NaN", "min": "NaN", "max": "Infinity"}]}), "warning"),
        ("map-jenks-not-list", lambda x: x["innhold"].insert(0, {"type": "map", "data": _first(x["innhold"], "data")["label"], "jenks": 3}), "error"),
    ):  # fmt: skip
        add(f"data-{name}", d, severity, _json_edit(d, edit), v2)
    add("data-value-1e400", d, "warning", _json_text_edit(d, _text_value("1e400")), v2)
    add("data-value-1e308", d, "none", _json_text_edit(d, _text_value("1e308")), v2, named="")
    add(
        "data-value-infinity-literal",
        d,
        "warning",
        _json_text_edit(d, _text_value("-Infinity")),
        v2,
    )

    # Maps: features, properties, coordinates, rings, coordinate systems.
    for name, edit, severity in (
        ("features-not-list", lambda x: x.update(features={"a": 1}), "error"),
        ("features-empty", lambda x: x.update(features=[]), "error"),
        ("feature-not-object", _features(lambda f: f.insert(0, [1, 2])), "error"),
        ("properties-list", _features(lambda f: f[0].update(properties=[1])), "error"),
        ("properties-missing", _features(lambda f: f[0].pop("properties")), "error"),
        ("geometry-list", _features(lambda f: f[0].update(geometry=[1, 2])), "error"),
        ("geometry-null", _features(lambda f: f[0].update(geometry=None)), "error"),
        ("geometry-type-unknown", _geometry(lambda g: g.update(type="Circle")), "error"),
        ("geometry-type-list", _geometry(lambda g: g.update(type=["Polygon"])), "error"),
        ("coordinates-strings", _ring_edit(lambda r: r.__setitem__(0, ["a", "b"])), "error"),
        ("coordinates-single", _ring_edit(lambda r: r.__setitem__(0, [10.0])), "error"),
        ("coordinates-nan", _ring_edit(lambda r: r.__setitem__(1, [float("nan"), 60.0])), "error"),
        ("coordinates-too-shallow", _geometry(lambda g: g.update(coordinates=[[10.0, 60.0], [11.0, 61.0]])), "error"),
        ("ring-two-points", _geometry(lambda g: g.update(type="Polygon", coordinates=[[[10.0, 60.0], [10.1, 60.0]]])), "error"),
        ("ring-bow-tie", _geometry(lambda g: g.update(type="Polygon", coordinates=[[[10.0, 60.0], [11.0, 61.0], [11.0, 60.0], [10.0, 61.0], [10.0, 60.0]]])), "warning"),
        ("geometry-empty", _geometry(lambda g: g.update(type="Polygon", coordinates=[])), "warning"),
        ("crs-unsupported", lambda x: x.update(crs={"type": "name", "properties": {"name": "EPSG:2154"}}), "error"),
        ("crs-a-list", lambda x: x.update(crs=[1]), "none"),
        ("code-infinity", _features(lambda f: f[0]["properties"].update(BoHF_num=float("inf"))), "none"),
        ("web-mercator-no-crs", _transform_all(_mercator), "warning"),
        ("lat-lon-swapped", _transform_all(lambda x, y: [y, x]), "warning"),
    ):  # fmt: skip
        add(
            f"map-{name}",
            m,
            severity,
            _json_edit(m, edit),
            v2,
            named=m if severity != "none" else "",
        )

    # First-generation CSV: quoting, limits, columns, numbers.
    for name, edit, severity in (
        ("unterminated-quote", _csv_lines(lambda ls: ls[:3] + [b'"open;quote\n'] + ls[3:]), "error"),
        ("field-over-limit", _csv_lines(lambda ls: ls[:3] + [b"x" * 200_000 + b";1\n"] + ls[3:]), "error"),
        ("header-only", _csv_lines(lambda ls: ls[:1]), "error"),
        ("no-area-column", _csv_lines(lambda ls: [ls[0].replace(b"area_name", b"omraade")] + ls[1:]), "error"),
        ("comma-separated", lambda raw: raw.replace(b";", b","), "error"),
        ("value-infinity", _csv_cell("value", b"Infinity"), "warning"),
        ("value-1e400", _csv_cell("value", b"1e400"), "warning"),
        ("value-text", _csv_cell("value", b"mange"), "warning"),
        ("value-negative", _csv_cell("value", b"-3.5"), "warning"),
        ("area-empty", _csv_cell("area_name", b""), "error"),
        ("short-line", _csv_lines(lambda ls: ls[:2] + [b"a;b\n"] + ls[2:]), "error"),
        ("long-line", _csv_lines(lambda ls: ls[:2] + [ls[2].rstrip(b"\r\n") + b";x;y\n"] + ls[3:]), "warning"),
        ("latin-1", _latin1, "warning"),
        ("bom", _bom, "none"),
    ):  # fmt: skip
        add(
            f"csv-{name}",
            c,
            severity,
            _bytes_edit(c, edit),
            v1,
            named=c if severity != "none" else "",
        )
    return found


if __name__ == "__main__":  # pragma: no cover - a look at the corpus
    import tempfile

    shared = Path(__file__).resolve().parents[2] / "shared"
    with tempfile.TemporaryDirectory() as tmp:
        base = build_base(Path(tmp) / "base", shared)
        listed = cases(base)
        print(base)
        for case in listed:
            print(f"{case.name:40} {case.severity:8} {case.expected_file}")
        print(len(listed), "cases")
