"""The bar chart of a result box, drawn with matplotlib from a bar plan.

Plain functions that take an :class:`~matplotlib.axes.Axes`, a
:class:`~atlasviewer.core.plans.BarPlan` and a :class:`~atlasviewer.render.style.ChartStyle`:
draw the bars, show another plan of the same shape on them in place, outline the selected
areas, and find the row under the mouse. The window's chart widget, the headless export,
printing and the tests all draw through them (../shared/CONVENTIONS.md, point 5); the annual
dots, their legend and error bars come from :mod:`atlasviewer.render.bar_marks`. Nothing here
imports Qt or pyplot.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from atlasviewer.core.plans import (
    NATIONAL_COLOUR,
    REGION_COLOUR,
    SELECTION_COLOUR,
    BarPlan,
    BarRow,
)
from atlasviewer.i18n import _, current_language
from atlasviewer.render.axes_text import (
    AXIS_COLOUR,
    CREDITS_GID,
    draw_credits,
    format_value_axis,
    label_column_points,
    pin_x_label,
    set_title,
    style_axes,
    wrap_label,
    wrap_to_width,
)
from atlasviewer.render.bar_marks import (
    ANNUAL_GID,
    draw_annual_dots,
    draw_error_bars,
    show_legend,
)
from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.container import BarContainer
    from matplotlib.patches import Rectangle

BAR_EDGE_COLOUR = "white"
NO_DATA_TEXT_COLOUR = "#777777"
_NO_DATA_GID = "atlasviewer-no-data"
_REGION_RULE_GID = "atlasviewer-region-rule"
_PLAN_ARTIST_GIDS = frozenset({_NO_DATA_GID, CREDITS_GID, _REGION_RULE_GID})
"""Artists a plan adds on top of the bars: taken away before another plan is shown (annual
dots, gid ``atlasviewer-annual-<year>``, are moved instead)."""


def draw_bar_chart(
    ax: Axes,
    plan: BarPlan,
    style: ChartStyle | None = None,
    lang: str | None = None,
    mark_selection: bool = True,
) -> list[list[Rectangle]]:
    """Draw ``plan`` as horizontal bars on ``ax``, the plan's first row at the top.

    Stacked parts are drawn left to right in the plan's series colours with a legend; the
    national row is drawn in :data:`~atlasviewer.core.plans.NATIONAL_COLOUR` and region rows
    (references after the areas, below a thin rule) in
    :data:`~atlasviewer.core.plans.REGION_COLOUR`, their names in the same colour; selected
    rows get a :data:`~atlasviewer.core.plans.SELECTION_COLOUR` outline and label; annual values
    are dots, one marker per year; error bars span the plan's ``error_low`` to ``error_high``
    (absolute bounds, e.g. a 95 % confidence interval). The value axis is formatted with the
    plan's d3 format in ``lang`` (default: the UI language).

    With ``mark_selection`` False the selected rows are drawn as the others: the chart widget
    draws their highlight on a layer of its own (:mod:`atlasviewer.render.selection_layer`).

    Returns:
        The bar patches of each row, in plan order (empty for a row without a value), for
        :func:`set_bar_selection`.
    """
    style = style or ChartStyle()
    n_rows = len(plan.rows)
    for _part in range(_part_count(plan)):
        ax.barh(
            list(range(n_rows)),
            [0.0] * n_rows,
            height=style.bar_height,
            edgecolor=BAR_EDGE_COLOUR,
            linewidth=0.5,
            zorder=2,
        )
    style_axes(ax, style, grid_axis="x")
    # Each name stands by its bar: tick marks on the area axis would add nothing to read, and
    # drawing them was a twentieth of a box switch. The names stay where they were.
    ax.tick_params(axis="y", left=False)
    # The area axis has no label. Left to place itself, its empty label would measure every
    # area name again at each draw and layout (a tenth of a redraw): pin it instead.
    ax.yaxis.set_label_coords(0.0, 0.5)
    pin_x_label(ax)
    return _show_bar_plan(ax, plan, style, lang or current_language(), mark_selection)


def update_bar_chart(
    ax: Axes,
    plan: BarPlan,
    style: ChartStyle | None = None,
    lang: str | None = None,
    mark_selection: bool = True,
) -> list[list[Rectangle]] | None:
    """Show ``plan`` on an axes that :func:`draw_bar_chart` drew, reusing its bars and ticks.

    Switching result boxes of one map set gives plans with as many rows and parts; updating
    the existing bars, tick labels and texts in place costs a fraction of drawing anew (making
    the axes and its tick artists is most of that). The result looks the same as
    :func:`draw_bar_chart` on a fresh axes, drawn with the same ``style``.

    Returns:
        The bar patches of each row as :func:`draw_bar_chart` does, or None (and ``ax`` left
        as it was) when the axes holds another number of rows or parts: draw anew then.
    """
    bars = _bar_containers(ax)
    n_rows = len(plan.rows)
    if len(bars) != _part_count(plan) or any(len(c.patches) != n_rows for c in bars):
        return None
    # Annual dots are kept and moved unless error bars come first (drawn anew they would be
    # drawn, and listed, after the dots: not as a fresh chart has them).
    keep_dots = not plan.has_error_bars
    for artist in [*ax.texts, *ax.collections, *ax.lines]:
        gid = artist.get_gid() or ""
        if gid in _PLAN_ARTIST_GIDS or (gid.startswith(ANNUAL_GID) and not keep_dots):
            artist.remove()
    for container in list(ax.containers):
        if container not in bars:
            container.remove()
    return _show_bar_plan(
        ax, plan, style or ChartStyle(), lang or current_language(), mark_selection
    )


def _show_bar_plan(
    ax: Axes, plan: BarPlan, style: ChartStyle, lang: str, mark_selection: bool = True
) -> list[list[Rectangle]]:
    """Give the bars :func:`draw_bar_chart` made the plan's values, then add its texts and dots."""
    n_rows = len(plan.rows)
    positions = list(range(n_rows))
    row_patches: list[list[Rectangle]] = [[] for _row in plan.rows]
    handles: list[Any] = []
    bars = _bar_containers(ax)

    for part, container in enumerate(bars):
        container.set_label(_series_label(plan, part))
        for index, (row, patch) in enumerate(zip(plan.rows, container.patches, strict=True)):
            width = _value(row.values, part)
            patch.set_x(sum(v or 0.0 for v in row.values[:part]))
            patch.set_width(width if width is not None else 0.0)
            patch.set_facecolor(_bar_colour(plan, row, part))
            patch.set_visible(width is not None)
            if width is not None:
                row_patches[index].append(patch)
        if len(bars) > 1:
            handles.append(container)

    for index, row in enumerate(plan.rows):
        if not any(v is not None for v in row.values):
            ax.text(
                0,
                index,
                " " + _("no data"),
                va="center",
                ha="left",
                fontsize=style.tick_size,
                color=NO_DATA_TEXT_COLOUR,
                fontstyle="italic",
                gid=_NO_DATA_GID,
            )

    first_region = next((i for i, row in enumerate(plan.rows) if row.is_region), None)
    if first_region:
        ax.axhline(
            first_region - 0.5, color=REGION_COLOUR, linewidth=0.6, linestyle=(0, (2, 2)),
            gid=_REGION_RULE_GID,
        )  # fmt: skip
    if plan.has_error_bars:
        draw_error_bars(ax, plan)
    handles.extend(draw_annual_dots(ax, plan, style))

    size, stride, lines = label_fit(ax, n_rows, style)
    row_labels = [wrap_label(row.label, lines=lines) for row in plan.rows]
    ax.set_yticks(positions, labels=row_labels)
    ax.tick_params(axis="y", labelsize=size)
    _thin_labels(ax, plan, stride)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_xlim(0, _value_axis_max(plan))
    format_value_axis(ax, "x", plan.format, lang)
    marked = {r.key for r in plan.rows if r.selected} if mark_selection else set()
    _style_selection(row_patches, plan, marked, style, ax)

    show_legend(ax, handles, style)
    # Title, axis label and credits start at the axes' left edge, right of the area names.
    names = label_column_points(row_labels, style.tick_size)
    # The builders title a bar chart with its value label: then the axis label says it once.
    set_title(ax, plan.title if plan.title != plan.value_label else "", style, names)
    ax.set_xlabel(
        wrap_to_width(ax, plan.value_label, style.label_size, names), fontsize=style.label_size
    )
    draw_credits(ax, plan.credits, style, names)
    return row_patches


LINE_PITCH = 1.25
"""A label line's height as a multiple of its font size (the text and the space between)."""
DECORATION_INCHES = 1.5
"""What a bar chart's title, value axis, legend and credits take of its height, about."""


def label_fit(ax: Axes, n_rows: int, style: ChartStyle) -> tuple[float, int, int]:
    """How the area names fit the axes' height: ``(font size, stride, lines per name)``.

    Names are drawn at the style's size when the rows leave room; smaller, down to
    ``style.min_tick_size``, when they do not; below that only every ``stride``-th name is
    shown (the others on hover), so names never overlap and never shrink below the minimum.
    A name wraps onto a second line only when a row has room for two.
    """
    if n_rows <= 0:
        return style.tick_size, 1, 2
    figure = ax.get_figure(root=True)
    if figure is None:
        return style.tick_size, 1, 2
    # Before the layout has run the axes' place is not known: the figure's height less what
    # title, value axis, legend and credits take is what the names have (constrained layout).
    inches = figure.get_figheight()
    axes_inches = max(inches - DECORATION_INCHES, 0.3 * inches)
    height_points = axes_inches * 72
    pitch = height_points / n_rows
    if pitch <= 0:  # a figure not yet given a size (a hidden tab): show the first name only
        return style.min_tick_size, n_rows, 1
    lines = 2 if pitch >= 2 * LINE_PITCH * style.tick_size else 1
    size = min(style.tick_size, pitch / (LINE_PITCH * lines))
    if size >= style.min_tick_size:
        return size, 1, lines
    stride = min(n_rows, math.ceil(style.min_tick_size * LINE_PITCH / pitch))
    return style.min_tick_size, stride, 1


def wanted_height(plan: BarPlan, style: ChartStyle | None = None, margin: float = 1.7) -> float:
    """The figure height (inches) at which every name of ``plan`` is shown at the style's size.

    ``margin`` is what title, value axis, legend and credits take; a host that is less tall
    shows the chart thinned (:func:`label_fit`) or scrolls to this height.
    """
    style = style or ChartStyle()
    return len(plan.rows) * style.tick_size * LINE_PITCH / 72 + margin


def scroll_height(plan: BarPlan, style: ChartStyle, available: float) -> float | None:
    """The height (inches) a scrolling host gives the chart, or None when ``available`` will do.

    Names shrink to fit down to ``style.min_tick_size`` (:func:`label_fit`); a chart that
    would have to thin them at ``available`` inches grows instead to the height that shows
    every name at the style's size (the larger of the plan's and :func:`wanted_height`), and
    its host scrolls. 70 and 400 areas scroll; 20 areas fit as they did.
    """
    rows = len(plan.rows)
    axes_inches = max(available - DECORATION_INCHES, 0.3 * available)
    if rows == 0 or axes_inches * 72 / rows >= style.min_tick_size * LINE_PITCH:
        return None
    # Title, value axis, legend and credits of a tall figure take a little more than the
    # plan's margin says; 2.2 inches leave every name its full line pitch.
    return max(plan.wanted_height, wanted_height(plan, style, margin=2.2))


def _thin_labels(ax: Axes, plan: BarPlan, stride: int) -> None:
    """Show every ``stride``-th name; the national, selected and region rows first."""
    labels = _row_labels(ax, len(plan.rows))
    if stride <= 1:
        for label in labels:
            label.set_visible(True)
        return
    first = [i for i, row in enumerate(plan.rows) if row.is_national]
    first += [i for i, row in enumerate(plan.rows) if row.selected and not row.is_national]
    first += [i for i, row in enumerate(plan.rows) if row.is_region and i not in first]
    shown: set[str | int] = set()
    for index in [*first, *range(len(plan.rows))]:
        near = range(index - stride + 1, index + stride)
        if index not in shown and all(other not in shown for other in near):
            shown.add(index)
    for index, label in enumerate(labels):
        label.set_visible(index in shown)


def set_bar_selection(
    row_patches: Sequence[Sequence[Rectangle]],
    plan: BarPlan,
    selected: Iterable[str],
    style: ChartStyle | None = None,
    ax: Axes | None = None,
) -> None:
    """Outline the bars (and, with ``ax``, the labels) of the ``selected`` area keys.

    Cheaper than drawing the chart again: a click on the map only changes outlines.
    """
    chosen = set(selected)
    for row in plan.rows:
        row.selected = row.key in chosen
    _style_selection(row_patches, plan, chosen, style or ChartStyle(), ax)


def _style_selection(
    row_patches: Sequence[Sequence[Rectangle]],
    plan: BarPlan,
    chosen: set[str],
    style: ChartStyle,
    ax: Axes | None,
) -> None:
    """Outline (and name in the selection colour) the rows of ``chosen``; the plan is unchanged."""
    for row, patches in zip(plan.rows, row_patches, strict=False):
        for patch in patches:
            if row.key in chosen:
                patch.set_edgecolor(SELECTION_COLOUR)
                patch.set_linewidth(style.selection_width)
                patch.set_zorder(3)
            else:
                patch.set_edgecolor(BAR_EDGE_COLOUR)
                patch.set_linewidth(0.5)
                patch.set_zorder(2)
    if ax is not None:
        for label, row in zip(_row_labels(ax, len(plan.rows)), plan.rows, strict=False):
            _style_row_label(label, row, row.key in chosen)


def _row_labels(ax: Axes, n_rows: int) -> list[Any]:
    """The name label of every row, shown or thinned out.

    ``get_yticklabels`` lists the shown ones only: it would pair names with the wrong rows once
    some are hidden.
    """
    return [tick.label1 for tick in ax.yaxis.get_major_ticks(n_rows)]


def bar_index_at(ax: Axes, plan: BarPlan, event: MouseEvent) -> int | None:
    """The plan row under a mouse event: on its bar band or on its area name, else None."""
    n_rows = len(plan.rows)
    if n_rows == 0:
        return None
    if event.inaxes is ax and event.ydata is not None:
        index = round(event.ydata)
        if 0 <= index < n_rows and abs(event.ydata - index) <= 0.5:
            return index
        return None
    renderer = (
        ax.figure.canvas.get_renderer() if hasattr(ax.figure.canvas, "get_renderer") else None
    )
    # The ticks as drawn: get_yticklabels() would update them and mark the figure stale, so
    # hovering over the names would ask for a full draw at the next selection change.
    for index, tick in enumerate(ax.yaxis.majorTicks[:n_rows]):
        label = tick.label1
        if label.get_visible() and label.get_window_extent(renderer).contains(event.x, event.y):
            return index
    return None


def bar_key_at(ax: Axes, plan: BarPlan, event: MouseEvent) -> str | None:
    """The area key of the row under a mouse event, or None."""
    index = bar_index_at(ax, plan, event)
    return plan.rows[index].key if index is not None else None


def _part_count(plan: BarPlan) -> int:
    return max((len(r.values) for r in plan.rows), default=1) or 1


def _bar_containers(ax: Axes) -> list[BarContainer]:
    from matplotlib.container import BarContainer

    return [c for c in ax.containers if isinstance(c, BarContainer)]


def _value(values: Sequence[float | None], part: int) -> float | None:
    return values[part] if part < len(values) else None


def _series_label(plan: BarPlan, part: int) -> str:
    if part < len(plan.series_labels) and plan.series_labels[part]:
        return plan.series_labels[part]
    return f"_part{part}"  # matplotlib leaves labels starting with "_" out of legends


def _bar_colour(plan: BarPlan, row: BarRow, part: int) -> str:
    if row.is_national:
        # Stacked national parts: the national green, lighter for each further part.
        return _lighten(NATIONAL_COLOUR, 0.45 * part)
    if row.is_region:
        return _lighten(REGION_COLOUR, 0.45 * part)
    if part < len(plan.series_colours):
        return plan.series_colours[part]
    return plan.series_colours[-1] if plan.series_colours else "#756bb1"


def _lighten(colour: str, amount: float) -> str:
    from matplotlib.colors import to_hex, to_rgb

    red, green, blue = to_rgb(colour)
    amount = min(max(amount, 0.0), 0.9)
    return to_hex(
        (red + (1 - red) * amount, green + (1 - green) * amount, blue + (1 - blue) * amount)
    )


def _style_row_label(label: Any, row: BarRow, selected: bool) -> None:
    if selected:
        label.set_color(SELECTION_COLOUR)
        label.set_fontweight("bold")
    elif row.is_national:
        label.set_color(NATIONAL_COLOUR)
        label.set_fontweight("bold")
    elif row.is_region:
        label.set_color(REGION_COLOUR)
        label.set_fontweight("bold")
    else:
        label.set_color(AXIS_COLOUR)
        label.set_fontweight("normal")


def _value_axis_max(plan: BarPlan) -> float:
    largest = 0.0
    for row in plan.rows:
        candidates = [sum(v for v in row.values if v is not None)]
        candidates += [v for v in row.annual if v is not None]
        if row.error_high is not None:
            candidates.append(row.error_high)
        largest = max([largest, *candidates])
    return largest * 1.06 if largest > 0 else 1.0
