"""Drawing plans: what to draw, decided once, Qt-free (../shared/CONVENTIONS.md, point 5).

A plan turns a result box's view into classes, colours, legend entries, sort order and formatted
labels for one language. The native Qt map paints a :class:`MapPlan`; the matplotlib chart
functions draw :class:`BarPlan` and :class:`LinePlan`; the table model shows a
:class:`TablePlan`. Exports, printing, fact sheets and tests use the same plans.

The dataclasses here are the contract between the core and the views; the functions that build
them from a :class:`~atlasviewer.core.model.ResultBox` are in this module too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from atlasviewer.core.classify import classify
from atlasviewer.core.formatting import (
    distinguishing_spec,
    format_number,
    format_range,
    to_number,
)
from atlasviewer.core.model import (
    AtlasVariant,
    BarChartView,
    Geography,
    LineChartView,
    MapView,
    ResultBox,
    ResultData,
    RowSet,
    TableView,
    pick_language,
    pick_text,
)
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.i18n import _, current_language

NO_DATA_COLOUR = "#d9d9d9"
"""Fill of an area without a value (light grey; with a hatch in the map)."""

NATIONAL_COLOUR = "#1b7837"
"""The national bar, in a colour of its own."""

SELECTION_COLOUR = "#e6550d"
"""Outline and highlight of selected areas: orange, apart from the purple and viridis ramps."""

BAR_COLOURS = ("#ab6ca6", "#c498c1", "#ddc4db")
"""Bars of the areas, stacked parts in order: the atlases' purple at opacity 1, 0.7 and 0.4."""

LINE_COLOURS = ("#253776", "#74a5cd", "#ab6ca6", "#e6550d", "#1b7837", "#666666")
"""Lines when the data names no colours (the first two are the atlases' own line colours)."""


@dataclass
class Credits:
    """What every figure carries: producer, period and unit."""

    producer: str = ""
    period: str = ""
    unit: str = ""
    source_note: str = ""


@dataclass
class LegendEntry:
    """One class of a choropleth: its colour and its range, formatted for the language."""

    colour: str
    label: str
    lower: float | None
    upper: float | None
    count: int = 0


@dataclass
class MapAreaStyle:
    """How one area of the map set is drawn for one result box."""

    key: str
    name: str
    value: float | None
    value_text: str
    colour: str
    class_index: int | None
    selected: bool = False


@dataclass
class MapPlan:
    """A choropleth of one map view.

    Attributes:
        geography_id: The map set the plan is for.
        areas: Style per area key of the map set (every area of the map, data or not).
        legend: One entry per class, lowest first, then a no-data entry when any area lacks data.
        national_value / national_text: The national reference, formatted.
        title: The caption in the language; ``credits`` what the figure must show beside it.
        unmatched: Data rows whose area is not in the map set (each is also a Problem).
    """

    geography_id: str
    title: str
    areas: dict[str, MapAreaStyle]
    legend: list[LegendEntry]
    national_value: float | None = None
    national_text: str = ""
    national_label: str = ""
    credits: Credits = field(default_factory=Credits)
    palette: str = "purple"
    unmatched: list[str] = field(default_factory=list)
    classes_source: str = "published"
    classes_note: str = ""


@dataclass
class BarRow:
    """One bar (or stack of bars) of a bar chart."""

    key: str
    label: str
    values: list[float | None]
    value_texts: list[str]
    annual: list[float | None] = field(default_factory=list)
    error_low: float | None = None
    error_high: float | None = None
    is_national: bool = False
    selected: bool = False


@dataclass
class BarPlan:
    """A horizontal bar chart, rows sorted by the main value, largest at the top."""

    title: str
    value_label: str
    rows: list[BarRow]
    series_labels: list[str]
    series_colours: list[str]
    annual_labels: list[str] = field(default_factory=list)
    format: str = ",.0f"
    stacked: bool = False
    has_error_bars: bool = False
    credits: Credits = field(default_factory=Credits)


@dataclass
class LineSeries:
    label: str
    colour: str
    x: list[float | str]
    y: list[float | None]


@dataclass
class LinePlan:
    title: str
    x_label: str
    y_label: str
    series: list[LineSeries]
    format_x: str = ""
    format_y: str = ",.0f"
    x_tick_labels: list[str] = field(default_factory=list)
    credits: Credits = field(default_factory=Credits)


@dataclass
class TableColumnPlan:
    id: str
    label: str
    numeric: bool
    format: str


@dataclass
class TablePlan:
    """A table: columns, raw values (for sorting and export) and formatted cells (for showing)."""

    caption: str
    columns: list[TableColumnPlan]
    row_keys: list[str]
    values: list[list[object]]
    texts: list[list[str]]
    national_row: int | None = None
    credits: Credits = field(default_factory=Credits)


# --------------------------------------------------------------------------- building plans


def _lang(lang: str | None) -> str:
    return lang or current_language()


def _pick_list(labels: Mapping[str, Sequence[str]] | None, lang: str) -> list[str]:
    """A per-language list of labels (``xLegend``, ``annualVarLabels``) in ``lang``."""
    if not labels:
        return []
    chosen = pick_language([k for k, v in labels.items() if v], lang)
    return [str(v) for v in labels[chosen]] if chosen else []


def plain_text(text: str) -> str:
    """Label text without the HTML some captions carry (``<br>`` becomes a line break)."""
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()).strip()


def _records(rowset: RowSet) -> list[dict[str, Any]]:
    # Column labels are the data file's keys, always strings; the stubs say Hashable.
    return cast(list[dict[str, Any]], rowset.frame.to_dict("records"))


def _area_name(row: Mapping[str, Any], column: str | None) -> str:
    value = row.get(column) if column else None
    return "" if value is None else str(value)


def _is_national(name: str, rowset: RowSet, registry: AreaRegistry) -> bool:
    return bool(name) and (name == rowset.national or registry.is_national(name))


def _display_name(name: str, rowset: RowSet, registry: AreaRegistry, lang: str) -> str:
    if _is_national(name, rowset, registry):
        return registry.national_name(lang)
    return registry.display_name(name, lang)


def rows_to_areas(
    names: Sequence[str], geography: Geography, registry: AreaRegistry | None = None
) -> dict[str, str]:
    """Row name -> area key of ``geography``, by exact name or through the registry.

    Stands in for :func:`atlasviewer.core.matching.match_rows` (which also records problems);
    pass its ``mapping`` to the builders where it is at hand.
    """
    registry = registry or default_registry()
    by_key = {area.key: area.key for area in geography.areas}
    by_id: dict[str, str] = {}
    for area in geography.areas:
        found = registry.match(area.key)
        canonical = area.canonical or (found.id if found and found.kind == "area" else None)
        if canonical:
            by_id.setdefault(canonical, area.key)
    mapping: dict[str, str] = {}
    for name in names:
        if name in by_key:
            mapping[name] = name
            continue
        found = registry.match(name)
        if found is not None and found.kind == "area" and found.id in by_id:
            mapping[name] = by_id[found.id]
    return mapping


def build_map_plan(
    data: ResultData,
    view: MapView,
    geography: Geography,
    row_to_area: Mapping[str, str] | None = None,
    lang: str | None = None,
    selected: Collection[str] = (),
    palette: str = "purple",
    credits: Credits | None = None,
    registry: AreaRegistry | None = None,
) -> MapPlan:
    """A choropleth plan for every area of ``geography``.

    Args:
        data: The box's data; ``view.rowset`` must be one of its row sets.
        view: The map view (column ``view.x``, published ``jenks``, ``format``).
        geography: The map set drawn; every one of its areas gets a style.
        row_to_area: Row name -> area key (``match_rows(...).mapping``); None matches names
            through the registry (:func:`rows_to_areas`).
        lang: ``nb``, ``nn`` or ``en`` (default: the UI language).
        selected: Area keys (or row names) the user has selected.
        palette: ``"purple"`` or ``"ylgnbu"``.
        credits: Producer, period and unit to carry (see :func:`credits_for`).
        registry: Area names; default the shipped registry.
    """
    lang = _lang(lang)
    registry = registry or default_registry()
    rowset = data.rowsets[view.rowset]
    column = rowset.area_column
    values: dict[str, float | None] = {}
    national_value: float | None = None
    for row in _records(rowset):
        name = _area_name(row, column)
        if _is_national(name, rowset, registry):
            national_value = to_number(row.get(view.x))
        elif name:
            values[name] = to_number(row.get(view.x))
    mapping = (
        dict(row_to_area)
        if row_to_area is not None
        else rows_to_areas(list(values), geography, registry)
    )
    classes = classify(values.values(), view.jenks, palette)
    area_values: dict[str, float | None] = {}
    for name, value in values.items():
        key = mapping.get(name)
        if key is not None:
            area_values[key] = value
    chosen = set(selected)
    chosen |= {mapping[name] for name in selected if name in mapping}
    areas: dict[str, MapAreaStyle] = {}
    missing = False
    for area in geography.areas:
        value = area_values.get(area.key)
        index = classes.class_of(value)
        missing |= index is None
        areas[area.key] = MapAreaStyle(
            key=area.key,
            name=registry.display_name(area.key, lang),
            value=value,
            value_text=format_number(value, view.format, lang),
            colour=NO_DATA_COLOUR if index is None else classes.colours[index],
            class_index=index,
            selected=area.key in chosen,
        )
    # Enough decimals that the classes' ends look as different as they are.
    legend_spec = distinguishing_spec(
        view.format, [end for pair in classes.ranges for end in pair], lang
    )
    legend = [
        LegendEntry(colour, format_range(lo, hi, legend_spec, lang), lo, hi, count)
        for colour, (lo, hi), count in zip(
            classes.colours, classes.ranges, classes.counts, strict=True
        )
    ]
    if missing:
        no_data = sum(1 for style in areas.values() if style.class_index is None)
        legend.append(LegendEntry(NO_DATA_COLOUR, _("No data"), None, None, no_data))
    return MapPlan(
        geography_id=geography.id,
        title=plain_text(pick_text(view.caption, lang)),
        areas=areas,
        legend=legend,
        national_value=national_value,
        national_text=format_number(national_value, view.format, lang),
        national_label=registry.national_name(lang),
        credits=credits or Credits(),
        palette=palette,
        unmatched=[name for name in values if name not in mapping],
        classes_source=classes.source,
        classes_note=classes.note,
    )


def build_bar_plan(
    data: ResultData,
    view: BarChartView,
    lang: str | None = None,
    selected: Collection[str] = (),
    row_to_area: Mapping[str, str] | None = None,
    credits: Credits | None = None,
    registry: AreaRegistry | None = None,
) -> BarPlan:
    """A horizontal bar chart plan: one row per area and the national row, largest at the top.

    Rows are sorted by the sum of the ``x`` columns (the first column when there is one), as the
    atlas web site sorts stacked bars by their total; rows without any value go last.
    ``selected`` holds row names or area keys (mapped through ``row_to_area``).
    """
    lang = _lang(lang)
    registry = registry or default_registry()
    rowset = data.rowsets[view.rowset]
    column = view.y if view.y in rowset.frame.columns else rowset.area_column
    mapping = row_to_area or {}
    chosen = set(selected)
    rows: list[BarRow] = []
    for row in _records(rowset):
        name = _area_name(row, column)
        values = [to_number(row.get(x)) for x in view.x]
        low = to_number(row.get(view.error_bars[0])) if len(view.error_bars) >= 2 else None
        high = to_number(row.get(view.error_bars[1])) if len(view.error_bars) >= 2 else None
        rows.append(
            BarRow(
                key=name,
                label=_display_name(name, rowset, registry, lang),
                values=values,
                value_texts=[format_number(v, view.format, lang) for v in values],
                annual=[to_number(row.get(a)) for a in view.annual_var],
                error_low=low,
                error_high=high,
                is_national=_is_national(name, rowset, registry),
                selected=name in chosen or mapping.get(name) in chosen,
            )
        )

    def total(bar: BarRow) -> tuple[bool, float]:
        present = [v for v in bar.values if v is not None]
        return (not present, -sum(present))

    rows.sort(key=total)
    series = _pick_list(view.x_legend, lang)
    value_label = plain_text(pick_text(view.x_label, lang))
    if len(series) < len(view.x):
        series = series + ([value_label] if len(view.x) == 1 else list(view.x[len(series) :]))
    colours = [BAR_COLOURS[i % len(BAR_COLOURS)] for i in range(len(view.x))]
    return BarPlan(
        title=value_label,
        value_label=value_label,
        rows=rows,
        series_labels=series[: len(view.x)],
        series_colours=colours,
        annual_labels=_pick_list(view.annual_labels, lang),
        format=view.format,
        stacked=len(view.x) > 1,
        has_error_bars=len(view.error_bars) >= 2,
        credits=credits or Credits(),
    )


def build_line_plan(
    data: ResultData, view: LineChartView, lang: str | None = None, credits: Credits | None = None
) -> LinePlan:
    """A line chart plan: one series per ``line_vars`` column over the ``x`` column."""
    lang = _lang(lang)
    rowset = data.rowsets[view.rowset]
    records = _records(rowset)
    xs: list[float | str] = []
    for row in records:
        number = to_number(row.get(view.x))
        xs.append(number if number is not None else str(row.get(view.x, "")))
    labels = _pick_list(view.line_labels, lang)
    series = []
    for index, variable in enumerate(view.line_vars):
        colours = view.line_colors or LINE_COLOURS
        series.append(
            LineSeries(
                label=labels[index] if index < len(labels) else variable,
                colour=str(colours[index % len(colours)]),
                x=list(xs),
                y=[to_number(row.get(variable)) for row in records],
            )
        )
    y_label = plain_text(pick_text(view.y_label, lang))
    return LinePlan(
        title=y_label,
        x_label=plain_text(pick_text(view.x_label, lang)),
        y_label=y_label,
        series=series,
        format_x=view.format_x,
        format_y=view.format_y,
        x_tick_labels=[format_number(x, view.format_x or "", lang) for x in xs],
        credits=credits or Credits(),
    )


def build_table_plan(
    data: ResultData,
    view: TableView,
    lang: str | None = None,
    credits: Credits | None = None,
    registry: AreaRegistry | None = None,
) -> TablePlan:
    """A table plan: raw values for sorting and export, texts formatted per column spec.

    The area column shows the registry's name of each area in ``lang`` (its raw value stays the
    name in the data); the national row is found and flagged by index.
    """
    lang = _lang(lang)
    registry = registry or default_registry()
    rowset = data.rowsets[view.rowset]
    records = _records(rowset)
    columns = [
        TableColumnPlan(c.id, plain_text(pick_text(c.label, lang)), c.type == "number", c.format)
        for c in view.columns
    ]
    values: list[list[object]] = []
    texts: list[list[str]] = []
    keys: list[str] = []
    national_row: int | None = None
    for index, row in enumerate(records):
        name = _area_name(row, rowset.area_column)
        keys.append(name or str(index))
        if national_row is None and _is_national(name, rowset, registry):
            national_row = index
        raw_row: list[object] = []
        text_row: list[str] = []
        for column in columns:
            raw = row.get(column.id)
            if column.numeric:
                number = to_number(raw)
                raw_row.append(number)
                text_row.append(format_number(number, column.format, lang))
            elif column.id == rowset.area_column and raw is not None:
                raw_row.append(raw)
                text_row.append(_display_name(str(raw), rowset, registry, lang))
            else:
                raw_row.append(None if raw is None or raw != raw else raw)
                text_row.append("" if raw_row[-1] is None else str(raw))
        values.append(raw_row)
        texts.append(text_row)
    return TablePlan(
        caption=plain_text(pick_text(view.caption, lang)),
        columns=columns,
        row_keys=keys,
        values=values,
        texts=texts,
        national_row=national_row,
        credits=credits or Credits(),
    )


_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-\u2013\u2014]|til|to)\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_UNIT = re.compile(
    r"\b(?:per|pr\.?)\s+(\d{1,3}(?:[\s\u00a0,.]\d{3})*|\d+)\s+([^\s.,;:()<*]+)", re.IGNORECASE
)


def _box_labels(data: ResultData, lang: str) -> tuple[list[str], list[str]]:
    """Captions and axis labels of a box's views, and its annual labels, in ``lang``."""
    labels: list[str] = []
    annual: list[str] = []
    for view in data.views:
        for attribute in ("caption", "x_label", "y_label"):
            text = pick_text(getattr(view, attribute, None), lang)
            if text:
                labels.append(plain_text(text))
        if isinstance(view, BarChartView):
            annual.extend(_pick_list(view.annual_labels, lang))
    return labels, annual


def credits_for(
    atlas_variant: AtlasVariant,
    box: ResultBox,
    lang: str | None = None,
    data: ResultData | None = None,
) -> Credits:
    """Producer, period and unit of a result box, for the figure's credit line.

    The period is the one the data states (first-generation ``period``), else a year range in
    the captions and labels (``2018–2022``), else from
    the first and last annual label, else from a year range in the box's texts. The unit is the
    first "per N ..." in the labels (``per 10 000 innbyggere``, ``per 10,000 population``).
    Loads the box's data when ``data`` is not given.
    """
    lang = _lang(lang)
    data = data if data is not None else box.load()
    labels, annual = _box_labels(data, lang)
    stated = _PERIOD.search(data.period) if data.period else None
    period = f"{stated[1]}\u2013{stated[2]}" if stated else data.period
    for text in [] if period else labels:
        found = _PERIOD.search(text)
        if found:
            period = f"{found[1]}\u2013{found[2]}"
            break
    if not period:
        years = sorted({int(y) for label in annual for y in _YEAR.findall(label)})
        if years:
            period = str(years[0]) if len(years) == 1 else f"{years[0]}\u2013{years[-1]}"
    if not period:
        found = _PERIOD.search(" ".join((box.title, box.intro, box.selection, box.finding)))
        period = f"{found[1]}\u2013{found[2]}" if found else ""
    unit = ""
    for text in labels:
        found = _UNIT.search(text)
        if found:
            number = re.sub(r"[\s\u00a0]+", "\u00a0", found[1])  # keep "10 000" on one line
            unit = f"per {number} {found[2]}"
            break
    producer = atlas_variant.producer
    note = _("Source: {producer}, Helseatlas").format(producer=producer) if producer else ""
    return Credits(producer=producer, period=period, unit=unit, source_note=note)


__all__ = [
    "NO_DATA_COLOUR",
    "NATIONAL_COLOUR",
    "SELECTION_COLOUR",
    "BAR_COLOURS",
    "LINE_COLOURS",
    "Credits",
    "LegendEntry",
    "MapAreaStyle",
    "MapPlan",
    "BarRow",
    "BarPlan",
    "LineSeries",
    "LinePlan",
    "TableColumnPlan",
    "TablePlan",
    "build_map_plan",
    "build_bar_plan",
    "build_line_plan",
    "build_table_plan",
    "credits_for",
    "rows_to_areas",
    "plain_text",
]
