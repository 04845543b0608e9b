"""Write a result box's table (a :class:`~atlasviewer.core.plans.TablePlan`) as CSV and XLSX.

CSV, decided: raw values (not rounded, no thousands separators), UTF-8 with a byte-order mark
so that Excel reads ``æøå`` right. Excel splits a CSV by the system's list separator and reads
numbers by its decimal sign, so the file follows the language it is written in: Norwegian
(``nb``, ``nn``) uses ``;`` between fields and a decimal comma (what Excel with Norwegian
regional settings opens as columns of numbers); English uses ``,`` and a decimal point. Other
programs read either with ``pandas.read_csv(path, sep=";", decimal=",")`` or the defaults. The
caption and the producer's attribution are not in the CSV, whose first line is the header:
they would break every program that reads it as data.

XLSX: a caption row, a bold header row, numbers as numbers with the Excel number format
matching the atlas's d3 format (``,.1%`` -> ``#,##0.0%``), the national row in bold, panes
frozen under the header, and the producer's attribution under the table.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from atlasviewer.core.plans import TablePlan
from atlasviewer.i18n import _

CSV_DIALECTS: dict[str, tuple[str, str]] = {"nb": (";", ","), "nn": (";", ","), "en": (",", ".")}
"""Per language: field separator and decimal sign."""

_D3_PRECISION = re.compile(r"\.(\d+)")


def csv_number(value: float | int, decimal: str) -> str:
    """A raw number for CSV: full precision, no grouping, ``decimal`` as the decimal sign."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", decimal)


def write_table_csv(plan: TablePlan, path: Path, lang: str = "en") -> Path:
    """Write ``plan`` to ``path`` as CSV for ``lang`` (see the module's notes); returns the path."""
    separator, decimal = CSV_DIALECTS.get(lang, CSV_DIALECTS["en"])
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, lineterminator="\r\n")
        writer.writerow([column.label or column.id for column in plan.columns])
        for row in plan.values:
            cells: list[str] = []
            for value in row:
                if value is None:
                    cells.append("")
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    cells.append(csv_number(value, decimal))
                else:
                    cells.append(str(value))
            writer.writerow(cells)
    return path


def excel_number_format(d3_spec: str) -> str:
    """The Excel number format for a d3-format spec: ``,.0f`` -> ``#,##0``, ``.1%`` -> ``0.0%``.

    Excel shows the grouping and decimal signs of the reader's own locale, so one format serves
    every language.
    """
    spec = (d3_spec or "").strip()
    if not spec:
        return "General"
    match = _D3_PRECISION.search(spec)
    decimals = int(match.group(1)) if match else 0
    integer = "#,##0" if "," in spec else "0"
    fraction = "." + "0" * decimals if decimals else ""
    if spec.endswith("%"):
        return integer + fraction + "%"
    if spec.endswith(("f", "d")) or match:
        return integer + fraction
    return "General"


def write_table_xlsx(plan: TablePlan, path: Path, sheet_title: str = "") -> Path:
    """Write ``plan`` to ``path`` as an Excel workbook of one sheet; returns the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(sheet_title or _("Table"))
    n_columns = max(len(plan.columns), 1)
    first_row = 1
    if plan.caption:
        sheet.cell(row=1, column=1, value=plan.caption).font = Font(italic=True)
        sheet.cell(row=1, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n_columns)
        sheet.row_dimensions[1].height = 15 * (plan.caption.count("\n") + 1) + 4
        first_row = 3
    header_row = first_row
    for index, column in enumerate(plan.columns, start=1):
        cell = sheet.cell(row=header_row, column=index, value=column.label or column.id)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    formats = [excel_number_format(c.format) if c.numeric else "@" for c in plan.columns]
    for offset, row in enumerate(plan.values):
        excel_row = header_row + 1 + offset
        bold = plan.national_row == offset
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(row=excel_row, column=index, value=_cell_value(value))
            if isinstance(cell.value, (int, float)):
                cell.number_format = formats[index - 1] if index <= len(formats) else "General"
            if bold:
                cell.font = Font(bold=True)
    attribution = _attribution(plan)
    if attribution:
        note_row = header_row + len(plan.values) + 2
        sheet.cell(row=note_row, column=1, value=attribution).font = Font(italic=True)
    for index, column in enumerate(plan.columns, start=1):
        texts = [column.label or column.id] + [
            r[index - 1] for r in plan.texts if index - 1 < len(r)
        ]
        width = min(max((len(str(t)) for t in texts), default=8) + 2, 45)
        sheet.column_dimensions[get_column_letter(index)].width = max(width, 8)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return Path(path)


def _cell_value(value: object) -> object:
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def _attribution(plan: TablePlan) -> str:
    credits = plan.credits
    first = credits.source_note or (
        _("Source: {producer}").format(producer=credits.producer) if credits.producer else ""
    )
    return " · ".join(p for p in (first, credits.period, credits.unit) if p)


def _sheet_title(title: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, no brackets, colon, star, slashes."""
    return re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Sheet"
