"""The library's cards as a new user reads them: dates and languages (issue 19, items 16, 18)."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.library.cards import META_ROLE


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def _meta(window, qtbot, atlas_id):
    view = window.library_view
    qtbot.waitUntil(lambda: not view.details_pending, timeout=10000)
    index = view.index_of(atlas_id)
    assert index.isValid()
    return index.data(META_ROLE)


def test_each_language_shows_its_own_editions_date(qtbot, open_window, library):
    atlas = library.get("radiologi2")
    nb_date, en_date = atlas.variants["nb"].date, atlas.variants["en"].date
    assert nb_date[:10] != en_date[:10]  # the real data: the English edition came later
    window = open_window(library)
    i18n.set_language("nb")
    assert "7. mars 2024" in _meta(window, qtbot, "radiologi2")
    i18n.set_language("en")
    meta = _meta(window, qtbot, "radiologi2")
    assert "16 October 2024" in meta and "March" not in meta


def test_cards_name_the_languages_in_the_language_of_the_interface(qtbot, open_window, library):
    window = open_window(library)
    i18n.set_language("nb")
    assert "Norsk (bokmål), engelsk" in _meta(window, qtbot, "radiologi2")
    i18n.set_language("nn")
    assert "Norsk (bokmål), engelsk" in _meta(window, qtbot, "radiologi2")
    i18n.set_language("en")
    assert "Norwegian (bokmål), English" in _meta(window, qtbot, "radiologi2")
