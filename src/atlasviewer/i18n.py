"""The one translation function, backed by the gettext catalogues in ``translations/``.

English is the source language. ``translations/nb.po`` and ``translations/nn.po`` are read with
babel when a language is first chosen and kept in memory, so no compiled catalogue is committed or
needed. Qt-free: the GUI subscribes to :func:`on_language_changed` through a thin adapter.

Strings are marked with ``_("...")`` where they are shown, and with ``N_("...")`` where they are
defined before a language is known (problem templates, menu tables); both are extracted by
``pybabel extract`` (see ``babel.cfg``).
"""

from __future__ import annotations

import importlib.resources
import locale
import os
import threading
from collections.abc import Callable

LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
"""UI languages: Norwegian bokmål, Norwegian nynorsk, English (the source language)."""

BABEL_LOCALES: dict[str, str] = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
"""The babel locale used for numbers and dates in each UI language."""

_lock = threading.Lock()
_catalogues: dict[str, dict[str, str]] = {}
_plural_catalogues: dict[str, dict[str, tuple[str, ...]]] = {}
_current = "en"
_listeners: list[Callable[[str], None]] = []


def language_name(lang: str) -> str:
    """The name of a language in that language itself, as a language menu shows it."""
    return {"nb": "Norsk (bokmål)", "nn": "Norsk (nynorsk)", "en": "English"}[lang]


def _load(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    with _lock:
        if lang in _catalogues:
            return _catalogues[lang]
        from babel.messages.pofile import read_po

        messages: dict[str, str] = {}
        plurals: dict[str, tuple[str, ...]] = {}
        source = importlib.resources.files("atlasviewer.translations").joinpath(f"{lang}.po")
        if source.is_file():
            with source.open("rb") as fh:
                catalogue = read_po(fh, locale=BABEL_LOCALES[lang])
            for message in catalogue:
                if not message.id or message.fuzzy:
                    continue
                if isinstance(message.id, tuple):
                    forms = tuple(message.string) if message.string else ()
                    if forms and all(forms):
                        plurals[message.id[0]] = forms
                elif message.string:
                    messages[str(message.id)] = str(message.string)
        _catalogues[lang] = messages
        _plural_catalogues[lang] = plurals
        return messages


def gettext(message: str) -> str:
    """Translate ``message`` (English source text) into the active UI language."""
    if _current == "en":
        return message
    return _load(_current).get(message, message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count; Norwegian and English both have two plural forms."""
    if _current != "en":
        _load(_current)
        forms = _plural_catalogues.get(_current, {}).get(singular)
        if forms:
            return forms[0] if n == 1 else forms[-1]
    return singular if n == 1 else plural


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for extraction without translating it now."""
    return message


def current_language() -> str:
    """The active UI language code: ``nb``, ``nn`` or ``en``."""
    return _current


def set_language(lang: str) -> None:
    """Switch the UI language and tell every listener.

    Raises:
        ValueError: If ``lang`` is not one of :data:`LANGUAGES`.
    """
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    _load(lang)
    if lang == _current:
        return
    _current = lang
    for listener in list(_listeners):
        listener(lang)


def on_language_changed(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call ``listener(lang)`` after every language switch; returns a function that unsubscribes."""
    _listeners.append(listener)

    def unsubscribe() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return unsubscribe


def babel_locale(lang: str | None = None) -> str:
    """The babel locale name for ``lang`` (default: the active language)."""
    return BABEL_LOCALES[lang or _current]


def language_from_locale(name: str | None) -> str:
    """Map a system locale name (``nb_NO.UTF-8``, ``no_NO``, ``nn``, ``de_DE``) to a UI language.

    Norwegian locales go to Norwegian (nynorsk stays nynorsk), anything else to English.
    """
    if not name:
        return "en"
    code = name.replace("-", "_").split(".")[0].split("@")[0].lower()
    lang = code.split("_")[0]
    if lang == "nn":
        return "nn"
    if lang in ("nb", "no") or code.endswith("_no") and lang not in ("en", "se"):
        return "nb"
    return "en"


def system_language() -> str:
    """The UI language the system locale asks for, per :func:`language_from_locale`."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return language_from_locale(value.split(":")[0])
    try:
        return language_from_locale(locale.getlocale()[0])
    except ValueError:
        return "en"
