"""Constrained layout that runs only when what it depends on has changed.

Matplotlib's constrained layout runs on every draw and costs about as much as the drawing
itself (it measures every tick label twice). For a figure whose decorations all belong to its
axes, its result depends only on the figure's size and on how far each axes' decorations
(tick labels, title, axis labels, credits) reach beyond the axes: the margins. Measuring those
once per draw is a third of the cost of laying out; when the size is as at the last layout and
the margins are within a pixel or a few of those it made room for, the axes stay where they are:
nothing is clipped and at most a few pixels of room are left unused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.layout_engine import ConstrainedLayoutEngine

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MARGIN_DECIMALS = 3
"""Margins are compared to a thousandth of a pixel: finer differences come from float noise."""
GROW_TOLERANCE_PX = 1.0
"""A decoration may reach this much further than at the last layout and the axes stay: it then
eats 1 px of constrained layout's padding (3 points, ~4 px on screen), never the figure edge."""
SHRINK_TOLERANCE_PX = 6.0
"""Room left unused by narrower decorations up to this much keeps the axes where they are."""


class CachedConstrainedLayout(ConstrainedLayoutEngine):
    """:class:`~matplotlib.layout_engine.ConstrainedLayoutEngine` that skips layouts that fit.

    Use it as ``Figure(layout=CachedConstrainedLayout())`` for figures without figure-level
    texts or legends (suptitle, ``fig.legend``): those are not part of the key. Any change of
    the figure size, of the set of axes or of an axes' position (set from outside) lays the
    figure out again; so does a change of how far the axes' decorations reach beyond it (the
    margins) unless every margin is within :data:`GROW_TOLERANCE_PX` more and
    :data:`SHRINK_TOLERANCE_PX` less than at the last layout. Boxes of one map set have names
    and ticks a pixel or two wider or narrower: laying out again for those would move the axes
    by a pixel and cost as much as the draw.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._last_key: tuple[Any, ...] | None = None
        self._last_margins: list[tuple[float, ...]] = []
        self.layouts_run = 0
        """How many times the layout really ran (for tests and benchmarks)."""

    def execute(self, fig: Figure) -> Any:
        renderer = fig._get_renderer()  # type: ignore[attr-defined]  # as constrained layout
        margins = [_margins(ax, renderer) for ax in fig.axes]
        if self._key(fig) == self._last_key and _fits(margins, self._last_margins):
            return None
        result = super().execute(fig)
        self.layouts_run += 1
        # The margins do not depend on where the axes sit, so they hold for the new positions.
        self._last_key = self._key(fig)
        self._last_margins = margins
        return result

    def invalidate(self) -> None:
        """Lay out at the next draw whatever the key says."""
        self._last_key = None

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


def _fits(margins: list[tuple[float, ...]], laid_out: list[tuple[float, ...]]) -> bool:
    """True when ``margins`` fit the room of the last layout, wasting little of it."""
    if len(margins) != len(laid_out):
        return False
    return all(
        -SHRINK_TOLERANCE_PX <= new - old <= GROW_TOLERANCE_PX
        for now, before in zip(margins, laid_out, strict=True)
        for new, old in zip(now, before, strict=True)
    )


def _margins(ax: Axes, renderer: Any) -> tuple[float, ...]:
    """How far the axes' decorations reach beyond it on each side, in pixels."""
    from matplotlib import artist

    inner = ax.get_position(original=True).transformed(ax.figure.transSubfigure)
    outer = artist._get_tightbbox_for_layout_only(ax, renderer)  # type: ignore[attr-defined]
    if outer is None:
        return (0.0, 0.0, 0.0, 0.0)
    return tuple(
        round(v, MARGIN_DECIMALS)
        for v in (
            inner.x0 - outer.x0,
            outer.x1 - inner.x1,
            inner.y0 - outer.y0,
            outer.y1 - inner.y1,
        )
    )
