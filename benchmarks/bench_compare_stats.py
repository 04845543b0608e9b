"""The Trend, Funnel and Two indicators views of the comparison workspace: switching costs.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_compare_stats.py``. Targets (issue
15): switching view or area <= 50 ms median. In the real window over ../shared, with the
workspace on radiologi2's headline indicators, it prints medians of:

- switching to each of the three views from the table (the page lays out the comparison's
  indicators, builds the plan and draws the chart on its canvas until rendered);
- switching the selected area while each view is in front (the state's selection changes;
  the page builds the plan anew and redraws);
- the core alone for the same steps (plans, no drawing), and each view's first build.

Each timing runs until the window has painted: the canvas's idle draw (a full render when the
plan changed) and the paint of the page. The machine is shared and noisy: compare within one
run.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

RUNS = 9
AREAS = ("bergen", "forde", "ostfold", "ous", "finnmark", "akershus", "helgeland", "unn", "fonna")


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    os.environ.setdefault("ATLASVIEWER_CONFIG_DIR", tempfile.mkdtemp(prefix="bench-"))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])

    from atlasviewer import i18n
    from atlasviewer.core.compare.stats_views import view_plan
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.sources import checkout_roots
    from atlasviewer.qt.shell.language import LanguageManager
    from atlasviewer.qt.shell.main_window import MainWindow
    from atlasviewer.qt.shell.settings import AppSettings
    from atlasviewer.qt.state import AppState

    i18n.set_language("nb")
    library = AtlasLibrary(checkout_roots())
    state = AppState(library.registry)
    window = MainWindow(library, state, LanguageManager(), AppSettings())
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.compare.show("table", atlas="radiologi2")
    workspace = window.compare.workspace
    app.processEvents()
    print(f"workspace on radiologi2 ({len(workspace.session.keys)} indicators): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")  # fmt: skip
    state.set_selection(frozenset({"bergen"}))
    pages = workspace.stats.pages

    def settle(view: str) -> None:
        """Run the pending draw (the canvas draws when idle) and paint what shows."""
        app.processEvents()  # the idle draw (a full render) runs, and asks for a paint
        app.processEvents()  # the paint (a blit of the selection paints at once)

    def switch(view: str) -> float:
        start = time.perf_counter()
        workspace.show_view(view)
        settle(view)
        return time.perf_counter() - start

    for view in pages:
        first = switch(view)
        print(f"first {view} view (indicator values, statistics, plan, draw): "
              f"{first * 1000:.0f} ms")  # fmt: skip
        switch("table")
    for view in pages:
        to_view, back = [], []
        for _ in range(RUNS):
            to_view.append(switch(view))
            back.append(switch("table"))
        print(f"switch table -> {view}: median {median_ms(to_view):.0f} ms (target <= 50 ms); "
              f"back to the table {median_ms(back):.0f} ms")  # fmt: skip
    for view in pages:
        switch(view)
        times = []
        for area in AREAS * 2:
            start = time.perf_counter()
            state.set_selection(frozenset({area}))
            settle(view)
            times.append(time.perf_counter() - start)
        print(f"switch area in the {view} view: median {median_ms(times):.0f} ms "
              f"(target <= 50 ms), n = {len(times)}")  # fmt: skip
    for view, page in pages.items():
        indicator, second = page.indicator, page.second()
        times = []
        for area in AREAS:
            start = time.perf_counter()
            view_plan(view, indicator, [area], "nb", second=second)
            times.append(time.perf_counter() - start)
        print(f"core: {view} plan for a new area: median {median_ms(times):.1f} ms")
    window.close()


if __name__ == "__main__":
    main()
