"""A legend drawn once and then composited as pixels, while it looks the same.

Matplotlib packs and draws a legend anew at every draw: for the five annual-dot entries of a
bar chart that is ~8 ms, an eighth of a box switch, though the boxes of one atlas mostly have
the same years, so the same legend at the same place. :class:`LegendStamp` draws a legend once
on a transparent layer of the canvas's size, keeps the pixels of its box, and composites them
over the chart at the next draws: the same pixels to within one level of 255 (Agg's rounding
when compositing). It keeps the pixels of the last few looks (a legend's look is what it shows,
as :func:`~atlasviewer.render.bar_marks.legend_look` tells; a legend without a known look is
known by the object itself). Another axes box or canvas size draws the legend anew.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import numpy as np

from atlasviewer.render.text_renderer import TextCachingRendererAgg

if TYPE_CHECKING:
    from matplotlib.legend import Legend

EDGE_PX = 2
"""Pixels kept around the legend's box: its frame's anti-aliased edge and line width."""
LOOKS_KEPT = 8
"""Legends whose pixels are kept: an atlas's boxes have a few sets of years."""


class LegendStamp:
    """The pixels of a few legends, composited instead of drawing a legend that looks the same."""

    def __init__(self) -> None:
        # look and place -> (the legend drawn, its pixels with rows bottom up, their origin)
        self._stamps: OrderedDict[tuple[Any, ...], tuple[Legend, np.ndarray, tuple[int, int]]]
        self._stamps = OrderedDict()
        self.stamps_made = 0
        """How many times a legend was really drawn (for tests and benchmarks)."""

    def draw(self, legend: Legend, renderer: Any, look: tuple[Any, ...] | None = None) -> None:
        """Draw ``legend`` on ``renderer`` (an Agg renderer), from kept pixels when they hold.

        Args:
            legend: The legend to draw.
            renderer: The Agg renderer of the canvas.
            look: What the legend shows, if known: another legend with the same look in the
                same place has the same pixels. Without it, only this legend object does.
        """
        if not legend.get_visible():
            return
        place = (tuple(legend.axes.bbox.bounds), renderer.width, renderer.height, renderer.dpi)
        key = (look if look is not None else ("object", id(legend)), place)
        stamp = self._stamps.get(key)
        if stamp is None or (look is None and stamp[0] is not legend):
            stamp = self._make(legend, renderer)
            self._stamps[key] = stamp
            if len(self._stamps) > LOOKS_KEPT:
                self._stamps.popitem(last=False)
        else:
            self._stamps.move_to_end(key)
        _legend, pixels, (x, y) = stamp
        legend.stale = False
        if pixels.size == 0:  # the legend lies outside the canvas
            return
        gc = renderer.new_gc()
        try:
            renderer.draw_image(gc, x, y, pixels)
        finally:
            gc.restore()
        note_ink = getattr(renderer, "note_ink", None)
        if note_ink is not None:
            height, width = pixels.shape[:2]
            note_ink(x, y, x + width, y + height)

    def forget(self) -> None:
        """Draw every legend anew next time."""
        self._stamps.clear()

    def _make(self, legend: Legend, renderer: Any) -> tuple[Legend, np.ndarray, tuple[int, int]]:
        layer = TextCachingRendererAgg(renderer.width, renderer.height, renderer.dpi)
        legend.draw(layer)
        box = legend.get_window_extent(layer)
        height = int(layer.height)
        width = int(layer.width)
        left = max(int(math.floor(box.x0)) - EDGE_PX, 0)
        right = min(int(math.ceil(box.x1)) + EDGE_PX, width)
        top = max(height - int(math.ceil(box.y1)) - EDGE_PX, 0)
        bottom = min(height - int(math.floor(box.y0)) + EDGE_PX, height)
        pixels = np.asarray(layer.buffer_rgba())[top:bottom, left:right]
        self.stamps_made += 1
        # draw_image takes rows bottom up and its origin at the bottom left.
        return legend, np.ascontiguousarray(pixels[::-1]), (left, height - bottom)
