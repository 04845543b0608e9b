"""The area profile as a spine chart plan (Qt-free): one row per indicator, positions in 0..1.

As Fingertips draws it: per indicator a bar spanning the lowest to the highest area value, the
national value as a line in the middle, and the area's value as a marker coloured by its
significance. Each row has its own scale: the national value sits at 0.5 and the half-width is
the larger of (highest - national) and (national - lowest), so the whole range fits and rows
of different units can stand under each other. The plan also carries the texts of the table
beside the spine (value, national, lowest, highest, formatted as the indicator is).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from atlasviewer.core.compare.cells import SIGNIFICANCE_COLOURS
from atlasviewer.core.compare.matrix import Comparison, atlas_title
from atlasviewer.core.compare.significance import (
    NOT_COMPARED,
    SIGNIFICANCE_CLASSES,
    SIGNIFICANCE_LABELS,
)
from atlasviewer.core.formatting import format_number
from atlasviewer.i18n import N_, gettext_for


@dataclass(frozen=True)
class ProfileRow:
    """One indicator of the profile: texts, and positions on the row's own 0..1 scale."""

    key: str
    label: str
    atlas: str
    period: str
    value_text: str
    national_text: str
    lowest_text: str
    highest_text: str
    significance: str
    colour: str
    merged: bool
    lowest_pos: float | None
    highest_pos: float | None
    value_pos: float | None


@dataclass(frozen=True)
class ProfilePlan:
    """Everything the spine chart draws, in one language."""

    title: str
    columns: tuple[str, str, str, str]
    rows: list[ProfileRow]
    legend: list[tuple[str, str]] = field(default_factory=list)
    credits: str = ""
    merged_label: str = ""
    """The legend entry of the merged-area marker, "" when no row is merged."""


def _position(value: float | None, national: float, half: float) -> float | None:
    if value is None or half <= 0:
        return None if value is None else 0.5
    return 0.5 + (value - national) / (2 * half)


def profile_plan(comparison: Comparison, area_id: str) -> ProfilePlan:
    """The spine chart plan of ``area_id`` over the comparison's indicators."""
    lang = comparison.lang
    text = lambda message: gettext_for(lang, message)  # noqa: E731
    frame = comparison.profile(area_id)
    rows: list[ProfileRow] = []
    by_key = {i.key: i for i in comparison.indicators}
    for record in frame.to_dict("records"):
        indicator = by_key[record["key"]]
        fmt = indicator.format
        national, low, high = record["national"], record["lowest"], record["highest"]
        value = None if record["value"] != record["value"] else record["value"]
        if national is None or low is None or national != national:
            positions: tuple[float | None, float | None, float | None] = (None, None, None)
        else:
            half = max(high - national, national - low)
            positions = (
                _position(low, national, half),
                _position(high, national, half),
                _position(value, national, half),
            )
        significance = record["significance"] if value is not None else NOT_COMPARED
        rows.append(
            ProfileRow(
                key=indicator.key,
                label=indicator.title(lang),
                atlas=atlas_title(indicator, lang),
                period=indicator.period,
                value_text=format_number(value, fmt, lang),
                national_text=format_number(national, fmt, lang),
                lowest_text=format_number(low, fmt, lang),
                highest_text=format_number(high, fmt, lang),
                significance=significance,
                colour=SIGNIFICANCE_COLOURS[significance],
                merged=record["mark"] in ("merged", "partial"),
                lowest_pos=positions[0],
                highest_pos=positions[1],
                value_pos=positions[2],
            )
        )
    producers = ", ".join(dict.fromkeys(i.producer for i in comparison.indicators if i.producer))
    return ProfilePlan(
        title=text(N_("{area} against the national value")).format(
            area=comparison.area_name(area_id)
        ),
        columns=(text(N_("Value")), text(N_("National")), text(N_("Lowest")), text(N_("Highest"))),
        rows=rows,
        legend=[
            (text(SIGNIFICANCE_LABELS[s]), SIGNIFICANCE_COLOURS[s]) for s in SIGNIFICANCE_CLASSES
        ],
        credits=text(N_("Source: {producers}. Significance from 95 % intervals.")).format(
            producers=producers
        ),
        merged_label=text(N_("merged area")) if any(r.merged for r in rows) else "",
    )
