"""Qt's stock buttons follow the UI language (Qt has no bokmål catalogue: we translate them)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from atlasviewer import i18n
from atlasviewer.qt.shell.language import LanguageManager


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    box.deleteLater()
    return text.replace("&", "")


@pytest.fixture
def language(qapp):
    manager = LanguageManager()
    yield manager
    manager.set_language("en")
    manager.close()


@pytest.mark.parametrize(
    ("lang", "expected"), [("nb", "Avbryt"), ("nn", "Avbryt"), ("en", "Cancel")]
)
def test_stock_buttons_speak_the_ui_language(language, lang, expected):
    language.set_language(lang)
    assert _cancel_text() == expected


def test_message_box_buttons_in_bokmal(language):
    language.set_language("nb")
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ja"
    box.deleteLater()


def test_switching_between_english_and_bokmal_sends_no_language_change_storm(language):
    """Each translator swap makes Qt tell every widget; en <-> nb needs no swap at all."""

    class Counter(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.LanguageChange:
                Counter.count += 1
            return False

    counter = Counter()
    QCoreApplication.instance().installEventFilter(counter)
    try:
        language.set_language("nb")
        language.set_language("en")
        language.set_language("nb")
        QCoreApplication.processEvents()
    finally:
        QCoreApplication.instance().removeEventFilter(counter)
    assert Counter.count == 0
    assert i18n.current_language() == "nb"
