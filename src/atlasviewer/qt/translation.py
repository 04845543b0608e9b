"""One route for a language switch: every widget with texts registers once, as in Frescobaldi.

A widget that shows texts calls :func:`register` once, at the end of its constructor: its
``retranslate_ui()`` runs at once and then exactly once after every language switch, in the
order the widgets registered. Nothing else calls it: a parent does not retranslate its
children (they registered themselves), and no widget listens to the switch in another way.

Objects that are not widgets :func:`follow` the switch: before the widgets (Qt's translators
are swapped, the state moves the atlas content to the new language) or, with ``after_widgets``,
once every widget has its new texts (the state announces a result box of the other language
variant then, so that the panes draw it once, in the new language).

This module is the only listener of :func:`atlasviewer.i18n.on_language_changed` in ``qt``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6

from atlasviewer import i18n


class Translatable(Protocol):
    def retranslate_ui(self) -> None: ...


_followers: list[Callable[[str], None]] = []
_after: list[Callable[[str], None]] = []
_widgets: list[tuple[weakref.ReferenceType[Any], weakref.ReferenceType[Any]]] = []
"""(the object with texts, the Qt object whose life it shares), in the order registered."""
_listening: list[Callable[[], None]] = []


def _listen() -> None:
    if not _listening:
        _listening.append(i18n.on_language_changed(_switch))


def register(widget: Translatable, owner: Any = None) -> None:
    """Translate ``widget`` now and once after every language switch, while it lives.

    Args:
        widget: A widget, or a helper object with texts (the window's menus).
        owner: For a helper that is not a Qt object, the Qt object whose life it shares: once
            that is deleted, the helper is no longer translated.
    """
    _listen()
    _widgets.append((weakref.ref(widget), weakref.ref(owner if owner is not None else widget)))
    widget.retranslate_ui()


def _alive(entry: tuple[weakref.ReferenceType[Any], weakref.ReferenceType[Any]]) -> Any:
    widget, owner = entry[0](), entry[1]()
    if widget is None or owner is None or not shiboken6.isValid(owner):
        return None
    return widget


def follow(callback: Callable[[str], None], after_widgets: bool = False) -> Callable[[], None]:
    """Call ``callback(lang)`` after every switch, before (or after) the widgets.

    Returns:
        A function that unsubscribes ``callback``.
    """
    _listen()
    phase = _after if after_widgets else _followers
    phase.append(callback)

    def unsubscribe() -> None:
        if callback in phase:
            phase.remove(callback)

    return unsubscribe


def registered() -> list[Any]:
    """The widgets registered and still alive, in their order (for tests and diagnostics)."""
    return [w for w in map(_alive, _widgets) if w is not None]


def _switch(lang: str) -> None:
    for callback in list(_followers):
        callback(lang)
    shown = list(_widgets)
    alive = []
    for entry in shown:
        widget = _alive(entry)
        if widget is None:
            continue
        alive.append(entry)
        widget.retranslate_ui()
    # Widgets built while retranslating (a pane made on demand) registered after the snapshot.
    _widgets[:] = alive + _widgets[len(shown) :]
    for callback in list(_after):
        callback(lang)
