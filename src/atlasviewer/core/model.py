"""The domain model: atlases, chapters, result boxes, their data and views, and geographies.

Qt-free plain dataclasses. Readers (``atlasviewer.core.readers``) build them; the drawing plan
(``atlasviewer.core.plans``) and the GUI read them. Result-box data and map geometry are loaded
lazily through loader callables the reader supplies, so that indexing every atlas reads no data
file and no map.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from atlasviewer.core.problems import Problem, Severity
from atlasviewer.core.records import Records
from atlasviewer.i18n import _

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

Lang = Literal["nb", "nn", "en"]

LocalizedText = Mapping[str, str]
"""A label per language, as the atlases write them: ``{"nb": ..., "nn": ..., "en": ...}``."""

_FALLBACK: dict[str, tuple[str, ...]] = {
    "nb": ("nb", "nn", "no", "en"),
    "nn": ("nn", "nb", "no", "en"),
    "en": ("en", "nb", "nn", "no"),
}


def pick_text(labels: LocalizedText | str | None, lang: str) -> str:
    """The label in ``lang``, falling back nn <-> nb, then to English or Norwegian.

    A plain string (some files give one label for all languages) is returned as is.
    """
    if labels is None:
        return ""
    if isinstance(labels, str):
        return labels
    for candidate in _FALLBACK.get(lang, (lang,)):
        value = labels.get(candidate)
        if value:
            return str(value)
    for value in labels.values():
        if value:
            return str(value)
    return ""


def pick_language(available: list[str] | tuple[str, ...], lang: str) -> str | None:
    """The best of ``available`` content languages for UI language ``lang``."""
    for candidate in _FALLBACK.get(lang, (lang,)):
        if candidate in available:
            return candidate
    return available[0] if available else None


# --------------------------------------------------------------------------- geography


@dataclass
class Area:
    """One area of a map set: a referral area, a county, a health region, a DPS area...

    Attributes:
        key: The area's name as the map file gives it (the map is the authority for its areas).
        code: The producer's numeric code where known (registry or map property), else None.
        canonical: The registry id (``"st_olav"``) where the registry knows the area, else None.
        region: The registry id of the health region the area belongs to, if known.
        geometry: Shapely geometry in the drawing CRS (:data:`DRAWING_CRS`).
        members: For a merged area ("Fonna/Bergen"), the registry ids of the referral areas it
            is the union of; empty for any other area.
    """

    key: str
    code: int | None = None
    canonical: str | None = None
    region: str | None = None
    geometry: BaseGeometry | None = None
    members: tuple[str, ...] = ()

    @property
    def merged(self) -> bool:
        """Whether the area is the union of several referral areas."""
        return len(self.members) >= 2

    @property
    def registry_ids(self) -> tuple[str, ...]:
        """The registry ids the area stands for: its own, or its members'; empty if unknown."""
        if self.members:
            return self.members
        return (self.canonical,) if self.canonical else ()


DRAWING_CRS = "EPSG:25833"
"""Every map ends in ETRS89 / UTM zone 33N, the projection Norwegian maps are drawn in."""


@dataclass
class Geography:
    """A map set: areas with geometry in :data:`DRAWING_CRS`.

    Attributes:
        id: The map file's stem (``kart_2024``, ``fylke_2024``, ``v1:kols``, ``regions:kart_2024``).
        source: The file it was read from.
        areas: The areas in file order.
        level: ``"area"`` for referral areas and other map units, ``"region"`` for health regions.
        problems: What was wrong with the file.
    """

    id: str
    source: Path | None
    areas: list[Area]
    level: str = "area"
    source_crs: str = "EPSG:4326"
    problems: list[Problem] = field(default_factory=list)

    def area(self, key: str) -> Area | None:
        for area in self.areas:
            if area.key == key:
                return area
        return None

    @property
    def keys(self) -> list[str]:
        return [a.key for a in self.areas]

    @property
    def drawable(self) -> bool:
        """Whether any area has a geometry to draw (a map with no usable key has none)."""
        return any(a.geometry is not None and not a.geometry.is_empty for a in self.areas)


# --------------------------------------------------------------------------- result data


@dataclass
class RowSet:
    """A named table of a result box: one row per area plus the national row.

    Attributes:
        name: The row set's label in the data file (``datasett_1``).
        frame: The rows as given (one column per variable).
        area_column: The column naming the area (``area``, ``borhf``), or None for row sets that
            are not per area (age profiles, months).
        national: The name of the national row (``Norge``, ``Noreg``), if the set has one.
        description: The producer's description of the set.
    """

    name: str
    frame: Records
    area_column: str | None = None
    national: str | None = None
    description: str = ""


@dataclass
class JenksClass:
    """One published natural-breaks class of a map view.

    ``minimum``/``maximum`` are the smallest and largest value in the class, ``next_minimum``
    (``lag_min``) the smallest value of the next class, and ``boundary`` (``grense``) the break
    between this class and the next, half-way between ``maximum`` and ``next_minimum``.
    """

    cluster: int
    minimum: float
    maximum: float
    next_minimum: float | None
    boundary: float | None


@dataclass
class ViewSpec:
    """A figure or table of a result box.

    ``slice`` names the year or label the view shows (first-generation atlases), None for a view
    that shows the whole box.
    """

    rowset: str
    slice: str | None = field(default=None, kw_only=True)

    kind: str = field(default="view", init=False)


@dataclass
class BarChartSpec(ViewSpec):
    x: list[str] = field(default_factory=list)
    y: str = "area"
    x_label: LocalizedText | None = None
    y_label: LocalizedText | None = None
    x_legend: Mapping[str, list[str]] | None = None
    annual_var: list[str] = field(default_factory=list)
    annual_labels: Mapping[str, list[str]] | None = None
    error_bars: list[str] = field(default_factory=list)
    format: str = ",.0f"
    kind: str = field(default="barchart", init=False)


@dataclass
class LineChartSpec(ViewSpec):
    x: str = ""
    y: str | None = None
    x_label: LocalizedText | None = None
    y_label: LocalizedText | None = None
    format_x: str = ""
    format_y: str = ",.0f"
    line_vars: list[str] = field(default_factory=list)
    line_labels: Mapping[str, list[str]] | None = None
    line_colors: list[str] = field(default_factory=list)
    kind: str = field(default="linechart", init=False)


@dataclass
class TableColumn:
    id: str
    label: LocalizedText
    type: str = "number"
    format: str = ""


@dataclass
class TableSpec(ViewSpec):
    caption: LocalizedText | None = None
    columns: list[TableColumn] = field(default_factory=list)
    kind: str = field(default="table", init=False)


@dataclass
class MapSpec(ViewSpec):
    x: str = ""
    caption: LocalizedText | None = None
    jenks: list[JenksClass] = field(default_factory=list)
    format: str = ",.0f"
    kind: str = field(default="map", init=False)


@dataclass
class ResultData:
    """A result box's data file, read: row sets and views, and what was wrong with it."""

    rowsets: dict[str, RowSet]
    views: list[ViewSpec]
    slices: list[str] = field(default_factory=list)
    slice_label: LocalizedText | None = None
    problems: list[Problem] = field(default_factory=list)
    period: str = ""
    """The period the figures cover where the data states it (first-generation ``period``)."""
    matches: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    """The match of each row set to each map, kept once computed
    (:func:`atlasviewer.core.matching.cached_match`): every plan of the box reuses it."""

    def views_for(self, slice_: str | None = None) -> list[ViewSpec]:
        """The views to show for one slice (year); all views when the data has no slices."""
        if not self.slices:
            return list(self.views)
        wanted = slice_ if slice_ in self.slices else self.slices[-1]
        return [v for v in self.views if v.slice in (None, wanted)]


# --------------------------------------------------------------------------- atlas content


@dataclass
class TextItem:
    markdown: str
    description: str = ""
    kind: str = field(default="text", init=False)


@dataclass
class FactBox:
    title: str
    markdown: str
    kind: str = field(default="factbox", init=False)


@dataclass
class ResultBox:
    """A result box: the finding, the patient selection, and (lazily) its data and map.

    Attributes:
        number: 1-based position among the atlas's result boxes, in reading order.
        title, intro, selection, finding: Markdown text in the variant's language.
        data_file: The data file's name as the atlas gives it (may be missing on disk).
        map_file: The map file's name (``kart_2024.geojson`` when the atlas leaves it empty).
        place: Where the box is in its atlas file, for problem records.
    """

    number: int
    title: str
    intro: str = ""
    selection: str = ""
    finding: str = ""
    data_file: str = ""
    map_file: str = ""
    published: str = ""
    updated: str = ""
    place: str = ""
    loader: Callable[[], ResultData] | None = field(default=None, repr=False, compare=False)
    _data: ResultData | None = field(default=None, repr=False, compare=False)
    kind: str = field(default="resultbox", init=False)

    def load(self) -> ResultData:
        """Read the box's data (once) and return it; problems are in ``.problems``."""
        if self._data is None:
            if self.loader is None:
                self._data = ResultData({}, [])
            else:
                self._data = self.loader()
        return self._data

    @property
    def loaded(self) -> bool:
        return self._data is not None


ContentItem = TextItem | FactBox | ResultBox


@dataclass
class Chapter:
    title: str
    items: list[ContentItem] = field(default_factory=list)

    @property
    def result_boxes(self) -> list[ResultBox]:
        return [i for i in self.items if isinstance(i, ResultBox)]

    def navigation_title(self, number: int, limit: int = 32) -> str:
        """What a navigation pane calls the chapter: its title, else words of its own.

        Many atlases open with an untitled chapter of introductory text ("Atlaset er delt opp
        i flere deler…"), shown on the web as the top of the page. Without a title, the
        chapter is called by its first text's description, else by the first words of that
        text (at most ``limit`` characters, short enough for the navigation pane), else
        "Chapter {number}" (``number`` from 1).
        """
        if self.title.strip():
            return self.title
        for item in self.items:
            if isinstance(item, TextItem):
                words = item.description.strip() or _plain_words(item.markdown)
                if words:
                    return _shorten(words, limit)
        return _("Chapter {number}").format(number=number)


@dataclass
class AtlasVariant:
    """One language version of an atlas (one file)."""

    lang: str
    source: Path
    main_title: str
    short_title: str = ""
    ingress: str = ""
    frontpage_text: str = ""
    date: str = ""
    producer: str = ""
    published: bool = True
    image: str = ""
    chapters: list[Chapter] = field(default_factory=list)

    @property
    def result_boxes(self) -> list[ResultBox]:
        return [b for c in self.chapters for b in c.result_boxes]


@dataclass
class Atlas:
    """An atlas: one id, one or more language variants of the same content.

    Attributes:
        id: The atlas id (the file name without extension).
        generation: 2 for the posts/public layout, 1 for the long-CSV atlases.
        root: The data root the atlas was read from.
        variants: Language variants by language code.
        problems: Problems found while indexing (not those of result-box data, which are found
            when a box is loaded; see :meth:`all_problems`).
    """

    id: str
    generation: int
    root: Path
    variants: dict[str, AtlasVariant] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def languages(self) -> list[str]:
        order = {"nb": 0, "nn": 1, "en": 2}
        return sorted(self.variants, key=lambda lang: order.get(lang, 9))

    def variant(self, lang: str) -> AtlasVariant:
        """The variant for UI language ``lang``, falling back as :func:`pick_language` does."""
        chosen = pick_language(self.languages, lang)
        if chosen is None:
            raise LookupError(f"atlas {self.id} has no language variant")
        return self.variants[chosen]

    @property
    def primary(self) -> AtlasVariant:
        """The Norwegian variant where there is one (the atlases are written in Norwegian)."""
        return self.variant("nb")

    @property
    def published(self) -> bool:
        return all(v.published for v in self.variants.values())

    @property
    def date(self) -> str:
        return max((v.date for v in self.variants.values()), default="")

    @property
    def producer(self) -> str:
        return self.primary.producer

    def title(self, lang: str) -> str:
        variant = self.variant(lang)
        return variant.short_title or variant.main_title

    def all_problems(self, load_data: bool = False) -> list[Problem]:
        """Indexing problems, plus each result box's data problems when ``load_data``."""
        problems = list(self.problems)
        if load_data:
            for variant in self.variants.values():
                for box in variant.result_boxes:
                    problems.extend(box.load().problems)
        return problems

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


def _plain_words(markdown: str) -> str:
    """The first line of text in ``markdown`` without its markup (links keep their text)."""
    import re

    for line in markdown.splitlines():
        text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: their text
        text = re.sub(r"^\s*(?:#+|[-*+>]|\d+[.)])\s*", "", text)  # headings, lists, quotes
        text = " ".join(text.replace("*", "").replace("_", " ").split())
        if text:
            return text
    return ""


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:")
    return cut + "…"
