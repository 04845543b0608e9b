"""Write the bundle's LICENSE and THIRD_PARTY_NOTICES.md, generated from what was really bundled.

Usage (build.sh runs it with the build venv's Python, whose installed distributions are the ones
PyInstaller froze): ``python packaging/notices.py --bundle dist/atlasviewer --data-dir ../shared
--top-level build/pyinstaller/bundled-top-level.json``.

The notices list every Python distribution that has a package in the bundle (from the list of
top-level names the spec writes), with its version, licence and licence text; Python itself;
Qt / PySide6 under the LGPL-3.0 (with the LGPL text); the bundled font; and the atlas data with
its producers and licences. The file is written next to the executable and into
``atlasviewer/resources/`` inside the bundle, so the About box finds it with importlib.resources.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import json
import shutil
import sys
import sysconfig
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NOTICES_NAME = "THIRD_PARTY_NOTICES.md"

# Distributions that are build tools, not part of what runs, even if a name of theirs shows up.
BUILD_ONLY = {"pyinstaller", "pyinstaller-hooks-contrib", "altgraph", "pip", "setuptools"}


def bundled_distributions(top_level_names: list[str]) -> list[metadata.Distribution]:
    """The installed distributions that provide any of the bundle's top-level names."""
    providers = metadata.packages_distributions()
    names: set[str] = set()
    for top in top_level_names:
        stem = top.removesuffix(".libs")
        for candidate in (top, stem, stem.split(".")[0]):
            names.update(providers.get(candidate, []))
    found: dict[str, metadata.Distribution] = {}
    for name in names:
        dist = metadata.distribution(name)
        key = dist.metadata["Name"].lower()
        if key not in BUILD_ONLY and key != "atlasviewer":
            found[key] = dist
    return [found[key] for key in sorted(found)]


def licence_of(dist: metadata.Distribution) -> str:
    """A distribution's licence in one line: its SPDX expression, else its licence classifiers."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    short = meta.get("License") or ""
    if short and len(short) < 80 and "\n" not in short:
        return short
    return ", ".join(classifiers) or "see its licence text"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """The licence files a distribution ships, as (file name, text)."""
    texts = []
    declared = dist.metadata.get_all("License-File") or []
    candidates = [f for f in dist.files or [] if f.name in declared or _looks_like_licence(f.name)]
    seen: set[str] = set()
    for file in candidates:
        path = Path(str(dist.locate_file(file)))
        if not path.is_file() or str(file) in seen or path.suffix in (".py", ".pyc"):
            continue
        seen.add(str(file))
        texts.append((str(file), path.read_text(encoding="utf-8", errors="replace")))
    return texts


def _looks_like_licence(name: str) -> bool:
    upper = name.upper()
    return upper.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS"))


def _fenced(text: str) -> str:
    return "````text\n" + text.strip() + "\n````\n"


def render_notices(
    dists: list[metadata.Distribution], bundle_list: Path, data_dir: Path | None
) -> str:
    """The text of THIRD_PARTY_NOTICES.md."""
    out: list[str] = [
        "# Third-party notices\n",
        "Atlas Viewer is free software under the GNU General Public License, version 3 or later "
        "(see `LICENSE`). This installer also contains the software and data listed here, each "
        "under its own licence. Source code of the LGPL-licensed Qt libraries is available from "
        "https://download.qt.io/official_releases/qt/ and of PySide6 from "
        "https://download.qt.io/official_releases/QtForPython/; you may replace the bundled Qt "
        "libraries (the `libQt6*.so*` files) with your own build of the same version.\n",
        "## Atlas data\n",
    ]
    roots = json.loads(bundle_list.read_text(encoding="utf-8"))["roots"]
    for root in roots:
        out.append(
            f"- `atlases/{root['name']}/`: {len(root['atlases'])} atlases produced by "
            f"{root['producer']}. Licence: {root['licence']}. "
            "Attribute the producer wherever figures from it are shown.\n"
        )
    for root in roots:
        for name in root.get("licence_files", []):
            source = data_dir / root["name"] / name if data_dir else None
            if source and source.is_file():
                out.append(f"\n### {root['name']}/{name}\n\n" + _fenced(source.read_text("utf-8")))
    out.append(
        "\nThe second-generation atlas data (SKDE, Helse Førde) is distributed under the GNU "
        "General Public License version 3, the text of which is in `LICENSE`.\n"
    )

    out.append("\n## Summary of bundled software\n\n")
    out.append("| Component | Version | Licence |\n|---|---|---|\n")
    out.append(f"| Python | {sys.version.split()[0]} | PSF-2.0 |\n")
    out.append("| Qt 6 (in PySide6) | see PySide6 | LGPL-3.0-only |\n")
    out.append("| DejaVu Sans font | 2.37 | Bitstream Vera licence, public domain changes |\n")
    for dist in dists:
        out.append(f"| {dist.metadata['Name']} | {dist.version} | {licence_of(dist)} |\n")

    out.append("\n## Qt and PySide6: GNU Lesser General Public License v3\n\n")
    out.append(_fenced((HERE / "licenses" / "LGPL-3.0.txt").read_text("utf-8")))
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        out.append("\n## Python\n\n" + _fenced(python_licence.read_text("utf-8")))
    font_licence = REPO / "resources" / "fonts" / "LICENSE-DejaVu.txt"
    out.append("\n## DejaVu fonts\n\n" + _fenced(font_licence.read_text("utf-8")))
    for dist in dists:
        out.append(f"\n## {dist.metadata['Name']} {dist.version} ({licence_of(dist)})\n\n")
        home = dist.metadata.get("Home-page") or next(
            (u.split(", ", 1)[-1] for u in dist.metadata.get_all("Project-URL") or []), ""
        )
        if home:
            out.append(f"Home: {home}\n\n")
        texts = licence_texts(dist)
        for name, text in texts:
            out.append(f"### {name}\n\n" + _fenced(text))
        if not texts:
            out.append("(The distribution ships no licence file; licence as stated above.)\n")
    return "".join(out)


def write_notices(bundle: Path, top_level: Path, data_dir: Path | None) -> Path:
    """Write LICENSE and THIRD_PARTY_NOTICES.md into the bundle; return the notices' path."""
    names = json.loads(top_level.read_text(encoding="utf-8"))
    text = render_notices(bundled_distributions(names), REPO / "data" / "bundle.json", data_dir)
    shutil.copyfile(REPO / "LICENSE", bundle / "LICENSE")
    target = bundle / NOTICES_NAME
    target.write_text(text, encoding="utf-8")
    resources = bundle / "_internal" / "atlasviewer" / "resources"
    if resources.is_dir():
        shutil.copyfile(target, resources / NOTICES_NAME)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--top-level", type=Path, required=True)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args(argv)
    target = write_notices(args.bundle, args.top_level, args.data_dir)
    print(f"{target}: {target.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
