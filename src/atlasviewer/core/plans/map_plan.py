"""Build the choropleth plan (:class:`MapPlan`) of a result box's map view."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from atlasviewer.core.classify import classify
from atlasviewer.core.formatting import distinguishing_spec, format_number, format_range, to_number
from atlasviewer.core.model import (
    Area,
    BarChartSpec,
    Geography,
    MapSpec,
    ResultData,
    ViewSpec,
    pick_text,
)
from atlasviewer.core.plans.contract import (
    NO_DATA_COLOUR,
    Credits,
    LegendEntry,
    MapAreaStyle,
    MapPlan,
)
from atlasviewer.core.plans.credits import credits_for_view
from atlasviewer.core.plans.labels import _lang, plan_label
from atlasviewer.core.plans.rows import _area_name, _records
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.i18n import _


def build_map_plan(
    data: ResultData,
    view: MapSpec,
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
        row_to_area: Row name -> area key (``match_rows(...).mapping``); None takes the match
            kept with the box's data (:func:`~atlasviewer.core.matching.cached_match`).
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
    from atlasviewer.core.matching import REGION, cached_match

    match = cached_match(data, view.rowset, geography, registry)
    values: dict[str, float | None] = {}
    national_value: float | None = None
    for row in _records(rowset):
        name = _area_name(row, column)
        if not name:
            continue  # a profile row beside the areas
        if name == match.national:
            national_value = to_number(row.get(view.x))
        elif match.roles.get(name) != REGION:  # regions are references, not classed with areas
            values[name] = to_number(row.get(view.x))
    mapping = dict(row_to_area) if row_to_area is not None else match.mapping
    classes = classify(values.values(), view.jenks, palette)
    area_values: dict[str, float | None] = {}
    for name, value in values.items():
        key = mapping.get(name)
        if key is not None:
            area_values[key] = value
    # Enough decimals that the classes' ends look as different as they are; the national value
    # and each area's value are written with the same decimals, so "Norge: 1,28" reads against
    # "0,97–1,30" and not "Norge: 1", and an area's value shows which class it falls in.
    value_spec = distinguishing_spec(
        view.format, [end for pair in classes.ranges for end in pair], lang
    )
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
            name=_area_label(area, registry, lang),
            value=value,
            value_text=format_number(value, value_spec, lang),
            colour=NO_DATA_COLOUR if index is None else classes.colours[index],
            class_index=index,
            selected=area.key in chosen,
        )
    legend = [
        LegendEntry(colour, format_range(lo, hi, value_spec, lang), lo, hi, count)
        for colour, (lo, hi), count in zip(
            classes.colours, classes.ranges, classes.counts, strict=True
        )
    ]
    if missing:
        no_data = sum(1 for style in areas.values() if style.class_index is None)
        legend.append(LegendEntry(NO_DATA_COLOUR, _("No data"), None, None, no_data))
    return MapPlan(
        geography_id=geography.id,
        title=_slice_title(plan_label(pick_text(view.caption, lang), lang), data, view),
        areas=areas,
        legend=legend,
        national_value=national_value,
        national_text=format_number(national_value, value_spec, lang),
        national_label=registry.national_name(lang),
        credits=credits_for_view(credits, data, view, lang),
        palette=palette,
        unmatched=[name for name in values if name not in mapping],
        classes_source=classes.source,
        classes_note=classes.note,
    )


def _area_label(area: Area, registry: AreaRegistry, lang: str) -> str:
    """An area's name in ``lang`` from its registry identity (no look-up), else its own key."""
    if area.canonical in registry.areas:
        return registry.areas[area.canonical].name(lang)
    if area.members and all(m in registry.areas for m in area.members):
        return registry.merged_name(area.members, lang)
    return area.key


def _slice_title(title: str, data: ResultData, view: MapSpec) -> str:
    """A first-generation map's title with the year it shows ("Dagkirurgi, 2015")."""
    if view.slice and view.slice in data.slices and view.slice not in title:
        return f"{title}, {view.slice}" if title else view.slice
    return title


def map_view_for_chart(
    data: ResultData, map_views: list[MapSpec], chart: ViewSpec | None
) -> MapSpec | None:
    """The map of the measure a chart shows, where that measure is given per area.

    A box's data has one map (its first measure) but may chart others of the same areas
    (lab: the number of PSA tests, and the share of tests repeated too early). With such a
    bar chart chosen, the map shows the chart's measure: the box's own map view of it, else
    one made for it (the chart's row set, column, label and format; its classes computed, as
    no breaks are published for it). A chart of other units (regional health authorities)
    or a line chart leaves the box's map. Returns None when the box has no map.
    """
    if not map_views:
        return None
    default = map_views[0]
    if not isinstance(chart, BarChartSpec) or not chart.x:
        return default
    measure = chart.x[0]
    for view in map_views:
        if view.rowset == chart.rowset and view.x == measure and view.slice == chart.slice:
            return view
    per_area = any(view.rowset == chart.rowset for view in map_views)
    rowset = data.rowsets.get(chart.rowset)
    if not per_area or rowset is None or measure not in rowset.frame:
        return default
    return MapSpec(
        chart.rowset,
        slice=chart.slice,
        x=measure,
        caption=chart.x_label,
        jenks=[],
        format=chart.format or default.format,
    )
