"""Size and start-up of the frozen viewer against a floor: a bare PySide6 window, frozen too.

    python benchmarks/bench_frozen.py [--bundle dist/atlasviewer] [--runs 5] [--rebuild-floor]

Run after packaging/build.sh. Prints, all measured in this run:

- the application part of the bundle (everything but ``atlases/``) and the atlases;
- the compressed installers (.deb, .tar.gz) when they are in dist/;
- start-up: spawn to the first painted atlas view (the wall-clock time `atlasviewer --smoke`
  prints when it is painted, offscreen), median of runs;
- start-up to the painted library (the first screen, atlas cards drawn), median of runs;
- the floor: a one-folder PyInstaller build of a bare PySide6 window that quits after its first
  paint (packaging/floor/floor_window.py), size and start-up, built twice: with PyInstaller's
  default options, and with the build options of packaging/atlasviewer.spec (bytecode
  optimisation level; symbols stripped on Linux). The ratios use the second, so that they
  compare the two bundles' contents, not the options they were built with.

- a bound: the same floor window, frozen as the app is, after importing the libraries an atlas
  view draws with (numpy, shapely, matplotlib; packaging/floor/floor_libraries.py) and nothing
  of the viewer. No viewer drawing its map and charts with them paints an atlas view sooner.

Targets: application part <= 1.5 x floor size; start-up <= 1.5 x floor start-up. Timings on a
shared 2-core machine are noisy: compare the ratios of one run, not absolute times across runs.
Exit code 0 when both targets are met, 1 otherwise.

The viewer has no option to quit once its library is painted, so that figure is read from Qt's
own paint log (``QT_LOGGING_RULES=qt.widgets.painting=true``, an environment variable of Qt):
the time from process start to the first flush of the main window after the card list's
viewport was drawn, after which the process is ended. Writing the log costs the app a few
milliseconds, so the figure is slightly pessimistic.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_SPEC = REPO / "packaging" / "atlasviewer.spec"
FLOOR_SOURCE = REPO / "packaging" / "floor" / "floor_window.py"
BOUND_SOURCE = REPO / "packaging" / "floor" / "floor_libraries.py"
BOUND_EXCLUDES = ("pyproj", "scipy", "sklearn", "mapclassify", "geopandas", "tkinter")
"""Left out of the bound as the app's spec leaves them out: matplotlib's hooks would take them."""
FLOOR_WORK = REPO / "build" / "floor"
TARGET_RATIO = 1.5
LIBRARY_TIMEOUT_S = 120.0


def folder_size(path: Path, skip: Path | None = None) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        if skip is not None and Path(dirpath).is_relative_to(skip):
            continue
        for name in files:
            file = Path(dirpath, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def mib(size: int) -> str:
    return f"{size / 2**20:7.1f} MiB"


def app_build_options(spec: Path = APP_SPEC) -> list[str]:
    """PyInstaller options that give the floor the app's build options, read from its spec.

    The spec's ``optimize=N`` becomes ``--optimize N``; its ``STRIP`` (symbols stripped on Linux
    only, by the spec itself rather than PyInstaller) becomes ``--strip`` on Linux: nothing in
    the bare window's bundle is a library that strip breaks.
    """
    text = spec.read_text(encoding="utf-8")
    options = []
    optimize = re.search(r"\boptimize=(\d)", text)
    if optimize:
        options += ["--optimize", optimize.group(1)]
    strips_on_linux = re.search(r'^STRIP = sys\.platform\.startswith\("linux"\)', text, re.M)
    if strips_on_linux and sys.platform.startswith("linux"):
        options.append("--strip")
    return options


def build_floor(
    python: Path, rebuild: bool, options: list[str], name: str, source: Path = FLOOR_SOURCE
) -> Path:
    """Freeze the floor window (or ``source``) with ``options``; reuse an earlier build unless told.

    Args:
        python: The interpreter of the build venv (with PyInstaller and PySide6).
        rebuild: Build even when ``build/floor/<name>`` has a bundle.
        options: Extra PyInstaller options ([] for its defaults).
        name: The build's folder under build/floor/.
        source: The script to freeze; the bundle's executable is named after it.
    """
    work = FLOOR_WORK / name
    bundle = work / "dist" / source.stem
    if bundle.is_dir() and not rebuild:
        return bundle
    described = " ".join(options) or "default options"
    print(f"building the floor {source.name} (one folder, {described})...", flush=True)
    subprocess.run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--onedir",
            "--log-level",
            "ERROR",
            *options,
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "work"),
            "--specpath",
            str(work),
            str(source),
        ],
        check=True,
    )
    return bundle


PAINTED_AT = re.compile(r"(?:painted at|\(at) ([0-9.]+)")
"""The wall-clock time of the first paint, as the floor and ``atlasviewer --smoke`` print it."""


def time_start(command: list[str], runs: int) -> tuple[float, list[float], list[float]]:
    """Median time from spawning ``command`` to its first painted view (after one warm-up run).

    Also returns every run's time to the paint and to the process's exit (which adds the
    screenshot and the interpreter's shutdown).
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    to_exit: list[float] = []
    for run in range(runs + 1):
        spawned = time.time()
        started = time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}"
            )
        match = PAINTED_AT.search(result.stdout)
        if match is None:
            raise RuntimeError(f"{' '.join(command)} printed no paint time: {result.stdout!r}")
        if run:  # the first run warms the disk cache, as a user's second start would be
            times.append(float(match.group(1)) - spawned)
            to_exit.append(elapsed)
    return statistics.median(times), times, to_exit


def library_painted(line: str, state: dict[str, bool]) -> bool:
    """Whether a line of Qt's paint log completes the first paint of the library's cards.

    The card list's viewport (``qt_scrollarea_viewport`` inside ``AtlasCardList``) is drawn into
    the window's backing store, then the window is flushed: the cards are on screen then.
    """
    if "Drawing" in line and "qt_scrollarea_viewport" in line and state.get("cards"):
        state["viewport"] = True
    elif "Drawing" in line and "AtlasCardList(" in line:
        state["cards"] = True
    elif line.startswith("qt.widgets.painting: Flushing") and state.get("viewport"):
        return True
    return False


def time_library(executable: Path, runs: int) -> tuple[float, list[float]]:
    """Median time from process start to the painted library (after one warm-up run)."""
    times = []
    for run in range(runs + 1):
        with tempfile.TemporaryDirectory() as config:
            env = dict(
                os.environ,
                QT_QPA_PLATFORM="offscreen",
                QT_LOGGING_RULES="qt.widgets.painting=true",
                # A fresh settings folder: the library is the first screen, no atlas reopened.
                ATLASVIEWER_CONFIG_DIR=config,
            )
            started = time.perf_counter()
            process = subprocess.Popen(
                [str(executable), "--lang", "en"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            elapsed = None
            state: dict[str, bool] = {}
            assert process.stderr is not None
            try:
                while time.perf_counter() - started < LIBRARY_TIMEOUT_S:
                    ready, _, _ = select.select([process.stderr], [], [], 1.0)
                    if not ready:
                        continue
                    line = process.stderr.readline()
                    if not line:
                        break  # the app exited before painting its library
                    if library_painted(line, state):
                        elapsed = time.perf_counter() - started
                        break
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if elapsed is None:
            raise RuntimeError(
                f"{executable} did not paint its library (exit {process.returncode})"
            )
        if run:  # the first run warms the disk cache, as time_start does
            times.append(elapsed)
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "atlasviewer")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", type=Path, default=REPO / "build" / "venv" / "bin" / "python")
    parser.add_argument("--rebuild-floor", action="store_true")
    args = parser.parse_args(argv)

    bundle = args.bundle.resolve()
    if not (bundle / "atlasviewer").is_file():
        print(f"no frozen app at {bundle}: run packaging/build.sh first", file=sys.stderr)
        return 2
    options = app_build_options()
    floor_default = build_floor(args.python, args.rebuild_floor, [], "default")
    floor = build_floor(args.python, args.rebuild_floor, options, "as-app")
    excludes = [arg for name in BOUND_EXCLUDES for arg in ("--exclude-module", name)]
    # PyInstaller's --strip breaks numpy's OpenBLAS ("ELF load command address/offset not
    # page-aligned"); the app's spec strips what it can strip safely. Symbols cost size, not time.
    bound_options = [option for option in options if option != "--strip"] + excludes
    bound = build_floor(args.python, args.rebuild_floor, bound_options, "libraries", BOUND_SOURCE)

    atlases = bundle / "atlases"
    app_size = folder_size(bundle, skip=atlases)
    atlas_size = folder_size(atlases) if atlases.is_dir() else 0
    floor_size = folder_size(floor)
    print("\nsizes")
    print(f"  application part (no atlases) {mib(app_size)}")
    print(f"  atlases                       {mib(atlas_size)}")
    print(f"  floor, PyInstaller defaults   {mib(folder_size(floor_default))}")
    print(f"  floor, as the app ({' '.join(options) or 'same as defaults'})")
    print(f"                                {mib(floor_size)}")
    size_ratio = app_size / floor_size
    print(f"  application / floor as app    {size_ratio:7.2f} x  (target <= {TARGET_RATIO})")
    built = (bundle / "atlasviewer").stat().st_mtime
    for installer in sorted((bundle.parent).glob("atlasviewer*.deb")) + sorted(
        bundle.parent.glob("atlasviewer-*.tar.gz")
    ):
        # build.sh --no-installers leaves the installers of an earlier build in dist/.
        stale = "  (older than the bundle)" if installer.stat().st_mtime < built else ""
        print(f"  {installer.name:30}{mib(installer.stat().st_size)}{stale}")

    with tempfile.TemporaryDirectory() as scratch:
        screenshot = Path(scratch) / "smoke.png"
        app_time, app_runs, app_exits = time_start(
            [str(bundle / "atlasviewer"), "--smoke", "--screenshot", str(screenshot)], args.runs
        )
    library_time, library_runs = time_library(bundle / "atlasviewer", args.runs)
    floor_time, floor_runs, _ = time_start([str(floor / "floor_window")], args.runs)
    default_time, default_runs, _ = time_start([str(floor_default / "floor_window")], args.runs)
    bound_time, bound_runs, _ = time_start([str(bound / BOUND_SOURCE.stem)], args.runs)
    print(f"\nstart-up: spawn to first paint (median of {args.runs}, offscreen)")
    print(f"  atlasviewer --smoke (atlas view) {app_time:6.2f} s  {rounded(app_runs)}")
    print(f"  (the same runs to their exit, after the screenshot: {rounded(app_exits)})")
    print(f"  atlasviewer to painted library   {library_time:6.2f} s  {rounded(library_runs)}")
    print(f"  floor window, as the app         {floor_time:6.2f} s  {rounded(floor_runs)}")
    print(f"  floor window, defaults           {default_time:6.2f} s  {rounded(default_runs)}")
    print(f"  floor window + libraries (bound) {bound_time:6.2f} s  {rounded(bound_runs)}")
    time_ratio = app_time / floor_time
    print(f"  atlas view / floor   {time_ratio:6.2f} x  (target <= {TARGET_RATIO})")
    print(f"  library / floor      {library_time / floor_time:6.2f} x")
    print(
        f"  bound / floor        {bound_time / floor_time:6.2f} x  (numpy, shapely and"
        " matplotlib imported, nothing of the viewer)"
    )

    met = size_ratio <= TARGET_RATIO and time_ratio <= TARGET_RATIO
    print("\ntargets " + ("met" if met else "NOT met"))
    return 0 if met else 1


def rounded(times: list[float]) -> list[float]:
    return [round(t, 2) for t in times]


if __name__ == "__main__":
    sys.exit(main())
