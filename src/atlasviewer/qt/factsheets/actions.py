"""Fact sheets in the viewer window: the per-atlas list as a dialog, and "Create fact sheet…".

:class:`FactSheetCreator` turns the window's current atlas and area selection into a generated A4
fact sheet: the selection names one referral area or all areas of one health region, otherwise
the user picks from the atlas's areas; the user chooses the file; the PDF is written in the UI
language with :func:`~atlasviewer.core.factsheet.build_fact_sheet` and
:func:`~atlasviewer.qt.factsheets.generated.write_fact_sheet_pdf`. Problems are returned as messages
naming the file, for the window to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QVBoxLayout, QWidget

from atlasviewer import i18n
from atlasviewer.core.atomic import atomic_write, check_pdf
from atlasviewer.core.factsheet import AREA, REGION, FactSheetTarget, build_fact_sheet
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.links import FACT_SHEET, variant_links
from atlasviewer.core.model import Atlas, AtlasVariant
from atlasviewer.core.registry import AreaRegistry
from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.factsheets.sheet_list import FactSheetList

if TYPE_CHECKING:
    from atlasviewer.qt.factsheets.generated import SceneFactory

_CHAPTER_PLACE = re.compile(r"^kapittel\[(\d+)\]")


def fact_sheet_entries(variant: AtlasVariant | None) -> list[tuple[str, Path, bool]]:
    """``(title, path, published)`` for each PDF the variant's texts link to, told apart.

    Titles are the link texts in the variant's language. Several atlases give every link the
    same text ("en-sides pdf", "All contacts" in two chapters); those get their chapter's
    title in front, so the list says which is which. A link written into running text
    ("… in the [rapporten](…)", "[her](…)": it starts in lower case) names no document: the
    entry is named by the document's file name, made readable ("Rapport ortopedi"), with the
    link text as context.
    """
    if variant is None:
        return []
    entries: dict[Path, tuple[str, str]] = {}
    published: dict[Path, bool] = {}
    for link in variant_links(variant):
        if link.kind != FACT_SHEET or link.path is None or link.path in entries:
            continue
        chapter = ""
        match = _CHAPTER_PLACE.match(link.place)
        if match and int(match[1]) < len(variant.chapters):
            chapter = variant.chapters[int(match[1])].title.strip()
        entries[link.path] = (" ".join(link.text.split()) or link.path.name, chapter)
        published[link.path] = bool(link.exists)
    texts = [text.casefold() for text, _chapter in entries.values()]
    result = []
    for path, (text, chapter) in entries.items():
        repeated = texts.count(text.casefold()) > 1
        if repeated and chapter:
            title = f"{chapter} – {text}"
        elif text[:1].islower():
            title = _("{name} (linked as “{text}”)").format(name=readable_name(path), text=text)
        else:
            title = text
        result.append((title, path, published[path]))
    return result


def readable_name(path: Path) -> str:
    """A file's name as words: ``rapport_ortopedi.pdf`` -> "Rapport ortopedi"."""
    words = re.sub(r"(?<!\d)[-_]+|[-_]+(?!\d)|_+", " ", path.stem)
    words = " ".join(words.split()) or path.name
    return words[:1].upper() + words[1:]


class FactSheetsDialog(QDialog):
    """The fact sheets an atlas links to, opened from the library.

    Signals:
        fact_sheet_requested(Path, str): The user chose one (the dialog closes).
    """

    fact_sheet_requested = Signal(Path, str)

    def __init__(self, atlas: Atlas, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.lang = lang
        self.sheets = FactSheetList(self)
        self.sheets.set_links(fact_sheet_entries(atlas.variant(lang) if atlas.variants else None))
        self.sheets.fact_sheet_requested.connect(self._on_requested)
        listing = self.sheets.list
        listing.setSpacing(3)
        listing.itemClicked.connect(lambda item: self.sheets.open_row(listing.row(item)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 420)
        translation.register(self)

    def retranslate_ui(self) -> None:
        lang = i18n.current_language()
        heading = _("Fact sheets: {atlas}").format(atlas=self.atlas.title(self.lang or lang))
        self.setWindowTitle(heading)
        # Said inside the dialog too: not every desktop shows a dialog's title bar.
        self.sheets.heading.setText(heading)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))

    def _on_requested(self, path: Path, title: str) -> None:
        self.fact_sheet_requested.emit(path, title)
        self.accept()


@dataclass(frozen=True)
class AreaChoice:
    """One entry of the "which area?" list: its label and the fact-sheet target it stands for."""

    label: str
    target: FactSheetTarget


def target_from_selection(
    selection: frozenset[str], registry: AreaRegistry
) -> FactSheetTarget | None:
    """The fact-sheet target a selection of canonical area keys names, or None.

    One selected referral area is that area; exactly the areas of one health region (what a click
    on a region selects) is the region. Anything else (nothing, several areas, areas the
    registry does not know) names no single target.
    """
    if len(selection) == 1:
        key = next(iter(selection))
        if key in registry.areas:
            return FactSheetTarget(AREA, key, registry.areas[key].name("nb"))
        return None
    for region in registry.regions.values():
        if selection and frozenset(region.areas) == selection:
            return FactSheetTarget(REGION, region.id, region.name("nb"))
    return None


def area_choices(library: AtlasLibrary, atlas: Atlas, lang: str) -> list[AreaChoice]:
    """The referral areas on the atlas's maps, then their health regions, named in ``lang``.

    The atlas's own maps decide which areas it has (atlases are made for different area cuts);
    the registry's current areas stand in when no map can be read.
    """
    registry = library.registry
    area_ids: list[str] = []
    map_files = dict.fromkeys(box.map_file for box in atlas.variant(lang).result_boxes)
    for map_file in map_files:
        try:
            geography = library.geography(atlas, map_file)
        except (OSError, ValueError, KeyError):
            continue
        if geography.level != "area":
            continue
        for area in geography.areas:
            if area.canonical in registry.areas and area.canonical not in area_ids:
                area_ids.append(area.canonical)
        if area_ids:
            break
    if not area_ids:
        area_ids = [key for key, area in registry.areas.items() if not area.historic]
    areas = [
        AreaChoice(registry.areas[key].name(lang), FactSheetTarget(AREA, key, key))
        for key in area_ids
    ]
    region_ids = dict.fromkeys(
        registry.areas[key].region for key in area_ids if registry.areas[key].region
    )
    regions = [
        AreaChoice(
            _("{region} (health region)").format(region=registry.regions[key].name(lang)),
            FactSheetTarget(REGION, key, key),
        )
        for key in region_ids
        if key in registry.regions
    ]
    return [*sorted(areas, key=lambda c: c.label), *sorted(regions, key=lambda c: c.label)]


def ask_for_area(
    parent: QWidget, choices: list[AreaChoice], selected: frozenset[str] = frozenset()
) -> FactSheetTarget | None:
    """Ask which area the fact sheet is for; None when the user cancels.

    The list starts on the first selected area (in the list's order) when the selection
    names several: Enter then writes the sheet of an area the user chose, not of the first
    area of the alphabet (Akershus).
    """
    if not choices:
        return None
    labels = [choice.label for choice in choices]
    start = next(
        (i for i, c in enumerate(choices) if c.target.level == AREA and c.target.id in selected),
        0,
    )
    label, ok = QInputDialog.getItem(
        parent,
        _("Create fact sheet"),
        _("Select one referral area or health region for the fact sheet:"),
        labels,
        start,
        False,
    )
    if not ok or label not in labels:
        return None
    return choices[labels.index(label)].target


def suggested_file_name(atlas_id: str, area_name: str) -> str:
    """``<atlas>-<area>.pdf`` with the area name made safe for every file system."""
    safe = re.sub(r"[^\w\-]+", "_", area_name, flags=re.UNICODE).strip("_") or "area"
    return f"{atlas_id}-{safe}.pdf"


def choose_pdf_path(parent: QWidget, suggestion: Path) -> Path | None:
    """Ask where to save the fact sheet; None when the user cancels."""
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Create fact sheet"), str(suggestion), _("PDF document (*.pdf)")
    )
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == ".pdf" else out.with_suffix(out.suffix + ".pdf")


@dataclass
class CreatedFactSheet:
    """What writing a fact sheet gave: the file, its pages, and a note for the user."""

    path: Path
    pages: int
    area_name: str
    boxes_with_figures: int
    boxes: int


def write_area_fact_sheet(
    library: AtlasLibrary,
    atlas: Atlas,
    target: FactSheetTarget,
    path: Path,
    lang: str,
    scene_for: SceneFactory | None = None,
) -> CreatedFactSheet:
    """Build the fact sheet for ``target`` in ``lang`` and write it as a PDF at ``path``.

    ``scene_for`` builds the scenes of its locator maps (the shell hands in the map's).

    Raises:
        WriteError: When the file cannot be written (the message names the file; the old file
            is unchanged).
    """
    from atlasviewer.qt.factsheets.generated import write_fact_sheet_pdf

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    written: list[int] = []
    try:
        sheet = build_fact_sheet(atlas, target, lang, library.registry)
        # A temporary file, checked to be a whole PDF, then moved over ``path``: a full disk
        # leaves the sheet that was there as it was (WriteError says so).
        atomic_write(
            path,
            lambda temporary: written.append(
                write_fact_sheet_pdf(
                    sheet, temporary, lambda map_file: library.geography(atlas, map_file), scene_for
                )
            ),
            check_pdf,
        )
        pages = written[0]
    finally:
        QGuiApplication.restoreOverrideCursor()
    with_figures = sum(1 for box in sheet.boxes if box.has_figures or box.members)
    return CreatedFactSheet(path, pages, sheet.area_name, with_figures, len(sheet.boxes))
