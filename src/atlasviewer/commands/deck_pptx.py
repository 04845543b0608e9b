"""Slides to PowerPoint with python-pptx: title, the view, the source line, notes.

One slide per view on the "Title Only" layout of python-pptx's default template: the title
placeholder holds the title, the map or chart is a picture fitted into the room under it, a
table is a native table (its cells as the window formats them, the national row in bold), and
the source line is a text box at the foot. The finding goes into the speaker notes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from atlasviewer.commands.slides import PICTURE_BOX, SLIDE_SIZES
from atlasviewer.core.deck_views import ResolvedSlide, source_line
from atlasviewer.i18n import _

TITLE_ONLY_LAYOUT = 5
MAX_TABLE_ROWS = 24
"""More rows than this do not fit a slide at a readable size: the rest are left to the notes."""


def write_pptx(renderer: Any, slides: list[ResolvedSlide], path: Path) -> list[str]:
    """Write ``slides`` to ``path``; returns a note for each slide whose view failed to draw."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    width, height = SLIDE_SIZES[renderer.aspect]
    room_width, room_height = PICTURE_BOX[renderer.aspect]
    presentation = Presentation()
    presentation.slide_width = Inches(width)
    presentation.slide_height = Inches(height)
    layout = presentation.slide_layouts[TITLE_ONLY_LAYOUT]
    notes: list[str] = []
    for number, found in enumerate(slides, start=1):
        slide = presentation.slides.add_slide(layout)
        title = slide.shapes.title
        title.left, title.top = Inches(0.5), Inches(0.25)
        title.width, title.height = Inches(width - 1.0), Inches(1.0)
        title.text = found.title
        for paragraph in title.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(30)
        left, top = Inches((width - room_width) / 2), Inches(1.3)
        try:
            picture = renderer.picture(found)
            if picture is None:
                _add_table(slide, renderer.table_plan(found), left, top, room_width, room_height)
            else:
                _add_picture(slide, picture, left, top, room_width, room_height)
        except Exception as exc:  # noqa: BLE001 - one view that cannot be drawn is named
            notes.append(
                _("Slide {number}: the view could not be drawn: {error}").format(
                    number=number, error=exc
                )
            )
        box = slide.shapes.add_textbox(left, Inches(height - 0.55), Inches(room_width), Inches(0.4))
        box.text_frame.text = source_line(found)
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
        slide.notes_slide.notes_text_frame.text = found.finding or found.title
    presentation.save(str(path))
    return notes


def _add_picture(
    slide: Any, picture: Path, left: int, top: int, width: float, height: float
) -> None:
    from PIL import Image
    from pptx.util import Inches

    with Image.open(picture) as image:
        ratio = image.width / image.height
    fitted_width = min(width, height * ratio)
    fitted_height = fitted_width / ratio
    offset = Inches((width - fitted_width) / 2)
    slide.shapes.add_picture(
        str(picture), left + offset, top, Inches(fitted_width), Inches(fitted_height)
    )


def _add_table(slide: Any, plan: Any, left: int, top: int, width: float, height: float) -> None:
    from pptx.util import Inches, Pt

    rows = plan.texts[:MAX_TABLE_ROWS]
    shape = slide.shapes.add_table(
        len(rows) + 1, len(plan.columns), left, top, Inches(width), Inches(height)
    )
    table = shape.table
    size = Pt(14 if len(rows) <= 12 else 11)
    for column, spec in enumerate(plan.columns):
        _cell(table.cell(0, column), spec.label, size, bold=True)
    for row, texts in enumerate(rows, start=1):
        national = plan.national_row == row - 1
        for column, text in enumerate(texts):
            right = plan.columns[column].numeric
            _cell(table.cell(row, column), text, size, bold=national, right=right)


def _cell(cell: Any, text: str, size: Any, bold: bool = False, right: bool = False) -> None:
    from pptx.enum.text import PP_ALIGN

    cell.text = str(text)
    paragraph = cell.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    for run in paragraph.runs:
        run.font.size = size
        run.font.bold = bold
