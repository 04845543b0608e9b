"""The one application state: linked selection by registry names, regions, box changes."""

from __future__ import annotations

import pytest

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.state import AppState


@pytest.fixture
def state(qapp):
    app_state = AppState()
    yield app_state
    app_state.close()


def test_any_spelling_selects_the_same_area(state):
    state.select("St. Olav")
    assert state.selection == {"st_olav"}
    assert state.is_selected("St. Olavs")


def test_click_replaces_ctrl_click_adds_and_toggles(state):
    state.select("UNN")
    state.select("Finnmark")
    assert state.selection == {"finnmark"}
    state.select("UNN", add=True)
    assert state.selection == {"finnmark", "unn"}
    state.select("UNN", add=True)
    assert state.selection == {"finnmark"}


def test_health_region_selects_all_its_areas(state):
    state.select("Helse Nord")
    region = state.registry.regions["helse_nord"]
    assert state.selection == set(region.areas)
    assert {"finnmark", "unn", "nordland", "helgeland"} <= state.selection
    assert state.is_selected("Helse Nord RHF")


def test_national_row_selects_nothing(state):
    state.select("Norge")
    assert state.selection == frozenset()


def test_selection_survives_moving_to_another_box(state, v2_root, qtbot):
    library = AtlasLibrary([v2_root])
    atlas = library.atlas("radiologi2")
    state.set_atlas(atlas)
    boxes = state.variant.result_boxes
    state.set_box(boxes[0])
    state.select("Vestfold")
    with qtbot.waitSignal(state.box_changed):
        state.set_box(boxes[1])
    assert state.selection == {"vestfold"}


def test_content_language_follows_ui_and_falls_back(state, v2_root, qtbot):
    library = AtlasLibrary([v2_root])
    state.set_ui_language("en")
    state.set_atlas(library.atlas("radiologi2"))
    assert state.content_language == "en"
    state.set_box(state.variant.result_boxes[1])
    with qtbot.waitSignal(state.variant_language_changed):
        state.set_ui_language("nb")
    assert state.content_language == "nb"
    # The same box, now in the Norwegian variant.
    assert state.box is state.variant.result_boxes[1]
    state.set_atlas(library.atlas("endometriose"))  # Norwegian only
    state.set_ui_language("en")
    assert state.content_language == "nb"


def test_a_new_library_closes_the_atlas_of_the_old_one(state, v2_root, v1_root, qtbot):
    first = AtlasLibrary([v2_root])
    state.set_library(first)
    state.set_atlas(first.get("radiologi2"))
    state.select("UNN")
    second = AtlasLibrary([v2_root, v1_root])
    with qtbot.waitSignals([state.atlas_changed, state.library_changed], order="strict"):
        state.set_library(second)
    assert state.library is second and state.atlas is None and state.box is None
    assert state.registry is second.registry
    assert state.selection == {"unn"}  # a selection means the same areas in any library


def test_a_year_by_year_box_comes_with_its_latest_year_set(state, v1_root):
    """Every pane that follows box_changed finds the year already chosen (none sets it)."""
    library = AtlasLibrary([v1_root])
    state.set_library(library)
    state.set_atlas(library.atlas("v1-dagkir2"))
    box = next(b for b in state.variant.result_boxes if b.load().slices)
    seen = []
    state.box_changed.connect(lambda _box: seen.append(state.slice))
    state.set_box(box)
    assert seen == [box.load().slices[-1]]
    state.set_slice(box.load().slices[0])
    state.set_box(None)
    assert state.slice == ""


def test_back_goes_through_the_places_the_state_recorded(state, v2_root, tmp_path):
    from atlasviewer.qt.location import PAGE_FRONT, Location

    library = AtlasLibrary([v2_root])
    state.set_library(library)
    atlas = library.atlas("radiologi2")
    state.set_atlas(atlas)
    box = next(b for b in state.variant.result_boxes if b.number == 3)
    state.set_box(box)
    state.set_page(1)  # a chapter: the box closes
    sheet = tmp_path / "sheet.pdf"
    state.set_sheet(sheet)
    assert state.location == Location("radiologi2", 0, str(sheet))
    assert state.go_back() and state.sheet == ""
    # Back from a sheet to the page it was opened from leaves that page (the chapter) as it was.
    assert (state.location, state.page) == (Location("radiologi2", 0, ""), 1)
    assert state.go_back() and state.box is not None and state.box.number == 3
    assert state.go_back() and state.location == Location("radiologi2") and state.page == PAGE_FRONT
    assert state.go_back() and state.atlas is None and state.location == Location()
    assert not state.go_back()
