"""Text and axes dressing shared by the charts: d3-formatted ticks, wrapping, title, credits.

Matplotlib's constrained layout makes room for text but never breaks it, so titles, labels and
the credits line are wrapped here, before drawing, to the room the figure has.
"""

from __future__ import annotations

import math
import re
import textwrap
from typing import TYPE_CHECKING, Any, Literal

from atlasviewer.core.formatting import format_number
from atlasviewer.core.plans import Credits
from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes

AXIS_COLOUR = "#444444"
GRID_COLOUR = "#e0e0e0"
CREDITS_COLOUR = "#555555"
CREDITS_GID = "atlasviewer-credits"
"""Marks the credits line, so that a chart updated in place can replace it."""
POINTS_PER_INCH = 72.0
LABEL_WRAP_CHARS = 30
"""Area names longer than this wrap onto a second line (DPS areas have long names)."""
CHAR_WIDTH_EM = 0.55
"""Average width of a DejaVu Sans character in ems, to wrap long titles before drawing them."""


def credits_text(credits: Credits) -> str:
    """The line every figure carries: source (or producer) · period · unit, empty parts left out.

    The source note ("Source: SKDE, Helseatlas") names the producer, so it replaces it.
    """
    parts = [credits.source_note or credits.producer, credits.period, credits.unit]
    return " · ".join(p.strip() for p in parts if p and p.strip())


def draw_credits(ax: Axes, credits: Credits, style: ChartStyle, left_points: float = 0.0) -> None:
    """Write the credits line under the x-axis label, left-aligned with the axes.

    Anchored to the x-axis label so that it moves with it, and part of the axes so that
    constrained layout keeps room for it.
    """
    text = credits_text(credits)
    if not text:
        return
    ax.annotate(
        wrap_to_width(ax, text, style.credits_size, left_points),
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=style.credits_size,
        color=CREDITS_COLOUR,
        annotation_clip=False,
        gid=CREDITS_GID,
    )


def format_value_axis(ax: Axes, axis: str, spec: str, lang: str) -> None:
    from matplotlib.ticker import MaxNLocator

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    target.set_major_formatter(d3_tick_formatter(spec, lang))


def d3_tick_formatter(spec: str, lang: str) -> Any:
    """A matplotlib formatter showing ticks in the plan's d3 format and language.

    The plan's format gives the style (thousands separator, percent, decimals); when the ticks
    are closer than its decimals can show (ticks 0.5 apart under ``,.0f``), the ticks get the
    decimals they need, so that no two ticks read the same.
    """
    from matplotlib.ticker import Formatter

    class D3TickFormatter(Formatter):
        tick_spec = spec

        def set_locs(self, locs: Any) -> None:
            self.tick_spec = spec_for_ticks(spec, [float(v) for v in locs])

        def __call__(self, x: float, pos: int | None = None) -> str:
            return format_number(x, self.tick_spec, lang)

    return D3TickFormatter()


def spec_for_ticks(spec: str, ticks: list[float]) -> str:
    match = re.search(r"\.(\d+)", spec)
    if len(ticks) < 2 or match is None:
        return spec
    step = min(abs(b - a) for a, b in zip(ticks, ticks[1:], strict=False))
    if step <= 0:
        return spec
    if spec.endswith("%"):
        step *= 100
    needed = max(0, -math.floor(math.log10(step) + 1e-9))
    while needed < 6 and abs(step * 10**needed - round(step * 10**needed)) > 1e-6:
        needed += 1
    if needed <= int(match.group(1)):
        return spec
    return spec[: match.start(1)] + str(needed) + spec[match.end(1) :]


def style_axes(ax: Axes, style: ChartStyle, grid_axis: Literal["both", "x", "y"]) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(AXIS_COLOUR)
    ax.tick_params(labelsize=style.tick_size, colors=AXIS_COLOUR)
    ax.set_axisbelow(True)
    ax.grid(axis=grid_axis, color=GRID_COLOUR, linewidth=0.8)


def pin_x_label(ax: Axes) -> None:
    """Place the x-axis label where matplotlib would, once, instead of at every draw.

    Left to place itself, the label measures every value tick label at each draw to stand
    below the lowest (a twentieth of a box switch). The value ticks are one line of one font,
    so their lowest edge is a fixed distance under the axes: tick length, pad and the font's
    line height. Call after the tick label size is set.
    """
    from matplotlib.transforms import offset_copy

    from atlasviewer.render.text_renderer import line_height_points

    tick = ax.xaxis.get_major_ticks()[0]
    pad: float = tick.get_pad()  # type: ignore[func-returns-value,assignment]  # stub: None
    below = (
        tick.get_tick_padding()
        + pad
        + line_height_points(tick.label1.get_fontproperties())
        + ax.xaxis.labelpad
    )
    figure = ax.get_figure(root=True)
    assert figure is not None
    under_ticks = offset_copy(ax.transAxes, figure, x=0.0, y=-below, units="points")
    ax.xaxis.set_label_coords(0.5, 0.0, transform=under_ticks)


def set_title(ax: Axes, title: str, style: ChartStyle, left_points: float = 0.0) -> None:
    """Title ``ax`` at its left edge; an empty ``title`` clears the one a former plan set."""
    ax.set_title(
        wrap_to_width(ax, title, style.title_size, left_points),
        loc="left",
        fontsize=style.title_size,
    )


def wrap_label(text: str, width: int = LABEL_WRAP_CHARS, lines: int = 2) -> str:
    """An area name on at most ``lines`` lines of about ``width`` characters (tooltips show all)."""
    if len(text) <= width:
        return text
    return "\n".join(textwrap.wrap(text, width=width, max_lines=lines, placeholder="…"))


def label_column_points(labels: list[str], font_size: float) -> float:
    """Estimated width (points) of a column of tick labels, plus the ticks' padding."""
    longest = max((len(line) for label in labels for line in label.split("\n")), default=0)
    return longest * font_size * CHAR_WIDTH_EM + 12


def wrap_to_width(
    ax: Axes, text: str, font_size: float, taken_points: float = 0.0, vertical: bool = False
) -> str:
    """Wrap ``text`` to lines that fit the figure's width (or height) less ``taken_points``.

    Text is wrapped before drawing because constrained layout shrinks the axes to make room for
    a too-long title instead of breaking it, down to nothing.
    """
    if not text:
        return ""
    figure = ax.get_figure(root=True)
    assert figure is not None
    extent = figure.get_figheight() if vertical else figure.get_figwidth()
    room = extent * POINTS_PER_INCH * 0.96 - taken_points - 12
    chars = max(int(room / (font_size * CHAR_WIDTH_EM)), 20)
    lines = textwrap.wrap(text, width=chars) if len(text) > chars else [text]
    # The estimate holds for average text; capitals and wide letters ("Proportion of prostate
    # MRI performed…") run wider: measured, the lines are narrowed until each fits.
    widest = _line_width_points(figure, font_size)
    if widest is not None:
        while chars > 20 and max(widest(line) for line in lines) > room:
            chars -= 3
            lines = textwrap.wrap(text, width=chars)
    return "\n".join(lines)


def _line_width_points(figure: Any, font_size: float) -> Any:
    """A function measuring a line's width in points in the default font, or None."""
    canvas = getattr(figure, "canvas", None)
    renderer = getattr(canvas, "get_renderer", lambda: None)()
    if renderer is None or not hasattr(renderer, "get_text_width_height_descent"):
        return None
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=font_size)
    scale = POINTS_PER_INCH / figure.dpi

    def width(line: str) -> float:
        return float(renderer.get_text_width_height_descent(line, prop, ismath=False)[0]) * scale

    return width
