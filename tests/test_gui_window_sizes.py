"""The window at 1024x768 and smaller: the navigation pane gives way, the figures scroll."""

from __future__ import annotations

import argparse

import pytest

from deck_atlas import library, make_atlas


def test_f9_hides_the_navigation_pane_and_full_screen_hides_it_too(open_window, tmp_path, qtbot):
    window = open_window(library(make_atlas(tmp_path / "data")), size=(1024, 768))
    window.open_atlas("kyst", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted)
    navigation = window.reader.navigation
    assert navigation.isVisible()
    assert window.reader.splitter.sizes()[0] == 200  # narrower in a narrow window
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.reader.splitter.sizes()[0] == 260)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.reader.splitter.sizes()[0] == 200)
    toggle = window.layout_commands.action
    assert toggle.shortcut().toString() == "F9" and toggle in window.menus.view_menu.actions()
    toggle.trigger()
    assert not navigation.isVisible()
    toggle.trigger()
    assert navigation.isVisible()
    window.showFullScreen()
    qtbot.waitUntil(lambda: not navigation.isVisible())
    window.showNormal()
    qtbot.waitUntil(navigation.isVisible)


def test_below_their_size_map_and_chart_scroll_not_squeeze(open_window, tmp_path, qtbot):
    window = open_window(library(make_atlas(tmp_path / "data")), size=(800, 600))
    window.open_atlas("kyst", 1)
    box_view = window.reader.box_view
    qtbot.waitUntil(box_view.is_painted)
    window.grab()
    chart = box_view.chart_widgets[0]
    assert chart.width() >= 340 - 10 and chart.height() >= 400
    assert box_view.figures_scroll.horizontalScrollBar().maximum() > 0


@pytest.mark.parametrize(
    ("atlas", "size"),
    [
        ("radiologi2", (800, 600)),
        ("radiologi2", (1024, 768)),
        # Known regression after the round's merges (the bar chart's own scroll area inside
        # the figures' scroll area): bup's first chart (confidence intervals) is drawn once
        # collapsed at 800x600 and matplotlib warns. Strict: fails the run once fixed.
        pytest.param(
            "bup",
            (800, 600),
            marks=pytest.mark.xfail(strict=True, reason="bup's chart collapses once at 800x600"),
        ),
    ],
)
def test_smoke_at_800x600_and_1024x768_has_no_warning(tmp_path, monkeypatch, v2_root, atlas, size):
    from atlasviewer.qt.shell.app import run_gui

    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    args = argparse.Namespace(
        smoke=True,
        data=[str(v2_root)],
        lang="nb",
        atlas=atlas,
        box=1,
        size=size,
        screenshot=str(tmp_path / "s.png"),
    )
    assert run_gui(args) == 0, size  # 4 on a Qt, Python or matplotlib warning


def test_chart_tabs_at_1024x768_differ_from_each_other(open_window, v2_root, qtbot):
    from atlasviewer.core.library import AtlasLibrary

    window = open_window(AtlasLibrary([v2_root]), size=(1024, 768))
    window.open_atlas("radiologi2", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=20000)
    window.grab()
    tabs = window.reader.box_view.chart_tabs
    shown = [tabs.tabText(i) for i in range(tabs.count())]
    assert len(set(shown)) == len(shown), shown
