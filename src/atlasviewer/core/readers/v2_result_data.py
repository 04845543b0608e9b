"""Reading one second-generation result-box data file into :class:`ResultData`.

A data file is ``{"innhold": [...]}``: views (``barchart``, ``linechart``, ``table``, ``map``)
and named row sets (``data``). Every defect (unreadable file, wrong types, a view naming a row
set or column that is not there) becomes an error record with the file and the JSON place
(``innhold[3].x``); the parts of the box that are sound still load.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from atlasviewer.core.model import (
    BarChartSpec,
    JenksClass,
    LineChartSpec,
    MapSpec,
    ResultData,
    RowSet,
    TableColumn,
    TableSpec,
    ViewSpec,
)
from atlasviewer.core.problems import ProblemLog
from atlasviewer.core.readers.row_checks import check_national, check_numbers
from atlasviewer.core.records import Records
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.core.safe_io import MISSING, NOT_JSON, NOT_UTF8, UNREADABLE, load_json
from atlasviewer.i18n import N_

AREA_COLUMNS = ("area", "borhf")
"""Columns that name areas when no bar chart says which column does (``borhf``: health region)."""

KNOWN_KEYS: dict[str, frozenset[str]] = {
    "data": frozenset({"type", "label", "national", "description", "data"}),
    "barchart": frozenset(
        {
            "type",
            "data",
            "x",
            "y",
            "xLabel",
            "yLabel",
            "xLegend",
            "annualVar",
            "annualVarLabels",
            "errorBars",
            "format",
        }
    ),
    "linechart": frozenset(
        {
            "type",
            "data",
            "x",
            "y",
            "xLabel",
            "yLabel",
            "format_x",
            "format_y",
            "linevars",
            "linevarsLabels",
            "linecolors",
        }
    ),
    "table": frozenset({"type", "data", "caption", "columns"}),
    "map": frozenset({"type", "data", "x", "caption", "jenks", "format"}),
}


DATA_FILE_MESSAGES = {
    MISSING: N_("The data file does not exist."),
    NOT_UTF8: N_("The data file is not UTF-8 text."),
    NOT_JSON: N_("The data file is not valid JSON (truncated or damaged): {reason}."),
    UNREADABLE: N_("The data file cannot be read: {reason}."),
}

JENKS_KEYS = ("cluster", "min", "max", "lag_min", "grense")


class _WrongType(Exception):
    """A field of a view has the wrong JSON type (recorded, then the view is skipped)."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def read_result_data(path: Path, registry: AreaRegistry | None = None) -> ResultData:
    """Read a data file; never raises on bad input (see the module docstring)."""
    return read_result_file(path, registry)[0]


def read_result_file(
    path: Path, registry: AreaRegistry | None = None
) -> tuple[ResultData, dict[str, str]]:
    """Read a data file: its :class:`ResultData` and the JSON place of each row set by name."""
    registry = registry or default_registry()
    log = ProblemLog(str(path))
    data = ResultData({}, [], problems=log.problems)
    places: dict[str, str] = {}
    failed = object()
    raw = load_json(path, "data", log, DATA_FILE_MESSAGES, default=failed)
    if raw is failed:
        return data, places
    items = raw.get("innhold") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        log.error("innhold", N_("The data file has no list of contents (“innhold”)."))
        return data, places

    views: list[tuple[str, ViewSpec]] = []
    rowset_items: list[tuple[str, dict[str, Any]]] = []
    for index, item in enumerate(items):
        place = f"innhold[{index}]"
        if not isinstance(item, dict):
            log.error(place, N_("The item is not an object."))
            continue
        kind = item.get("type")
        if not isinstance(kind, str) or kind not in KNOWN_KEYS:
            log.warning(f"{place}.type", N_("Unknown item type “{type}” was skipped."), type=kind)
            continue
        unknown = sorted(set(item) - KNOWN_KEYS[kind])
        if unknown:
            log.warning(place, N_("Unknown keys were ignored: {keys}."), keys=", ".join(unknown))
        if kind == "data":
            rowset_items.append((place, item))
            continue
        if kind == "map" and _bounds_as_text(item):
            log.warning(
                f"{place}.jenks",
                N_("Class bounds are written as text; they were read as numbers."),
            )
        try:
            views.append((place, _VIEW_PARSERS[kind](item, place)))
        except _WrongType as exc:
            field_place, expected = exc.args
            log.error(
                field_place,
                N_("Wrong type: expected {expected}; the view was skipped."),
                expected=expected,
            )

    area_columns = {
        view.rowset: view.y for _, view in views if isinstance(view, BarChartSpec) and view.y
    }
    numeric = _numeric_columns(v for _, v in views)
    for place, item in rowset_items:
        rowset = _read_rowset(item, place, area_columns, numeric, registry, log)
        if rowset is not None:
            if rowset.name in data.rowsets:
                log.error(place, N_("A second row set is named “{name}”."), name=rowset.name)
            data.rowsets[rowset.name] = rowset
            places[rowset.name] = place
    for place, view in views:
        if _check_view(view, place, data.rowsets, log):
            data.views.append(view)
    return data, places


# --------------------------------------------------------------------------- views


def _field(
    item: Mapping[str, Any],
    key: str,
    place: str,
    kind: type | tuple[type, ...],
    expected: str,
    default: Any = None,
) -> Any:
    value = item.get(key)
    if value is None:
        return default
    if not isinstance(value, kind):
        raise _WrongType(f"{place}.{key}", expected)
    return value


def _names(item: Mapping[str, Any], key: str, place: str) -> list[str]:
    """A list of column names; a single name is accepted as a list of one."""
    value = item.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _WrongType(f"{place}.{key}", "a list of column names")
    return list(value)


def _labels(item: Mapping[str, Any], key: str, place: str) -> Any:
    return _field(item, key, place, (dict, str), "a label per language")


def _rowset_name(item: Mapping[str, Any], place: str) -> str:
    name = item.get("data")
    if not isinstance(name, str) or not name:
        raise _WrongType(f"{place}.data", "the name of a row set")
    return name


def _bar(item: Mapping[str, Any], place: str) -> ViewSpec:
    return BarChartSpec(
        _rowset_name(item, place),
        x=_names(item, "x", place),
        y=_field(item, "y", place, str, "a column name", "area"),
        x_label=_labels(item, "xLabel", place),
        y_label=_labels(item, "yLabel", place),
        x_legend=_field(item, "xLegend", place, dict, "labels per language"),
        annual_var=_names(item, "annualVar", place),
        annual_labels=_field(item, "annualVarLabels", place, dict, "labels per language"),
        error_bars=_names(item, "errorBars", place),
        format=_field(item, "format", place, str, "a d3 format", ",.0f"),
    )


def _line(item: Mapping[str, Any], place: str) -> ViewSpec:
    x = _names(item, "x", place)
    return LineChartSpec(
        _rowset_name(item, place),
        x=x[0] if x else "",
        y=_field(item, "y", place, str, "a name"),
        x_label=_labels(item, "xLabel", place),
        y_label=_labels(item, "yLabel", place),
        format_x=_field(item, "format_x", place, str, "a d3 format", ""),
        format_y=_field(item, "format_y", place, str, "a d3 format", ",.0f"),
        line_vars=_names(item, "linevars", place),
        line_labels=_field(item, "linevarsLabels", place, dict, "labels per language"),
        line_colors=_names(item, "linecolors", place),
    )


def _table(item: Mapping[str, Any], place: str) -> ViewSpec:
    columns: list[TableColumn] = []
    for index, column in enumerate(_field(item, "columns", place, list, "a list", [])):
        column_place = f"{place}.columns[{index}]"
        if not isinstance(column, dict) or not isinstance(column.get("id"), str):
            raise _WrongType(column_place, "a column with an id")
        norwegian = column.get("label_no") or column["id"]
        english = column.get("label_en") or norwegian
        columns.append(
            TableColumn(
                column["id"],
                {"nb": str(norwegian), "nn": str(norwegian), "en": str(english)},
                type=str(column.get("typeVar") or "number"),
                format=str(column.get("format") or ""),
            )
        )
    return TableSpec(
        _rowset_name(item, place), caption=_labels(item, "caption", place), columns=columns
    )


def _bounds_as_text(item: Mapping[str, Any]) -> bool:
    jenks = item.get("jenks")
    return isinstance(jenks, list) and any(
        isinstance(entry, dict) and any(isinstance(entry.get(k), str) for k in JENKS_KEYS)
        for entry in jenks
    )


def _bound(value: Any, place: str) -> float | None:
    """A class bound; some files write them as text (``"  0.4133"``), which is accepted."""
    if value is None or _is_number(value):
        return value
    try:
        return float(str(value).strip())
    except ValueError:
        raise _WrongType(place, "a number") from None


def _cluster(value: float | None, default: int) -> int:
    """A class number; a missing, NaN or infinite one is the class's position."""
    return int(value) if value is not None and math.isfinite(value) and value else default


def _map(item: Mapping[str, Any], place: str) -> ViewSpec:
    jenks: list[JenksClass] = []
    for index, entry in enumerate(_field(item, "jenks", place, list, "a list", [])):
        entry_place = f"{place}.jenks[{index}]"
        if not isinstance(entry, dict):
            raise _WrongType(entry_place, "a class with numeric bounds")
        bounds = {k: _bound(entry.get(k), f"{entry_place}.{k}") for k in JENKS_KEYS}
        minimum, maximum = bounds["min"], bounds["max"]
        jenks.append(
            JenksClass(
                cluster=_cluster(bounds["cluster"], index + 1),
                minimum=math.nan if minimum is None else minimum,
                maximum=math.nan if maximum is None else maximum,
                next_minimum=bounds["lag_min"],
                boundary=bounds["grense"],
            )
        )
    x = _names(item, "x", place)
    return MapSpec(
        _rowset_name(item, place),
        x=x[0] if x else "",
        caption=_labels(item, "caption", place),
        jenks=jenks,
        format=_field(item, "format", place, str, "a d3 format", ",.0f"),
    )


_VIEW_PARSERS: dict[str, Callable[[Mapping[str, Any], str], ViewSpec]] = {
    "barchart": _bar,
    "linechart": _line,
    "table": _table,
    "map": _map,
}


def _numeric_columns(views: Any) -> dict[str, set[str]]:
    """Row set -> the columns its views read as numbers."""
    numeric: dict[str, set[str]] = {}
    for view in views:
        wanted = numeric.setdefault(view.rowset, set())
        if isinstance(view, BarChartSpec):
            wanted.update(view.x, view.annual_var, view.error_bars)
        elif isinstance(view, LineChartSpec):
            wanted.update(view.line_vars)
        elif isinstance(view, MapSpec):
            wanted.add(view.x)
        elif isinstance(view, TableSpec):
            wanted.update(c.id for c in view.columns if c.type == "number")
    return numeric


def _check_view(view: ViewSpec, place: str, rowsets: dict[str, RowSet], log: ProblemLog) -> bool:
    """Record row sets and columns a view names that are not there; False drops the view."""
    rowset = rowsets.get(view.rowset)
    if rowset is None:
        log.error(
            f"{place}.data",
            N_("The view uses the row set “{name}”, which is not in the file."),
            name=view.rowset,
        )
        return False
    columns = set(rowset.frame.columns)

    def missing(key: str, names: list[str]) -> list[str]:
        absent = [n for n in names if n not in columns]
        for name in absent:
            log.error(
                f"{place}.{key}",
                N_("The column “{column}” is not in the row set “{rowset}”."),
                column=name,
                rowset=view.rowset,
            )
        return absent

    if isinstance(view, BarChartSpec):
        if missing("x", view.x) or missing("y", [view.y]) or not view.x:
            return False
        view.annual_var = [] if missing("annualVar", view.annual_var) else view.annual_var
        view.error_bars = [] if missing("errorBars", view.error_bars) else view.error_bars
    elif isinstance(view, LineChartSpec):
        if missing("x", [view.x]) or missing("linevars", view.line_vars) or not view.line_vars:
            return False
    elif isinstance(view, MapSpec):
        if missing("x", [view.x]):
            return False
        _complete_jenks(view, rowset)
    elif isinstance(view, TableSpec):
        absent = set(missing("columns", [c.id for c in view.columns]))
        view.columns = [c for c in view.columns if c.id not in absent]
    return True


def _complete_jenks(view: MapSpec, rowset: RowSet) -> None:
    """Fill class bounds that a file gives only as breaks (``{"grense": 112.8}``) from the data."""
    if not any(math.isnan(c.minimum) for c in view.jenks):
        return
    frame = rowset.frame
    if rowset.area_column and rowset.national:
        area_column, national = rowset.area_column, rowset.national
        frame = frame.where(lambda row: row.get(area_column) != national)
    values = sorted(float(v) for v in frame[view.x] if _is_number(v) and v == v)
    lower = -math.inf
    for jenks_class in view.jenks:
        upper = jenks_class.boundary if jenks_class.boundary is not None else math.inf
        inside = [v for v in values if lower < v <= upper]
        above = [v for v in values if v > upper]
        if math.isnan(jenks_class.minimum) and inside:
            jenks_class.minimum = inside[0]
        if math.isnan(jenks_class.maximum) and inside:
            jenks_class.maximum = inside[-1]
        if jenks_class.next_minimum is None and above:
            jenks_class.next_minimum = above[0]
        lower = upper


# --------------------------------------------------------------------------- row sets


def _read_rowset(
    item: Mapping[str, Any],
    place: str,
    area_columns: Mapping[str, str],
    numeric: Mapping[str, set[str]],
    registry: AreaRegistry,
    log: ProblemLog,
) -> RowSet | None:
    name = item.get("label")
    if not isinstance(name, str) or not name:
        log.error(f"{place}.label", N_("The row set has no name (“label”)."))
        return None
    rows = item.get("data")
    if not isinstance(rows, list):
        log.error(f"{place}.data", N_("The rows of “{name}” are not a list."), name=name)
        return None
    records: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        if isinstance(row, dict):
            records.append(row)
        else:
            log.error(f"{place}.data[{index}]", N_("The row is not an object; it was skipped."))
    wanted = numeric.get(name, set())
    check_numbers(records, wanted, place, log)
    frame = Records(records)
    area_column = area_columns.get(name)
    if area_column is None:
        area_column = next((c for c in AREA_COLUMNS if c in frame.columns), None)
    elif area_column not in frame.columns:
        area_column = None
    national = item.get("national")
    if national is not None and not isinstance(national, str):
        log.error(f"{place}.national", N_("The national row's name is not text."))
        national = None
    if national is None and area_column is not None:
        national = next((str(v) for v in frame[area_column] if registry.is_national(str(v))), None)
    check_national(name, national, area_column, frame, wanted, place, log)
    return RowSet(
        name,
        frame,
        area_column=area_column,
        national=national,
        description=str(item.get("description") or ""),
    )
