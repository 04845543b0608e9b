"""One language route: every widget with texts is retranslated exactly once per switch."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter

import pytest
from PySide6.QtCore import QObject

import atlasviewer.qt
from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt import translation


def _classes_with_texts() -> list[type]:
    """Every class of the viewer's widgets that defines ``retranslate_ui``."""
    found = []
    for info in pkgutil.walk_packages(atlasviewer.qt.__path__, "atlasviewer.qt."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "retranslate_ui" in vars(cls):
                found.append(cls)
    return found


@pytest.fixture
def counted(monkeypatch):
    """Counts calls of every widget's retranslate_ui per object, however they are made."""
    calls: Counter[int] = Counter()
    for cls in _classes_with_texts():
        original = vars(cls)["retranslate_ui"]

        def counting(self, *args, _original=original, **kwargs):
            calls[id(self)] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, "retranslate_ui", counting)
    return calls


def test_one_switch_retranslates_every_widget_once(counted, qtbot, open_window, v2_root):
    # Patched before the window is built: a route made at construction is counted too.
    window = open_window(AtlasLibrary([v2_root]))
    window.open_atlas("radiologi2", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=20000)
    window.reader.box_view.show_tables()
    window.reader.box_view.show_tables(False)
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=20000)
    viewer = window.fact_sheet_viewer
    window.open_atlas("radiologi2", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=20000)
    box_view = window.reader.box_view
    widgets = [
        window,
        window.menus,
        window.library_view,
        window.reader,
        box_view,
        box_view.map_pane,
        box_view.map_widget,
        *box_view.chart_widgets,
        window.reader.fact_sheet_page,
        viewer,
        viewer.search_bar,
        viewer.page_list,
    ]
    # Every object in the window that has texts of its own is one of the registered.
    with_texts = [o for o in window.findChildren(QObject) if hasattr(o, "retranslate_ui")]
    registered = {id(o) for o in translation.registered()}
    assert {id(o) for o in [*widgets, *with_texts]} <= registered

    counted.clear()
    window.language.set_language("nb")
    qtbot.waitUntil(window.reader.box_view.is_painted, timeout=20000)
    assert i18n.current_language() == "nb"
    once = {type(o).__name__: counted[id(o)] for o in [*widgets, *with_texts]}
    assert set(once.values()) == {1}, once
    assert window.reader.box_view.view_tabs.tabText(1) == "Tabell"
