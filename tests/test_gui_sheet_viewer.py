"""A generated fact sheet in the viewer: every page's thumbnail, search hits shown (item 14)."""

from __future__ import annotations

import pytest

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.factsheets.thumbnails import PageThumbnailList

BLANK_COLOUR = "#f4f4f4"  # a thumbnail not rendered yet


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


@pytest.fixture
def sheet_window(qtbot, open_window, library, tmp_path):
    window = open_window(library, (1280, 800))
    window.open_atlas("radiologi2", 1)
    window.state.select("Bergen")
    out = tmp_path / "bergen.pdf"
    assert window.create_fact_sheet(path=out) == out
    return window


def test_the_second_page_has_its_thumbnail_in_view(qtbot, sheet_window):
    pages = sheet_window.findChild(PageThumbnailList)
    assert pages.count() == 2
    qtbot.waitUntil(lambda: not pages._thumbnail_timer.isActive())
    first, second = (pages.visualItemRect(pages.item(i)) for i in range(2))
    assert second.top() >= first.bottom() - 1  # no longer squeezed under page 1's label
    image = pages.viewport().grab().toImage()
    inked = 0
    for x in range(second.left(), second.right(), 2):
        for y in range(second.top(), second.top() + second.height() * 3 // 4, 2):
            colour = image.pixelColor(x, y)
            inked += colour.name() not in ("#ffffff", BLANK_COLOUR) and colour.lightness() < 200
    assert inked > 20  # the page's text and strips, drawn small


def test_a_search_shows_its_first_hit_at_once(qtbot, sheet_window):
    viewer = sheet_window.findChild(PageThumbnailList).parent()
    while not hasattr(viewer, "search_bar"):
        viewer = viewer.parent()
    bar = viewer.search_bar
    bar.search("Bergen")
    qtbot.waitUntil(lambda: bar.hit_count > 1)
    qtbot.waitUntil(lambda: viewer.view.currentSearchResultIndex() == 0, timeout=2000)
    assert bar.search_status.text().startswith("1 ")
