"""Every string a user can see in the main windows comes from the catalogue (issue 5).

The window is walked in bokmål and in nynorsk: no visible text, tooltip, menu entry, tab or table
header may still be an English source string that the catalogue translates differently.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.library import AtlasLibrary

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"


def _english_only(lang: str) -> set[str]:
    """Source strings whose translation in ``lang`` differs from the English."""
    with open(TRANSLATIONS / f"{lang}.po", "rb") as fh:
        catalogue = read_po(BytesIO(fh.read()))
    found = set()
    for message in catalogue:
        if not message.id or isinstance(message.id, tuple) or not message.string:
            continue
        if message.string != message.id:
            found.add(_plain(message.id))
    return {text for text in found if text}


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []

    def add(where: QWidget | object, text: object) -> None:
        if isinstance(text, str) and text:
            texts.append((type(where).__name__, _plain(text)))

    for widget in [root, *root.findChildren(QWidget)]:
        add(widget, widget.toolTip())
        add(widget, widget.windowTitle() if widget.isWindow() else "")
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        if isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(widget, widget.title())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, widget.itemText(i))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, widget.tabText(i))
                add(widget, widget.tabToolTip(i))
        if isinstance(widget, QMenu):
            add(widget, widget.title())
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                add(widget, model.headerData(column, Qt.Orientation.Horizontal))
        for action in widget.actions():
            add(action, action.text())
            add(action, action.toolTip() if action.toolTip() != action.text() else "")
            menu = action.menu()
            if menu is not None:
                add(menu, menu.title())
    return texts


@pytest.fixture(scope="module")
def library(v2_root, v1_root):
    return AtlasLibrary([v2_root, v1_root])


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_english_source_string_is_left_in_norwegian(qtbot, library, open_window, lang):
    window = open_window(library, (1600, 1000))
    state = window.state
    english = _english_only(lang)
    assert len(english) > 100, f"the {lang} catalogue translates next to nothing"
    state.set_ui_language(lang)
    assert i18n.current_language() == lang
    seen = _visible_texts(window)
    assert len(seen) > 20, "the walk found next to no text: it would prove nothing"
    left = [t for t in seen if t[1] in english]
    window.open_atlas("radiologi2", 1)
    qtbot.wait(50)
    left += [t for t in _visible_texts(window) if t[1] in english]
    window.open_atlas("v1-dagkir2", 2)
    qtbot.wait(50)
    left += [t for t in _visible_texts(window) if t[1] in english]
    assert sorted(set(left)) == []
