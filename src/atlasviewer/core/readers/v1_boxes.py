"""Turning the rows of one first-generation indicator into a result box's data and views.

A box's rows are one indicator of one CSV file, for every area and (dagkir2) every year. Each year
is a *slice*: a row set of its own (area, value, numerator, denominator, 95 % interval, and every
year's value for the bars' annual markers) with a bar chart, a map and a table that show it.
Files without years give one row set and views without a slice.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from atlasviewer.core.formatting import format_number
from atlasviewer.core.intervals import value_interval
from atlasviewer.core.model import (
    BarChartSpec,
    LocalizedText,
    MapSpec,
    ResultData,
    RowSet,
    TableColumn,
    TableSpec,
    ViewSpec,
)
from atlasviewer.core.problems import ProblemLog
from atlasviewer.core.readers.v1_csv import AREA_KEY, LINE
from atlasviewer.core.readers.v1_scan import is_year
from atlasviewer.core.records import Records
from atlasviewer.core.registry import AreaRegistry
from atlasviewer.i18n import N_, gettext_for

YEAR_LABEL: LocalizedText = {"nb": "År", "nn": "År", "en": "Year"}
AREA_LABEL: LocalizedText = {"nb": "Opptaksområde", "nn": "Opptaksområde", "en": "Referral area"}
CI_LOW_LABEL: LocalizedText = {
    "nb": "Nedre grense (95 % KI)",
    "nn": "Nedre grense (95 % KI)",
    "en": "Lower limit (95% CI)",
}
CI_HIGH_LABEL: LocalizedText = {
    "nb": "Øvre grense (95 % KI)",
    "nn": "Øvre grense (95 % KI)",
    "en": "Upper limit (95% CI)",
}

PUBLISHED_INTERVALS = (("lci", "uci"), ("ll", "ul"))
"""Interval columns some files carry (dagkir, ortopedi). Their ``name_cil`` / ``name_ciu``
columns do not always name them (dagkir says ``Nedre_KI``), so the columns are looked for."""

RATE, SHARE, MEAN = "rate", "share", "mean"

_SHARE_WORDS = ("andel", "proportion", "percentage", "prosent", "%")
_MEAN_WORDS = ("snitt", "mean", "average", "liggedøgn", "liggetid")
_DAY_WORDS = ("døgn", "days")


def classify(type_text: str, numerator_name: str) -> str:
    """What a ``type`` is: a rate of events, a share of a group, or a mean (age, bed days).

    A mean gets no interval: bed days and ages are not counts of independent events, so a
    Poisson interval would be far too narrow.
    """
    kind = type_text.casefold()
    if any(word in kind for word in _SHARE_WORDS):
        return SHARE
    if any(word in kind for word in _MEAN_WORDS):
        return MEAN
    if any(word in numerator_name.casefold() for word in _DAY_WORDS):
        return MEAN
    return RATE


@dataclass
class IndicatorRows:
    """The rows of one result box, with what is needed to read them.

    Attributes:
        title: The box title (the indicator's name in the file's language).
        lang: The file's language.
        file: The CSV file, for problem records.
        frame: The rows of this indicator (a slice of the checked file).
        slice_column: The column holding the year, when the file has years.
    """

    title: str
    lang: str
    file: Path
    frame: Records
    slice_column: str | None = None


def value_format(kind: str, values: list[float]) -> str:
    """A d3 format for the values: shares in per cent or as fractions, rates by size."""
    finite = [abs(v) for v in values if not math.isnan(v)]
    largest = max(finite, default=0.0)
    if kind == SHARE:
        return ",.1f" if largest > 1 else ",.1%"
    return ",.0f" if largest >= 1000 else ",.1f"


def build_result_data(rows: IndicatorRows, registry: AreaRegistry) -> ResultData:
    """The row sets and views of one indicator; problems (duplicate rows) are in the result."""
    log = ProblemLog(str(rows.file))
    frame = rows.frame
    first = frame.rows[0]
    type_text = str(first.get("type", "") or "")
    numerator_name = str(first.get("numerator_name", "") or "")
    denominator_name = str(first.get("denominator_name", "") or "")
    kind = classify(type_text, numerator_name)
    fmt = value_format(kind, list(frame["value"]))
    lang = rows.lang

    slices: list[str] = []
    if rows.slice_column:
        slices = sorted(dict.fromkeys(frame[rows.slice_column]), key=_slice_order)
    annual = {label: _values_by_area(_slice(frame, rows.slice_column, label)) for label in slices}

    value_label = _value_label(frame, kind, fmt, lang, rows.title, type_text,
                               numerator_name, denominator_name)  # fmt: skip
    title: LocalizedText = {lang: rows.title}

    rowsets: dict[str, RowSet] = {}
    views: list[ViewSpec] = []
    labels: list[str | None] = [*slices] if slices else [None]  # None: one set, no slices
    for label in labels:
        part = frame if label is None else _slice(frame, rows.slice_column, label)
        part = _drop_duplicate_areas(part, log)
        data = Records.from_columns(
            {
                "area": list(part[AREA_KEY]),
                "area_name": list(part["area_name"]),
                "value": list(part["value"]),
                "numerator": _column(part, "numerator"),
                "denominator": _column(part, "denominator"),
            }
        )
        low, high = _intervals(part, kind)
        data["ci_low"], data["ci_high"] = low, high
        for year in slices:
            data[f"value_{year}"] = [annual[year].get(k, math.nan) for k in data["area"]]
        national = next((k for k in data["area"] if registry.is_national(k)), None)
        name = label or "data"
        rowsets[name] = RowSet(name, data, area_column="area", national=national)

        has_ci = bool(data.present("ci_low"))
        other_years = [y for y in slices if y != label]
        views.append(
            BarChartSpec(
                name,
                slice=label,
                x=["value"],
                x_label={lang: value_label},
                y_label=AREA_LABEL,
                annual_var=[f"value_{y}" for y in other_years],
                annual_labels={lang: other_years} if other_years else None,
                error_bars=["ci_low", "ci_high"] if has_ci else [],
                format=fmt,
            )
        )
        views.append(MapSpec(name, slice=label, x="value", caption=title, jenks=[], format=fmt))
        views.append(
            TableSpec(
                name,
                slice=label,
                caption=title,
                columns=_table_columns(data, lang, value_label, numerator_name,
                                       denominator_name, fmt, has_ci),
            )
        )  # fmt: skip
    return ResultData(
        rowsets,
        views,
        slices=slices,
        slice_label=YEAR_LABEL if slices else None,
        problems=log.problems,
        period=str(first.get("period", "") or "").strip(),
    )


def rate_unit(frame: Records) -> int | None:
    """The "per N" of a rate (10, 1,000, 100,000...), told from value / (numerator / denominator).

    Standardisation moves a value from its crude rate by tens of per cent, never by a factor of
    ten, so the median ratio rounded to a power of ten is the unit; None when it is not near one.
    """
    ratios = sorted(
        v * d / n
        for v, n, d in zip(frame["value"], _column(frame, "numerator"),
                           _column(frame, "denominator"), strict=True)
        if n > 0 and d > 0 and not math.isnan(v)
    )  # fmt: skip
    if not ratios or ratios[len(ratios) // 2] <= 0:
        return None
    exponent = math.log10(ratios[len(ratios) // 2])
    if abs(exponent - round(exponent)) > 0.25 or round(exponent) < 1:
        return None
    return int(10 ** round(exponent))


def _value_label(
    frame: Records,
    kind: str,
    fmt: str,
    lang: str,
    title: str,
    type_text: str,
    numerator_name: str,
    denominator_name: str,
) -> str:
    """``type`` with its unit where the file leaves it out, and what is counted in what."""
    label = type_text or title
    unit = rate_unit(frame) if kind == RATE else None
    if unit and " per " not in f" {label.casefold()} ":
        label = f"{label} per {format_number(unit, ',.0f', lang)} {denominator_name.casefold()}"
        label = f"{label.strip()} ({numerator_name})" if numerator_name else label.strip()
    elif kind == SHARE:
        # "Andel av fødsler (%)": a share of what, not the counts' names ("(Antall per Fødsler)").
        if denominator_name:
            # Before a closing bracket the file's type may carry: "Andel (%)".
            found = re.search(r"\s*\([^()]*\)$", label)
            bracket = found.group(0) if found else ""
            share = label[: len(label) - len(bracket)]
            template = gettext_for(lang, N_("{share} of {whole}"))
            label = template.format(share=share, whole=denominator_name.casefold()) + bracket
        if fmt == ",.1f" and "%" not in label:
            label = f"{label} (%)"
    elif numerator_name and denominator_name and kind != MEAN:
        label = f"{label} ({numerator_name} per {denominator_name})"
    return label[:1].upper() + label[1:]


def _slice_order(label: str) -> tuple[int, str]:
    return (int(label), "") if is_year(label) else (0, label)


def _column(part: Records, column: str) -> list[float]:
    return list(part[column]) if column in part else [math.nan] * len(part)


def _values_by_area(part: Records) -> dict[str, float]:
    return {key: value for key, value in zip(part[AREA_KEY], part["value"], strict=True)}


def _slice(frame: Records, column: str | None, label: str) -> Records:
    return frame.where(lambda row: row.get(column or "") == label)


def _drop_duplicate_areas(part: Records, log: ProblemLog) -> Records:
    seen: set[str] = set()
    kept: list[dict[str, object]] = []
    for row in part:
        if row[AREA_KEY] in seen:
            log.warning(
                f"line {row[LINE]}",
                N_(
                    "The area “{name}” has a second row for the same figure; the first one is used."
                ),
                name=row["area_name"],
            )
            continue
        seen.add(row[AREA_KEY])
        kept.append(row)
    return Records(kept, part.columns)


def _intervals(part: Records, kind: str) -> tuple[list[float], list[float]]:
    """The producer's interval where the file has one, else one computed from the counts."""
    published = next(
        ((lo, hi) for lo, hi in PUBLISHED_INTERVALS if lo in part and hi in part), None
    )
    lows: list[float] = []
    highs: list[float] = []
    for row in part:
        interval: tuple[float, float] | None = None
        if published and not math.isnan(row[published[0]]) and not math.isnan(row[published[1]]):
            interval = (row[published[0]], row[published[1]])
        elif kind != MEAN and "numerator" in part and "denominator" in part:
            interval = value_interval(
                row["value"], row["numerator"], row["denominator"], share=kind == SHARE
            )
        lows.append(interval[0] if interval else math.nan)
        highs.append(interval[1] if interval else math.nan)
    return lows, highs


def _table_columns(
    data: Records,
    lang: str,
    value_label: str,
    numerator_name: str,
    denominator_name: str,
    fmt: str,
    has_ci: bool,
) -> list[TableColumn]:
    columns = [
        TableColumn("area", AREA_LABEL, type="string"),
        TableColumn("value", {lang: value_label}, format=fmt),
    ]
    if data.present("numerator"):
        columns.append(
            TableColumn("numerator", {lang: numerator_name or "numerator"}, format=",.0f")
        )
    if data.present("denominator"):
        columns.append(
            TableColumn("denominator", {lang: denominator_name or "denominator"}, format=",.0f")
        )
    if has_ci:
        columns.append(TableColumn("ci_low", CI_LOW_LABEL, format=fmt))
        columns.append(TableColumn("ci_high", CI_HIGH_LABEL, format=fmt))
    return columns
