"""What a generated area fact sheet says: one referral area or health region across an atlas.

Qt-free. :func:`build_fact_sheet` reads every result box of an atlas and, for the chosen area
(or health region), collects the area's value beside the national value, its rank among the
areas, its ratio to the national value and the spread of all areas, each formatted for the
language. ``atlasviewer.qt.factsheets.generated`` draws the result on A4; tests read it directly.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from atlasviewer.core.formatting import distinguishing_spec, format_date, format_number
from atlasviewer.core.model import (
    Atlas,
    BarChartSpec,
    MapSpec,
    ResultBox,
    ResultData,
    RowSet,
    ViewSpec,
    pick_text,
)
from atlasviewer.core.plans import box_period, plain_text
from atlasviewer.core.plans.rows import identity_label
from atlasviewer.core.records import is_missing
from atlasviewer.core.registry import AreaRegistry, default_registry, normalise_name
from atlasviewer.i18n import _, ngettext

if TYPE_CHECKING:
    from atlasviewer.core.matching import RowMatch

AREA = "area"
REGION = "region"


@dataclass(frozen=True)
class FactSheetTarget:
    """The area a fact sheet is about.

    Attributes:
        level: ``"area"`` for a referral area (or another map unit), ``"region"`` for a health
            region.
        id: The registry id (``st_olav``, ``helse_nord``), or the folded name of an area the
            registry does not know.
        given: The name as the user gave it.
    """

    level: str
    id: str
    given: str

    def name(self, lang: str, registry: AreaRegistry | None = None) -> str:
        registry = registry or default_registry()
        if self.level == REGION and self.id in registry.regions:
            return registry.regions[self.id].name(lang)
        if self.id in registry.areas:
            return registry.areas[self.id].name(lang)
        return self.given


@dataclass
class SpreadValue:
    """One area's value in a result box's spread (the strip of all areas)."""

    name: str
    value: float
    is_target: bool = False


@dataclass
class BoxFacts:
    """The target's figures in one result box, formatted for the language.

    ``note`` is set (and the figures are empty) when the box has no figure for the target.
    For a health region in a box with figures per referral area only, ``members`` holds the
    region's areas (highest first) and the spread marks them.
    ``rank`` counts from the highest value (1 = highest), as the atlases' bar charts sort.
    """

    number: int
    title: str
    measure: str = ""
    period: str = ""
    format: str = ",.0f"
    map_file: str = ""
    value: float | None = None
    value_text: str = ""
    national_value: float | None = None
    national_text: str = ""
    rank: int | None = None
    rank_count: int = 0
    rank_text: str = ""
    ratio: float | None = None
    ratio_text: str = ""
    minimum: SpreadValue | None = None
    maximum: SpreadValue | None = None
    minimum_text: str = ""
    maximum_text: str = ""
    spread: list[SpreadValue] = field(default_factory=list)
    members: list[SpreadValue] = field(default_factory=list)
    member_texts: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def has_figures(self) -> bool:
        return self.value is not None


@dataclass
class FactSheet:
    """The whole content of a generated fact sheet, in one language."""

    atlas_id: str
    lang: str
    atlas_title: str
    target: FactSheetTarget
    area_name: str
    national_name: str
    level_label: str
    producer: str
    published: str
    generated: str
    boxes: list[BoxFacts] = field(default_factory=list)

    @property
    def boxes_with_figures(self) -> list[BoxFacts]:
        return [b for b in self.boxes if b.has_figures]


def written_note(path: object, pages: int, with_figures: int, boxes: int) -> str:
    """What the status bar and the ``factsheet`` command say once a fact sheet is written."""
    return ngettext(
        "Wrote {path}: {pages} page, {count} of {total} result boxes with figures.",
        "Wrote {path}: {pages} pages, {count} of {total} result boxes with figures.",
        pages,
    ).format(path=path, pages=pages, count=with_figures, total=boxes)


def resolve_target(
    name: str, registry: AreaRegistry | None = None, own_names: Collection[str] = ()
) -> FactSheetTarget | None:
    """What ``name`` names: a referral area or a region the registry knows, or an own area.

    Args:
        name: The name as the user gave it (any spelling the registry knows).
        registry: The known areas and regions.
        own_names: The atlas's own area names (:func:`own_area_names`): an area of a new
            geography the registry does not know is a target by its own name.

    Returns None for the national row and for names neither the registry nor the atlas knows.
    """
    registry = registry or default_registry()
    found = registry.match(name)
    if found is None:
        folded = normalise_name(name)
        if any(normalise_name(own) == folded for own in own_names):
            return FactSheetTarget(AREA, folded, name)
        return None
    if found.kind not in (AREA, REGION):
        return None
    return FactSheetTarget(found.kind, found.id, name)


def own_area_names(atlas: Atlas, registry: AreaRegistry | None = None) -> list[str]:
    """The area names of an atlas's data that the registry does not know, sorted."""
    registry = registry or default_registry()
    names: set[str] = set()
    for box in atlas.primary.result_boxes:
        for rowset in box.load().rowsets.values():
            column = rowset.area_column
            if column is None or column not in rowset.frame.columns:
                continue
            for value in rowset.frame[column]:
                own = not is_missing(value) and str(value) != rowset.national
                if own and registry.match(str(value)) is None:
                    names.add(str(value))
    return sorted(names)


def valid_names(atlas: Atlas | None = None, registry: AreaRegistry | None = None) -> list[str]:
    """The names a fact sheet can be asked for: referral areas (current ones) and regions.

    After them come the atlas's own area names that the registry does not know.
    """
    registry = registry or default_registry()
    areas = sorted(a.names["nb"] for a in registry.areas.values() if not a.historic)
    regions = sorted(r.name("nb") for r in registry.regions.values())
    own = own_area_names(atlas, registry) if atlas is not None else []
    return areas + regions + own


def build_fact_sheet(
    atlas: Atlas,
    target: FactSheetTarget,
    lang: str,
    registry: AreaRegistry | None = None,
    *,
    today: date | None = None,
) -> FactSheet:
    """Collect the target's figures from every result box of ``atlas`` in language ``lang``.

    Boxes whose data is missing, has no per-area figures, or has no row for the target get a
    note instead of figures; nothing is skipped silently.
    """
    registry = registry or default_registry()
    variant = atlas.variant(lang)
    sheet = FactSheet(
        atlas_id=atlas.id,
        lang=lang,
        atlas_title=variant.main_title or variant.short_title or atlas.id,
        target=target,
        area_name=target.name(lang, registry),
        national_name=registry.national_name(lang),
        level_label=_("Health region") if target.level == REGION else _("Referral area"),
        producer=variant.producer or atlas.producer,
        published=format_date(variant.date, lang) if variant.date else "",
        generated=format_date(today or date.today(), lang),
    )
    for box in variant.result_boxes:
        sheet.boxes.append(_box_facts(box, target, lang, registry))
    return sheet


# --------------------------------------------------------------------------- one box


def _main_view(
    views: list[ViewSpec], rowsets: dict[str, RowSet]
) -> tuple[ViewSpec, str, str] | None:
    """The view whose measure the fact sheet reports: the map's, else the first bar chart's."""
    for view in views:
        if isinstance(view, MapSpec) and view.x and _per_area(rowsets.get(view.rowset), view.x):
            return view, view.x, view.format
    for view in views:
        bar_measure = view.x[0] if isinstance(view, BarChartSpec) and view.x else None
        if bar_measure and _per_area(rowsets.get(view.rowset), bar_measure):
            return view, bar_measure, view.format  # type: ignore[attr-defined]
    return None


def _per_area(rowset: RowSet | None, column: str) -> bool:
    return (
        rowset is not None
        and rowset.area_column is not None
        and rowset.area_column in rowset.frame.columns
        and column in rowset.frame.columns
    )


def _measure_label(view: ViewSpec, lang: str) -> str:
    if isinstance(view, MapSpec) and view.caption:
        return _plain(pick_text(view.caption, lang))
    if isinstance(view, BarChartSpec) and view.x_label:
        return _plain(pick_text(view.x_label, lang))
    return ""


def _plain(text: str) -> str:
    """Captions carry a little HTML (``<br>``); the sheet shows them on one line."""
    return " ".join(plain_text(text).split())


def _row_level_and_id(name: str, registry: AreaRegistry) -> tuple[str, str]:
    found = registry.match(name)
    if found is None:
        return AREA, normalise_name(name)
    return found.kind, found.id


def _identities(data: ResultData, rowset: RowSet, registry: AreaRegistry) -> RowMatch | None:
    """The roles and ids of ``rowset``'s rows, kept with the box's data (the one matcher)."""
    from atlasviewer.core.matching import cached_match

    name = next((n for n, r in data.rowsets.items() if r is rowset), None)
    return cached_match(data, name, None, registry) if name is not None else None


def _row_identity(
    name: str, identities: RowMatch | None, registry: AreaRegistry
) -> tuple[str, str]:
    """``(kind, id)`` of a row as the fact sheet compares it with its target."""
    if identities is None or name not in identities.roles:
        return _row_level_and_id(name, registry)
    role, ident = identities.roles[name], identities.area_ids.get(name, "")
    if role == "national":
        return "national", "national"
    if role == REGION or ident in registry.areas:
        return role, ident
    return AREA, normalise_name(name)


def _box_facts(
    box: ResultBox, target: FactSheetTarget, lang: str, registry: AreaRegistry
) -> BoxFacts:
    facts = BoxFacts(number=box.number, title=_plain(box.title), map_file=box.map_file)
    data = box.load()
    if not data.rowsets:
        facts.note = _("The data of this result box is missing or cannot be read.")
        return facts
    views = data.views_for(None)
    chosen = _main_view(views, data.rowsets)
    if chosen is None:
        facts.note = _("This result box has no figures per area.")
        return facts
    view, column, spec = chosen
    facts.format = spec
    facts.measure = _measure_label(view, lang)
    facts.period = box_period(box, data, lang)

    rowset = _rowset_for_level(data, view.rowset, column, target.level, registry)
    if rowset is not None:
        identities = _identities(data, rowset, registry)
        _fill_figures(facts, rowset, column, target, lang, registry, identities=identities)
        return facts
    areas = _rowset_for_level(data, view.rowset, column, AREA, registry)
    if target.level == REGION and areas is not None:
        # No row for the region: show where the region's referral areas lie instead.
        identities = _identities(data, areas, registry)
        _fill_figures(
            facts, areas, column, target, lang, registry, members_of_region=True,
            identities=identities,
        )  # fmt: skip
        return facts
    facts.note = (
        _("This result box has no figures per health region.")
        if target.level == REGION
        else _("This result box has no figures per referral area.")
    )
    return facts


def _rowset_for_level(
    data: ResultData, preferred: str, column: str, level: str, registry: AreaRegistry
) -> RowSet | None:
    """The row set with ``column`` whose rows are at ``level`` (areas or regions).

    The rows' levels are the one matcher's roles, kept with the box's data.
    """
    from atlasviewer.core.matching import cached_match

    rowsets = data.rowsets
    names = [preferred] + [n for n in rowsets if n != preferred]
    for name in names:
        rowset = rowsets.get(name)
        if rowset is None or not _per_area(rowset, column):
            continue
        levels = list(cached_match(data, name, None, registry).roles.values())
        rows = [lv for lv in levels if lv != "national"]
        if not rows:
            continue
        if level == REGION and all(lv == REGION for lv in rows):
            return rowset
        if level == AREA and any(lv == AREA for lv in rows):
            return rowset
    return None


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def _fill_figures(
    facts: BoxFacts,
    rowset: RowSet,
    column: str,
    target: FactSheetTarget,
    lang: str,
    registry: AreaRegistry,
    *,
    members_of_region: bool = False,
    identities: RowMatch | None = None,
) -> None:
    """Fill ``facts`` from the rows of ``rowset``.

    With ``members_of_region`` the target is a region and the rows are referral areas: the
    region's areas are marked in the spread and listed as ``members``.
    """
    assert rowset.area_column is not None
    national_folded = normalise_name(rowset.national) if rowset.national else None
    spread: list[SpreadValue] = []
    for name, raw in zip(rowset.frame[rowset.area_column], rowset.frame[column], strict=True):
        if is_missing(name):
            continue
        kind, ident = _row_identity(str(name), identities, registry)
        value = _number(raw)
        if kind == "national" or normalise_name(str(name)) == national_folded:
            facts.national_value = value
            continue
        if value is None:
            continue
        if members_of_region:
            is_target = kind == AREA and ident in registry.areas
            is_target = is_target and registry.areas[ident].region == target.id
        else:
            is_target = kind == target.level and ident == target.id
        display = (
            identity_label(identities, str(name), registry, lang)
            if identities is not None
            else registry.display_name(str(name), lang)
        )
        spread.append(SpreadValue(display, value, is_target))
    facts.spread = sorted(spread, key=lambda s: s.value)
    # Decimals enough that the areas' values read as different as they are: rates around 1 in
    # the box's ",.0f" would show the area, the country, lowest and highest all as "1".
    values = [s.value for s in spread]
    spec = distinguishing_spec(facts.format, values, lang, most=1) or facts.format
    if facts.national_value is not None:
        facts.national_text = format_number(facts.national_value, spec, lang)
    if spread:
        facts.minimum = facts.spread[0]
        facts.maximum = facts.spread[-1]
        facts.minimum_text = _("{value} ({area})").format(
            value=format_number(facts.minimum.value, spec, lang), area=facts.minimum.name
        )
        facts.maximum_text = _("{value} ({area})").format(
            value=format_number(facts.maximum.value, spec, lang), area=facts.maximum.name
        )
    if members_of_region:
        facts.members = [s for s in reversed(facts.spread) if s.is_target]
        facts.member_texts = [
            f"{s.name} {format_number(s.value, spec, lang)}" for s in facts.members
        ]
        facts.note = _(
            "This result box has no figures per health region; the figures of the region's "
            "referral areas are shown."
        )
        return
    mine = next((s for s in spread if s.is_target), None)
    if mine is None:
        facts.note = _("This result box has no figure for {area}.").format(
            area=target.name(lang, registry)
        )
        return
    facts.value = mine.value
    facts.value_text = format_number(mine.value, spec, lang)
    facts.rank = 1 + sum(1 for s in spread if s.value > mine.value)
    facts.rank_count = len(spread)
    facts.rank_text = _("{rank} of {count}").format(rank=facts.rank, count=facts.rank_count)
    if facts.national_value:
        facts.ratio = mine.value / facts.national_value
        facts.ratio_text = format_number(facts.ratio, ".2f", lang)
