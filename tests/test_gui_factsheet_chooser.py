"""The fact-sheet area chooser starts on the selection (issue 19, item 13)."""

from __future__ import annotations

import pytest

from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def test_with_two_areas_selected_the_chooser_starts_on_the_first_of_them(
    qtbot, open_window, library, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    window = open_window(library)
    window.open_atlas("radiologi2", 1)
    window.state.select("Bergen")
    window.state.select("Stavanger", add=True)
    asked = {}

    def answer(parent, title, label, items, current, editable):
        asked["shown"] = items[current]
        return items[current], True  # the user presses Enter

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(answer))
    out = tmp_path / "sheet.pdf"
    assert window.create_fact_sheet(path=out) == out
    assert asked["shown"] == "Bergen"  # not Akershus, the first of the alphabet
