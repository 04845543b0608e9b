"""Size and start-up of the frozen viewer against a floor: a bare PySide6 window, frozen too.

    python benchmarks/bench_frozen.py [--bundle dist/atlasviewer] [--runs 5] [--rebuild-floor]

Run after packaging/build.sh. Prints, all measured in this run:

- the application part of the bundle (everything but ``atlases/``) and the atlases;
- the compressed installers (.deb, .tar.gz) when they are in dist/;
- start-up to the first painted atlas view (``atlasviewer --smoke``, offscreen), median of runs;
- the floor: a one-folder PyInstaller build (default options) of a bare PySide6 window that quits
  after its first paint (packaging/floor/floor_window.py), size and start-up.

Targets: application part <= 1.5 x floor size; start-up <= 1.5 x floor start-up. Timings on a
shared 2-core machine are noisy: compare the ratios of one run, not absolute times across runs.
Exit code 0 when both targets are met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOOR_SOURCE = REPO / "packaging" / "floor" / "floor_window.py"
FLOOR_WORK = REPO / "build" / "floor"
TARGET_RATIO = 1.5


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


def build_floor(python: Path, rebuild: bool) -> Path:
    """Freeze the floor window with PyInstaller's defaults; reuse an earlier build unless told."""
    bundle = FLOOR_WORK / "dist" / "floor_window"
    if bundle.is_dir() and not rebuild:
        return bundle
    print("building the floor (bare PySide6 window, one folder)...", flush=True)
    subprocess.run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--onedir",
            "--log-level",
            "ERROR",
            "--distpath",
            str(FLOOR_WORK / "dist"),
            "--workpath",
            str(FLOOR_WORK / "work"),
            "--specpath",
            str(FLOOR_WORK),
            str(FLOOR_SOURCE),
        ],
        check=True,
    )
    return bundle


def time_start(command: list[str], runs: int) -> tuple[float, list[float], list[float]]:
    """Median wall time of ``command`` (after one warm-up run), offscreen.

    Also returns the times the app itself reports (``--smoke`` prints "painted in X s"): start to
    first painted view, without the screenshot and shutdown that the wall time includes.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    reported: list[float] = []
    for run in range(runs + 1):
        started = time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}"
            )
        if run:  # the first run warms the disk cache, as a user's second start would be
            times.append(elapsed)
            match = re.search(r"painted in ([0-9.]+) s", result.stdout + result.stderr)
            if match:
                reported.append(float(match.group(1)))
    return statistics.median(times), times, reported


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
    floor = build_floor(args.python, args.rebuild_floor)

    atlases = bundle / "atlases"
    app_size = folder_size(bundle, skip=atlases)
    atlas_size = folder_size(atlases) if atlases.is_dir() else 0
    floor_size = folder_size(floor)
    print("\nsizes")
    print(f"  application part (no atlases) {mib(app_size)}")
    print(f"  atlases                       {mib(atlas_size)}")
    print(f"  floor (bare PySide6 window)   {mib(floor_size)}")
    size_ratio = app_size / floor_size
    print(f"  application / floor           {size_ratio:7.2f} x  (target <= {TARGET_RATIO})")
    for installer in sorted((bundle.parent).glob("atlasviewer*.deb")) + sorted(
        bundle.parent.glob("atlasviewer-*.tar.gz")
    ):
        print(f"  {installer.name:30}{mib(installer.stat().st_size)}")

    with tempfile.TemporaryDirectory() as scratch:
        screenshot = Path(scratch) / "smoke.png"
        app_time, app_runs, app_reported = time_start(
            [str(bundle / "atlasviewer"), "--smoke", "--screenshot", str(screenshot)], args.runs
        )
    floor_time, floor_runs, _ = time_start([str(floor / "floor_window")], args.runs)
    print(f"\nstart-up to first paint (median of {args.runs}, offscreen)")
    print(f"  atlasviewer --smoke  {app_time:6.2f} s  {[round(t, 2) for t in app_runs]}")
    if app_reported:
        median = statistics.median(app_reported)
        print(f"  (app's own figure: first view painted {median:.2f} s after start)")
    print(f"  floor window         {floor_time:6.2f} s  {[round(t, 2) for t in floor_runs]}")
    time_ratio = app_time / floor_time
    print(f"  application / floor  {time_ratio:6.2f} x  (target <= {TARGET_RATIO})")

    met = size_ratio <= TARGET_RATIO and time_ratio <= TARGET_RATIO
    print("\ntargets " + ("met" if met else "NOT met"))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
