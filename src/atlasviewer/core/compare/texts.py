"""What a comparison cell says, as text: its shown value and its tooltip (Qt-free).

The Qt pane and any other front end show these strings as they are; numbers are formatted as
the indicator is (its d3 format, in the language), ranges with an en dash.
"""

from __future__ import annotations

from atlasviewer.core.compare.areas import MERGED, PARTIAL
from atlasviewer.core.compare.cells import Cell, row_name
from atlasviewer.core.compare.indicators import Indicator
from atlasviewer.core.compare.significance import METHOD_LABELS, NO_INTERVAL, SIGNIFICANCE_LABELS
from atlasviewer.core.formatting import format_number, format_range
from atlasviewer.core.registry import AreaRegistry
from atlasviewer.i18n import N_, gettext_for

MERGED_SUFFIX = "\u2009*"
"""After the shown value of a merged or partial cell (a thin space and an asterisk)."""


def cell_text(cell: Cell, indicator: Indicator, lang: str) -> str:
    """The cell as the table shows it: the value ("" when empty), starred when merged."""
    if cell.empty:
        return ""
    text = format_number(cell.value, indicator.format, lang)
    return text + MERGED_SUFFIX if cell.mark in (MERGED, PARTIAL) else text


def rank_text(cell: Cell, lang: str) -> str:
    """The rank as "3 of 21", or "" for an empty cell."""
    if cell.rank is None:
        return ""
    return gettext_for(lang, N_("{rank} of {n}")).format(rank=cell.rank, n=cell.n)


def cell_tooltip(cell: Cell, indicator: Indicator, registry: AreaRegistry, lang: str) -> str:
    """The cell's tooltip, one fact a line.

    Value, national value and index, rank with its plausible range, interval with its method,
    significance, the counts and the events a year against the national rate where the data
    carry counts (:mod:`.stats_columns`), and what a merged row covers; for an empty cell,
    that the analysis lacks the area.
    """
    text = lambda message: gettext_for(lang, message)  # noqa: E731
    area = row_name(cell.area, registry, lang)
    lines = [f"{area} · {indicator.title(lang)}"]
    if cell.empty:
        lines.append(text(N_("Not in this analysis: it has no figure for the area.")))
        return "\n".join(lines)
    fmt = indicator.format
    lines.append(text(N_("Value: {value}")).format(value=format_number(cell.value, fmt, lang)))
    national = format_number(cell.national, fmt, lang)
    if cell.index is not None:
        index = format_number(cell.index, ",.0f", lang)
        lines.append(
            text(N_("National: {value} (index {index})")).format(value=national, index=index)
        )
    else:
        lines.append(text(N_("National: {value}")).format(value=national))
    from atlasviewer.core.compare.stats_columns import count_lines, rank_with_range

    lines.append(text(N_("Rank: {rank}")).format(rank=rank_with_range(cell, indicator, lang)))
    if cell.method != NO_INTERVAL and cell.low is not None and cell.high is not None:
        lines.append(
            text(N_("95 % interval: {range}")).format(
                range=format_range(cell.low, cell.high, fmt, lang)
            )
        )
    lines.append(text(METHOD_LABELS[cell.method]))
    lines.append(
        text(N_("Against national: {significance}")).format(
            significance=text(SIGNIFICANCE_LABELS[cell.significance])
        )
    )
    lines.extend(count_lines(cell, indicator, lang))
    if cell.mark in (MERGED, PARTIAL):
        lines.append(text(N_("Value of {row} ({covers})")).format(row=cell.row, covers=cell.covers))
    return "\n".join(lines)
