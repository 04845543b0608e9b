"""What goes into the installer, checked without building it: data, licences, fonts, icon.

The build itself (PyInstaller, .deb, a bare Debian root) is proven by packaging/build.sh and
packaging/test_bare_machine.sh; the last test here checks a built bundle when dist/ has one.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from atlasviewer.core.manifest import MANIFEST_NAME, verify_manifest

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle_data() -> ModuleType:
    return _load(PACKAGING / "bundle_data.py")


def test_bundle_list_names_real_published_atlases(bundle_data, v2_root: Path, v1_root: Path):
    roots = {root.name: root for root in bundle_data.read_bundle_list()}
    assert set(roots) == {"helseatlas", "helseatlas-v1"}
    assert "psyk2-1" not in roots["helseatlas"].atlases  # the unpublished draft
    for atlas in roots["helseatlas"].atlases:
        document = json.loads((v2_root / "posts" / "atlas" / f"{atlas}.json").read_text("utf-8"))
        assert document["publisert"] is True, atlas
    for atlas in roots["helseatlas-v1"].atlases:
        assert (v1_root / "csv" / f"{atlas}.csv").is_file(), atlas


def test_second_generation_selection_takes_what_the_texts_use(bundle_data, v2_root: Path):
    root = bundle_data.DataRoot("helseatlas", 2, ["bup"], "GPL-3.0", "Helse Førde")
    files, broken = bundle_data.select_files(root, v2_root)
    names = {path.relative_to(v2_root).as_posix() for path in files}
    assert "posts/atlas/bup.json" in names
    assert "posts/en/atlas/bup.json" in names
    assert "public/kart/kart_2024.geojson" in names
    data = {p.name for p in (v2_root / "public" / "data" / "bup").iterdir()}
    assert {n.split("/")[-1] for n in names if n.startswith("public/data/bup/")} == data
    # Another atlas's data and images stay out.
    assert not any(n.startswith(("public/data/lab/", "public/img/no/lab/")) for n in names)
    assert not any("psyk2-1" in n for n in names)
    # Every linked PDF or image that exists is taken; links to nothing are reported, not fatal.
    linked = [n for n in names if n.startswith(("public/files/", "public/img/"))]
    assert linked
    assert all((v2_root / "public" / link).is_file() is False for link in broken)


def test_unknown_atlas_in_the_list_stops_the_build(bundle_data, v1_root: Path):
    root = bundle_data.DataRoot("helseatlas-v1", 1, ["no-such-atlas"], "MIT", "SKDE")
    with pytest.raises(FileNotFoundError, match="no-such-atlas"):
        bundle_data.select_files(root, v1_root)


def test_bundled_atlases_verify_and_carry_their_licences(
    bundle_data, v1_root: Path, tmp_path: Path
) -> None:
    bundle_list = tmp_path / "bundle.json"
    bundle_list.write_text(
        json.dumps(
            {
                "roots": [
                    {
                        "name": "helseatlas-v1",
                        "generation": 1,
                        "producer": "SKDE",
                        "licence": "MIT",
                        "licence_files": ["LICENSE-data", "LICENSE-kart"],
                        "atlases": ["kols"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "atlases"
    manifest = bundle_data.bundle_atlases(v1_root.parent, out, bundle_list)
    assert manifest == out / MANIFEST_NAME
    bundled = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert bundled == [
        MANIFEST_NAME,
        "helseatlas-v1/LICENSE-data",
        "helseatlas-v1/LICENSE-kart",
        "helseatlas-v1/csv/kols.csv",
        "helseatlas-v1/csv/kols_en.csv",
        "helseatlas-v1/geojson/kols.geojson",
    ]
    assert verify_manifest(out / "helseatlas-v1") == []


def test_babel_hook_keeps_the_parent_chains_of_the_ui_locales() -> None:
    pytest.importorskip("PyInstaller")
    hook = _load(PACKAGING / "hooks" / "hook-babel.py")
    kept = {Path(source).stem for source, _target in hook.datas}
    # babel merges nb_NO over nb, no and root: without any of them formatting fails.
    assert {"nb_NO", "nb", "no", "nn_NO", "nn", "en_GB", "en_001", "en", "root", "global"} <= kept
    assert len(kept) < 20  # not the 1,000 other locales

    from babel.numbers import format_decimal

    assert format_decimal(1234.5, locale="nb_NO") == "1\xa0234,5"


def test_notices_name_licences_of_bundled_packages_and_data(tmp_path: Path) -> None:
    notices = _load(PACKAGING / "notices.py")
    dists = notices.bundled_distributions(["PySide6", "shapely", "babel", "numpy.libs", "json"])
    names = {d.metadata["Name"].lower() for d in dists}
    assert {"shapely", "babel", "numpy", "pyside6_essentials"} <= names
    text = notices.render_notices(dists, REPO / "data" / "bundle.json", REPO.parent / "shared")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "| shapely |" in text and "BSD-3-Clause" in text
    assert "SKDE" in text and "GPL-3.0" in text
    if (REPO.parent / "shared" / "helseatlas-v1" / "LICENSE-kart").is_file():
        assert "Helseatlas/kart" in text  # the map licence's own text


def test_licence_icon_and_desktop_entry() -> None:
    assert "GNU GENERAL PUBLIC LICENSE" in (REPO / "LICENSE").read_text(encoding="utf-8")[:200]
    desktop = (PACKAGING / "linux" / "atlasviewer.desktop").read_text(encoding="utf-8")
    assert "\nExec=atlasviewer %F\n" in desktop and "\nIcon=atlasviewer\n" in desktop
    png = (REPO / "resources" / "icons" / "atlasviewer.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 256  # width in the IHDR chunk
    depends = (PACKAGING / "linux" / "depends.txt").read_text(encoding="utf-8").split()
    assert {"libgl1", "libegl1"} <= set(depends)


def test_bundled_font_registers_with_qt(qapp) -> None:
    from atlasviewer.qt.shell.fonts import register_bundled_fonts

    assert "DejaVu Sans" in register_bundled_fonts()


def test_floor_is_built_with_the_apps_options() -> None:
    """The size and start-up ratios compare the bundles' contents, not their build options."""
    bench = _load(REPO / "benchmarks" / "bench_frozen.py")
    options = bench.app_build_options()
    assert options[:2] == ["--optimize", "2"]
    assert ("--strip" in options) == sys.platform.startswith("linux")


def test_library_paint_is_read_from_qts_paint_log() -> None:
    bench = _load(REPO / "benchmarks" / "bench_frozen.py")
    log = [
        "qt.widgets.painting: Drawing QRegion(0,0 1280x800) of MainWindow(0x1) at QPoint(0,0)",
        'qt.widgets.painting: Drawing QRegion of QWidget(0x2, name="qt_scrollarea_viewport")',
        "qt.widgets.painting: Flushing QRegion(0,0 1280x800) of MainWindow(0x1)",
        "qt.widgets.painting: Drawing QRegion(0,0 1262x683) of AtlasCardList(0x3) at QPoint(9,86)",
        'qt.widgets.painting: Drawing QRegion of QWidget(0x4, name="qt_scrollarea_viewport")',
        "qt.widgets.painting: Flushing top level QRegion(0,0 1280x800) and children QList()",
    ]
    state: dict[str, bool] = {}
    # Another scroll area's viewport painted before the cards does not count.
    assert [bench.library_painted(line, state) for line in log] == [False] * 5 + [True]


BUILT = REPO / "dist" / "atlasviewer"


@pytest.mark.skipif(not (BUILT / "atlasviewer").is_file(), reason="no build in dist/")
def test_built_bundle_has_data_licences_and_nothing_unused() -> None:
    internal = BUILT / "_internal"
    assert (BUILT / "LICENSE").is_file()
    assert (BUILT / "THIRD_PARTY_NOTICES.md").is_file()
    assert (internal / "atlasviewer" / "resources" / "THIRD_PARTY_NOTICES.md").is_file()
    assert (BUILT / "atlases" / MANIFEST_NAME).is_file()
    assert verify_manifest(BUILT / "atlases", check_contents=False) == []
    present = {p.name for p in internal.iterdir()}
    unused_packages = ("scipy", "sklearn", "pyogrio", "geopandas", "tkinter", "mapclassify")
    for unused in (*unused_packages, "pyproj"):  # not run-time dependencies
        assert unused not in present, unused
    qt_libs = {p.name for p in (internal / "PySide6" / "Qt" / "lib").iterdir()}
    assert not any(
        name.startswith(("libQt6WebEngine", "libQt6Qml", "libQt6Quick", "libQt63D", "libQt6Mult"))
        for name in qt_libs
    )
    # Pillow's codecs the viewer never uses, and the libraries only they link to (see the spec).
    pil = {p.name.split(".")[0] for p in (internal / "PIL").glob("*.so")}
    assert "_imaging" in pil  # matplotlib writes PNG through it
    assert not pil & {"_avif", "_webp", "_imagingcms", "_imagingtk"}, pil
    pillow_libs = {p.name.split("-")[0] for p in (internal / "pillow.libs").iterdir()}
    assert not pillow_libs & {"libavif", "libwebp", "libwebpmux", "libsharpyuv", "liblcms2"}
    # Libraries that only the system's libcups (left to the system) links to.
    for only_for_cups in ("libgnutls.so.30", "libp11-kit.so.0", "libavahi-client.so.3"):
        assert only_for_cups not in present, only_for_cups
    if sys.platform.startswith("linux"):
        # Stripped: the ELF section headers name no symbol table.
        for binary in (
            next(internal.glob("libpython3*.so*")),
            next((internal / "kiwisolver").glob("_cext*.so")),
        ):
            assert b".symtab" not in binary.read_bytes()[-200_000:], binary.name
    locales = {p.stem for p in (internal / "babel" / "locale-data").iterdir()}
    assert {"nb_NO", "nn_NO", "en_GB", "root"} <= locales and len(locales) < 20
    formats = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "imageformats").iterdir()}
    assert {"libqjpeg.so", "libqsvg.so"} <= formats  # the atlases' covers and figures
    assert not formats & {"libqtiff.so", "libqwebp.so"}


@pytest.mark.skipif(not (BUILT / "atlasviewer").is_file(), reason="no build in dist/")
def test_built_bundle_start_pays_for_no_run_time_hook_it_does_not_need() -> None:
    """Run-time hooks run at every start: pkg_resources' imports it, PyInstaller's PySide6 one
    imports QtCore (for --version and validate too), its matplotlib one makes matplotlib scan
    the system's fonts again, its multiprocessing one imports what only child processes need;
    the spec leaves them out."""
    readers = pytest.importorskip("PyInstaller.archive.readers")
    executable = readers.CArchiveReader(str(BUILT / "atlasviewer"))
    assert "rth_atlasviewer" in executable.toc  # the run-time hooks are where this looks
    assert "pyi_rth_pyside6" not in executable.toc
    assert "pyi_rth_mplconfig" not in executable.toc
    assert "pyi_rth_multiprocessing" not in executable.toc
    assert "pyi_rth_pkgres" not in executable.toc
    modules = executable.open_embedded_archive("PYZ.pyz").toc
    assert "matplotlib" in modules
    assert not any(name.split(".")[0] == "pkg_resources" for name in modules)


@pytest.mark.skipif(not (BUILT / "atlasviewer").is_file(), reason="no build in dist/")
def test_built_bundle_keeps_matplotlibs_font_list_between_starts(tmp_path: Path) -> None:
    """A chart drawn by the frozen app leaves matplotlib's font list in the user's cache, so the
    next start does not scan the system's fonts again (PyInstaller's own hook used a new
    temporary folder each start)."""
    import os
    import subprocess

    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "MPLCONFIGDIR")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [str(BUILT / "atlasviewer"), "export", "--atlas", "bup", "--box", "1", "--lang", "en",
         "--out", str(tmp_path / "out"), "--format", "png"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert any((tmp_path / "out").glob("*bar*.png"))
    fonts = list((home / ".cache" / "atlasviewer" / "matplotlib").glob("fontlist-*.json"))
    assert fonts, "no font list kept in ~/.cache/atlasviewer/matplotlib"


@pytest.mark.skipif(not (BUILT / "atlasviewer").is_file(), reason="no build in dist/")
def test_built_bundle_speaks_norwegian_from_compiled_catalogues() -> None:
    """The bundle carries each catalogue compiled (.mo, read in ~1 ms), not its .po (parsed
    with babel in ~40-60 ms at each Norwegian start), and the frozen app reads it."""
    import subprocess

    translations = BUILT / "_internal" / "atlasviewer" / "translations"
    assert sorted(p.name for p in translations.glob("*.mo")) == ["nb.mo", "nn.mo"]
    assert not list(translations.glob("*.po")) and not list(translations.glob("*.pot"))
    done = subprocess.run(
        [str(BUILT / "atlasviewer"), "--lang", "nn", "--help"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "vis denne hjelpeteksten og avslutt" in done.stdout and "val:" in done.stdout


@pytest.mark.skipif(not (BUILT / "atlasviewer").is_file(), reason="no build in dist/")
def test_built_bundle_writes_a_comparison_and_a_deck(tmp_path: Path) -> None:
    """pandas (the comparison's matrix) and python-pptx (slides) are in the frozen build."""
    import subprocess

    from openpyxl import load_workbook
    from pptx import Presentation

    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    table = tmp_path / "bergen.xlsx"
    deck = tmp_path / "radiologi2.pptx"
    for command in (
        ["compare", "--atlas", "radiologi2", "--area", "Bergen", "--out", str(table)],
        ["deck", "--atlas", "radiologi2", "--box", "1", "--out", str(deck)],
    ):
        done = subprocess.run(
            [str(BUILT / "atlasviewer"), *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert any(
        isinstance(cell.value, float)
        for row in load_workbook(table).worksheets[0].iter_rows()
        for cell in row
    )
    assert len(Presentation(str(deck)).slides) >= 1
