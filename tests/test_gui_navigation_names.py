"""Navigation entries are told apart at the width they get (issue 19, item 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def _entries(tree):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        yield item
        stack[0:0] = [item.child(i) for i in range(item.childCount())]


def _shown_whole(tree, item) -> bool:
    """Whether the entry's row is tall enough for its whole text wrapped at its width."""
    rect = tree.visualItemRect(item)
    metrics = tree.fontMetrics()
    needed = metrics.boundingRect(
        QRect(0, 0, rect.width() - 8, 10_000), int(Qt.TextFlag.TextWordWrap), item.text(0)
    )
    return rect.height() >= needed.height() and needed.width() <= rect.width()


# Known defect after the round's merges: at 1024x768 the navigation pane starts at 200 px
# (issue 16's layout), and two psyk2-1 entries in nynorsk get a row one line short of their
# wrapped text. Strict: the mark fails the run once the rows are tall enough again.
_NARROW_PANE_ROWS_SHORT = pytest.mark.xfail(
    strict=True, reason="rows measured a line short in the 200 px pane (issue 19 item 3)"
)


@pytest.mark.parametrize(
    ("atlas_id", "lang", "size"),
    [
        ("psyk2-1", "nn", (1280, 800)),
        pytest.param("psyk2-1", "nn", (1024, 768), marks=_NARROW_PANE_ROWS_SHORT),
        ("radiologi2", "en", (1280, 800)),
        ("radiologi2", "en", (1024, 768)),
    ],
)
def test_every_entry_is_shown_whole_and_named_in_its_tooltip(
    qtbot, open_window, library, atlas_id, lang, size
):
    window = open_window(library, size)
    i18n.set_language(lang)
    window.open_atlas(atlas_id, 1)
    tree = window.reader.navigation
    qtbot.waitUntil(lambda: tree.isVisible() and tree.width() > 100)
    qtbot.wait(50)
    cut = []
    for item in _entries(tree):
        if not item.text(0):
            continue
        tree.scrollToItem(item)
        if not _shown_whole(tree, item):
            cut.append(item.text(0))
        title = item.toolTip(0)
        assert title and title in item.text(0), item.text(0)  # the whole name, "N. " aside
    assert cut == []
