"""Constrained layout that runs only when what it depends on has changed.

Matplotlib's constrained layout runs on every draw and costs about as much as the drawing
itself (it measures every tick label twice). For a figure whose decorations all belong to its
axes, its result depends only on the figure's size and on how far each axes' decorations
(tick labels, title, axis labels, credits, legend) reach beyond the axes: the margins. While
the size is as at the last layout, the axes stay where they are and the figure is drawn; the
drawing itself shows how far the texts' ink reached (:class:`~atlasviewer.render.text_renderer.
TextCachingRendererAgg` notes it at no extra cost). When that reach is within a pixel more or
a few pixels less than right after the last layout, nothing is clipped and at most a few pixels
of room are left unused; otherwise the canvas lays the figure out again and draws it once more
before anything is shown (:meth:`CachedConstrainedLayout.accept`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.layout_engine import ConstrainedLayoutEngine

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MARGIN_DECIMALS = 3
"""Sizes are compared to a thousandth of a pixel: finer differences come from float noise."""
GROW_TOLERANCE_PX = 1.0
"""A text may reach this much further than right after the last layout and the axes stay: it
then eats 1 px of constrained layout's padding (3 points, ~4 px on screen), never the figure
edge."""
SHRINK_TOLERANCE_PX = 6.0
"""Room left unused by narrower texts up to this much keeps the axes where they are."""

Reach = tuple[float, float, float, float]
"""How far the texts' ink reached beyond the axes: left, right, bottom, top, in pixels."""


class CachedConstrainedLayout(ConstrainedLayoutEngine):
    """:class:`~matplotlib.layout_engine.ConstrainedLayoutEngine` that keeps layouts that fit.

    Use it as ``Figure(layout=CachedConstrainedLayout())`` for a figure of one axes without
    figure-level texts or legends (suptitle, ``fig.legend``), on a canvas that calls
    :meth:`accept` after each draw with the ink its renderer noted (``ChartWidget``'s canvas
    does). With several axes, a text reaching into a neighbour is not noticed: the ink is one
    box for the whole figure, measured against the box around all axes. Any change of
    the figure size, of the set of axes or of an axes' position (set from outside) lays the
    figure out at the next draw; so does :meth:`invalidate`, which :meth:`accept` calls when
    the texts drawn no longer fit the room the last layout made. Boxes of one map set have
    names and ticks a pixel or two wider or narrower: laying out again for those would move the
    axes by a pixel and cost as much as the draw.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._last_key: tuple[Any, ...] | None = None
        self._baseline: Reach | None = None
        self._laid_out = False
        self.layouts_run = 0
        """How many times the layout really ran (for tests and benchmarks)."""

    def execute(self, fig: Figure) -> Any:
        key = self._key(fig)
        if key == self._last_key and self._baseline is not None:
            self._laid_out = False
            return None
        result = super().execute(fig)
        self.layouts_run += 1
        self._last_key = self._key(fig)  # the positions the layout has just set
        self._baseline = None
        self._laid_out = True
        return result

    def accept(self, fig: Figure, ink: list[float] | None) -> bool:
        """After a draw: True when the texts drawn fit the room the last layout made.

        ``ink`` is the renderer's note of where the texts were drawn (x0, y0, x1, y1). Right after a
        layout it becomes the measure of the room made; after a draw that kept the layout it
        is compared with that measure. False means the layout has been invalidated: draw again.
        """
        reach = _reach(fig, ink)
        if self._laid_out or self._baseline is None:
            self._baseline = reach
            self._laid_out = False
            return True
        if _fits(reach, self._baseline):
            return True
        self.invalidate()
        return False

    def invalidate(self) -> None:
        """Lay out at the next draw whatever the key says."""
        self._last_key = None
        self._baseline = None

    @staticmethod
    def _key(fig: Figure) -> tuple[Any, ...]:
        return (
            round(fig.bbox.width, MARGIN_DECIMALS),
            round(fig.bbox.height, MARGIN_DECIMALS),
            fig.dpi,
            tuple(
                (id(ax), tuple(round(v, 9) for v in ax.get_position(original=True).bounds))
                for ax in fig.axes
            ),
        )


def _reach(fig: Figure, ink: list[float] | None) -> Reach:
    """How far the texts' ink reached beyond the box around all axes, per side (0: not beyond).

    Texts inside the axes (a legend, value labels) may move freely: layout is about the room
    around the axes.
    """
    if ink is None or not fig.axes:
        return (0.0, 0.0, 0.0, 0.0)
    x0 = min(ax.bbox.x0 for ax in fig.axes)
    y0 = min(ax.bbox.y0 for ax in fig.axes)
    x1 = max(ax.bbox.x1 for ax in fig.axes)
    y1 = max(ax.bbox.y1 for ax in fig.axes)
    return (
        round(max(x0 - ink[0], 0.0), MARGIN_DECIMALS),
        round(max(ink[2] - x1, 0.0), MARGIN_DECIMALS),
        round(max(y0 - ink[1], 0.0), MARGIN_DECIMALS),
        round(max(ink[3] - y1, 0.0), MARGIN_DECIMALS),
    )


def _fits(reach: Reach, laid_out: Reach) -> bool:
    """True when ``reach`` fits the room of the last layout, wasting little of it."""
    return all(
        -SHRINK_TOLERANCE_PX <= new - old <= GROW_TOLERANCE_PX
        for new, old in zip(reach, laid_out, strict=True)
    )
