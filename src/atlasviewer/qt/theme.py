"""How the window looks: the screen theme, or the projector theme for a meeting room.

The projector theme (View > Projector theme; presentation mode always uses it) has body text of
at least 20 px and map and chart labels of at least 16 px at 1024x768, both scaled with the
screen beyond that, and thicker outlines of the selected areas. Charts are drawn again in the
theme's :class:`~atlasviewer.render.style.ChartStyle` (not scaled pictures). The colour-blind-
safe option colours maps with ColorBrewer's YlGnBu, a sequential scheme ColorBrewer marks as
safe for the common forms of colour blindness, in place of the atlases' purple.

Like :mod:`atlasviewer.qt.translation`, one module holds the current theme and tells those who
:func:`follow` it when it changes; panes read :func:`current` when they draw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from atlasviewer.render.style import ChartStyle

BASE_SCREEN = (1024, 768)
"""The projector size the minimum text sizes are given for."""
PROJECTOR_BODY_PX = 20.0
PROJECTOR_LABEL_PX = 16.0
SCREEN_LEGEND_PX = 14.0
SCREEN_SELECTION_PX = 3.0
PROJECTOR_SELECTION_PX = 5.0


@dataclass(frozen=True)
class Theme:
    """What the window is drawn with.

    Attributes:
        projector: Large type and thick outlines for a projector.
        colour_blind: Colour-blind-safe map colours.
        scale: How much larger than at 1024x768 the projector sizes are (the screen's share).
    """

    projector: bool = False
    colour_blind: bool = False
    scale: float = 1.0

    @property
    def palette(self) -> str:
        """The map palette (:func:`atlasviewer.core.classify.palette_colours`)."""
        return "ylgnbu" if self.colour_blind else "purple"

    @property
    def body_px(self) -> float | None:
        """The window's body text in pixels (None: the system's)."""
        return PROJECTOR_BODY_PX * self.scale if self.projector else None

    @property
    def label_px(self) -> float:
        """Map legend and label text in pixels."""
        return PROJECTOR_LABEL_PX * self.scale if self.projector else SCREEN_LEGEND_PX

    @property
    def selection_px(self) -> float:
        """Outline width of a selected area on the map, in pixels."""
        return PROJECTOR_SELECTION_PX * self.scale if self.projector else SCREEN_SELECTION_PX

    def chart_style(self) -> ChartStyle:
        """The charts' sizes: the projector's have tick labels of :data:`PROJECTOR_LABEL_PX`."""
        if not self.projector:
            return ChartStyle.screen()
        base = ChartStyle.screen()
        # Tick labels (the smallest chart text) of 16 px at the style's dpi, scaled with the
        # screen; the other texts grow in proportion.
        factor = PROJECTOR_LABEL_PX * self.scale * 72.0 / base.dpi / base.tick_size
        style = base.scaled(factor)
        return replace(style, selection_width=max(style.selection_width, 4.0 * self.scale))


def projector_scale(width: int, height: int) -> float:
    """The screen's size relative to 1024x768 (never below 1)."""
    return max(1.0, min(width / BASE_SCREEN[0], height / BASE_SCREEN[1]))


_current = Theme()
_followers: list[Callable[[Theme], None]] = []


def current() -> Theme:
    return _current


def set_theme(theme: Theme) -> None:
    """Use ``theme``; everyone who follows the theme is told (once, in the order they came)."""
    global _current
    if theme == _current:
        return
    _current = theme
    for callback in list(_followers):
        callback(theme)


def follow(callback: Callable[[Theme], None]) -> Callable[[], None]:
    """Call ``callback(theme)`` after every change; returns a function that unsubscribes."""
    _followers.append(callback)

    def unsubscribe() -> None:
        if callback in _followers:
            _followers.remove(callback)

    return unsubscribe
