"""The one translation function, backed by the gettext catalogues in ``translations/``.

English is the source language. ``translations/nb.po`` and ``translations/nn.po`` are the
catalogues; a language's is read when the language is first chosen and kept in memory. Reading a
``.po`` with babel costs ~40-60 ms (importing babel's catalogue code and parsing), which a
Norwegian user would pay at every start: a build compiles each to a ``.mo`` beside it
(``pybabel compile``; the installers and ``dev.sh`` do), read with the standard library in ~1 ms.
A ``.mo`` older than its ``.po`` is left unread, so an edited catalogue is never shadowed by a
stale compiled one; without one the ``.po`` is read. No compiled catalogue is committed. Qt-free:
the GUI subscribes to :func:`on_language_changed` through a thin adapter.

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
from typing import Any

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
        folder = importlib.resources.files("atlasviewer.translations")
        source, compiled = folder.joinpath(f"{lang}.po"), folder.joinpath(f"{lang}.mo")
        if compiled.is_file() and (not source.is_file() or _newer_or_same(compiled, source)):
            messages, plurals = _read_mo(compiled)
        elif source.is_file():
            messages, plurals = _read_po(source, lang)
        else:
            messages, plurals = {}, {}
        _catalogues[lang] = messages
        _plural_catalogues[lang] = plurals
        return messages


def _newer_or_same(compiled: Any, source: Any) -> bool:
    try:
        return bool(os.stat(compiled).st_mtime >= os.stat(source).st_mtime)
    except (OSError, TypeError):  # not on the file system (a zipped package): trust the build
        return True


def _read_mo(compiled: Any) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Messages and plural forms of a compiled catalogue (fuzzy entries are not compiled)."""
    import gettext as stdlib_gettext

    with compiled.open("rb") as fh:
        translation = stdlib_gettext.GNUTranslations(fh)
    messages: dict[str, str] = {}
    forms: dict[str, dict[int, str]] = {}
    # The standard library keeps a catalogue as {msgid: text, (msgid, n): text of form n}.
    catalogue: dict[Any, str] = translation._catalog  # type: ignore[attr-defined]
    for key, text in catalogue.items():
        if isinstance(key, tuple):
            forms.setdefault(key[0], {})[key[1]] = text
        elif key and text:
            messages[key] = text
    plurals = {
        singular: tuple(texts[n] for n in sorted(texts))
        for singular, texts in forms.items()
        if all(texts.values())
    }
    return messages, plurals


def _read_po(source: Any, lang: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Messages and plural forms of a catalogue's ``.po``, fuzzy entries left out."""
    from babel.messages.pofile import read_po

    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
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
    return messages, plurals


def gettext(message: str) -> str:
    """Translate ``message`` (English source text) into the active UI language."""
    if _current == "en":
        return message
    return _load(_current).get(message, message)


_ = gettext


def gettext_for(lang: str, message: str) -> str:
    """Translate ``message`` into ``lang``, whatever the UI language.

    For words an atlas's own content needs in the atlas's language (a first-generation label's
    "of"), which may not be the language of the menus.
    """
    if lang not in LANGUAGES or lang == "en":
        return message
    return _load(lang).get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count; Norwegian and English both have two plural forms."""
    if _current != "en":
        _load(_current)
        forms = _plural_catalogues.get(_current, {}).get(singular)
        if forms:
            return forms[0] if n == 1 else forms[-1]
    return singular if n == 1 else plural


def ngettext_for(lang: str, singular: str, plural: str, n: int) -> str:
    """As :func:`ngettext`, in ``lang`` whatever the UI language (a finding written in nn)."""
    if lang in LANGUAGES and lang != "en":
        _load(lang)
        forms = _plural_catalogues.get(lang, {}).get(singular)
        if forms:
            return forms[0] if n == 1 else forms[-1]
    return singular if n == 1 else plural


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for extraction without translating it now."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - as N_
    """Mark a message with a ``{count}`` for extraction (as ``ngettext``) without translating it.

    The pair is translated when read, by :func:`ngettext` with the count (a problem's message).
    Extraction knows the keyword from ``dev.sh translations`` (``-k Nn_:1,2``).
    """
    return singular, plural


_LANGUAGE_LABELS = {
    "nb": N_("Norwegian (bokmål)"),
    "nn": N_("Norwegian (nynorsk)"),
    "en": N_("English language"),  # not "English": the menu shows that one untranslated
}


def language_label(lang: str) -> str:
    """The name of a language in the active UI language, as a card lists an atlas's editions.

    (The language menu names each language in itself: :func:`language_name`.)
    """
    return gettext(_LANGUAGE_LABELS[lang]) if lang in _LANGUAGE_LABELS else lang


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
