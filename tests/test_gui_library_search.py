"""The library's search and keyboard as a new user meets them (issue 19, items 1 and 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root, v1_root):
    return AtlasLibrary([v2_root, v1_root])


@pytest.fixture
def window(open_window, library):
    return open_window(library)


def test_mr_finds_no_atlas_through_a_word_that_only_contains_mr(qtbot, window):
    view = window.library_view
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.search_field, "MR")
    ids = {a.id for a in view.visible_atlases()}
    assert {"radiologi", "radiologi2"} <= ids
    assert not {"fedme", "endometriose"} & ids  # "opptaksområde" holds "mr"
    view.search_field.clear()
    qtbot.keyClicks(view.search_field, "hip")
    assert "bup" not in {a.id for a in view.visible_atlases()}  # "relationship"


def test_the_boxes_that_matched_are_listed_under_their_atlas_and_open(qtbot, window):
    view = window.library_view
    qtbot.keyClicks(view.search_field, "MR")
    hits = view.box_hits("radiologi2")
    assert hits
    assert all(h.excerpt[h.hit.start : h.hit.end].casefold() == "mr" for h in hits)
    atlas_row = view.index_of("radiologi2").row()
    box_index = view.index_of("radiologi2", hits[1].number)
    assert box_index.row() > atlas_row  # under its atlas
    cards = view.cards
    cards.scrollTo(box_index)
    qtbot.mouseClick(
        cards.viewport(), Qt.MouseButton.LeftButton, pos=cards.visualRect(box_index).center()
    )
    assert window.state.atlas.id == "radiologi2"
    assert window.state.box.number == hits[1].number


def test_enter_on_a_found_box_opens_it(qtbot, window):
    view = window.library_view
    qtbot.keyClicks(view.search_field, "hofte")
    qtbot.keyClick(view.search_field, Qt.Key.Key_Down)
    assert view.cards.hasFocus()
    for _ in range(30):
        index = view.cards.currentIndex()
        hit = view.box_hits(index.data(Qt.ItemDataRole.UserRole + 1).id)
        if index.data(Qt.ItemDataRole.UserRole + 4) is not None:
            break
        qtbot.keyClick(view.cards, Qt.Key.Key_Down)
    found = index.data(Qt.ItemDataRole.UserRole + 4)
    assert found is not None and hit
    qtbot.keyClick(view.cards, Qt.Key.Key_Return)
    assert window.state.box is not None and window.state.box.number == found.number


def test_down_from_the_search_field_goes_to_the_first_card_and_enter_opens(qtbot, window):
    view = window.library_view
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_field.hasFocus()
    qtbot.keyClick(view.search_field, Qt.Key.Key_Down)
    assert view.cards.hasFocus()
    first = view.visible_atlases()[0]
    assert view.current_atlas() is first
    qtbot.keyClick(view.cards, Qt.Key.Key_Right)
    second = view.visible_atlases()[1]
    assert view.current_atlas() is second
    qtbot.keyClick(view.cards, Qt.Key.Key_Return)
    assert window.state.atlas is second


def test_after_ctrl_l_the_arrows_and_enter_work_at_once(qtbot, window):
    window.open_atlas("radiologi2", 1)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = window.library_view
    assert window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: view.cards.hasFocus())
    focused = window.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Right)
    second = view.visible_atlases()[1]
    assert view.current_atlas() is second
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert window.state.atlas is second


def test_the_focused_card_has_a_frame_one_can_see(qtbot, window):
    view = window.library_view
    view.cards.setFocus()
    view.cards.setCurrentIndex(view.cards.model().index(0, 0))
    image = view.cards.viewport().grab().toImage()
    rect = view.cards.visualRect(view.cards.currentIndex()).adjusted(6, 6, -6, -6)
    # The frame's left edge, half-way down, is thick and orange (#e6550d), not a faint line.
    y = rect.center().y()
    orange = [
        x
        for x in range(rect.left() - 2, rect.left() + 4)
        if abs(image.pixelColor(x, y).red() - 0xE6) < 40
        and abs(image.pixelColor(x, y).green() - 0x55) < 40
    ]
    assert len(orange) >= 2


def test_on_start_the_arrows_and_enter_work_on_the_cards(qtbot, window):
    view = window.library_view
    qtbot.waitUntil(lambda: view.cards.hasFocus())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    second = view.visible_atlases()[1]
    assert view.current_atlas() is second
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Up)
    assert view.search_field.hasFocus()  # one path: Up from the top row goes to the field
