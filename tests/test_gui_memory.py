"""Box switches leave nothing behind: matplotlib's and Qt's objects stay flat (issue 18, class 8).

3,000 result-box switches grew the window by ~28 MB per 100: every axes a chart cleared stayed
alive with its legends and texts (the legend shelf, a weak dictionary keyed by the axes, was kept
alive by its own legends). Counted here over ~100 switches through every atlas.
"""

from __future__ import annotations

import argparse
import gc
import weakref

from matplotlib.figure import Figure

from atlasviewer.render.bar_marks import ANNUAL_GID, show_legend
from atlasviewer.render.style import ChartStyle


def _annual_handles(ax, years):
    return [
        ax.scatter([1], [1], label=str(year), gid=f"{ANNUAL_GID}-{index}")
        for index, year in enumerate(years)
    ]


def test_a_cleared_figure_lets_its_axes_and_shelved_legends_go():
    figure = Figure()
    ax = figure.add_subplot()
    style = ChartStyle()
    show_legend(ax, _annual_handles(ax, [2021, 2022]), style)
    show_legend(ax, _annual_handles(ax, [2021, 2022, 2023]), style)  # the first is shelved
    gone = weakref.ref(ax)
    legend = weakref.ref(ax.get_legend())
    figure.clear()
    del ax
    gc.collect()
    assert gone() is None and legend() is None


def _objects():
    import matplotlib.axes
    import matplotlib.legend
    import matplotlib.text

    gc.collect()
    kinds = {
        "Axes": matplotlib.axes.Axes,
        "Legend": matplotlib.legend.Legend,
        "Text": matplotlib.text.Text,
    }
    counts = dict.fromkeys(kinds, 0)
    for thing in gc.get_objects():
        for name, kind in kinds.items():
            if isinstance(thing, kind):
                counts[name] += 1
    return counts


def test_a_hundred_box_switches_leave_the_counts_flat(tmp_path, monkeypatch, v2_root, v1_root):
    from PySide6.QtGui import QTextDocument

    from atlasviewer.qt.shell import soak
    from atlasviewer.qt.shell.app import run_gui

    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    monkeypatch.setattr(soak, "LANGUAGE_EVERY", 40)
    seen: dict[int, dict[str, int]] = {}
    original = soak.Soak._select

    def select(self):
        original(self)
        if self.step in (40, 110):
            counts = _objects()
            counts["QTextDocument"] = len(self.window.findChildren(QTextDocument))
            seen[self.step] = counts

    monkeypatch.setattr(soak.Soak, "_select", select)
    args = argparse.Namespace(
        smoke=True,
        data=[str(v2_root), str(v1_root)],
        lang="en",
        atlas=None,
        box=None,
        screenshot=None,
        soak=111,
    )
    import sys

    from PySide6.QtCore import qInstallMessageHandler

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    try:
        assert run_gui(args) == 0
    finally:
        qInstallMessageHandler(None)  # and its Qt message recorder
    before, after = seen[40], seen[110]
    # Two text browsers keep at most 24 laid-out pages each; the charts one figure each.
    assert after["QTextDocument"] <= 2 * 24 + 4, seen
    assert after["Axes"] <= before["Axes"] + 4, seen
    assert after["Legend"] <= before["Legend"] + 6, seen
    assert after["Text"] <= before["Text"] * 1.2 + 20, seen
