"""Fact-sheet entries are named by their documents; the dialog says whose (issue 19, item 15)."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.factsheets.actions import fact_sheet_entries


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def test_a_link_in_running_text_is_named_by_its_document(library):
    i18n.set_language("nn")
    entries = fact_sheet_entries(library.get("ortopedi").variant("nn"))
    titles = {path.name: title for title, path, _ok in entries}
    assert titles["rapport_ortopedi.pdf"] == "Rapport ortopedi (lenkja som «rapporten»)"
    assert "rapporten" not in titles.values() and "her" not in titles.values()


def test_the_library_dialog_says_which_atlas(qtbot, open_window, library):
    window = open_window(library)
    i18n.set_language("nb")
    view = window.library_view
    view.cards.setCurrentIndex(view.index_of("ortopedi"))
    view.fact_sheets_button.click()
    dialog = window.fact_sheets_dialog
    qtbot.waitExposed(dialog)
    assert dialog.sheets.heading.isVisible()
    assert dialog.sheets.heading.text() == "Faktaark: Ortopedi"
