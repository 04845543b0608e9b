"""Writing the comparison: XLSX (every view, with definitions), CSV (one view), TSV text.

XLSX, through pandas with openpyxl: one sheet per view (table, the area profile when an area is
given, variation), each under a header block naming the sources (atlases), producers, periods
and the significance method, and a Definitions sheet naming every statistic and its method.
Numbers stay numbers; each indicator's column (or row, transposed) gets the Excel number format
of its d3 format (:func:`atlasviewer.core.tables_export.excel_number_format`), which Excel
shows with the reader's own decimal sign, so a Norwegian Excel shows ``1 234,5``. Table cells
are filled by significance with the colours of the app (:data:`.cells.SIGNIFICANCE_COLOURS`);
a merged-area cell carries a comment naming the merged area.

CSV: as :mod:`atlasviewer.core.tables_export` decides (UTF-8 with BOM; ``;`` and a decimal comma
in Norwegian, ``,`` and a point in English), the view's header as the first line.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atlasviewer.core.compare.areas import MERGED, PARTIAL
from atlasviewer.core.compare.cells import SIGNIFICANCE_COLOURS
from atlasviewer.core.compare.matrix import NATIONAL, Comparison, atlas_title
from atlasviewer.core.compare.significance import (
    METHOD_LABELS,
    SIGNIFICANCE_CLASSES,
    SIGNIFICANCE_LABELS,
)
from atlasviewer.core.compare.stats_labels import STATS_DEFINITIONS
from atlasviewer.core.compare.views import (
    VIEW_TITLES,
    label,
    profile_view,
    table_view,
    variation_view,
)
from atlasviewer.core.tables_export import CSV_DIALECTS, excel_number_format
from atlasviewer.i18n import N_, gettext_for

if TYPE_CHECKING:
    import pandas as pd

HEADER_ROWS = 7
"""Rows of the header block above each sheet's table (the table's header is the next row)."""

DEFINITIONS: list[tuple[str, str]] = [
    (N_("Value"), N_("The figure the atlas publishes for the area (a rate, share or mean).")),
    (N_("Index (Norway = 100)"), N_("100 × the area's value / the national value.")),
    (
        N_("Rank"),
        N_("Position among the areas of that analysis, 1 = highest; equal values share a rank."),
    ),
    (
        N_("Against national"),
        N_(
            "higher: the lower limit of the area's 95 % interval is above the national value; "
            "lower: the upper limit is below it; similar: the interval contains it; not "
            "compared: no interval. The national value is treated as fixed."
        ),
    ),
    (N_("Interval method"), N_("Where the interval comes from (see the three methods below).")),
    (METHOD_LABELS["published"], N_("The error bars of the atlas's bar chart.")),
    (
        METHOD_LABELS["byar"],
        N_(
            "From the events and the population of the area (Byar's approximation to the exact "
            "Poisson interval), multiplied by published rate / crude rate."
        ),
    ),
    (
        METHOD_LABELS["wilson"],
        N_("From the numerator and denominator of the share (Wilson, 1927), scaled likewise."),
    ),
    (N_("Highest / lowest"), N_("The highest area value divided by the lowest.")),
    (
        N_("Second highest / second lowest"),
        N_("The same ratio with the highest and the lowest area left out (needs 4 areas)."),
    ),
    (
        N_("Coefficient of variation"),
        N_("Sample standard deviation of the area values / their mean, not weighted."),
    ),
    (
        N_("SCV × 100"),
        N_(
            "Systematic component of variation (McPherson et al., 1982): 100/k × Σ(((O−E)/E)² "
            "− 1/E) over the k areas, with observed events O and expected events "
            "E = O × national value / area value."
        ),
    ),
    (
        N_("merged area"),
        N_("The analysis shows the area only together with others; the value is theirs."),
    ),
]
DEFINITIONS += STATS_DEFINITIONS
"""The Definitions sheet: each statistic and its method (translate both with ``_``)."""


def _header_block(comparison: Comparison, title: str) -> list[str]:
    lang = comparison.lang
    atlases = dict.fromkeys(f"{atlas_title(i, lang)} ({i.atlas_id})" for i in comparison.indicators)
    producers = dict.fromkeys(i.producer for i in comparison.indicators if i.producer)
    periods = dict.fromkeys(i.period for i in comparison.indicators if i.period)
    text = lambda message: gettext_for(lang, message)  # noqa: E731
    return [
        title,
        text(N_("Sources: {atlases}")).format(atlases="; ".join(atlases)),
        text(N_("Producers: {producers}")).format(producers=", ".join(producers)),
        text(N_("Periods: {periods}")).format(periods=", ".join(periods)),
        text(
            N_(
                "Significance against the national value from the 95 % interval the atlas "
                "publishes, else one computed from the counts; see the Definitions sheet."
            )
        ),
        text(N_("Written by Atlas Viewer on {date}.")).format(date=_dt.date.today().isoformat()),
    ]


def _write_header(sheet: Any, lines: list[str]) -> None:
    from openpyxl.styles import Font

    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=line).font = Font(
            bold=row == 1, size=13 if row == 1 else 10
        )


def _fill(colour: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=colour.lstrip("#"), end_color=colour.lstrip("#"))


def write_xlsx(
    comparison: Comparison,
    path: Path,
    *,
    area_id: str | None = None,
    sort_by: str | None = None,
    transpose: bool = False,
) -> Path:
    """Write every view of ``comparison`` (and a Definitions sheet) to ``path``."""
    import pandas as pd

    lang = comparison.lang
    text = lambda message: gettext_for(lang, message)  # noqa: E731
    path = Path(path)
    table = table_view(comparison, transpose=transpose)
    sheets: list[tuple[str, pd.DataFrame, bool]] = [(text(VIEW_TITLES["table"]), table, True)]
    if area_id is not None:
        name = comparison.area_name(area_id)
        sheets.append((text(VIEW_TITLES["profile"]), profile_view(comparison, area_id), False))
    sheets.append(
        (text(VIEW_TITLES["variation"]), variation_view(comparison, sort_by or "ratio"), False)
    )
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for title, frame, index in sheets:
            frame.to_excel(writer, sheet_name=title[:31], startrow=HEADER_ROWS, index=index)
            sheet = writer.sheets[title[:31]]
            heading = title if title != text(VIEW_TITLES["profile"]) else f"{title}: {name}"
            _write_header(sheet, _header_block(comparison, heading))
            sheet.freeze_panes = sheet.cell(row=HEADER_ROWS + 2, column=2 if index else 1)
        _style_table(writer.sheets[sheets[0][0][:31]], comparison, transpose)
        for title, frame, _ in sheets[1:]:
            _style_numbers(writer.sheets[title[:31]], frame, lang)
        definitions = pd.DataFrame(
            [(text(term), text(meaning)) for term, meaning in DEFINITIONS]
            + [
                (text(SIGNIFICANCE_LABELS[s]), SIGNIFICANCE_COLOURS[s])
                for s in SIGNIFICANCE_CLASSES
            ],
            columns=[text(N_("Term")), text(N_("Definition"))],
        )
        definitions.to_excel(writer, sheet_name=text(N_("Definitions"))[:31], index=False)
        sheet = writer.sheets[text(N_("Definitions"))[:31]]
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 110
        for offset, klass in enumerate(SIGNIFICANCE_CLASSES):
            sheet.cell(row=len(DEFINITIONS) + 2 + offset, column=1).fill = _fill(
                SIGNIFICANCE_COLOURS[klass]
            )
    return path


def _style_table(sheet: Any, comparison: Comparison, transpose: bool) -> None:
    """Number formats per indicator, fills by significance, comments on merged cells."""
    from openpyxl.comments import Comment

    lang = comparison.lang
    areas = [*comparison.areas, NATIONAL]
    cells = {(c.area, c.indicator): c for c in comparison.cells()}
    first = HEADER_ROWS + 2
    for i, indicator in enumerate(comparison.indicators):
        number_format = excel_number_format(indicator.format)
        for j, area in enumerate(areas):
            row, col = (first + i, 2 + j) if transpose else (first + j, 2 + i)
            target = sheet.cell(row=row, column=col)
            target.number_format = number_format
            cell = cells.get((area, indicator.key))
            if cell is None or cell.empty:
                continue
            target.fill = _fill(SIGNIFICANCE_COLOURS[cell.significance])
            if cell.mark in (MERGED, PARTIAL):
                note = gettext_for(lang, N_("Value of {row} ({covers})")).format(
                    row=cell.row, covers=cell.covers
                )
                target.comment = Comment(note, "Atlas Viewer")
    sheet.column_dimensions["A"].width = 28


def _style_numbers(sheet: Any, frame: pd.DataFrame, lang: str) -> None:
    """Each row's value columns in its indicator's format; ratios with two decimals."""
    value_columns = [
        label(lang, c) for c in ("value", "national", "lowest", "highest", "range", "low", "high")
    ]
    fixed = {
        label(lang, "ratio"): "0.00",
        label(lang, "ratio_inner"): "0.00",
        label(lang, "cv"): "0.0%",
        label(lang, "scv"): "0.0",
        label(lang, "index"): "0",
        **{
            label(lang, c): "#,##0"
            for c in ("events", "population", "excess", "excess_low", "excess_high")
        },  # fmt: skip
    }
    headers = list(frame.columns)
    for r, d3_format in enumerate(frame.attrs.get("formats", []), start=HEADER_ROWS + 2):
        spec = excel_number_format(d3_format)
        for c, header in enumerate(headers, start=1):
            if header in value_columns:
                sheet.cell(row=r, column=c).number_format = spec
            elif header in fixed:
                sheet.cell(row=r, column=c).number_format = fixed[header]
    sheet.column_dimensions["C"].width = 50


def write_csv(frame: pd.DataFrame, path: Path, lang: str, *, index: bool = False) -> Path:
    """One view as CSV in the dialect of ``lang`` (module docstring)."""
    separator, decimal = CSV_DIALECTS.get(lang, CSV_DIALECTS["en"])
    path = Path(path)
    frame.to_csv(path, sep=separator, decimal=decimal, index=index, encoding="utf-8-sig")
    return path
