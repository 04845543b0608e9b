"""An Agg renderer that remembers how texts are laid out and what their glyphs look like.

Matplotlib's Agg backend (3.11) lays out every text with HarfBuzz and renders it glyph by glyph
through FreeType at each draw: on a bar chart of 22 area names, value ticks, title, labels,
credits and legend, that is about half of the cost of a draw, though the same names are drawn
at the same places box after box. :class:`TextCachingRendererAgg` keeps

- the glyph layout of each string in each font (what ``FT2Font._layout`` returns),
- each glyph's bitmap for each sub-pixel phase (FreeType positions glyphs in 1/64 px: a glyph
  moved by whole pixels has the same bitmap, moved), and
- the height metrics of each font (what :class:`~matplotlib.text.Text` reads from the font's
  tables for every text it measures),

and paints the same pixels as :class:`~matplotlib.backends.backend_agg.RendererAgg`: the same
glyphs, placed by the same arithmetic, composited by the same call. It leans on private parts
of matplotlib's Agg backend; when they are missing (another matplotlib) it draws as
``RendererAgg`` does.

It also notes the box the ink of the texts it drew since its last ``clear()`` (the start of a
full draw) covered: :attr:`TextCachingRendererAgg.ink`. A layout that is kept from
one draw to the next checks against it that the texts still fit (:mod:`atlasviewer.render.layout`).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import fontManager, get_font
from matplotlib.ft2font import FT2Font, RenderMode

POINTS_PER_INCH = 72.0
MAX_LAYOUTS = 2048
"""Strings whose layout is kept (area names, ticks and titles of many boxes, two languages)."""
MAX_GLYPHS = 8192
"""Glyph bitmaps kept; a few hundred glyphs in a few sub-pixel phases cover a chart."""

_SUPPORTED = all(hasattr(FT2Font, name) for name in ("_layout", "_render_glyph", "_set_transform"))

# Shared by every renderer: a resized canvas makes a new renderer, the glyphs stay the same.
_layouts: OrderedDict[tuple[Any, ...], tuple[tuple[Any, int, float, float], ...]] = OrderedDict()
_glyphs: OrderedDict[tuple[Any, ...], tuple[np.ndarray, int, int]] = OrderedDict()
_metrics: OrderedDict[tuple[Any, ...], tuple[float, float, float]] = OrderedDict()
_heights: dict[tuple[Any, ...], tuple[float | None, float | None, float | None]] = {}


class TextCachingRendererAgg(RendererAgg):
    """:class:`~matplotlib.backends.backend_agg.RendererAgg` with cached text layout and glyphs.

    Use it from a canvas's ``get_renderer`` (see :func:`caching_renderer_for`).

    Attributes:
        ink: The box the ink of the texts drawn since the last :meth:`clear` covered, as
            ``[x0, y0, x1, y1]`` in display pixels (origin bottom left, as matplotlib's display
            coordinates); None before the first text.
    """

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self.ink: list[float] | None = None

    def clear(self) -> None:
        """Blank the canvas (a full draw begins) and forget where texts were drawn."""
        super().clear()
        self.ink = None

    def note_ink(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Widen :attr:`ink` to the box (x0, y0)-(x1, y1), in display pixels.

        Texts note themselves; artists that stand for texts (a cached legend, the room kept
        for bold names) call it too.
        """
        box = self.ink
        if box is None:
            self.ink = [x0, y0, x1, y1]
        else:
            box[0], box[1] = min(box[0], x0), min(box[1], y0)
            box[2], box[3] = max(box[2], x1), max(box[3], y1)

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        """Draw ``s`` as :meth:`RendererAgg.draw_text` does, from cached layout and glyphs."""
        if ismath or not _SUPPORTED:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            if mtext is not None:
                extent = mtext.get_window_extent(self)
                self.note_ink(extent.x0, extent.y0, extent.x1, extent.y1)
            return
        flags = get_hinting_flag()
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        items = self._layout(s, prop, flags, features, language)
        size = prop.get_size_in_points()
        antialiased = gc.get_antialiased()
        mode = RenderMode.NORMAL if antialiased else RenderMode.MONO
        # As RendererAgg._draw_text_glyphs_and_boxes, for plain text (no slant, no stretch).
        cos = math.cos(math.radians(angle))
        sin = math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]]) @ [[1, 0], [0, 1]]).round()
        matrix = matrix.astype(int)
        matrix_key = tuple(matrix.ravel().tolist())
        height = self.height
        page_bottom = int(height)
        draw_image = self._renderer.draw_text_image
        # The ink's box in image rows (downwards) and columns, noted once for the whole text.
        left_ink = top_ink = math.inf
        right_ink = bottom_ink = -math.inf
        for font, glyph_index, dx, dy in items:
            # FreeType's y is upwards; positions in 1/64 px, rounded as matplotlib rounds them.
            x64 = round(0x40 * (x + dx * cos - dy * sin))
            y64 = round(0x40 * (height - y + dx * sin + dy * cos))
            key = (font, size, self.dpi, glyph_index, matrix_key, x64 & 63, y64 & 63, flags, mode)
            glyph = _glyphs.get(key)
            if glyph is None:
                font.set_size(size, self.dpi)
                font._set_transform(matrix, [x64, y64])
                bitmap = font._render_glyph(glyph_index, flags, mode)
                buffer = np.array(bitmap.buffer, copy=True)
                if not antialiased:
                    buffer *= 0xFF
                glyph = (buffer, bitmap.left - (x64 >> 6), bitmap.top - (y64 >> 6))
                _remember(_glyphs, key, glyph, MAX_GLYPHS)
            buffer, left, top = glyph
            # draw_text_image's y is downwards and names the bitmap's bottom row.
            column = (x64 >> 6) + left
            row = page_bottom - ((y64 >> 6) + top)
            draw_image(buffer, column, row + buffer.shape[0], 0, gc)
            if buffer.size:
                left_ink = min(left_ink, column)
                right_ink = max(right_ink, column + buffer.shape[1])
                top_ink = min(top_ink, row)
                bottom_ink = max(bottom_ink, row + buffer.shape[0])
        if left_ink <= right_ink:
            self.note_ink(left_ink, height - bottom_ink, right_ink, height - top_ink)

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> Any:
        """Width, height and descent of ``s`` as RendererAgg measures them, kept across renderers.

        matplotlib keeps measurements per renderer, and a resized canvas gets a new renderer:
        the chart pane changing height between boxes would measure every text anew.
        """
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        key = (s, prop.copy(), self.dpi, get_hinting_flag())
        metrics = _metrics.get(key)
        if metrics is None:
            metrics = super().get_text_width_height_descent(s, prop, ismath)
            _remember(_metrics, key, metrics, MAX_LAYOUTS)
        return metrics

    def _get_font_height_metrics(self, prop: Any) -> tuple[Any, Any, Any]:
        """Ascent, descent and line gap of ``prop``'s font, as Text._get_layout computes them.

        :class:`~matplotlib.text.Text` asks a renderer for these when it has this method, and
        otherwise reads them from the font's tables on every measurement.
        """
        key = (prop.copy(), self.dpi)
        metrics = _heights.get(key)
        if metrics is None:
            metrics = _font_height_metrics(prop, self.dpi)
            _heights[key] = metrics
        return metrics

    def _layout(
        self, s: str, prop: Any, flags: Any, features: Any, language: Any
    ) -> tuple[tuple[Any, int, float, float], ...]:
        key = (s, prop.copy(), self.dpi, flags, features, language)
        items = _layouts.get(key)
        if items is None:
            font = self._prepare_font(prop)
            items = tuple(
                (item.ft_object, item.glyph_index, item.x, item.y)
                for item in font._layout(s, flags=flags, features=features, language=language)
            )
            _remember(_layouts, key, items, MAX_LAYOUTS)
        return items


def caching_renderer_for(canvas: Any) -> RendererAgg:
    """The renderer an Agg canvas's ``get_renderer`` would return, caching texts.

    Keeps the canvas's own rule: one renderer per size and resolution.
    """
    width, height = canvas.get_width_height(physical=True)
    key = width, height, canvas.figure.dpi
    if canvas._lastKey != key or not isinstance(canvas.renderer, TextCachingRendererAgg):
        canvas.renderer = TextCachingRendererAgg(width, height, canvas.figure.dpi)
        canvas._lastKey = key
    return canvas.renderer


class TextCachingCanvasAgg(FigureCanvasAgg):
    """An Agg canvas (no GUI) drawing with :class:`TextCachingRendererAgg`."""

    def get_renderer(self) -> RendererAgg:
        """The canvas's renderer, made anew only when its size or resolution changes."""
        return caching_renderer_for(self)


def line_height_points(prop: Any) -> float:
    """The height of one line of text in ``prop``'s font, in points, as matplotlib lays it out."""
    ascent, descent, _gap = _font_height_metrics(prop, POINTS_PER_INCH)
    if ascent is None or descent is None:
        return float(prop.get_size_in_points()) * 1.2  # matplotlib's usual line spacing
    return float(ascent + descent)


def _font_height_metrics(prop: Any, dpi: float) -> tuple[Any, Any, Any]:
    """matplotlib.text.Text._get_layout's reading of the font tables (3.11), or Nones."""
    font: Any = get_font(fontManager._find_fonts_by_props(prop))  # tables named at run time
    possible = [
        ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        ("hhea", "lineGap", "ascent", "descent"),
    ]
    for table_name, linegap_key, ascent_key, descent_key in possible:
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        head = font.get_sfnt_table("head")
        assert head is not None
        scale = 1 / head["unitsPerEm"] * prop.get_size_in_points() * dpi / 72
        return (
            table[ascent_key] * scale,
            -table[descent_key] * scale,
            table[linegap_key] * scale,
        )
    return None, None, None


def _remember(cache: OrderedDict[Any, Any], key: Any, value: Any, limit: int) -> None:
    cache[key] = value
    if len(cache) > limit:
        cache.popitem(last=False)
