"""Writing a trend, funnel or scatter table: CSV and XLSX, atomically.

CSV in the dialect of the language (:data:`atlasviewer.core.tables_export.CSV_DIALECTS`, UTF-8
with BOM), one row per area with the method in its own column. XLSX through pandas with
openpyxl: a header block (title, source, producer, period, method) above the table, numbers as
numbers. Each file is written to a temporary file beside it and moved into place, so a failed
write leaves the old file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atlasviewer.core.tables_export import CSV_DIALECTS

if TYPE_CHECKING:
    import pandas as pd

    from atlasviewer.core.compare.indicators import Indicator

HEADER_ROWS = 5
"""Rows of the XLSX header block; the table's header is the next row."""


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(temporary path)`` and move the result to ``path`` (same folder, same suffix)."""
    path = Path(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        if temporary.stat().st_size == 0:
            raise OSError(f"nothing was written to {path.name}")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def write_stats_csv(frame: pd.DataFrame, path: Path, lang: str) -> Path:
    """``frame`` as CSV in the dialect of ``lang``."""
    separator, decimal = CSV_DIALECTS.get(lang, CSV_DIALECTS["en"])
    return write_atomically(
        path,
        lambda target: frame.to_csv(
            target, sep=separator, decimal=decimal, index=False, encoding="utf-8-sig"
        ),
    )


def write_stats_xlsx(frame: pd.DataFrame, path: Path, title: str, lines: list[str]) -> Path:
    """``frame`` as one sheet under ``title`` and the header ``lines`` (source, method...)."""
    import pandas as pd
    from openpyxl.styles import Font

    def write(target: Path) -> None:
        with pd.ExcelWriter(target, engine="openpyxl") as writer:
            name = (title or "Sheet")[:31]
            for bad in "[]:*?/\\":
                name = name.replace(bad, " ")
            frame.to_excel(writer, sheet_name=name, startrow=HEADER_ROWS, index=False)
            sheet = writer.sheets[name]
            for row, line in enumerate([title, *lines][:HEADER_ROWS], start=1):
                sheet.cell(row=row, column=1, value=line).font = Font(
                    bold=row == 1, size=13 if row == 1 else 10
                )
            sheet.freeze_panes = sheet.cell(row=HEADER_ROWS + 2, column=2)
            sheet.column_dimensions["A"].width = 26

    return write_atomically(path, write)


def write_view_table(
    view: str,
    indicator: Indicator,
    second: Indicator | None,
    plan: Any,
    lang: str,
    path: Path,
) -> Path:
    """The table of a trend, funnel or scatter view as CSV or XLSX (by the suffix of ``path``).

    The XLSX's header block names the source (atlas and indicator), producer, period and
    method.
    """
    from atlasviewer.core.compare.matrix import atlas_title
    from atlasviewer.core.compare.stats_views import view_frame

    frame = view_frame(view, indicator, lang, second=second, plan=plan)
    if frame is None:
        raise ValueError(f"the {view} view does not apply to {indicator.key}")
    if Path(path).suffix.casefold() == ".csv":
        return write_stats_csv(frame, path, lang)
    sources = [indicator, *([second] if second is not None else [])]
    lines = [
        "; ".join(f"{atlas_title(i, lang)} ({i.atlas_id}), {i.title(lang)}" for i in sources),
        ", ".join(dict.fromkeys(i.producer for i in sources if i.producer)),
        ", ".join(dict.fromkeys(i.period for i in sources if i.period)),
        frame.attrs.get("note", ""),
    ]
    return write_stats_xlsx(frame, path, getattr(plan, "title", indicator.title(lang)), lines)
