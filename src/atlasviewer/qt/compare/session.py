"""What the comparison workspace compares: the chosen indicators and areas, and "my area".

The session is the workspace's own state (the app's state, :class:`~atlasviewer.qt.state.AppState`,
holds the library and the selected areas). It keeps the indicator keys in the user's order,
which areas form the rows (all current referral areas, or one health region's), and the
user's own area; it remembers the keys and "my area" in the settings, and builds the core's
:class:`~atlasviewer.core.compare.matrix.Comparison` once per change (pandas is imported then).

With no indicator chosen, the comparison is of every atlas: the headline indicator (the map's
measure) of every result box, so that "my area across all atlases" needs no choosing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal

from atlasviewer.core.compare.indicators import Indicator, IndicatorIndex
from atlasviewer.core.compare.matrix import Comparison, comparison_areas
from atlasviewer.i18n import current_language

ALL_AREAS = ""
"""The row choice of every current referral area (else a health region's id)."""


class CompareSession(QObject):
    """The indicators and areas of the comparison, and the comparison built from them.

    Args:
        settings: The window's settings object (``compare_area``, ``compare_indicators``);
            changes are written into it, the window saves it on close.

    Signals:
        changed(): The indicators, the rows or the language changed: the comparison is new.
        my_area_changed(str): The user's own area (registry id, "" for none).
    """

    changed = Signal()
    my_area_changed = Signal(str)

    def __init__(self, settings: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.library: Any = None
        self.index: IndicatorIndex | None = None
        self._keys: list[str] = list(getattr(settings, "compare_indicators", []) or [])
        self._region = ALL_AREAS
        self._my_area = str(getattr(settings, "compare_area", "") or "")
        self._comparison: Comparison | None = None
        self._lang = current_language()

    # ------------------------------------------------------------------ reading

    @property
    def registry(self) -> Any:
        return self.library.registry

    @property
    def keys(self) -> list[str]:
        """The chosen indicator keys, in order ([] for every atlas's headline indicators)."""
        return list(self._keys)

    @property
    def region(self) -> str:
        return self._region

    @property
    def my_area(self) -> str:
        return self._my_area

    def indicators(self) -> list[Indicator]:
        """The indicators compared: the chosen ones that exist, else every box's headline."""
        assert self.index is not None
        if not self._keys:
            return self.index.indicators(headline_only=True)
        found = [self.index.get(key) for key in self._keys]
        return [i for i in found if i is not None]

    def areas(self) -> list[str]:
        """The registry ids of the rows: every current referral area, or the region's."""
        areas = comparison_areas(self.registry)
        if self._region and self._region in self.registry.regions:
            members = set(self.registry.regions[self._region].areas)
            return [a for a in areas if a in members]
        return areas

    def comparison(self) -> Comparison:
        """The comparison of :meth:`indicators` over :meth:`areas` (built once per change)."""
        lang = current_language()
        if self._comparison is None or lang != self._lang:
            self._lang = lang
            self._comparison = Comparison(self.indicators(), self.areas(), self.registry, lang)
        return self._comparison

    # ------------------------------------------------------------------ changing

    def set_library(self, library: Any) -> None:
        """Compare over ``library``; chosen keys it lacks are dropped when next read."""
        if library is self.library:
            return
        self.library = library
        self.index = IndicatorIndex(library)
        self._changed()

    def set_keys(self, keys: Iterable[str]) -> None:
        keys = list(dict.fromkeys(keys))
        if keys == self._keys:
            return
        self._keys = keys
        if self.settings is not None:
            self.settings.compare_indicators = list(keys)
        self._changed()

    def add(self, indicators: Iterable[Indicator | str]) -> int:
        """Add indicators (or keys) after the chosen ones; returns how many were new.

        Adding to the default set (every atlas) starts a set of one's own.
        """
        new = [i.key if isinstance(i, Indicator) else i for i in indicators]
        added = [k for k in new if k not in self._keys]
        if added:
            self.set_keys([*self._keys, *added])
        return len(added)

    def add_box(self, atlas_id: str, box_number: int) -> int:
        """Add every indicator of one result box; returns how many were new."""
        assert self.index is not None
        return self.add(self.index.indicators([atlas_id], [box_number]))

    def remove(self, keys: Iterable[str]) -> None:
        gone = set(keys)
        self.set_keys([k for k in self._keys if k not in gone])

    def move(self, key: str, step: int) -> None:
        """Move one chosen indicator ``step`` places up (negative) or down."""
        if key not in self._keys:
            return
        keys = list(self._keys)
        at = keys.index(key)
        to = max(0, min(len(keys) - 1, at + step))
        keys.insert(to, keys.pop(at))
        self.set_keys(keys)

    def set_region(self, region: str) -> None:
        """Rows of one health region (its id), or :data:`ALL_AREAS`."""
        if region == self._region:
            return
        self._region = region
        self._changed()

    def set_my_area(self, area_id: str) -> None:
        if area_id == self._my_area:
            return
        self._my_area = area_id
        if self.settings is not None:
            self.settings.compare_area = area_id
        self.my_area_changed.emit(area_id)

    def language_switched(self) -> None:
        """Names and titles are in the new language: the comparison is built again."""
        if self.library is not None and self._lang != current_language():
            self._changed()

    def _changed(self) -> None:
        self._comparison = None
        self.changed.emit()
