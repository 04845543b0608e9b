"""Trend plans: selected areas' yearly values against Norway, and small multiples of all areas.

Each area keeps its colour whatever else is selected (:func:`area_colour`, from the area's place
among all the indicator's areas); every panel and line shares one y axis (:attr:`y_limits`), so
that heights compare. Built from plain yearly values and
:class:`~atlasviewer.core.stats.trend.Trend`; drawn by :mod:`atlasviewer.render.trend_chart`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from atlasviewer.core.formatting import RANGE_SEPARATOR, format_number
from atlasviewer.core.plans.contract import NATIONAL_COLOUR, Credits
from atlasviewer.core.stats.trend import Trend, trend
from atlasviewer.i18n import N_, current_language, gettext_for

AREA_COLOURS = (
    "#253776",
    "#e6550d",
    "#ab6ca6",
    "#74a5cd",
    "#8c510a",
    "#c51b7d",
    "#542788",
    "#bf812d",
    "#666666",
    "#d6604d",
)
"""Line colours of the areas (no green: Norway is :data:`NATIONAL_COLOUR`)."""

SORTS = ("name", "value", "change")

_CHANGE = N_("{change} ({relative}), {direction}")
_DIRECTIONS = {
    "rising": N_("rising"),
    "falling": N_("falling"),
    "stable": N_("stable"),
}
_TOO_SHORT = N_("too few years to judge")
_NORWAY = N_("Norway")


@dataclass
class TrendLine:
    """One line: an area (or Norway) over the years, with an interval band where known."""

    key: str
    label: str
    colour: str
    years: list[int]
    values: list[float | None]
    lows: list[float | None] | None = None
    highs: list[float | None] | None = None
    national: bool = False
    change_text: str = ""
    direction: str | None = None


@dataclass
class TrendPlan:
    """Lines on one axes (:attr:`panels` empty) or small multiples (one line per panel)."""

    title: str
    y_label: str
    format_y: str
    lines: list[TrendLine]
    y_limits: tuple[float, float]
    national: TrendLine | None = None
    panels: list[TrendLine] = field(default_factory=list)
    sort: str = "name"
    credits: Credits = field(default_factory=Credits)


def area_colour(key: str, all_keys: Sequence[str]) -> str:
    """The fixed colour of area ``key``: by its place among ``all_keys`` sorted."""
    ordered = sorted(all_keys)
    index = ordered.index(key) if key in ordered else len(ordered)
    return AREA_COLOURS[index % len(AREA_COLOURS)]


def change_text(result: Trend | None, format_y: str, lang: str) -> str:
    """``+4 (+40 %), rising`` in ``lang``: first to last year, and the direction of the slope."""
    if result is None or result.direction is None:
        return gettext_for(lang, _TOO_SHORT)
    relative = "" if result.relative is None else _signed(result.relative, ",.0%", lang)
    return gettext_for(lang, _CHANGE).format(
        change=_signed(result.change, format_y, lang),
        relative=relative,
        direction=gettext_for(lang, _DIRECTIONS[result.direction]),
    )


def _signed(value: float, spec: str, lang: str) -> str:
    """``+4`` for a rise, ``-4`` for a fall, ``0`` for what rounds to nothing."""
    text = format_number(value, spec, lang)
    return "+" + text if value > 0 and text != format_number(0.0, spec, lang) else text


def _limits(lines: Sequence[TrendLine]) -> tuple[float, float]:
    values = [
        v
        for line in lines
        for series in (line.values, line.lows or [], line.highs or [])
        for v in series
        if v is not None
    ]
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    bottom = 0.0 if low >= 0 else low * 1.08
    return bottom, (high * 1.08 if high > 0 else 1.0)


def build_trend_plan(
    years: Sequence[int],
    areas: Sequence[tuple[str, str, Sequence[float | None]]],
    national: Sequence[float | None] | None,
    *,
    title: str,
    y_label: str,
    format_y: str = ",.0f",
    selected: Sequence[str] = (),
    intervals: dict[str, tuple[Sequence[float | None], Sequence[float | None]]] | None = None,
    national_label: str | None = None,
    small_multiples: bool = False,
    sort: str = "name",
    lang: str | None = None,
    credits: Credits | None = None,
) -> TrendPlan:
    """A trend plan of the ``selected`` areas against Norway, or small multiples of all.

    Args:
        years: The years, in order.
        areas: ``(key, label, values per year)`` of every area of the indicator.
        national: Norway's values per year, or None.
        title: The chart's title.
        y_label: The value axis label.
        format_y: The values' d3 format.
        selected: The areas drawn as lines (ignored for small multiples).
        intervals: ``{key: (lows, highs)}`` per year where the data carry an interval.
        national_label: The national line's name; default "Norway" in the language.
        small_multiples: One panel per area, sorted by ``sort``.
        sort: ``"name"``, ``"value"`` (the last year's, highest first) or ``"change"``
            (the relative change, largest rise first).
        lang: The language of the texts.
        credits: The credits line.
    """
    lang = lang or current_language()
    if sort not in SORTS:
        raise ValueError(f"cannot sort trends by {sort!r}; expected one of {', '.join(SORTS)}")
    intervals = intervals or {}
    keys = [a[0] for a in areas]
    year_list = [int(y) for y in years]

    def line(key: str, label: str, values: Sequence[float | None]) -> TrendLine:
        result = trend(year_list, list(values))
        low_high = intervals.get(key)
        return TrendLine(
            key=key,
            label=label,
            colour=area_colour(key, keys),
            years=year_list,
            values=list(values),
            lows=list(low_high[0]) if low_high else None,
            highs=list(low_high[1]) if low_high else None,
            change_text=change_text(result, format_y, lang),
            direction=result.direction if result else None,
        )

    national_line = None
    if national is not None:
        name = national_label or gettext_for(lang, _NORWAY)
        national_line = line("__national__", name, national)
        national_line.colour, national_line.national = NATIONAL_COLOUR, True
    chosen = [line(k, label, v) for k, label, v in areas if k in set(selected)]
    panels: list[TrendLine] = []
    if small_multiples:
        panels = [line(k, label, v) for k, label, v in areas]
        panels.sort(key=_sort_key(sort))
    drawn = [*(panels or chosen), *([national_line] if national_line else [])]
    period = f"{year_list[0]}{RANGE_SEPARATOR}{year_list[-1]}" if year_list else ""
    return TrendPlan(
        title=f"{title} {period}".strip(),
        y_label=y_label,
        format_y=format_y,
        lines=chosen,
        y_limits=_limits(drawn),
        national=national_line,
        panels=panels,
        sort=sort,
        credits=credits or Credits(),
    )


def _sort_key(sort: str):
    def last(line: TrendLine) -> float:
        values = [v for v in line.values if v is not None]
        return -values[-1] if values else float("inf")

    def change(line: TrendLine) -> float:
        result = trend(line.years, line.values)
        return -(result.relative or 0.0) if result else float("inf")

    if sort == "value":
        return last
    if sort == "change":
        return change
    return lambda line: line.label.casefold()
