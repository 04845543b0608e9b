"""What the figures of the box shown show: its views for the year, in the UI language, credited.

Map, chart and table panes each follow the state (box, year, selection, language) and ask here
for the views they draw, so no pane is told by another what to show and a new pane plugs in
without editing its neighbours. The answer is kept for the box, year and language shown: the
panes of one box ask once each, and the credit line is worked out once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from atlasviewer import i18n
from atlasviewer.core.model import ResultBox, ResultData
from atlasviewer.qt.state import AppState


@dataclass(frozen=True)
class BoxFigures:
    """The views of one result box for one year and language.

    Attributes:
        box: The result box.
        data: Its data (read once: the box keeps it).
        views: Its views for the year shown (map, chart and table specs of the core).
        lang: The language the figures are labelled in.
        credits: The credit line of the figures, None when it could not be made.
    """

    box: ResultBox
    data: ResultData
    views: list[Any]
    lang: str
    credits: Any

    def of_kind(self, *kinds: type) -> list[Any]:
        """The views that are one of ``kinds``, in the box's order."""
        return [view for view in self.views if isinstance(view, kinds)]


_kept: list[tuple[tuple[int, str, str, int], BoxFigures]] = []


def box_figures(state: AppState) -> BoxFigures | None:
    """The figures of the state's box, None without a box (or without an atlas variant)."""
    box, variant = state.box, state.variant
    if box is None or variant is None:
        return None
    lang = i18n.current_language()
    key = (id(box), state.slice, lang, id(variant))
    for kept_key, figures in _kept:
        if kept_key == key and figures.box is box:
            return figures
    from atlasviewer.core.plans import credits_for

    data = box.load()
    try:
        credits = credits_for(variant, box, lang, data)
    except Exception:  # noqa: BLE001 - a credit line must never hide the figures
        credits = None
    figures = BoxFigures(box, data, data.views_for(state.slice or None), lang, credits)
    _kept[:] = [(key, figures)]
    return figures
