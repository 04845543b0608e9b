"""Chart tabs are told apart at the width they get (issue 19, item 3)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.tabs import told_apart


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def test_titles_that_share_their_start_lose_the_shared_words(qapp):
    metrics = QFontMetrics(QFont())
    titles = ["Year by year: Number of tests", "Year by year: Number of operations", "Map"]
    width = metrics.horizontalAdvance("Year by year: Nu…")
    shown = told_apart(titles, width, metrics)
    assert len(set(shown)) == 3
    assert shown[0] == "…tests" and shown[1] == "…operations"
    assert shown[2] == "Map"


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_no_two_chart_tabs_of_a_box_read_alike(qtbot, open_window, library, size):
    window = open_window(library, size)
    i18n.set_language("en")
    alike = []
    for box in library.get("lab").variant("en").result_boxes:
        window.open_atlas("lab", box.number)
        view = window.reader.box_view
        qtbot.waitUntil(view.is_painted, timeout=20000)
        tabs = view.chart_tabs
        texts = [tabs.tabText(i) for i in range(tabs.count())]
        if len(set(texts)) < len(texts):
            alike.append((box.number, texts))
    assert alike == []
