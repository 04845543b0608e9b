"""The indicators of a library: each measure that a result box's map or bar charts show.

Every result box yields its **headline** indicator (the column its map shows, else the first
column of its first bar chart) and one indicator per other column that its bar charts show per
area (each ``x`` column; the ``annualVar`` columns are the headline's values per year, not
indicators of their own). First-generation boxes show one indicator, the latest year, with the
other years as values per year.

Indexing reads the atlas files only; a box's data file is read when its indicators are first
asked for (:meth:`IndicatorIndex.indicators`), once, through the box's own lazy loader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from atlasviewer.core.compare.search import matches, search_words
from atlasviewer.core.model import (
    Atlas,
    AtlasVariant,
    BarChartSpec,
    LocalizedText,
    MapSpec,
    ResultBox,
    ResultData,
    TableSpec,
    pick_text,
)

if TYPE_CHECKING:
    from atlasviewer.core.compare.values import IndicatorValues
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.registry import AreaRegistry

LANGS = ("nb", "nn", "en")

_UNIT = re.compile(r"\b(?:pr\.?|per)\s+(\d[\d\s\u00a0.,]*\d|\d)\s*([^\s,.;()]*)", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
"""A markdown link's target: its words (an address) are not searched, its text is."""
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)\b")


@dataclass
class Indicator:
    """One measure of one result box.

    Attributes:
        key: ``"<atlas>/<box>/<row set>/<column>"``, unique in a library.
        atlas_id: The library's id of the atlas; ``box`` its result box number (from 1).
        rowset, column: Where the values are in the box's data.
        headline: True for the measure the box's map shows.
        titles: The box title per language; ``labels`` the measure's own label per language.
        format: The d3 number format of the values.
        period: The period the figures cover ("2018–2022"), "" when the data do not say.
        map_file, producer, generation, atlas_titles: Where it comes from.
        error_bars: The columns of the published interval, if the chart has one.
        annual: ``(year label, column)`` of the values per year, oldest first.
        texts: The box's texts (finding, intro, selection) for search.
    """

    key: str
    atlas_id: str
    box: int
    rowset: str
    column: str
    headline: bool
    titles: dict[str, str]
    labels: dict[str, str]
    format: str
    period: str = ""
    map_file: str = ""
    producer: str = ""
    generation: int = 2
    atlas_titles: dict[str, str] = field(default_factory=dict)
    error_bars: tuple[str, str] | None = None
    annual: tuple[tuple[str, str], ...] = ()
    texts: str = ""
    data: ResultData | None = field(default=None, repr=False, compare=False)
    registry: AreaRegistry | None = field(default=None, repr=False, compare=False)
    _values: IndicatorValues | None = field(default=None, repr=False, compare=False)

    def title(self, lang: str) -> str:
        """The box title and, for a measure other than the headline, the measure's label."""
        title = pick_text(self.titles, lang)
        if self.headline:
            return title
        label = pick_text(self.labels, lang)
        return f"{title}: {label}" if label and label != title else title

    def label(self, lang: str) -> str:
        """The measure's label in ``lang`` (its unit included, as the atlas writes it)."""
        return pick_text(self.labels, lang) or pick_text(self.titles, lang)

    def unit(self, lang: str) -> str:
        """The unit the label names ("pr. 10 000 innbyggere"), "%" for shares, else ""."""
        if "%" in self.format:
            return "%"
        found = _UNIT.search(self.label(lang))
        return found.group(0) if found else ""

    @property
    def unit_size(self) -> float | None:
        """The rate's unit as a number (10000 for "per 10 000 inhabitants"), if stated."""
        for lang in LANGS:
            found = _UNIT.search(pick_text(self.labels, lang))
            if found:
                digits = re.sub(r"\D", "", found.group(1))
                if digits:
                    return float(digits)
        return None

    def values(self) -> IndicatorValues:
        """The area values, intervals and counts (read once)."""
        if self._values is None:
            from atlasviewer.core.compare.values import read_values

            assert self.data is not None
            self._values = read_values(self, self.data, self.registry)
        return self._values

    def search_text(self) -> str:
        """Everything search looks at: titles and labels in each language, and the texts."""
        parts = [*self.titles.values(), *self.labels.values(), *self.atlas_titles.values()]
        return " ".join([*parts, _LINK_TARGET.sub("]", self.texts)])


def _localized(labels: LocalizedText | str | None) -> dict[str, str]:
    return {lang: pick_text(labels, lang) for lang in LANGS if pick_text(labels, lang)}


def _box_titles(atlas: Atlas, box: ResultBox) -> dict[str, str]:
    """The box's title in each language the atlas has (the variants' boxes, matched)."""
    titles: dict[str, str] = {}
    primary = atlas.primary.result_boxes
    for lang, variant in atlas.variants.items():
        boxes = variant.result_boxes
        twin = boxes[box.number - 1] if len(boxes) == len(primary) else None
        if twin is None:
            stem = box.data_file.removesuffix(".json")
            twin = next((b for b in boxes if b.data_file.removesuffix(".json") in
                         (stem, f"{stem}_en")), None)  # fmt: skip
        if twin is not None and twin.title:
            titles[lang] = _told_apart(variant, twin)
    for lang in LANGS:
        if lang not in titles:
            titles.setdefault(lang, pick_text(titles, lang) or box.title)
    return titles


def _told_apart(variant: AtlasVariant, box: ResultBox) -> str:
    """The box's title, led by its chapter's where another box of the atlas has the same one.

    radiologi2 calls a box "Antall undersøkelser" in each of its three MR chapters; in a
    comparison across boxes they are told apart as "MR lumbosakralkolumna: Antall
    undersøkelser".
    """
    title = box.title.strip()
    twins = [b for b in variant.result_boxes if b.title.strip() == title]
    if len(twins) < 2:
        return title
    for chapter in variant.chapters:
        if any(item is box for item in chapter.items) and chapter.title.strip():
            return f"{chapter.title.strip()}: {title}"
    return title


def _period(data: ResultData, annual: list[str], box: ResultBox) -> str:
    if data.period:
        return data.period
    years = [label for label in annual if re.fullmatch(r"(19|20)\d\d", label)]
    if years:
        return f"{years[0]}–{years[-1]}" if len(years) > 1 else years[0]
    captions = [pick_text(v.caption, "nb") for v in data.views if isinstance(v, TableSpec)]
    for text in (*captions, box.intro, box.selection):
        found = _PERIOD.search(text or "")
        if found:
            return f"{found.group(1)}–{found.group(2)}"
    return ""


def box_indicators(library: AtlasLibrary, atlas_id: str, box: ResultBox) -> list[Indicator]:
    """The indicators of one result box (reads its data file once)."""
    atlas = library.atlas(atlas_id)
    data = box.load()
    views = data.views_for(None)
    maps = [
        v
        for v in views
        if isinstance(v, MapSpec)
        and v.rowset in data.rowsets
        and data.rowsets[v.rowset].area_column
    ]
    bars = [
        v
        for v in views
        if isinstance(v, BarChartSpec)
        and v.rowset in data.rowsets
        and data.rowsets[v.rowset].area_column
        and v.y == data.rowsets[v.rowset].area_column
    ]
    titles = _box_titles(atlas, box)
    base = {
        "atlas_id": atlas_id,
        "box": box.number,
        "titles": titles,
        "map_file": box.map_file,
        "producer": atlas.producer,
        "generation": atlas.generation,
        "atlas_titles": {lang: atlas.title(lang) for lang in atlas.languages},
        "texts": " ".join((box.finding, box.intro, box.selection)),
        "data": data,
        "registry": library.registry,
    }
    found: dict[tuple[str, str], Indicator] = {}

    def annual_of(rowset: str, column: str) -> list[tuple[str, str]]:
        for bar in bars:
            if bar.rowset == rowset and bar.x == [column] and bar.annual_var:
                labels = (bar.annual_labels or {}).get("nb") or next(
                    iter((bar.annual_labels or {}).values()), []
                )
                pairs = list(zip(labels, bar.annual_var, strict=False))
                if data.slices and len(pairs) < len(data.slices):  # first generation
                    wanted = data.slices[-1]
                    pairs = sorted([*pairs, (wanted, column)], key=lambda p: p[0])
                return pairs
        return []

    def error_bars_of(rowset: str, column: str) -> tuple[str, str] | None:
        for bar in bars:
            if bar.rowset == rowset and bar.x == [column] and len(bar.error_bars) == 2:
                return bar.error_bars[0], bar.error_bars[1]
        return None

    def add(rowset: str, column: str, labels: dict[str, str], fmt: str, headline: bool) -> None:
        if (rowset, column) in found or column not in data.rowsets[rowset].frame.columns:
            return
        annual = annual_of(rowset, column)
        found[(rowset, column)] = Indicator(
            key=f"{atlas_id}/{box.number}/{rowset}/{column}",
            rowset=rowset,
            column=column,
            headline=headline,
            labels=labels,
            format=fmt,
            period=_period(data, [a for a, _ in annual], box),
            error_bars=error_bars_of(rowset, column),
            annual=tuple(annual),
            **base,  # type: ignore[arg-type]
        )

    if maps:
        add(maps[0].rowset, maps[0].x, _localized(maps[0].caption), maps[0].format, True)
    for bar in bars:
        legend = bar.x_legend or {}
        for index, column in enumerate(bar.x):
            labels = _localized(bar.x_label)
            if len(bar.x) > 1:
                for lang in LANGS:
                    names = legend.get(lang) or legend.get("nb") or next(iter(legend.values()), [])
                    if index < len(names):
                        labels[lang] = f"{labels.get(lang, '')} – {names[index]}".strip(" –")
            add(bar.rowset, column, labels, bar.format, not found)
    return list(found.values())


@dataclass
class _BoxEntry:
    atlas_id: str
    box: ResultBox
    indicators: list[Indicator] | None = None


class IndicatorIndex:
    """The indicators of a library's atlases, read box by box when first asked for.

    Args:
        library: The atlases.
        atlas_ids: Only these atlases (library ids), in this order; default every atlas.
    """

    def __init__(self, library: AtlasLibrary, atlas_ids: Iterable[str] | None = None) -> None:
        self.library = library
        ids = list(atlas_ids) if atlas_ids is not None else library.ids
        self._entries: list[_BoxEntry] = [
            _BoxEntry(atlas_id, box)
            for atlas_id in ids
            for box in library.atlas(atlas_id).primary.result_boxes
        ]
        self._by_key: dict[str, Indicator] = {}

    @property
    def atlas_ids(self) -> list[str]:
        return list(dict.fromkeys(entry.atlas_id for entry in self._entries))

    def _load(self, entry: _BoxEntry) -> list[Indicator]:
        if entry.indicators is None:
            entry.indicators = box_indicators(self.library, entry.atlas_id, entry.box)
            self._by_key.update((i.key, i) for i in entry.indicators)
        return entry.indicators

    def indicators(
        self,
        atlas_ids: Iterable[str] | None = None,
        boxes: Iterable[int] | None = None,
        *,
        headline_only: bool = False,
    ) -> list[Indicator]:
        """The indicators of the atlases and box numbers asked for (all by default)."""
        wanted_atlases = set(atlas_ids) if atlas_ids is not None else None
        wanted_boxes = set(boxes) if boxes is not None else None
        result: list[Indicator] = []
        for entry in self._entries:
            if wanted_atlases is not None and entry.atlas_id not in wanted_atlases:
                continue
            if wanted_boxes is not None and entry.box.number not in wanted_boxes:
                continue
            result.extend(i for i in self._load(entry) if i.headline or not headline_only)
        return result

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators())

    def get(self, key: str) -> Indicator | None:
        """The indicator with ``key`` (reads its box if it was not read yet)."""
        if key not in self._by_key:
            atlas_id, _, rest = key.partition("/")
            number = rest.partition("/")[0]
            self.indicators([atlas_id], [int(number)] if number.isdigit() else None)
        return self._by_key.get(key)

    def search(self, query: str, *, load: bool = True) -> list[Indicator]:
        """Indicators with every word of ``query`` at a word start of their texts.

        Titles, labels and box texts, casefolded; "MR" finds "MR-undersøkelser", not "område".

        Args:
            query: The words to find.
            load: Read the boxes not read yet (their measures' labels are in their data
                files). Without it, a box not read yet is found by its title and texts (it is
                then read), and only read boxes by their measures' labels: a search while the
                index is still being read never waits for every file.
        """
        words = search_words(query)
        if not words:
            return []
        found: list[Indicator] = []
        for entry in self._entries:
            unread = entry.indicators is None and not load
            if unread and not matches(words, self._box_text(entry)):
                continue
            found.extend(i for i in self._load(entry) if matches(words, i.search_text()))
        return found

    def _box_text(self, entry: _BoxEntry) -> str:
        """A box's searchable text without its data: titles in every language and its texts."""
        atlas = self.library.atlas(entry.atlas_id)
        box = entry.box
        titles = _box_titles(atlas, box).values()
        texts = _LINK_TARGET.sub("]", " ".join((box.finding, box.intro, box.selection)))
        return " ".join([*titles, *(atlas.title(lang) for lang in atlas.languages), texts])
