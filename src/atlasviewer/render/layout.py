"""Constrained layout that runs only when what it depends on has changed.

Matplotlib's constrained layout runs on every draw and costs about as much as the drawing
itself (it measures every tick label twice). For a figure whose decorations all belong to its
axes, its result depends only on the figure's size and on how far each axes' decorations
(tick labels, title, axis labels, credits) reach beyond the axes: the margins. Measuring those
once per draw is a third of the cost of laying out; when they and the size are as at the last
layout, the axes are already where the layout would put them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.layout_engine import ConstrainedLayoutEngine

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MARGIN_DECIMALS = 3
"""Margins are compared to a thousandth of a pixel: finer differences come from float noise."""


class CachedConstrainedLayout(ConstrainedLayoutEngine):
    """:class:`~matplotlib.layout_engine.ConstrainedLayoutEngine` that skips unchanged layouts.

    Use it as ``Figure(layout=CachedConstrainedLayout())`` for figures without figure-level
    texts or legends (suptitle, ``fig.legend``): those are not part of the key. Any change of
    the figure size, of the set of axes, of an axes' position (set from outside) or of its
    decorations' reach lays the figure out again, exactly as constrained layout would.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._last_key: tuple[Any, ...] | None = None
        self.layouts_run = 0
        """How many times the layout really ran (for tests and benchmarks)."""

    def execute(self, fig: Figure) -> Any:
        renderer = fig._get_renderer()  # type: ignore[attr-defined]  # as constrained layout
        margins = [_margins(ax, renderer) for ax in fig.axes]
        if self._key(fig, margins) == self._last_key:
            return None
        result = super().execute(fig)
        self.layouts_run += 1
        # The margins do not depend on where the axes sit, so they hold for the new positions.
        self._last_key = self._key(fig, margins)
        return result

    def invalidate(self) -> None:
        """Lay out at the next draw whatever the key says."""
        self._last_key = None

    @staticmethod
    def _key(fig: Figure, margins: list[tuple[float, ...]]) -> tuple[Any, ...]:
        return (
            round(fig.bbox.width, MARGIN_DECIMALS),
            round(fig.bbox.height, MARGIN_DECIMALS),
            fig.dpi,
            tuple(
                (id(ax), tuple(round(v, 9) for v in ax.get_position(original=True).bounds), m)
                for ax, m in zip(fig.axes, margins, strict=True)
            ),
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
