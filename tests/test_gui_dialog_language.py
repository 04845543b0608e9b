"""Every dialog the viewer opens reads Norwegian in the Norwegian UI (issue 19, item 16).

Qt ships no bokmål catalogue; the file and print dialogs were English in bokmål ("Look in",
"Files of type", "Printer", "Options") and partly in nynorsk.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

from atlasviewer import i18n
from atlasviewer.qt.shell.app import create_application
from atlasviewer.qt.shell.language import LanguageManager


@pytest.fixture
def language(qapp):
    manager = LanguageManager()
    yield manager
    manager.close()


def _texts(dialog) -> set[str]:
    dialog.show()
    QCoreApplication.processEvents()
    texts = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    texts |= {w.text().replace("&", "") for w in dialog.findChildren(QAbstractButton)}
    dialog.close()
    return texts


def _save_dialog() -> QFileDialog:
    create_application()
    dialog = QFileDialog(None, "x")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    return dialog


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("nb", {"Se i:", "Filnavn:", "Filtype:", "Lagre", "Avbryt"}),
        ("nn", {"Sjå i:", "Filnamn:", "Filtype:", "Lagra", "Avbryt"}),
    ],
)
def test_the_save_dialog_reads_norwegian(language, lang, wanted):
    i18n.set_language(lang)
    assert wanted <= _texts(_save_dialog())


def test_the_print_dialog_reads_bokmal(language):
    i18n.set_language("nb")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    texts = _texts(QPrintDialog(printer))
    assert {"Skriv ut", "Valg >>", "Navn:", "Utfil:"} & texts == {
        "Skriv ut",
        "Valg >>",
        "Navn:",
        "Utfil:",
    }
    assert not {"Print", "Options >>", "Name:", "Output file:"} & texts


def test_the_viewer_uses_qt_dialogs_whose_texts_it_translates(qapp):
    from PySide6.QtCore import Qt

    create_application()
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


def test_the_back_key_fits_a_menu_in_norwegian(language):
    from PySide6.QtGui import QKeySequence

    for lang, wanted in (("nb", "Alt+Venstre"), ("nn", "Alt+Venstre")):
        i18n.set_language(lang)
        text = QKeySequence("Alt+Left").toString(QKeySequence.SequenceFormat.NativeText)
        assert text == wanted
