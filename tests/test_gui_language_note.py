"""A reader of one Norwegian written form is told when the atlas has only the other (item 17)."""

from __future__ import annotations

import pytest

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


def test_nynorsk_ui_on_a_bokmal_only_atlas_gets_a_note(qtbot, open_window, library):
    assert library.get("endometriose").languages == ["nb"]
    window = open_window(library)
    i18n.set_language("nn")
    window.open_atlas("endometriose")
    note = window.reader.language_note
    assert note.isVisible()
    assert note.text() == "Dette atlaset blir vist på bokmål: det finst inga nynorskutgåve."


def test_bokmal_ui_on_a_nynorsk_atlas_gets_a_note(qtbot, open_window, library):
    assert "nb" not in library.get("ortopedi").languages
    window = open_window(library)
    i18n.set_language("nb")
    window.open_atlas("ortopedi")
    note = window.reader.language_note
    assert note.isVisible()
    assert note.text() == "Dette atlaset vises på nynorsk: det finnes ingen bokmålsutgave."


def test_no_note_where_the_edition_is_there(qtbot, open_window, library):
    window = open_window(library)
    i18n.set_language("nn")
    window.open_atlas("ortopedi")
    assert not window.reader.language_note.isVisible()
