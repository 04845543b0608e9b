"""Slides to a PDF handout: one A4 landscape page a slide, drawn with matplotlib.

Each page has the slide's title, its view (the same picture as on the PowerPoint slide, or the
table as a table), the finding under it, and the source line at the foot. matplotlib's PDF
backend is used because the views are already matplotlib or PNG pictures and it writes a page
per figure (``PdfPages``) without another library.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from atlasviewer.core.deck_views import ResolvedSlide, source_line
from atlasviewer.i18n import _

PAGE = (11.69, 8.27)
"""A4 landscape, inches."""
MAX_TABLE_ROWS = 30


def write_pdf(renderer: Any, slides: list[ResolvedSlide], path: Path) -> list[str]:
    """Write ``slides`` to ``path``; returns a note for each slide whose view failed to draw."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    notes: list[str] = []
    with PdfPages(path, metadata={"Creator": "Atlas Viewer", "Title": _("Presentation")}) as pdf:
        for number, found in enumerate(slides, start=1):
            figure = Figure(figsize=PAGE)
            figure.text(0.04, 0.94, found.title, fontsize=20, weight="bold", va="top")
            finding = textwrap.fill(found.finding, 130) if found.finding else ""
            lines = finding.count("\n") + 1 if finding else 0
            bottom = 0.08 + 0.025 * lines
            room = figure.add_axes((0.04, bottom, 0.92, 0.84 - bottom))
            room.set_axis_off()
            try:
                picture = renderer.picture(found)
                if picture is None:
                    _table(room, renderer.table_plan(found))
                else:
                    _picture(room, picture)
            except Exception as exc:  # noqa: BLE001 - one view that cannot be drawn is named
                notes.append(
                    _("Slide {number}: the view could not be drawn: {error}").format(
                        number=number, error=exc
                    )
                )
            if finding:
                figure.text(0.04, bottom - 0.01, finding, fontsize=10, va="top")
            figure.text(0.04, 0.03, source_line(found), fontsize=9, color="#333333")
            figure.text(0.96, 0.03, str(number), fontsize=9, color="#333333", ha="right")
            pdf.savefig(figure)
    return notes


def _picture(axes: Any, picture: Path) -> None:
    from matplotlib.image import imread

    axes.imshow(imread(str(picture)), interpolation="antialiased")
    axes.set_aspect("equal")


def _table(axes: Any, plan: Any) -> None:
    rows = plan.texts[:MAX_TABLE_ROWS]
    table = axes.table(
        cellText=rows or [[""] * len(plan.columns)],
        colLabels=[c.label for c in plan.columns],
        loc="upper center",
        cellLoc="right",
    )
    table.auto_set_font_size(False)
    table.set_fontsize(9 if len(rows) > 20 else 11)
    table.scale(1.0, 1.3)
    for (row, _column), cell in table.get_celld().items():
        if row == 0 or (plan.national_row is not None and row - 1 == plan.national_row):
            cell.set_text_props(weight="bold")
