"""A result box's main value in numbers: highest and lowest area, their ratio, the national value.

The atlases state variation as the plain ratio of the highest to the lowest area rate ("62 %
flere" is a ratio of 1.62, "tre ganger så mange" about 3). :func:`summarise` gives that ratio and,
as a measure that uses every area rather than the two extremes, the coefficient of variation:
the sample standard deviation (n - 1) of the area values over their plain mean, **not weighted
by population** (each area counts once, as on the map), and computed over the areas only (the
national row is the reference, not an area).
"""

from __future__ import annotations

import math
from typing import Any

from atlasviewer.core.formatting import format_number, to_number
from atlasviewer.core.model import BarChartSpec, MapSpec, ResultData, RowSet, ViewSpec
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.i18n import current_language


def _main_view(data: ResultData) -> ViewSpec | None:
    """The view whose value a box is about: its map, else its first bar chart."""
    for kind in (MapSpec, BarChartSpec):
        for view in data.views:
            if isinstance(view, kind):
                return view
    return None


def _column_and_rowset(
    data: ResultData, view_or_column: ViewSpec | str | None
) -> tuple[RowSet, str, str] | None:
    """The row set, column and d3 format the summary is about."""
    if view_or_column is None:
        view_or_column = _main_view(data)
    if isinstance(view_or_column, MapSpec):
        rowset = data.rowsets.get(view_or_column.rowset)
        return (rowset, view_or_column.x, view_or_column.format) if rowset else None
    if isinstance(view_or_column, BarChartSpec):
        rowset = data.rowsets.get(view_or_column.rowset)
        if rowset is None or not view_or_column.x:
            return None
        return rowset, view_or_column.x[0], view_or_column.format
    if isinstance(view_or_column, str):
        # A column name: the row set of the main view if it has the column, else the first one.
        main = _main_view(data)
        candidates = [data.rowsets[main.rowset]] if main and main.rowset in data.rowsets else []
        candidates += list(data.rowsets.values())
        for rowset in candidates:
            if view_or_column in rowset.frame.columns:
                spec = getattr(main, "format", ",.0f") if main else ",.0f"
                return rowset, view_or_column, spec
    return None


def summarise(
    data: ResultData,
    view_or_column: ViewSpec | str | None = None,
    lang: str | None = None,
    registry: AreaRegistry | None = None,
) -> dict[str, Any]:
    """Key numbers of a box's main value.

    Args:
        data: The box's data.
        view_or_column: A map or bar chart view (its mapped / first column), a column name, or
            None for the box's map (else its first bar chart).
        lang: Language of names and texts (default: the UI language).
        registry: Area names; default the shipped registry.

    Returns:
        A dict with ``column``; ``n_areas`` (areas with a value); ``highest`` and ``lowest``
        (each ``{"name", "label", "value", "text"}``, or None); ``ratio`` (highest / lowest,
        None when the lowest is not positive) and ``ratio_text`` (``"1,62"``); ``percent_more``
        (``ratio - 1``, formatted as ``"62 %"`` in ``percent_more_text``); ``national``
        (``{"label", "value", "text"}``); ``mean`` and ``cv`` (unweighted, see the module
        docstring) with ``cv_text``. Empty values (None, "") when the box has no such column.
    """
    lang = lang or current_language()
    registry = registry or default_registry()
    result: dict[str, Any] = {
        "column": "",
        "n_areas": 0,
        "highest": None,
        "lowest": None,
        "ratio": None,
        "ratio_text": "",
        "percent_more": None,
        "percent_more_text": "",
        "national": {"label": registry.national_name(lang), "value": None, "text": ""},
        "mean": None,
        "cv": None,
        "cv_text": "",
    }
    found = _column_and_rowset(data, view_or_column)
    if found is None:
        return result
    rowset, column, spec = found
    result["column"] = column
    area_column = rowset.area_column
    if area_column is None or column not in rowset.frame.columns:
        return result
    areas: list[tuple[str, float]] = []
    for name, raw in zip(rowset.frame[area_column], rowset.frame[column], strict=True):
        value = to_number(raw)
        name = "" if name is None else str(name)
        if name == rowset.national or registry.is_national(name):
            result["national"]["value"] = value
            result["national"]["text"] = format_number(value, spec, lang)
        elif value is not None and name:
            areas.append((name, value))
    result["n_areas"] = len(areas)
    if not areas:
        return result

    def describe(name: str, value: float) -> dict[str, Any]:
        label = registry.display_name(name, lang)
        return {
            "name": name,
            "label": label,
            "value": value,
            "text": format_number(value, spec, lang),
        }

    high = max(areas, key=lambda item: item[1])
    low = min(areas, key=lambda item: item[1])
    result["highest"] = describe(*high)
    result["lowest"] = describe(*low)
    if low[1] > 0:
        ratio = high[1] / low[1]
        result["ratio"] = ratio
        result["ratio_text"] = format_number(ratio, ",.2f", lang)
        result["percent_more"] = ratio - 1
        result["percent_more_text"] = format_number(ratio - 1, ",.0%", lang)
    values = [value for _, value in areas]
    mean = sum(values) / len(values)
    result["mean"] = mean
    if len(values) > 1 and mean != 0:
        variance = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
        result["cv"] = math.sqrt(variance) / abs(mean)
        result["cv_text"] = format_number(result["cv"], ",.0%", lang)
    return result
