"""The one application state of the viewer window, with a Qt signal per piece of it.

Views (library, reader, map, charts, table) read the state and subscribe to its signals; they
never call each other. That keeps linked selection consistent: a click in any view changes the
state, and every view redraws its own part from the state (../shared/CONVENTIONS.md, point 3).

Selected areas are kept as area ids (``"st_olav"``): the identities the one matcher gives rows
and map areas (:mod:`atlasviewer.core.matching`: registry id, merged members joined by ``+``,
else the map's key or the row's name). A selection made in one result box still means the same
areas in the next one, whatever spelling that box's data or map uses, and views compare ids
(``is_selected_ids``) instead of asking the registry about every name at every click.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from atlasviewer import i18n
from atlasviewer.core.model import Atlas, AtlasVariant, ResultBox
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.i18n import _, ngettext
from atlasviewer.qt import translation
from atlasviewer.qt.location import PAGE_FRONT, History, Location


class AppState(QObject):
    """The library, where the user is (atlas, page or box, fact sheet, history), selection, year.

    Signals:
        library_changed(object): The library (an ``AtlasLibrary``) the window now shows.
        atlas_changed(object): The atlas (or None) now shown.
        variant_language_changed(str): The language of the atlas content now shown.
        box_changed(object): The result box (or None) now shown.
        page_changed(int): The reader's text page (a chapter, ``PAGE_FRONT`` or
            ``PAGE_FACT_SHEETS``), shown when there is no box.
        sheet_changed(str): The fact sheet (PDF path) now shown, "" when none is.
        selection_changed(frozenset): The canonical keys of the selected areas.
        selection_explained(str): What a click (on a map area, a bar, a table row) did to the
            selection, in words for the status bar ("Bergen unselected: …").
        slice_changed(str): The year or label shown by first-generation boxes ("" for none).
        chart_changed(int): The chart chosen among the box's charts (its tab, from 0); the map
            shows that chart's measure where it can.
    """

    library_changed = Signal(object)
    atlas_changed = Signal(object)
    variant_language_changed = Signal(str)
    box_changed = Signal(object)
    page_changed = Signal(int)
    sheet_changed = Signal(str)
    selection_changed = Signal(object)
    selection_explained = Signal(str)
    slice_changed = Signal(str)
    chart_changed = Signal(int)

    def __init__(self, registry: AreaRegistry | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.registry = registry or default_registry()
        self._library: Any = None
        self._page = PAGE_FRONT
        self._sheet = ""
        self._going_back = False
        self.history = History()
        """The places the user has been (Back goes to the one before)."""
        self._atlas: Atlas | None = None
        self._content_language = i18n.current_language()
        self._box: ResultBox | None = None
        self._selection: frozenset[str] = frozenset()
        self._keys: dict[str, frozenset[str]] = {}  # keys_for per name, for this registry
        self._slice = ""
        self._chart = 0
        self._content_moved = self._box_moved = False
        self._unsubscribe = [
            translation.follow(self._on_ui_language),
            translation.follow(self._after_retranslation, after_widgets=True),
        ]

    # ------------------------------------------------------------------ reading

    @property
    def library(self) -> Any:
        """The ``AtlasLibrary`` shown (None until the window sets one)."""
        return self._library

    @property
    def atlas(self) -> Atlas | None:
        return self._atlas

    @property
    def variant(self) -> AtlasVariant | None:
        """The atlas's variant in the content language, or None without an atlas."""
        if self._atlas is None or not self._atlas.variants:
            return None
        return self._atlas.variant(self._content_language)

    @property
    def page(self) -> int:
        return self._page

    @property
    def sheet(self) -> str:
        return self._sheet

    @property
    def location(self) -> Location:
        """Where the user is: atlas id ("" in the library), box number, fact sheet shown."""
        atlas = self._atlas
        if atlas is None or self._library is None:
            return Location("", 0, self._sheet)
        box = self._box.number if self._box is not None else 0
        return Location(self._library.atlas_id(atlas), box, self._sheet)

    @property
    def content_language(self) -> str:
        return self._content_language

    @property
    def box(self) -> ResultBox | None:
        return self._box

    @property
    def selection(self) -> frozenset[str]:
        return self._selection

    @property
    def slice(self) -> str:
        return self._slice

    @property
    def chart(self) -> int:
        """The index of the chart chosen among the box's charts."""
        return self._chart

    # ------------------------------------------------------------------ keys

    def canonical_key(self, name: str) -> str:
        """The registry id of an area name in any spelling; unknown names stay as given."""
        found = self.registry.match(name)
        if found is not None and found.kind == "area":
            return found.id
        return str(name)

    def keys_for(self, name: str) -> frozenset[str]:
        """The canonical keys a click on ``name`` selects: a region selects all its areas.

        For a name the views know no id of (an area without a data row); asked once per name.
        """
        known = self._keys.get(name)
        if known is None:
            known = self._keys[name] = self._keys_of(name)
        return known

    def _keys_of(self, name: str) -> frozenset[str]:
        found = self.registry.match(name)
        if found is None:
            return frozenset({str(name)})
        if found.kind == "region":
            return frozenset(self.registry.regions[found.id].areas) or frozenset({str(name)})
        if found.kind == "national":
            return frozenset()
        return frozenset({found.id})

    def is_selected(self, name: str) -> bool:
        """True when the area (or every area of the region) called ``name`` is selected."""
        keys = self.keys_for(name)
        return bool(keys) and keys <= self._selection

    def is_selected_ids(self, ids: tuple[str, ...] | frozenset[str] | list[str]) -> bool:
        """True when every one of the area ids a row or area stands for is selected."""
        return bool(ids) and self._selection.issuperset(ids)

    def selected_names(self, names: list[str]) -> list[str]:
        """Those of a view's own ``names`` that are selected, in the view's spelling."""
        return [name for name in names if self.is_selected(name)]

    # ------------------------------------------------------------------ changing

    def set_library(self, library: Any) -> None:
        """Show ``library`` (an ``AtlasLibrary``); an atlas of the old one is closed first.

        Every pane that reads atlases, maps or areas takes them from here, so a data folder
        opened later reaches all of them at once.
        """
        if library is self._library:
            return
        if self._atlas is not None:
            self.set_atlas(None)
        self._library = library
        self.registry = library.registry
        self._keys.clear()
        self.library_changed.emit(library)

    def set_atlas(self, atlas: Atlas | None) -> None:
        """Show ``atlas`` (in the best language for the UI); clears the box, keeps the selection."""
        if atlas is self._atlas:
            return
        self._atlas = atlas
        self._box = None
        self._slice = ""
        self._page = PAGE_FRONT
        self._update_content_language(emit=False)
        self.atlas_changed.emit(atlas)
        self.variant_language_changed.emit(self._content_language)
        self.box_changed.emit(None)
        self.record_location()

    def set_box(self, box: ResultBox | None) -> None:
        """Show result box ``box``; the selection survives, the slice goes to the box's latest.

        The box's data is read here (once: boxes keep it), so that every pane that follows
        ``box_changed`` finds the year it shows already set.
        """
        if box is self._box:
            return
        self._box = box
        self._slice = self._slice_in(box)
        self.box_changed.emit(box)
        self.record_location()

    def set_page(self, page: int) -> None:
        """Show the reader's text page ``page`` (the box, if one is shown, is closed)."""
        self._page = page
        self.set_box(None)
        self.page_changed.emit(page)

    def set_sheet(self, sheet: str | Path, record: bool = True) -> None:
        """Show the fact sheet ``sheet`` ("" to leave it); ``record`` it as a place for Back."""
        sheet = str(sheet) if sheet else ""
        if sheet != self._sheet:
            self._sheet = sheet
            self.sheet_changed.emit(sheet)
        if record:
            self.record_location()

    def record_location(self) -> None:
        """Remember where the user is now as a place for Back (not while going back)."""
        if not self._going_back:
            self.history.record(self.location)

    def go_back(self) -> bool:
        """Return to the place before this one; False when there is none.

        Back from a fact sheet to the page it was opened from leaves that page as it was
        (chapter, fact-sheet list); elsewhere a box, or the atlas's front page, is opened.
        """
        current = self.location
        target = self.history.back_from(current)
        if target is None:
            return False
        self._going_back = True
        try:
            atlas = self._library.get(target.atlas_id) if target.atlas_id else None
            if target.sheet:
                self.set_atlas(atlas)
                if target.box != self.location.box:
                    self.set_box(self._box_numbered(target.box))
            elif atlas is None or atlas is not self._atlas:
                self.set_sheet("")
                self.set_atlas(atlas)
                self.set_box(self._box_numbered(target.box))
            else:
                from_sheet = bool(self._sheet)
                self.set_sheet("")
                if not from_sheet or current.box != target.box:
                    if target.box:
                        self.set_box(self._box_numbered(target.box))
                    else:
                        self.set_page(PAGE_FRONT)
            self.set_sheet(target.sheet)
        finally:
            self._going_back = False
        return True

    def _box_numbered(self, number: int) -> ResultBox | None:
        variant = self.variant
        if not number or variant is None:
            return None
        return next((b for b in variant.result_boxes if b.number == number), None)

    def set_slice(self, slice_: str) -> None:
        if slice_ == self._slice:
            return
        self._slice = slice_
        self.slice_changed.emit(slice_)

    def set_chart(self, index: int) -> None:
        """Choose the chart ``index`` of the box's charts (the chart pane's tab)."""
        if index == self._chart:
            return
        self._chart = index
        self.chart_changed.emit(index)

    def select(self, name: str, add: bool = False) -> None:
        """Select the area or region ``name``; with ``add`` toggle it in the current selection.

        A plain click on the only selected area unselects it, so a click can also clear.
        """
        self.select_ids(self.keys_for(name), add, name)

    def select_ids(
        self,
        ids: tuple[str, ...] | frozenset[str] | list[str],
        add: bool = False,
        name: str = "",
        label: str = "",
    ) -> None:
        """Select the areas ``ids`` (a row's ``selects``); with ``add`` toggle them.

        A click on a region's bar or table row selects the region's areas; a plain click on
        what is already the whole selection clears it. ``name`` is what was clicked and
        ``label`` its name as the view shows it (else the registry's), for the explanation.
        """
        keys = frozenset(ids)
        if add:
            selection = (
                self._selection - keys if keys <= self._selection else self._selection | keys
            )
        else:
            selection = frozenset() if keys == self._selection else keys
        before = self._selection
        self.set_selection(selection)
        if selection != before:
            self.selection_explained.emit(self._explain(name, keys, selection, label))

    def _explain(
        self, name: str, keys: frozenset[str], selection: frozenset[str], label: str = ""
    ) -> str:
        """What a click did to the selection, in words (map, bar and table alike)."""
        shown = label or self.registry.display_name(name, i18n.current_language())
        count = len(selection)
        if not selection:
            return _("{name} unselected: no area is selected now.").format(name=shown)
        if not keys <= selection:
            return ngettext(
                "{name} removed from the selection: {count} area selected.",
                "{name} removed from the selection: {count} areas selected.",
                count,
            ).format(name=shown, count=count)
        if selection == keys:
            return _("{name} selected. Click it again to unselect; Ctrl-click adds areas.").format(
                name=shown
            )
        return ngettext(
            "{name} added to the selection: {count} area selected.",
            "{name} added to the selection: {count} areas selected.",
            count,
        ).format(name=shown, count=count)

    def set_selection(self, keys: frozenset[str] | set[str] | list[str]) -> None:
        selection = frozenset(keys)
        if selection == self._selection:
            return
        self._selection = selection
        self.selection_changed.emit(selection)

    def set_ui_language(self, lang: str) -> None:
        """Switch the interface language (every subscriber re-translates itself)."""
        i18n.set_language(lang)

    # ------------------------------------------------------------------ internals

    def _update_content_language(self, emit: bool = True) -> tuple[bool, bool]:
        """Follow the UI language with the atlas content; returns (changed, box changed)."""
        lang = i18n.current_language()
        if self._atlas is not None and self._atlas.variants:
            lang = self._atlas.variant(lang).lang
        if lang == self._content_language:
            return False, False
        self._content_language = lang
        shown = self._box
        if self._atlas is not None and shown is not None:
            self._box = self._same_box_in(self.variant)
            self._slice = self._slice_in(self._box)
        # A box that is already the variant's own (set from it directly) stays: views that
        # re-translate have drawn it, and a box_changed for it would draw it a second time.
        box_moved = self._box is not shown
        if emit:
            self._emit_content_language(box_moved)
        return True, box_moved

    def _emit_content_language(self, box_moved: bool) -> None:
        self.variant_language_changed.emit(self._content_language)
        if box_moved:
            self.box_changed.emit(self._box)

    def _slice_in(self, box: ResultBox | None) -> str:
        """The slice shown of ``box``: the one shown now if the box has it, else its latest."""
        slices = box.load().slices if box is not None else []
        if not slices:
            return ""
        return self._slice if self._slice in slices else slices[-1]

    def _same_box_in(self, variant: AtlasVariant | None) -> ResultBox | None:
        """The box with the same number in another language variant (boxes are parallel)."""
        if variant is None or self._box is None:
            return None
        for box in variant.result_boxes:
            if box.number == self._box.number:
                return box
        return None

    def _on_ui_language(self, _lang: str) -> None:
        # The content box is switched before any widget re-translates, so views see the new box
        # at once; it is announced after them (box_changed draws it, in the new language).
        self._content_moved, self._box_moved = self._update_content_language(emit=False)

    def _after_retranslation(self, _lang: str) -> None:
        if self._content_moved:
            self._content_moved = False
            self._emit_content_language(self._box_moved)

    def close(self) -> None:
        """Stop following language switches (call when the window goes)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
