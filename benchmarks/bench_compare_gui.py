"""The comparison workspace in the window: changing area, view or sort; its memory.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_compare_gui.py``. Target (#14):
changing the area, the view or the sort column in the workspace <= 50 ms median, each timed to
the repaint of the view (``repaint()``, which paints before it returns); the CPU time of the
process is printed beside the wall time, as the machine may be busy with other work. Also
prints how long the workspace takes to open the first time (pandas, every box read, the full
matrix) and the resident memory of the window with the full matrix open: every indicator of
every atlas (not only the headlines) x every referral area, all three views laid out.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from functools import partial

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROUNDS = 21


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux ``/proc``; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def timed(app, widget, action) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Wall and CPU time (ms) of ``action`` and the repaint it causes."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    app.processEvents()
    widget.repaint()
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


def main() -> None:
    from atlasviewer.qt.compare.variation_page import COLUMNS
    from atlasviewer.qt.shell.app import build_window, create_application

    app = create_application()
    window, _settings = build_window(argparse.Namespace(lang="nb", data=None))
    window.resize(1280, 800)
    window.show()
    settle = time.monotonic() + 30  # the library's images and the warm-up first
    while (window.warmup.pending or window.library_view.details_pending) and (
        time.monotonic() < settle
    ):
        app.processEvents()
        time.sleep(0.005)
    before = rss_mb()
    start = time.perf_counter()
    window.compare.show("table")
    app.processEvents()
    opened = time.perf_counter() - start
    workspace = window.compare.workspace
    session = workspace.session
    assert session.index is not None
    session.set_keys(i.key for i in session.index.indicators())
    app.processEvents()
    full = time.perf_counter() - start
    comparison = session.comparison()
    areas = comparison.areas
    for view in ("profile", "variation", "table"):
        workspace.select_area(areas[0])
        workspace.show_view(view)
        app.processEvents()
    print(f"workspace opened (headlines of every atlas): {opened:.2f} s; with every indicator "
          f"({len(comparison.indicators)} x {len(areas)} areas): {full:.2f} s")  # fmt: skip
    print(f"resident memory: {before:.0f} MB before the workspace, {rss_mb():.0f} MB with the "
          "full matrix open in all three views")  # fmt: skip

    results: dict[str, list[tuple[float, float]]] = {}

    def rounds(widget, action) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
        """``action(i)`` timed to the repaint of ``widget``, for i in 0..ROUNDS-1."""
        return [timed(app, widget, partial(action, i)) for i in range(ROUNDS)]

    n = len(areas)
    workspace.show_view("profile")
    page = workspace.views
    results["area (profile)"] = rounds(page, lambda i: workspace.select_area(areas[(i + 1) % n]))
    workspace.show_view("table")
    results["area (table)"] = rounds(page, lambda i: workspace.select_area(areas[(i + 1) % n]))
    views = ("table", "profile", "variation")
    results["view"] = rounds(page, lambda i: workspace.show_view(views[i % 3]))
    workspace.show_view("table")
    table = workspace.table_page
    columns = table.proxy.columnCount()
    results["sort (table)"] = rounds(page, lambda i: table.sort_by(i * 7 % columns))
    workspace.show_view("variation")
    variation = workspace.variation_page
    results["sort (variation)"] = rounds(page, lambda i: variation.sort_by(i % len(COLUMNS)))
    for chart in ("trend", "funnel", "scatter"):  # issue 15's views (their own figures too:
        workspace.show_view(chart)  # benchmarks/bench_compare_stats.py)
        app.processEvents()
        results[f"area ({chart})"] = rounds(
            page, lambda i: workspace.select_area(areas[(i + 1) % n])
        )
    charts = ("table", "trend", "funnel", "scatter")
    results["view (charts)"] = rounds(page, lambda i: workspace.show_view(charts[i % 4]))
    for name, times in results.items():
        wall = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        print(f"{name:18s} median {wall:6.1f} ms wall, {cpu:6.1f} ms CPU; max "
              f"{max(t[0] for t in times):6.1f} ms wall (target <= 50 ms median)")  # fmt: skip
    window.close()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
