"""The deck in the window: Add to presentation, the slides panel, save, open, recent decks."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from atlasviewer.core.deck import Deck, Slide, read_deck, write_deck
from deck_atlas import library, make_atlas


def _window(open_window, tmp_path, qtbot, box=1):
    window = open_window(library(make_atlas(tmp_path / "data")), size=(1024, 768))
    window.open_atlas("kyst", box)
    qtbot.waitUntil(window.reader.box_view.is_painted)
    return window


def test_add_to_presentation_takes_the_view_shown_and_the_selection(open_window, tmp_path, qtbot):
    window = _window(open_window, tmp_path, qtbot)
    present = window.presentation
    window.state.set_selection({"Sørby"})
    assert present.add_action in window.menus.toolbar.actions()
    assert present.add_action.shortcut().toString() == "Ctrl+D"
    present.add_action.trigger()  # the chart is the current figure
    box_view = window.reader.box_view
    box_view.map_widget.view.setFocus()
    qtbot.waitUntil(lambda: box_view.current_figure_widget() is box_view.map_widget)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    box_view.show_tables(True)
    present.add_current_view()
    slides = present.controller.deck.slides
    assert [(s.atlas, s.box, s.view, s.areas) for s in slides] == [
        ("kyst", 1, "bar1", ["Sørby"]),
        ("kyst", 1, "map", ["Sørby"]),
        ("kyst", 1, "table", ["Sørby"]),
    ]
    panel = present.panel
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.width() <= 230)  # narrow at 1024 px (the docks lay out later)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts == ["1. Kystboks 1 · bar chart", "2. Kystboks 1 · map", "3. Kystboks 1 · table"]
    assert "Sørby" in panel.areas_label.text()


def test_the_panel_reorders_renames_removes_and_highlights(open_window, tmp_path, qtbot):
    window = _window(open_window, tmp_path, qtbot)
    present = window.presentation
    controller = present.controller
    for box, view in ((1, "map"), (2, "bar1"), (2, "table")):
        controller.add(Slide(atlas="kyst", box=box, view=view))
    panel = present.panel
    # a drag moves the row in the list's model: the deck follows
    panel.list.model().moveRow(panel.list.rootIndex(), 2, panel.list.rootIndex(), 0)
    assert [s.view for s in controller.deck.slides] == ["table", "map", "bar1"]
    # renaming edits the title alone
    index = panel.list.model().index(1, 0)
    editor = QLineEdit()
    panel.list.itemDelegate().setEditorData(editor, index)
    assert editor.text() == "Kystboks 1"
    editor.setText("Kartet over kysten")
    panel.list.itemDelegate().setModelData(editor, panel.list.model(), index)
    assert panel.list.item(1).text() == "2. Kartet over kysten · map"
    # highlight the window's selection on the current slide
    panel.list.setCurrentRow(1)
    window.state.set_selection({"Østmark", "Vestre"})
    panel.areas_button.click()
    assert controller.deck.slides[1].areas == ["Vestre", "Østmark"]
    panel.finding.setPlainText("Østmark ligger høyest.")
    assert controller.deck.slides[1].finding == "Østmark ligger høyest."
    panel.list.setCurrentRow(0)
    panel.remove_button.click()
    assert [s.view for s in controller.deck.slides] == ["map", "bar1"]


def test_save_open_and_recent_decks(open_window, tmp_path, qtbot):
    window = _window(open_window, tmp_path, qtbot)
    present = window.presentation
    present.controller.add(Slide(atlas="kyst", box=2, view="bar1", areas=["Nordvik"]))
    path = tmp_path / "møte.avdeck"
    assert present.save_deck(path=path)
    assert json.loads(path.read_text(encoding="utf-8"))["slides"][0]["view"] == "bar1"
    present.new_deck()
    assert len(present.controller) == 0
    recent = [a.text() for a in present.recent_menu.actions()]
    assert recent == ["møte.avdeck"]
    assert present.recent_menu.menuAction() in window.file_menu.actions()
    present.recent_menu.actions()[0].trigger()
    assert [(s.box, s.areas) for s in present.controller.deck.slides] == [(2, ["Nordvik"])]
    assert window.settings.recent_decks == [str(path.resolve())]


def test_a_deck_whose_atlas_or_box_is_gone_names_it_and_shows_the_rest(
    open_window, tmp_path, qtbot
):
    window = _window(open_window, tmp_path, qtbot)
    deck = Deck(
        slides=[
            Slide(atlas="kyst", box=1, view="map"),
            Slide(atlas="borte", box=1, view="map"),
            Slide(atlas="kyst", box=5, view="bar1"),
        ]
    )
    path = write_deck(deck, tmp_path / "d.avdeck")
    present = window.presentation
    assert present.open_deck(path)
    assert present.messages == [
        "Slide 2: The atlas “borte” is not in the library.",
        "Slide 3: The atlas “kyst” has no result box 5.",
    ]
    assert window.message_box is not None and "borte" in window.message_box.text()
    window.message_box.close()
    items = [present.panel.list.item(i).text() for i in range(3)]
    assert items[0] == "1. Kystboks 1 · map"
    assert "Missing: The atlas “borte”" in items[1]
    # nothing is lost: saved again, the deck still names the slides whose atlas or box is gone
    assert present.save_deck(path=path)
    assert [s.atlas for s in read_deck(path)[0].slides] == ["kyst", "borte", "kyst"]


def test_a_bad_deck_file_keeps_the_deck_shown(open_window, tmp_path, qtbot):
    window = _window(open_window, tmp_path, qtbot)
    present = window.presentation
    present.controller.add(Slide(atlas="kyst", box=1, view="map"))
    bad = tmp_path / "bad.avdeck"
    bad.write_text("{ broken", encoding="utf-8")
    assert not present.open_deck(bad)
    assert len(present.controller) == 1
    assert str(bad) in present.messages[0] and "not valid JSON" in present.messages[0]
    window.message_box.close()


def test_ctrl_c_copies_the_view_as_a_slide_picture(open_window, tmp_path, qtbot):
    from PySide6.QtGui import QGuiApplication

    window = _window(open_window, tmp_path, qtbot)
    QGuiApplication.clipboard().clear()
    window.menus.copy_action.trigger()  # Ctrl+C with the chart as the current figure
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (1920, 1080)
    # the title is written in the top band, dark on white
    band = [image.pixelColor(x, 40).lightness() for x in range(30, 400)]
    assert min(band) < 80 and image.pixelColor(1900, 10).name() == "#ffffff"
    assert window.statusBar().currentMessage() == "Copied as a slide picture."
