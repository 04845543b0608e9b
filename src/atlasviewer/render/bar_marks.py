"""What a bar chart draws over its bars: annual dots, their legend, and error bars.

:mod:`atlasviewer.render.bar_chart` draws these on the bars it lays out; kept apart because the
annual dots are moved (not made anew) from one result box to the next, and their legend is
kept when it would look the same, which takes bookkeeping of its own. Nothing here imports Qt
or pyplot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from atlasviewer.core.plans import BarPlan
from atlasviewer.render.axes_text import GRID_COLOUR
from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ANNUAL_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<")
"""One marker shape per year of annual values, so years differ in shape, not only in shade."""

ANNUAL_GID = "atlasviewer-annual"
_LEGEND_KEYS: WeakKeyDictionary[Any, tuple[Any, ...]] = WeakKeyDictionary()
"""What each legend of annual dots shows (see :func:`show_legend`)."""
SHELF_ATTRIBUTE = "_atlasviewer_legend_shelf"
"""Per axes, legends of annual dots shown before, by what they show, to show again.

Kept on the axes themselves, so they go with them: a module-level ``WeakKeyDictionary`` keyed
by the axes never let them go, as each shelved legend refers to its axes (issue 18: every axes a
chart cleared stayed alive with its legends and texts, ~28 MB per 100 box switches).
"""
SHELVED_LEGENDS = 6
"""Legends kept per axes: an atlas's boxes have a few sets of years."""


def show_legend(ax: Axes, handles: list[Any], style: ChartStyle) -> None:
    """A legend of ``handles``; one that looks the same is shown again rather than made.

    Another box with the same years moves the same dots: its legend has the same entries,
    markers and shades, and making it anew costs more than the rest of the update. A legend of
    annual dots that is replaced is kept on the axes' shelf (not drawn, not in the layout) and
    shown again when a box with its years comes back.
    """
    legend = ax.get_legend()
    key = _legend_key(handles, style)
    if legend is not None and key is not None and _LEGEND_KEYS.get(legend) == key:
        return
    shelf: dict[tuple[Any, ...], Any] = ax.__dict__.setdefault(SHELF_ATTRIBUTE, {})
    if legend is not None:
        shown = _LEGEND_KEYS.get(legend)
        if shown is not None and len(shelf) < SHELVED_LEGENDS:
            shelf[shown] = legend
            ax.legend_ = None  # off the axes, intact, to be shown again
        else:
            legend.remove()
    if not handles:
        return
    if key is not None and key in shelf:
        ax.legend_ = shelf.pop(key)
        ax.stale = True
        return
    legend = ax.legend(
        handles=handles,
        loc="lower right",
        fontsize=style.legend_size,
        framealpha=0.92,
        edgecolor=GRID_COLOUR,
    )
    if key is not None:
        _LEGEND_KEYS[legend] = key


def legend_look(legend: Any) -> tuple[Any, ...] | None:
    """What a legend made by :func:`show_legend` shows, when that is known (annual dots).

    Two legends with the same look, in the same axes box, have the same pixels.
    """
    return _LEGEND_KEYS.get(legend)


def _legend_key(handles: list[Any], style: ChartStyle) -> tuple[Any, ...] | None:
    """What a legend of annual dots shows, or None for other legends (always made anew)."""
    gids = [getattr(h, "get_gid", lambda: None)() or "" for h in handles]
    if not handles or not all(gid.startswith(ANNUAL_GID) for gid in gids):
        return None
    # The gid names the year, so the marker; edges and sizes come from the style.
    return (
        style.legend_size,
        style.marker_size,
        *((h.get_gid(), h.get_label(), h.get_facecolor().tobytes()) for h in handles),
    )


def draw_error_bars(ax: Axes, plan: BarPlan) -> None:
    centres: list[float] = []
    ys: list[int] = []
    below: list[float] = []
    above: list[float] = []
    for index, row in enumerate(plan.rows):
        if row.error_low is None or row.error_high is None:
            continue
        total = sum(v for v in row.values if v is not None)
        centres.append(total)
        ys.append(index)
        below.append(max(total - row.error_low, 0.0))
        above.append(max(row.error_high - total, 0.0))
    if centres:
        ax.errorbar(
            centres,
            ys,
            xerr=[below, above],
            fmt="none",
            ecolor="#222222",
            elinewidth=1.0,
            capsize=3,
            zorder=4,
            label="_errors",
        )


def draw_annual_dots(ax: Axes, plan: BarPlan, style: ChartStyle) -> list[Any]:
    """One scatter of dots per year; the dots of a year already on ``ax`` are moved, not made.

    Each year's scatter carries the gid ``atlasviewer-annual-<year index>``: another box with
    the same years moves those dots (``set_offsets``) instead of making new collections.
    """
    drawn = {c.get_gid(): c for c in ax.collections if (c.get_gid() or "").startswith(ANNUAL_GID)}
    n_years = max((len(r.annual) for r in plan.rows), default=0)
    handles = []
    for year in range(n_years):
        points: list[tuple[float, int]] = []
        for index, row in enumerate(plan.rows):
            value = row.annual[year] if year < len(row.annual) else None
            if value is not None:
                points.append((value, index))
        if not points:
            continue
        label = plan.annual_labels[year] if year < len(plan.annual_labels) else str(year + 1)
        # Older years lighter, the latest darkest: reads as time passing without a colour key.
        shade = 0.78 - 0.68 * (year / max(n_years - 1, 1))
        gid = f"{ANNUAL_GID}-{year}"
        dots = drawn.pop(gid, None)
        if dots is not None:
            dots.set_offsets(points)
            dots.set_facecolor((shade, shade, shade))
            dots.set_label(label)
        else:
            dots = ax.scatter(
                [p[0] for p in points],
                [p[1] for p in points],
                s=style.marker_size,
                marker=ANNUAL_MARKERS[year % len(ANNUAL_MARKERS)],
                color=(shade, shade, shade),
                edgecolors="black",
                linewidths=0.5,
                label=label,
                zorder=5,
                gid=gid,
            )
        handles.append(dots)
    for dots in drawn.values():  # years the former box had and this one has not
        dots.remove()
    return handles
