"""Names a user reads to find their way: chart tabs, chapter entries and table captions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root, v1_root):
    return AtlasLibrary([v2_root, v1_root])


def test_charts_with_the_same_label_get_tabs_that_tell_them_apart(qtbot, open_window, library):
    window = open_window(library, size=(1280, 800))
    i18n.set_language("nb")
    assert window.open_atlas("bup", 1)
    tabs = window.reader.box_view.chart_tabs
    titles = [tabs.tabToolTip(i) for i in range(tabs.count())]
    # Both charts plot "Tal pasientar pr. 1 000 innbyggjarar (under 18 år)": one with its
    # confidence interval, one with the value of each year; what differs comes first.
    assert titles == [
        "Med konfidensintervall: Tal pasientar pr. 1\u00a0000 innbyggjarar (under 18 år)",
        "År for år: Tal pasientar pr. 1\u00a0000 innbyggjarar (under 18 år)",
    ]
    _assert_tabs_fit_and_differ(tabs)


def test_many_long_chart_titles_share_the_tab_bar_evenly(qtbot, open_window, library):
    window = open_window(library, size=(1280, 800))
    i18n.set_language("nb")
    assert window.open_atlas("radiologi", 12)
    tabs = window.reader.box_view.chart_tabs
    assert tabs.count() == 4
    _assert_tabs_fit_and_differ(tabs)
    bar = tabs.tabBar()
    widths = [bar.tabRect(i).width() for i in range(bar.count())]
    assert max(widths) - min(widths) <= bar.fontMetrics().averageCharWidth() * 6  # no "A…n"


def _assert_tabs_fit_and_differ(tabs) -> None:
    """Every tab on the bar, showing its whole title (its tooltip) cut at its end, or without
    the words it shares with a sibling ("…tests")."""
    bar = tabs.tabBar()
    shown = [tabs.tabText(i) for i in range(tabs.count())]
    assert len(set(shown)) == len(shown), shown
    for index, text in enumerate(shown):
        whole = tabs.tabToolTip(index)
        kept = text.removeprefix("…").removesuffix("…")
        assert (
            text == whole
            or (text.endswith("…") and whole.startswith(text[:-1]))
            or (text.startswith("…") and kept in whole)
        ), text
    assert not bar.usesScrollButtons()
    assert bar.tabRect(bar.count() - 1).right() <= tabs.width()


def test_untitled_chapters_are_named_by_their_first_words(qtbot, open_window, library):
    window = open_window(library)
    i18n.set_language("nb")
    assert window.open_atlas("radiologi", 1)
    tree = window.reader.navigation
    chapters = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert all(text.strip() for text in chapters), chapters
    assert chapters[1] == "Atlaset er delt opp i flere…"
    assert chapters[2] == "MR-undersøkelser"
    # Names too long for the pane wrap (test_gui_navigation_names.py): none is cut.
    assert tree.wordWrap() and tree.textElideMode() == Qt.TextElideMode.ElideNone
    kronikere = library.atlas("kronikere").variant("nb")
    assert kronikere.chapters[0].navigation_title(1) == "Atlas på vent"  # its description


def test_a_table_shows_its_caption_under_it(qtbot, open_window, library):
    window = open_window(library)
    assert window.open_atlas("bup", 1)
    box_view = window.reader.box_view
    box_view.show_tables()
    table_tabs = box_view.table_tabs
    view = table_tabs.table_views[0]
    page = table_tabs.widget(0)
    assert view.parent() is page
    caption = [w for w in page.findChildren(type(box_view.title)) if w.text()]
    assert len(caption) == 1 and caption[0].isVisible()
    assert caption[0].text().startswith("Annual average during 2019–2023. Patient rate pr. 1")
    assert caption[0].text().endswith("population under 18 years")


def test_cards_follow_a_language_switch_made_while_an_atlas_was_open(qtbot, open_window, library):
    from atlasviewer.qt.library.cards import META_ROLE

    window = open_window(library)
    assert window.open_atlas("radiologi2", 2)
    assert not window.library_view.isVisible()
    window.language_actions["nb"].trigger()  # Language > Norsk (bokmål)
    assert i18n.current_language() == "nb"
    window.show_library()
    model = window.library_view.model
    meta = [model.item(row).data(META_ROLE) for row in range(model.rowCount())]
    assert any("første generasjon" in text for text in meta)
    assert not any("first generation" in text for text in meta)
