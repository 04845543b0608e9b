"""File > Open data folder… adds a folder to the library, and every pane reads the new library."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from atlasviewer.core.library import AtlasLibrary


def _map_drawn(window) -> bool:
    pane = window.reader.box_view.map_pane
    return (
        pane.map_plan is not None
        and pane.map_widget is not None
        and pane.map_widget.isVisible()
        and pane.map_empty.isHidden()
    )


def _wait_for_box(qtbot, window) -> None:
    """Until the box is painted, or its map pane shows why there is no map."""
    view = window.reader.box_view
    qtbot.waitUntil(lambda: view.is_painted() or view.map_pane.map_empty.isVisible(), timeout=20000)


def test_maps_draw_after_opening_a_second_data_folder(
    qtbot, open_window, v2_root, v1_root, monkeypatch
):
    window = open_window(AtlasLibrary([v2_root]))
    assert window.open_atlas("radiologi2", 1)
    _wait_for_box(qtbot, window)
    assert _map_drawn(window)

    asked = []

    def choose(parent, caption, *args, **kwargs):
        asked.append(caption)
        return str(v1_root)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    action = next(a for a in window.file_menu.actions() if a.text() == "&Open data folder…")
    action.trigger()
    assert asked == ["Open data folder"]
    assert window.stack.currentWidget() is window.library_view
    assert window.library.get("v1-dagkir2") is not None  # the new folder's atlases are listed
    assert window.library.get("v1-dagkir2") in window.library_view.visible_atlases()

    # The same atlas of the first folder, from the new library: its map is drawn, not
    # "The map could not be drawn: <number>".
    assert window.open_atlas("radiologi2", 1)
    _wait_for_box(qtbot, window)
    assert window.reader.box_view.map_pane.map_empty.isHidden()
    assert _map_drawn(window)
    # And an atlas of the folder just opened.
    assert window.open_atlas("v1-dagkir2", 2)
    _wait_for_box(qtbot, window)
    assert _map_drawn(window)
