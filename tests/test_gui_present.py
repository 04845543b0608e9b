"""Presentation mode: a deck full screen, stepped through with the keys a clicker sends."""

from __future__ import annotations

from PySide6.QtCore import Qt

from atlasviewer.core.deck import Deck, Slide, write_deck
from deck_atlas import library, make_atlas


def _presenting(open_window, tmp_path, qtbot):
    window = open_window(library(make_atlas(tmp_path / "data")), size=(1024, 768))
    deck = Deck(
        slides=[
            Slide(atlas="kyst", box=1, view="map", title="Første kart", areas=["Sørby"]),
            Slide(atlas="kyst", box=1, view="bar1"),
            Slide(atlas="kyst", box=2, view="table", finding="Vestre er høyest."),
            Slide(atlas="borte", box=1, view="map"),
            Slide(atlas="kyst", box=2, view="bar1", title="Siste"),
        ]
    )
    window.presentation.open_deck(write_deck(deck, tmp_path / "d.avdeck"))
    if window.message_box is not None:
        window.message_box.close()
    start = window.presentation.start_action
    assert start.shortcut().toString() == "F5" and start.isEnabled()
    start.trigger()
    view = window.presentation.presentation
    assert view is not None
    qtbot.waitExposed(view)
    return window, view


def _shown(view) -> str:
    return view.stack.currentWidget().title.text()


def test_clicker_keys_step_through_the_deck(open_window, tmp_path, qtbot):
    window, view = _presenting(open_window, tmp_path, qtbot)
    assert view.isFullScreen() or view.windowState() & Qt.WindowState.WindowFullScreen
    assert _shown(view) == "Første kart"
    steps = [
        (Qt.Key.Key_Right, "Kystboks 1"),
        (Qt.Key.Key_PageDown, "Kystboks 2"),
        (Qt.Key.Key_Space, "borte 1 map"),
        (Qt.Key.Key_Return, "Siste"),
        (Qt.Key.Key_Right, "Siste"),  # stays on the last
        (Qt.Key.Key_Left, "borte 1 map"),
        (Qt.Key.Key_PageUp, "Kystboks 2"),
        (Qt.Key.Key_Backspace, "Kystboks 1"),
        (Qt.Key.Key_End, "Siste"),
        (Qt.Key.Key_Home, "Første kart"),
    ]
    for key, title in steps:
        qtbot.keyClick(view, key)
        assert _shown(view) == title, key
    qtbot.keyClicks(view, "3")
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert view.index == 2
    slide = view.current
    assert slide.finding.text() == "Vestre er høyest." and slide.finding.isVisible()
    assert slide.source.text() == "Source: Kystatlas"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert "“borte” is not in the library" in view.current.message.text()


def test_keys_reach_the_slide_from_the_map_and_black_white_and_esc(open_window, tmp_path, qtbot):
    window, view = _presenting(open_window, tmp_path, qtbot)
    map_view = view.current.view.map.view
    map_view.setFocus()
    qtbot.keyClick(map_view, Qt.Key.Key_Right)  # the map would scroll; the clicker wins
    assert view.index == 1
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert view.blank.isVisible()
    assert view.blank.grab().toImage().pixelColor(5, 5).name() == "#000000"
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert not view.blank.isVisible() and view.index == 1
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert view.blank.grab().toImage().pixelColor(5, 5).name() == "#ffffff"
    qtbot.keyClick(view, Qt.Key.Key_Right)  # any key brings the slide back, not a step
    assert not view.blank.isVisible() and view.index == 1
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.presentation.presentation is None


def test_the_next_slide_is_ready_before_it_is_shown(open_window, tmp_path, qtbot):
    _window, view = _presenting(open_window, tmp_path, qtbot)
    qtbot.waitUntil(lambda: 1 in view._built)
    chart = view._built[1].view.chart
    assert chart.plan is not None and not chart.figure.stale


def test_a_click_highlights_an_area_live_and_hover_shows_its_value(open_window, tmp_path, qtbot):
    _window, view = _presenting(open_window, tmp_path, qtbot)
    live = view.current.view
    assert live.map.scene.selection() == {"Sørby"}
    live.map.area_clicked.emit("Vestre", False)
    assert live.map.scene.selection() == {"Sørby", "Vestre"}
    live.map.area_clicked.emit("Sørby", False)
    assert live.map.scene.selection() == {"Vestre"}
    live.map.area_hovered.emit("Vestre")
    assert view.hover.text() == "Vestre: 29"


def test_shift_f5_presents_the_current_view(open_window, tmp_path, qtbot):
    window = open_window(library(make_atlas(tmp_path / "data")), size=(1024, 768))
    window.open_atlas("kyst", 2)
    qtbot.waitUntil(window.reader.box_view.is_painted)
    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    view = window.presentation.presentation
    assert [s.slide.view for s in view.slides] == ["bar1"]
    assert _shown(view) == "Kystboks 2"
    assert len(window.presentation.controller) == 0
    view.close()


def _smoke_args(tmp_path, **more):
    import argparse

    root = make_atlas(tmp_path / "data")
    values = dict(
        smoke=True,
        data=[str(root)],
        lang="en",
        atlas="kyst",
        box=2,
        size=(1024, 768),
        screenshot=str(tmp_path / "shot.png"),
        present=True,
    )
    values.update(more)
    return argparse.Namespace(**values)


def test_smoke_present_shows_the_view_as_a_slide_at_the_size(tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from atlasviewer.qt.shell.app import run_gui

    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    args = _smoke_args(tmp_path)
    assert run_gui(args) == 0
    image = QImage(args.screenshot)
    assert (image.width(), image.height()) == (1024, 768)
    # a slide: white page, no menu bar (the window's grey chrome is not in the picture)
    assert image.pixelColor(5, 5).name() == "#ffffff"


def test_smoke_fails_on_a_python_warning(tmp_path, monkeypatch):
    import warnings

    from atlasviewer.qt.reader.result_box import ResultBoxView
    from atlasviewer.qt.shell.app import run_gui

    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    painted = ResultBoxView.is_painted

    def warning_then_painted(self):
        warnings.warn("axes sizes collapsed to zero", UserWarning, stacklevel=1)
        return painted(self)

    monkeypatch.setattr(ResultBoxView, "is_painted", warning_then_painted)
    assert run_gui(_smoke_args(tmp_path, present=False)) == 4


def test_another_slide_kind_plugs_in_with_a_resolver_and_a_builder(
    open_window, tmp_path, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    from atlasviewer.core import deck_views
    from atlasviewer.qt.present.slide import LiveView

    def resolve_compare(slide, library, lang):
        found = deck_views.ResolvedSlide(slide)
        found.variant = None
        return found

    monkeypatch.setitem(deck_views.RESOLVERS, "compare", resolve_compare)
    window = open_window(library(make_atlas(tmp_path / "data")), size=(1024, 768))
    present = window.presentation

    def compare_view(found, scale, parent):
        view = LiveView(parent)
        QVBoxLayout(view).addWidget(QLabel("areas against Norway", view))
        return view

    present.make_view.builders["compare"] = compare_view
    slide = Slide(kind="compare", title="Sammenligning", extra={"areas": ["Vestre"]})
    present.controller.add(slide)
    view = present.present(0)
    assert _shown(view) == "Sammenligning"
    assert view.current.view.findChild(QLabel).text() == "areas against Norway"
    view.close()


def test_presentation_goes_to_the_screen_chosen(open_window, tmp_path, qtbot):
    from PySide6.QtGui import QGuiApplication

    window = open_window(library(make_atlas(tmp_path / "data")), size=(1024, 768))
    window.open_atlas("kyst", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted)
    present = window.presentation
    present.screen_menu.aboutToShow.emit()
    screens = QGuiApplication.screens()
    entries = present.screen_menu.actions()
    assert len(entries) == len(screens) and entries[0].text().startswith(screens[0].name())
    entries[-1].trigger()
    view = present.present_current_view()
    assert view.screen() is screens[-1]
    view.close()
