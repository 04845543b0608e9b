"""Bar and line charts of a result box, drawn with matplotlib from a drawing plan.

Plain functions that take an :class:`~matplotlib.axes.Axes`, a plan from
:mod:`atlasviewer.core.plans` and a :class:`~atlasviewer.render.style.ChartStyle`; the window's
chart widget, the headless export, printing and the tests all draw through them
(../shared/CONVENTIONS.md, point 5). Nothing here imports Qt or pyplot: figures are plain
:class:`~matplotlib.figure.Figure` objects, so drawing never touches a global figure manager or
a GUI backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from atlasviewer.core.plans import (
    NATIONAL_COLOUR,
    SELECTION_COLOUR,
    BarPlan,
    BarRow,
    LinePlan,
)
from atlasviewer.i18n import _, current_language
from atlasviewer.render.axes_text import (
    AXIS_COLOUR,
    CHAR_WIDTH_EM,
    CREDITS_GID,
    GRID_COLOUR,
    draw_credits,
    format_value_axis,
    label_column_points,
    set_title,
    style_axes,
    wrap_label,
    wrap_to_width,
)
from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

ANNUAL_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<")
"""One marker shape per year of annual values, so years differ in shape, not only in shade."""

MAX_CATEGORY_TICKS = 14
"""More x categories than this (88 ages, 36 months) get every n-th one labelled."""
BAR_EDGE_COLOUR = "white"
NO_DATA_TEXT_COLOUR = "#777777"
_NO_DATA_GID = "atlasviewer-no-data"
_ANNUAL_GID = "atlasviewer-annual"
_PLAN_ARTIST_GIDS = frozenset({_NO_DATA_GID, CREDITS_GID})
"""Artists a plan adds on top of the bars: taken away before another plan is shown (annual
dots, gid ``atlasviewer-annual-<year>``, are moved instead)."""
_LEGEND_KEYS: WeakKeyDictionary[Any, tuple[Any, ...]] = WeakKeyDictionary()
"""What each legend of annual dots shows (see :func:`_show_legend`)."""


# --------------------------------------------------------------------------- bar chart


def draw_bar_chart(
    ax: Axes,
    plan: BarPlan,
    style: ChartStyle | None = None,
    lang: str | None = None,
    mark_selection: bool = True,
) -> list[list[Rectangle]]:
    """Draw ``plan`` as horizontal bars on ``ax``, the plan's first row at the top.

    Stacked parts are drawn left to right in the plan's series colours with a legend; the
    national row is drawn in :data:`~atlasviewer.core.plans.NATIONAL_COLOUR`; selected rows get a
    :data:`~atlasviewer.core.plans.SELECTION_COLOUR` outline and label; annual values are dots,
    one marker per year; error bars span the plan's ``error_low`` to ``error_high`` (absolute
    bounds, e.g. a 95 % confidence interval). The value axis is formatted with the plan's d3
    format in ``lang`` (default: the UI language).

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
    # The area axis has no label. Left to place itself, its empty label would measure every
    # area name again at each draw and layout (a tenth of a redraw): pin it instead.
    ax.yaxis.set_label_coords(0.0, 0.5)
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
    for artist in [*ax.texts, *ax.collections]:
        gid = artist.get_gid() or ""
        if gid in _PLAN_ARTIST_GIDS or (gid.startswith(_ANNUAL_GID) and not keep_dots):
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

    if plan.has_error_bars:
        _draw_error_bars(ax, plan)
    handles.extend(_draw_annual_dots(ax, plan, style))

    row_labels = [wrap_label(row.label) for row in plan.rows]
    ax.set_yticks(positions, labels=row_labels)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_xlim(0, _value_axis_max(plan))
    format_value_axis(ax, "x", plan.format, lang)
    marked = {r.key for r in plan.rows if r.selected} if mark_selection else set()
    _style_selection(row_patches, plan, marked, style, ax)

    _show_legend(ax, handles, style)
    # Title, axis label and credits start at the axes' left edge, right of the area names.
    names = label_column_points(row_labels, style.tick_size)
    # The builders title a bar chart with its value label: then the axis label says it once.
    set_title(ax, plan.title if plan.title != plan.value_label else "", style, names)
    ax.set_xlabel(
        wrap_to_width(ax, plan.value_label, style.label_size, names), fontsize=style.label_size
    )
    draw_credits(ax, plan.credits, style, names)
    return row_patches


def _show_legend(ax: Axes, handles: list[Any], style: ChartStyle) -> None:
    """A legend of ``handles``; the one shown is kept when it would look the same.

    Another box with the same years moves the same dots: its legend has the same entries,
    markers and shades, and making it anew costs more than the rest of the update.
    """
    legend = ax.get_legend()
    key = _legend_key(handles, style)
    if legend is not None and key is not None and _LEGEND_KEYS.get(legend) == key:
        return
    if legend is not None:
        legend.remove()
    if handles:
        legend = ax.legend(
            handles=handles,
            loc="lower right",
            fontsize=style.legend_size,
            framealpha=0.92,
            edgecolor=GRID_COLOUR,
        )
        if key is not None:
            _LEGEND_KEYS[legend] = key


def _legend_key(handles: list[Any], style: ChartStyle) -> tuple[Any, ...] | None:
    """What a legend of annual dots shows, or None for other legends (always made anew)."""
    gids = [getattr(h, "get_gid", lambda: None)() or "" for h in handles]
    if not handles or not all(gid.startswith(_ANNUAL_GID) for gid in gids):
        return None
    # The gid names the year, so the marker; edges and sizes come from the style.
    return (
        style.legend_size,
        style.marker_size,
        *((h.get_gid(), h.get_label(), h.get_facecolor().tobytes()) for h in handles),
    )


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
        for label, row in zip(ax.get_yticklabels(), plan.rows, strict=False):
            _style_row_label(label, row, row.key in chosen)


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
    else:
        label.set_color(AXIS_COLOUR)
        label.set_fontweight("normal")


def _draw_error_bars(ax: Axes, plan: BarPlan) -> None:
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


def _draw_annual_dots(ax: Axes, plan: BarPlan, style: ChartStyle) -> list[Any]:
    """One scatter of dots per year; the dots of a year already on ``ax`` are moved, not made.

    Each year's scatter carries the gid ``atlasviewer-annual-<year index>``: another box with
    the same years moves those dots (``set_offsets``) instead of making new collections.
    """
    drawn = {c.get_gid(): c for c in ax.collections if (c.get_gid() or "").startswith(_ANNUAL_GID)}
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
        gid = f"{_ANNUAL_GID}-{year}"
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


def _value_axis_max(plan: BarPlan) -> float:
    largest = 0.0
    for row in plan.rows:
        candidates = [sum(v for v in row.values if v is not None)]
        candidates += [v for v in row.annual if v is not None]
        if row.error_high is not None:
            candidates.append(row.error_high)
        largest = max([largest, *candidates])
    return largest * 1.06 if largest > 0 else 1.0


# --------------------------------------------------------------------------- line chart


def draw_line_chart(
    ax: Axes, plan: LinePlan, style: ChartStyle | None = None, lang: str | None = None
) -> None:
    """Draw ``plan`` as lines with dots, one per series, with a legend when there are several.

    Text x values (age groups, months as names) are drawn at even steps in first-seen order;
    ``plan.x_tick_labels``, when given, label the x positions in that order.
    """
    style = style or ChartStyle()
    lang = lang or current_language()
    categories: list[Any] = []
    for series in plan.series:
        for x in series.x:
            if x not in categories:
                categories.append(x)
    categorical = any(isinstance(x, str) for x in categories)
    if not categorical:
        categories.sort()

    for series in plan.series:
        points = [(x, y) for x, y in zip(series.x, series.y, strict=False) if y is not None]
        xs = [categories.index(x) if categorical else x for x, _y in points]
        ax.plot(
            xs,
            [y for _x, y in points],
            color=series.colour or None,
            marker="o",
            markersize=3.5,
            linewidth=1.8,
            label=series.label or "_series",
        )

    if categorical:
        labels = [str(c) for c in categories]
        if len(plan.x_tick_labels) == len(categories):
            labels = list(plan.x_tick_labels)
        _set_thinned_ticks(ax, list(range(len(categories))), labels)
    elif plan.format_x == "month" and len(plan.x_tick_labels) == len(categories):
        _set_thinned_ticks(ax, categories, list(plan.x_tick_labels))
    else:
        # Ages, years: a plain number axis ("" keeps 2018 from becoming "2,018").
        format_value_axis(ax, "x", "" if plan.format_x == "month" else plan.format_x, lang)
    format_value_axis(ax, "y", plan.format_y or ",.0f", lang)
    values = [y for s in plan.series for y in s.y if y is not None]
    if values and min(values) >= 0:
        ax.set_ylim(bottom=0, top=max(values) * 1.08 or 1.0)
    style_axes(ax, style, grid_axis="y")
    if sum(1 for s in plan.series if s.label) > 1:
        ax.legend(fontsize=style.legend_size, framealpha=0.92, edgecolor=GRID_COLOUR)
    y_axis_points = 5 * style.tick_size * CHAR_WIDTH_EM + 3 * style.label_size
    set_title(ax, plan.title, style, y_axis_points)
    ax.set_xlabel(
        wrap_to_width(ax, plan.x_label, style.label_size, y_axis_points), fontsize=style.label_size
    )
    if plan.y_label != plan.title:  # the builders title a line chart with its y label
        ax.set_ylabel(
            wrap_to_width(ax, plan.y_label, style.label_size, 5 * style.label_size, vertical=True),
            fontsize=style.label_size,
        )
    draw_credits(ax, plan.credits, style, y_axis_points)


def _set_thinned_ticks(ax: Axes, ticks: list[Any], labels: list[str]) -> None:
    """Label at most :data:`MAX_CATEGORY_TICKS` of the x positions, evenly spaced."""
    step = max(1, -(-len(ticks) // MAX_CATEGORY_TICKS))
    ax.set_xticks(ticks[::step], labels=labels[::step])
    if len(ticks[::step]) > 8 and max((len(t) for t in labels), default=0) > 3:
        ax.tick_params(axis="x", labelrotation=45)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")


# --------------------------------------------------------------------------- export


def figure_for(
    plan: BarPlan | LinePlan,
    kind: str | None = None,
    size: tuple[float, float] | None = None,
    dpi: float | None = None,
    style: ChartStyle | None = None,
    lang: str | None = None,
) -> Figure:
    """A new figure with ``plan`` drawn on it, for export and print.

    Args:
        plan: A bar or line plan.
        kind: ``"bar"`` or ``"line"``; default from the plan's type.
        size: Width and height in inches; default 8 inches wide, tall enough for every bar.
        dpi: Resolution; default the style's.
        style: Sizes; default :meth:`ChartStyle.print` at ``dpi``.
        lang: Language of the number formats; default the UI language.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    kind = kind or ("bar" if isinstance(plan, BarPlan) else "line")
    style = style or ChartStyle.print(dpi or 300.0)
    if size is None:
        if isinstance(plan, BarPlan):
            size = (8.0, max(3.5, 1.9 + 0.24 * len(plan.rows)))
        else:
            size = (8.0, 4.8)
    figure = Figure(figsize=size, dpi=dpi or style.dpi, layout="constrained")
    FigureCanvasAgg(figure)  # a real renderer, so text sizes and hit tests work before saving
    figure.set_facecolor("white")
    ax = figure.add_subplot()
    if kind == "bar" and isinstance(plan, BarPlan):
        draw_bar_chart(ax, plan, style, lang)
    elif kind == "line" and isinstance(plan, LinePlan):
        draw_line_chart(ax, plan, style, lang)
    else:
        raise ValueError(f"cannot draw a {type(plan).__name__} as a {kind!r} chart")
    return figure
