"""An unpublished atlas says so inside the reader, not only on its card (issue 19, item 4)."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def test_the_draft_carries_its_marker_in_the_reader(qtbot, open_window, library):
    assert not library.get("psyk2-1").published
    window = open_window(library)
    i18n.set_language("nb")
    window.open_atlas("psyk2-1", 1)
    note = window.reader.draft_note
    assert note.isVisible() and note.text() == "Utkast: ikke publisert av utgiveren"
    window.open_atlas("psyk2-1", 0)
    assert note.isVisible()
    window.open_atlas("radiologi2", 1)
    assert not note.isVisible()
