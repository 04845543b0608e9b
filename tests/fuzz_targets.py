"""Every reader of untrusted input as one call: write the bytes, read them, return the problems.

Shared by the CI-sized fuzz test (``tests/test_fuzz_readers.py``) and the long seeded run
(``benchmarks/fuzz_readers.py``). A reader passes when it returns problems and raises nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from atlasviewer.core.problems import Problem

KINDS = ("atlas", "data", "map", "csv", "manifest", "settings")
"""The file kinds: a v2 atlas file (index and links), a v2 data file, a GeoJSON map, a v1 CSV
(index scan and full parse), the installer's manifest, the settings file."""

CONFINED = ("atlas", "data", "map", "csv")
"""Kinds that are atlas content: read the way the library reads them, confined to the folder.
The manifest lies beside the data roots by design, and the settings file is the user's own."""

BOX_ATLAS = {
    "lang": "nb",
    "mainTitle": "Fuzz",
    "kapittel": [{"innhold": [{"type": "resultatboks", "data": "box.json", "kart": "m.geojson"}]}],
}

FILE_NAMES = {
    "atlas": "posts/atlas/fuzz.json",
    "data": "public/data/fuzz/box.json",
    "map": "public/kart/fuzz.geojson",
    "csv": "csv/fuzz.csv",
    "manifest": "MANIFEST.sha256.json",
    "settings": "settings.json",
}


def prepare(folder: Path, kind: str) -> Path:
    """An empty atlas folder for ``kind`` in ``folder``; returns where the fuzzed file goes."""
    if folder.exists():
        shutil.rmtree(folder)
    path = folder / FILE_NAMES[kind]
    path.parent.mkdir(parents=True)
    if kind == "data":
        import json

        (folder / "posts/atlas").mkdir(parents=True)
        (folder / "posts/atlas/fuzz.json").write_text(json.dumps(BOX_ATLAS))
    if kind == "map":
        (folder / "posts/atlas").mkdir(parents=True)
    if kind == "csv":
        (folder / "geojson").mkdir()
    if kind == "manifest":
        data = folder / "helseatlas" / "public"
        data.mkdir(parents=True)
        (data / "a.json").write_text("{}")
    return path


def _atlas(path: Path) -> list[Problem]:
    from atlasviewer.core.links import link_problems
    from atlasviewer.core.readers.v2 import SecondGenerationReader

    root = path.parents[2]
    reader = SecondGenerationReader(root)
    problems = list(reader.problems)
    for atlas in reader.read_index():
        problems.extend(atlas.problems)
        for variant in atlas.variants.values():
            problems.extend(link_problems(variant))
    return problems + list(reader.problems)


def _data(path: Path) -> list[Problem]:
    """The data file of a one-box atlas, loaded as the viewer loads a box."""
    from atlasviewer.core.readers.v2 import SecondGenerationReader

    (atlas,) = SecondGenerationReader(path.parents[3]).read_index()
    return atlas.primary.result_boxes[0].load().problems


def _map(path: Path) -> list[Problem]:
    from atlasviewer.core.readers.v2 import SecondGenerationReader

    reader = SecondGenerationReader(path.parents[2])
    return reader.geography(None, path.name).problems  # type: ignore[arg-type]


def _csv(path: Path) -> list[Problem]:
    """A first-generation folder of one CSV: indexed, then every box loaded."""
    from atlasviewer.core.readers.v1 import FirstGenerationReader

    reader = FirstGenerationReader(path.parents[1])
    problems = list(reader.problems)
    for atlas in reader.read_index():
        for variant in atlas.variants.values():
            for box in variant.result_boxes:
                problems.extend(box.load().problems)
        problems.extend(atlas.problems)
    return problems + list(reader.problems)


def _manifest(path: Path) -> list[Problem]:
    from atlasviewer.core.manifest import verify_manifest

    return verify_manifest(path.parent / "helseatlas")


def _settings(path: Path) -> list[Problem]:
    from atlasviewer.core.settings_file import read_settings_file

    read_settings_file(path)
    return []


READERS: dict[str, Callable[[Path], list[Problem]]] = {
    "atlas": _atlas,
    "data": _data,
    "map": _map,
    "csv": _csv,
    "manifest": _manifest,
    "settings": _settings,
}


def read(kind: str, path: Path) -> list[Problem]:
    """Run the reader of ``kind`` on the file at ``path`` (placed by :func:`prepare`)."""
    return READERS[kind](path)
