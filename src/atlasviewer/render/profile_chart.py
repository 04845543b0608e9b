"""The area profile as a spine chart (Fingertips' layout), drawn with matplotlib from a plan.

:func:`draw_profile` draws a :class:`~atlasviewer.core.compare.profile.ProfilePlan` into an
Axes: per row the indicator's label at the left, its value, national, lowest and highest value
in columns, and the spine: a grey bar from the lowest to the highest area, the national value
as a vertical line at the middle, the area's value as a dot in its significance colour (a
diamond where the value is a merged area's). No Qt: the window, the export and the
headless command draw the same figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from atlasviewer.render.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from atlasviewer.core.compare.profile import ProfilePlan

LABEL_WIDTH = 0.46
"""Share of the width for the indicator labels."""
COLUMN_WIDTH = 0.075
"""Share of the width per number column (value, national, lowest, highest)."""
ROW_HEIGHT_IN = 0.36
"""Height of a row in inches."""


def draw_profile(ax: Axes, plan: ProfilePlan, style: ChartStyle | None = None) -> None:
    """Draw ``plan`` into ``ax`` (its limits and axis decoration are set here)."""
    style = style or ChartStyle()
    n = len(plan.rows)
    ax.set_xlim(0, 1)
    ax.set_ylim(n + 1.0, -1.4)
    ax.set_axis_off()
    spine_left = LABEL_WIDTH + 4 * COLUMN_WIDTH + 0.02
    spine_width = 1 - spine_left - 0.01
    text_kw: dict[str, Any] = {
        "fontsize": style.tick_size,
        "fontfamily": list(style.font_family),
        "va": "center",
    }
    # One atlas's profile names the atlas once, under the title, not on every row.
    atlases = {row.atlas for row in plan.rows}
    one_atlas = atlases.pop() if len(atlases) == 1 else ""
    title = f"{plan.title} ({one_atlas})" if one_atlas else plan.title
    ax.text(0, -1.0, title, fontsize=style.title_size, fontweight="bold",
            fontfamily=list(style.font_family), va="center")  # fmt: skip
    for i, header in enumerate(plan.columns):
        x = LABEL_WIDTH + (i + 1) * COLUMN_WIDTH
        ax.text(x, -0.3, header, ha="right", fontweight="bold", **text_kw)
    for number, row in enumerate(plan.rows):
        y = number + 0.5
        if number % 2 == 0:
            ax.axhspan(y - 0.5, y + 0.5, color="#F4F4F4", zorder=0)
        source = ", ".join(p for p in (None if one_atlas else row.atlas, row.period) if p)
        label = shorten_middle(" ".join(row.label.split()), 86 - len(source) - 3)
        label = f"{label} ({source})" if source else label
        ax.text(0, y, label, ha="left", **text_kw)
        texts = (row.value_text, row.national_text, row.lowest_text, row.highest_text)
        for i, value in enumerate(texts):
            x = LABEL_WIDTH + (i + 1) * COLUMN_WIDTH
            ax.text(x, y, value, ha="right", **text_kw)
        if row.lowest_pos is None or row.highest_pos is None:
            continue
        left = spine_left + row.lowest_pos * spine_width
        right = spine_left + row.highest_pos * spine_width
        ax.barh(y, right - left, left=left, height=0.42, color="#C8C8C8", zorder=1)
        middle = spine_left + 0.5 * spine_width
        ax.plot([middle, middle], [y - 0.3, y + 0.3], color="#333333", linewidth=1.2, zorder=2)
        if row.value_pos is not None:
            x = spine_left + row.value_pos * spine_width
            ax.scatter([x], [y], s=style.marker_size * 2.2, facecolors=row.colour, zorder=3,
                       marker="D" if row.merged else "o", edgecolors="#333333",
                       linewidths=0.8)  # fmt: skip
    legend_x = 0.0
    for name, colour in plan.legend:
        ax.scatter([legend_x + 0.008], [n + 0.5], s=style.marker_size * 1.6,
                   facecolors=colour, edgecolors="#333333", linewidths=0.6)  # fmt: skip
        ax.text(legend_x + 0.02, n + 0.5, name, ha="left", **text_kw)
        legend_x += 0.14
    if plan.merged_label:
        ax.scatter([legend_x + 0.008], [n + 0.5], s=style.marker_size * 1.6, marker="D",
                   facecolors="white", edgecolors="#333333", linewidths=0.6)  # fmt: skip
        ax.text(legend_x + 0.02, n + 0.5, plan.merged_label, ha="left", **text_kw)
    ax.text(1, n + 0.5, plan.credits, ha="right", fontsize=style.credits_size,
            fontfamily=list(style.font_family), va="center", color="#555555")  # fmt: skip


def profile_figure(plan: ProfilePlan, style: ChartStyle | None = None) -> Figure:
    """A figure sized to the plan (width 11.7 in, A4 landscape; a row per indicator)."""
    from matplotlib.figure import Figure

    style = style or ChartStyle()
    height = max(2.5, ROW_HEIGHT_IN * (len(plan.rows) + 3))
    figure = Figure(figsize=(11.7, height), dpi=style.dpi)
    ax = figure.add_axes((0.02, 0.02, 0.96, 0.96))
    draw_profile(ax, plan, style)
    return figure


def save_profile(plan: ProfilePlan, path: Path, dpi: float = 150) -> Path:
    """Write the profile as PNG, SVG or PDF (by the suffix of ``path``)."""
    figure = profile_figure(plan)
    path = Path(path)
    figure.savefig(path, dpi=dpi, metadata=_metadata(path))
    return path


def _metadata(path: Path) -> dict[str, str] | None:
    suffix = path.suffix.casefold()
    if suffix == ".pdf":
        return {"Creator": "Atlas Viewer"}
    if suffix == ".svg":
        return {"Creator": "Atlas Viewer"}
    return None


def shorten_middle(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut in the middle between words.

    Labels of one box's measures differ at their ends ("... pr. 10 000 innbyggere – Private"
    and "... – Offentlig"), so both ends are kept and the middle gives way.
    """
    if len(text) <= limit:
        return text
    words = text.split(" ")
    head: list[str] = []
    tail: list[str] = []
    first, last = 0, len(words) - 1
    used = 2  # the ellipsis and its space
    while first <= last:
        from_head = len(" ".join(head)) <= len(" ".join(tail))
        word = words[first] if from_head else words[last]
        if used + len(word) + 1 > limit:
            break
        used += len(word) + 1
        if from_head:
            head.append(word)
            first += 1
        else:
            tail.insert(0, word)
            last -= 1
    if not head:
        return text[: limit - 1] + "…"
    return " ".join([*head, "…", *tail])
