"""The Trend, Funnel and Two indicators views in the comparison workspace (issue 15, item 7)."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from atlasviewer.core.library import AtlasLibrary

BOX_1 = "radiologi2/1/datasett_1/totsnitt"
BOX_2 = "radiologi2/2/datasett_1/totsnitt"


@pytest.fixture(scope="module")
def library(v2_root, v1_root):
    return AtlasLibrary([v2_root, v1_root], check_checksums=False)


def _open(qtbot, open_window, library, view, keys=(BOX_1, BOX_2)):
    window = open_window(library)
    window.compare.show(view)
    workspace = window.compare.workspace
    workspace.session.set_keys(list(keys))
    workspace.show_view(view)
    page = workspace.stats.pages[view]
    qtbot.waitUntil(lambda: page.plan is not None)
    return window, workspace, page


def _click_point(qtbot, page, key):
    ax, x, y, _key = next(p for p in page.points() if p[3] == key)
    page.canvas.draw()
    px, py = ax.transData.transform((x, y))
    ratio = page.canvas.devicePixelRatioF()
    position = (int(px / ratio), int(page.canvas.height() - py / ratio))
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=QPoint(*position))


def test_the_views_are_tabs_of_the_workspace(qtbot, open_window, library):
    _window, workspace, _page = _open(qtbot, open_window, library, "trend")
    texts = [workspace.views.tabText(i) for i in range(workspace.views.count())]
    assert texts[-3:] == ["Trend", "Funnel plot", "Two indicators"]
    assert workspace.view == "trend" and workspace.is_ready()


def test_trend_follows_the_selection_and_gives_the_finding(qtbot, open_window, library):
    window, workspace, page = _open(qtbot, open_window, library, "trend")
    window.state.set_selection(frozenset({"bergen", "forde"}))
    qtbot.waitUntil(lambda: {line.label for line in page.plan.lines} == {"Bergen", "Førde"})
    assert page.plan.national.label == "Norway"
    window.state.set_selection(frozenset({"forde"}))
    qtbot.waitUntil(lambda: page.finding.text().startswith("Førde: 23% below the national rate"))
    # One y axis for every area: a new selection draws lines, never rescales.
    values = page.indicator.values()
    highest = max(v for area in values.areas.values() for v in area.annual.values())
    limits = page.figure.axes[0].get_ylim()
    assert limits == pytest.approx((0.0, highest * 1.08))  # Østfold 2018, not Bergen or Førde
    window.state.set_selection(frozenset({"bergen"}))
    assert page.figure.axes[0].get_ylim() == limits
    page.layout_choice.setCurrentIndex(1)  # all areas, one panel each
    page.sort_choice.setCurrentIndex(2)  # by change
    assert len(page.plan.panels) == 21
    changes = [p.change_text for p in page.plan.panels]
    assert changes[0].startswith("+43 (+12%)")  # Finnmark rose most, 343 -> 386


def test_clicking_a_funnel_point_selects_its_area(qtbot, open_window, library):
    window, _workspace, page = _open(qtbot, open_window, library, "funnel")
    assert "Outside the 99.8% limits" in page.plan.outliers_title
    assert any(line.startswith("Østfold: 475, higher") for line in page.plan.outliers)
    _click_point(qtbot, page, "ostfold")
    qtbot.waitUntil(lambda: window.state.selection == {"ostfold"})
    qtbot.waitUntil(lambda: [p.label for p in page.plan.points if p.selected] == ["Østfold"])
    assert page.finding.text().startswith("Østfold: ")
    # Under the chart every area outside the 99.8 % limits, the chart's list stops at 15.
    listed = page.finding.text().split("Outside the 99.8% limits: ")[1]
    assert listed.count(";") == 18 and "Førde: 292, lower" in listed


def test_scatter_second_indicator_export_and_copy(qtbot, open_window, library, tmp_path):
    window, workspace, page = _open(qtbot, open_window, library, "scatter")
    assert page.second().key == BOX_2
    assert page.plan.correlation.n == 21
    assert page.plan.statistics[0] == "Pearson r = 0.54"
    page.second_choice.setCurrentIndex(0)  # the same indicator against itself: r = 1
    assert page.plan.statistics[0] == "Pearson r = 1.00"
    page.second_choice.setCurrentIndex(1)
    window.state.set_selection(frozenset({"bergen"}))
    qtbot.waitUntil(lambda: [p.label for p in page.plan.points if p.selected] == ["Bergen"])
    for kind, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        written = workspace.stats.export(kind, tmp_path / f"s.{kind}")
        assert written.read_bytes().startswith(magic)
    book = openpyxl.load_workbook(workspace.stats.export("xlsx", tmp_path / "s.xlsx"))
    assert book.worksheets[0]["A6"].value == "Area"
    csv = workspace.stats.export("csv", tmp_path / "s.csv").read_text("utf-8-sig")
    assert csv.splitlines()[0].startswith("Area,")
    workspace.export_menu.aboutToShow.emit()
    assert workspace.export_menu.actions()[0].text() == "Chart as PNG…"
    workspace.copy_menu.aboutToShow.emit()
    assert [a.text() for a in workspace.copy_menu.actions()] == [
        "Copy the chart with its finding", "Copy the finding as text"
    ]  # fmt: skip
    text = workspace.output.copy()
    first, second = page.indicator.title("en"), page.second().title("en")
    assert text.startswith(f"{first} – Bergen: 8% above the national rate (significant)")
    assert f"\n{second} – Bergen: 16% above the national rate" in text
    clipboard = QGuiApplication.clipboard().mimeData()
    assert clipboard.hasImage() and clipboard.text() == text


def test_a_view_that_does_not_apply_says_why_in_norwegian(qtbot, open_window, library):
    from atlasviewer import i18n

    i18n.set_language("nb")
    # radiologi2 box 1's private share has no counts: no funnel.
    keys = ["radiologi2/1/datasett_1/privsnitt"]
    window = open_window(library)
    window.compare.show("funnel")
    workspace = window.compare.workspace
    workspace.session.set_keys(keys)
    workspace.show_view("funnel")
    page = workspace.stats.pages["funnel"]
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert "så det blir ikke noe traktdiagram" in page.message.text()
    assert workspace.views.tabText(workspace.views.indexOf(page)) == "Traktdiagram"
