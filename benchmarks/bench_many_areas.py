"""Start-up, planning and drawing figures for map sets of 70 and 400 areas (generated atlases).

Writes second-generation atlases of 70 and 400 random areas with ``tests/atlas_factory.py`` into
a temporary folder and prints, per size, medians of:

- ``--smoke``: a new process opening the box until map, chart and table are painted (the child
  prints its paint time; spawn to paint is the figure);
- planning the box (map, bar and table plans) and planning it again for a selection (the match
  of rows to areas is kept with the data, so the second is the cost of a click's plans);
- drawing the bar chart in an Agg figure of the window's size (6.4 x 4.8 in) and at the plan's
  wanted height;
- in the window (1280 x 800, in this process): switching between the boxes of two atlases of
  that size until both are painted again (the bar chart scrolls at its full height), and a
  click on an area until every view shows the selection.

    .venv/bin/python benchmarks/bench_many_areas.py [--runs N]
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from atlas_factory import AtlasSpec, write_atlas  # noqa: E402
from atlasviewer.core import plans  # noqa: E402
from atlasviewer.core.library import AtlasLibrary  # noqa: E402
from atlasviewer.core.model import BarChartSpec, MapSpec, TableSpec  # noqa: E402
from atlasviewer.render.charts import figure_for  # noqa: E402
from atlasviewer.render.style import ChartStyle  # noqa: E402

VIEWER = Path(sys.executable).with_name("atlasviewer")


def _smoke(root: Path, atlas_id: str) -> float:
    started = time.time()
    done = subprocess.run(
        [str(VIEWER), "--data", str(root), "--smoke", "--atlas", atlas_id, "--box", "1"],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    painted = float(re.search(r"\(at ([0-9.]+)\)", done.stdout).group(1))  # type: ignore[union-attr]
    return painted - started


def _plan(data, geography, selected=()):  # type: ignore[no-untyped-def]
    bar = None
    for view in data.views:
        if isinstance(view, MapSpec):
            plans.build_map_plan(data, view, geography, lang="nb", selected=selected)
        elif isinstance(view, BarChartSpec):
            bar = plans.build_bar_plan(data, view, "nb", selected)
        elif isinstance(view, TableSpec):
            plans.build_table_plan(data, view, "nb")
    return bar


def _ms(function, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _draw(plan, height: float) -> None:  # type: ignore[no-untyped-def]
    figure = figure_for(plan, size=(6.4, height), dpi=100, style=ChartStyle.screen(), lang="nb")
    figure.canvas.draw()


def _window_figures(roots: list[Path], ids: list[str], runs: int) -> tuple[float, float]:
    """Median ms of a box switch (open, paint) and of a click, in the real window."""
    import tempfile as _tempfile

    os.environ.setdefault("ATLASVIEWER_CONFIG_DIR", _tempfile.mkdtemp())
    from PySide6.QtWidgets import QApplication

    from atlasviewer.qt.shell.language import LanguageManager
    from atlasviewer.qt.shell.main_window import MainWindow
    from atlasviewer.qt.shell.settings import AppSettings
    from atlasviewer.qt.state import AppState

    app = QApplication.instance() or QApplication([])
    library = AtlasLibrary(roots)
    state, language = AppState(library.registry), LanguageManager()
    window = MainWindow(library, state, language, AppSettings())
    window.resize(1280, 800)
    window.show()

    def show(atlas_id: str) -> None:
        window.open_atlas(atlas_id, 1)
        while not window.reader.box_view.is_painted():
            app.processEvents()
        window.grab()  # paints every pane, the chart's pending draw too

    for atlas_id in ids:  # the first visit builds each map's scene
        show(atlas_id)
    turn = iter(ids * (runs * 2))
    switch_ms = _ms(lambda: show(next(turn)), runs * 2)

    def click() -> None:
        pane = window.reader.box_view.map_pane
        pane.map_widget.area_clicked.emit(next(iter(pane.map_plan.areas)), False)
        window.grab()

    click_ms = _ms(click, runs * 2)
    window.close()
    state.close()
    language.close()
    return switch_ms, click_ms


def measure(count: int, folder: Path, runs: int) -> str:
    """The figures of one generated atlas of ``count`` areas, as one line."""
    atlas = write_atlas(folder / str(count), AtlasSpec(2, count, count))
    smoke = statistics.median(_smoke(atlas.root, atlas.library_id) for _ in range(runs))
    library = AtlasLibrary([atlas.root])
    found = library.atlas(atlas.library_id)
    box = found.primary.result_boxes[0]
    started = time.perf_counter()
    data = box.load()
    geography = library.geography(found, box.map_file)
    load_ms = (time.perf_counter() - started) * 1000
    first_ms = _ms(lambda: _plan(data, geography), 1)
    key = geography.areas[0].key
    click_ms = _ms(lambda: _plan(data, geography, [key]), runs * 3)
    bar = _plan(data, geography)
    window_ms = _ms(lambda: _draw(bar, 4.8), runs)
    tall_ms = _ms(lambda: _draw(bar, bar.wanted_height), runs)
    other = write_atlas(folder / f"{count}b", AtlasSpec(2, count, count + 1))
    switch_ms, window_click_ms = _window_figures(
        [atlas.root, other.root], [atlas.library_id, other.library_id], runs
    )
    return (
        f"{count} areas: --smoke to painted {smoke:.2f} s; data+map read {load_ms:.0f} ms;"
        f" plans {first_ms:.1f} ms, again for a selection {click_ms:.1f} ms;"
        f" bar chart drawn 6.4x4.8 in {window_ms:.0f} ms,"
        f" at its wanted {bar.wanted_height:.1f} in {tall_ms:.0f} ms;"
        f" in the window: box switch to painted {switch_ms:.0f} ms,"
        f" click to every view painted {window_click_ms:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for count in (70, 400):
            print(measure(count, Path(folder), args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
