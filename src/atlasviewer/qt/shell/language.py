"""Qt adapter over :mod:`atlasviewer.i18n`: a signal on language change, and Qt's own texts.

Our strings go through ``_()``. Qt's stock texts (dialog buttons, file dialogs, context menus)
come from Qt's catalogues: PySide6 ships ``qtbase_nn.qm`` for nynorsk but nothing for bokmål,
so :class:`StockTextTranslator` answers the common stock texts of the button and platform-theme
contexts, and the texts of the file, print and input dialogs the viewer opens
(:mod:`.qt_texts`), through ``_()`` as well, with the bokmål/nynorsk text in our own catalogues.
For nynorsk it sits in front of ``qtbase_nn.qm``, which covers the rest.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

from atlasviewer import i18n
from atlasviewer.i18n import N_, _
from atlasviewer.qt import translation
from atlasviewer.qt.shell.qt_texts import DIALOG_TEXTS

STOCK_CONTEXTS = frozenset({"QPlatformTheme", "QDialogButtonBox", "QMessageBox", "QGnomeTheme"})

STOCK_TEXTS: tuple[str, ...] = (
    N_("OK"),
    N_("Cancel"),
    N_("Close"),
    N_("Open"),
    N_("Save"),
    N_("Apply"),
    N_("Reset"),
    N_("Help"),
    N_("Discard"),
    N_("Don't Save"),
    N_("Close without Saving"),
    N_("Save All"),
    N_("Retry"),
    N_("Ignore"),
    N_("Abort"),
    N_("Restore Defaults"),
    N_("Yes"),
    N_("No"),
    N_("Yes to All"),
    N_("No to All"),
    N_("&Yes"),
    N_("&No"),
    N_("&OK"),
    N_("&Cancel"),
    N_("&Close"),
    N_("&Save"),
    N_("&Open"),
    N_("Show Details..."),
    N_("Hide Details..."),
)
"""Qt's stock texts we translate ourselves (marked so that ``pybabel extract`` finds them)."""


class StockTextTranslator(QTranslator):
    """Translates Qt's stock button and dialog texts through ``_()`` (Qt has no bokmål one)."""

    def translate(  # noqa: N802 - Qt's name
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        known = context in STOCK_CONTEXTS and source in STOCK_TEXTS
        if not known and source not in DIALOG_TEXTS.get(context, ()):
            return None
        translated = _(source)
        # None (a null QString) tells Qt to ask the next translator or keep the source text; an
        # empty string would be taken as the translation ("QString::arg: Argument missing").
        return None if translated == source else translated

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


class LanguageManager(QObject):
    """Switches the UI language and keeps Qt's translators in step with it.

    Widgets do not listen here: they register with :mod:`atlasviewer.qt.translation`, which
    calls this manager first at a switch (Qt's stock texts are then already in the language).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stock = StockTextTranslator(self)
        self._qtbase: QTranslator | None = None
        self._installed = False
        self._unsubscribe = translation.follow(self._install_translators)
        self._install_translators(i18n.current_language())

    @property
    def language(self) -> str:
        return i18n.current_language()

    def set_language(self, lang: str) -> None:
        """Switch the UI language; listeners re-translate themselves."""
        i18n.set_language(lang)

    def close(self) -> None:
        self._unsubscribe()
        self._remove_translators()

    def _remove_translators(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._installed:
            QCoreApplication.removeTranslator(self._stock)
            self._installed = False
        if self._qtbase is not None:
            QCoreApplication.removeTranslator(self._qtbase)
            self._qtbase = None

    def _install_translators(self, lang: str) -> None:
        """Keep Qt's translators in step with ``lang``, changing as few as possible.

        Every install or removal makes Qt send a LanguageChange event to every widget (~10-15 ms
        of repainting in the full window), so the stock-text translator stays installed in every
        language (in English it answers nothing) and only Qt's nynorsk catalogue comes and goes.
        """
        if QCoreApplication.instance() is None:
            return
        wants_qtbase = lang == "nn"
        if wants_qtbase == (self._qtbase is not None) and self._installed:
            return
        self._remove_translators()
        if wants_qtbase:
            qtbase = QTranslator(self)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qtbase.load("qtbase_nn", folder) or qtbase.load(
                "qtbase_nn", str(Path(__file__).parent)
            ):
                QCoreApplication.installTranslator(qtbase)
                self._qtbase = qtbase
        # Installed last, asked first: our texts win over qtbase_nn for the stock buttons.
        QCoreApplication.installTranslator(self._stock)
        self._installed = True
