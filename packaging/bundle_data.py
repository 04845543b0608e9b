"""Copy the atlases listed in data/bundle.json from a data directory into a bundle, with checksums.

Usage (build.sh runs it): ``python packaging/bundle_data.py --data-dir ../shared --out DIR``
writes ``DIR/<root name>/...`` for each data root in the list and ``DIR/MANIFEST.sha256.json``.

Only what the listed atlases use is taken from a second-generation root: the atlas texts, their
result-box data, the maps, the static pages, and the PDFs and images that those texts link to
(``/helseatlas/files/X`` and ``/helseatlas/img/...``). The rest of the web site's files stay out.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE_LIST = REPO / "data" / "bundle.json"
DEFAULT_DATA_DIR = REPO.parent / "shared"

# A link from an atlas text or a static page to a file the web site served from public/.
_SITE_LINK = re.compile(r"/helseatlas/((?:files|img)/[^\s\"'()\[\]<>\\]+)")


@dataclass
class DataRoot:
    """One data root to bundle, as data/bundle.json lists it."""

    name: str
    generation: int
    atlases: list[str]
    licence: str
    producer: str
    licence_files: list[str] = field(default_factory=list)


def read_bundle_list(path: Path = DEFAULT_BUNDLE_LIST) -> list[DataRoot]:
    """The data roots and atlases to bundle."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return [
        DataRoot(
            name=root["name"],
            generation=int(root["generation"]),
            atlases=list(root["atlases"]),
            licence=root["licence"],
            producer=root["producer"],
            licence_files=list(root.get("licence_files", [])),
        )
        for root in document["roots"]
    ]


def _existing(source: Path, names: list[str]) -> list[Path]:
    return [source / name for name in names if (source / name).is_file()]


def _tree(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []


def linked_site_files(source: Path, texts: list[Path]) -> tuple[list[Path], list[str]]:
    """The files under ``public/`` that the given texts link to, and the links that lead nowhere."""
    found: set[Path] = set()
    broken: set[str] = set()
    for text in texts:
        for match in _SITE_LINK.finditer(text.read_text(encoding="utf-8")):
            relative = unquote(match.group(1)).rstrip(".,;:")
            target = source / "public" / relative
            if target.is_file():
                found.add(target)
            else:
                broken.add(relative)
    return sorted(found), sorted(broken)


def select_files(root: DataRoot, source: Path) -> tuple[list[Path], list[str]]:
    """The files of ``source`` to bundle for ``root``, and the links to files that do not exist.

    Raises:
        FileNotFoundError: If an atlas in the list has no file in ``source`` (a typo in
            data/bundle.json must stop the build, not ship an installer without that atlas).
    """
    selected: list[Path] = _existing(source, root.licence_files)
    broken: list[str] = []
    if root.generation == 2:
        texts: list[Path] = []
        for atlas in root.atlases:
            atlas_texts = _existing(
                source, [f"posts/atlas/{atlas}.json", f"posts/en/atlas/{atlas}.json"]
            )
            if not atlas_texts:
                raise FileNotFoundError(f"{source}/posts/atlas/{atlas}.json (in bundle.json)")
            texts += atlas_texts
            selected += _tree(source / "public" / "data" / atlas)
        texts += _tree(source / "posts" / "statisk") + _tree(source / "posts" / "en" / "static")
        linked, broken = linked_site_files(source, texts)
        selected += texts + _tree(source / "public" / "kart") + linked
    else:
        for atlas in root.atlases:
            atlas_files = _existing(
                source, [f"csv/{atlas}.csv", f"csv/{atlas}_en.csv", f"geojson/{atlas}.geojson"]
            )
            if not atlas_files:
                raise FileNotFoundError(f"{source}/csv/{atlas}.csv (listed in bundle.json)")
            selected += atlas_files
    return sorted(set(selected)), broken


def bundle_atlases(data_dir: Path, out: Path, bundle_list: Path = DEFAULT_BUNDLE_LIST) -> Path:
    """Copy the listed atlases from ``data_dir/<root name>`` into ``out`` and write the manifest.

    Returns:
        The path of the manifest written.
    """
    from atlasviewer.core.manifest import write_manifest

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for root in read_bundle_list(bundle_list):
        source = data_dir / root.name
        files, broken = select_files(root, source)
        for path in files:
            target = out / root.name / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        size = sum(path.stat().st_size for path in files)
        count = f"{len(root.atlases)} atlases, {len(files)} files"
        print(f"{root.name}: {count}, {size / 2**20:.1f} MiB")
        for link in broken:
            print(f"  note: linked but never published, not bundled: {link}")
    return write_manifest(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--bundle-list", type=Path, default=DEFAULT_BUNDLE_LIST)
    args = parser.parse_args(argv)
    try:
        manifest = bundle_atlases(args.data_dir, args.out, args.bundle_list)
    except FileNotFoundError as exc:
        print(f"bundle_data: missing atlas data: {exc}", file=sys.stderr)
        return 1
    print(f"manifest: {manifest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
