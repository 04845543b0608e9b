"""The selection highlight of a bar chart, drawn as one artist on top of the bars.

The chart widget draws the bars without their selection and this layer on top: outlines of the
selected bars and their area names in bold :data:`~atlasviewer.core.plans.SELECTION_COLOUR`.
Marked ``animated``, the layer stays out of the widget's full draws, so that a selection change
repaints only the layer over a saved background (blitting) instead of the whole chart. When the
figure is saved, matplotlib draws animated artists too, so an export shows the selection.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from matplotlib.artist import Artist
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox, IdentityTransform

from atlasviewer.core.plans import SELECTION_COLOUR, BarPlan
from atlasviewer.render.axes_text import wrap_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from atlasviewer.render.style import ChartStyle

SELECTION_LAYER_GID = "atlasviewer-selection"
RESERVED_LABELS = 3
"""Names whose bold width the layout keeps room for: the longest few (by characters)."""


class SelectionLayer(Artist):
    """Outlines of the selected bars and their names in bold selection colour.

    Its extent for layout is the bold width of the longest area names whether or not they are
    selected, so that selecting an area never moves the axes and a bold name is never clipped.
    """

    zorder = 3  # over the bars (2), under error bars (4) and annual dots (5), as before

    def __init__(self, ax: Axes, style: ChartStyle) -> None:
        super().__init__()
        self._ax = ax
        self._style = style
        self._outlines: list[Rectangle] = []
        self._rows: list[int] = []
        self._reserved_rows: list[int] = []
        self.set_gid(SELECTION_LAYER_GID)
        self.set_clip_on(False)  # the names sit left of the axes
        self.set_animated(True)
        ax.add_artist(self)

    @property
    def selected_rows(self) -> list[int]:
        """Plan indexes of the highlighted rows, top to bottom."""
        return list(self._rows)

    def set_plan(self, plan: BarPlan) -> None:
        """Keep room for the bold names of ``plan`` (call when the tick labels change)."""
        self._reserved_rows = sorted(
            range(len(plan.rows)),
            key=lambda i: max(len(line) for line in wrap_label(plan.rows[i].label).split("\n")),
        )[-RESERVED_LABELS:]

    def set_selection(
        self, row_patches: Sequence[Sequence[Rectangle]], plan: BarPlan, keys: Iterable[str]
    ) -> None:
        """Highlight the rows of ``keys`` (their bars' current geometry is copied)."""
        chosen = set(keys)
        self._rows = [i for i, row in enumerate(plan.rows) if row.key in chosen]
        self._outlines = []
        for index in self._rows:
            for patch in row_patches[index] if index < len(row_patches) else ():
                outline = Rectangle(
                    patch.get_xy(),
                    patch.get_width(),
                    patch.get_height(),
                    facecolor="none",
                    edgecolor=SELECTION_COLOUR,
                    linewidth=self._style.selection_width,
                    transform=self._ax.transData,
                )
                outline.set_figure(self._ax.figure)
                outline.set_clip_path(self._ax.patch)
                self._outlines.append(outline)
        self.stale = True

    def draw(self, renderer: Any) -> None:
        """Draw the outlines, then each selected name over its plain tick label."""
        if not self.get_visible():
            return
        for outline in self._outlines:
            outline.draw(renderer)
        labels = self._tick_labels()
        face = self._ax.get_figure(root=True).get_facecolor()  # type: ignore[union-attr]
        for index in self._rows:
            if index >= len(labels) or not labels[index].get_text():
                continue
            label = labels[index]
            extent = label.get_window_extent(renderer)
            cover = Rectangle(
                (extent.x0 - 1, extent.y0 - 1),
                extent.width + 2,
                extent.height + 2,
                facecolor=face,
                linewidth=0,
                transform=IdentityTransform(),
            )
            cover.set_figure(self._ax.figure)
            cover.draw(renderer)
            self._bold(label, SELECTION_COLOUR).draw(renderer)
        # The room kept for bold names counts as drawn, selected or not: a kept layout is
        # checked against what was drawn, and that must not change with the selection.
        note_ink = getattr(renderer, "note_ink", None)
        if note_ink is not None:
            room = self.get_window_extent(renderer)
            if room.width > 0:
                note_ink(room.x0, room.y0, room.x1, room.y1)
        self.stale = False

    def get_window_extent(self, renderer: Any = None) -> Bbox:
        """The bold extent of the longest names: the room a selected name may need."""
        labels = self._tick_labels()
        boxes = [
            self._bold(labels[i], "none").get_window_extent(renderer)
            for i in self._reserved_rows
            if i < len(labels) and labels[i].get_text()
        ]
        if not boxes:
            return Bbox.null()
        return Bbox.union(boxes)

    def _tick_labels(self) -> list[Text]:
        # The ticks as last drawn or measured: get_yticklabels() would update them, which marks
        # the figure stale and so asks for the full draw the layer is there to avoid.
        return [tick.label1 for tick in self._ax.yaxis.majorTicks]

    def _bold(self, label: Text, colour: str) -> Text:
        text = Text(
            *label.get_position(),
            text=label.get_text(),
            color=colour,
            horizontalalignment=label.get_horizontalalignment(),
            verticalalignment=label.get_verticalalignment(),
            fontproperties=label.get_fontproperties().copy(),
            transform=label.get_transform(),
            clip_on=False,
        )
        text.set_fontweight("bold")
        text.set_figure(self._ax.figure)
        return text
