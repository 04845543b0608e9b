"""The pictures of slides: each view drawn headless as ``atlasviewer export`` draws it.

A slide's map or chart is written by :class:`~atlasviewer.commands.export.BoxExporter` (the
same drawing as the exported files, at slide proportions, its areas outlined) into a temporary
folder; a table stays a :class:`~atlasviewer.core.plans.TablePlan` (PowerPoint gets a native
table). :meth:`SlideRenderer.slide_image` composes a whole slide (title, picture, source line)
as one image, for Ctrl+C in the window.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from atlasviewer.core.deck_views import ResolvedSlide, area_keys, highlighted, source_line
from atlasviewer.i18n import _

SLIDE_SIZES = {"16:9": (13.333, 7.5), "4:3": (10.0, 7.5)}
"""Slide width and height in inches (PowerPoint's own sizes)."""
PICTURE_BOX = {"16:9": (12.3, 5.6), "4:3": (9.3, 5.6)}
"""The room a view has on a slide between the title and the source line, in inches."""
SLIDE_TEXT_SCALE = 1.5
"""Charts are drawn with text this much larger than in exported files: read on a wall."""


class SlideRenderer:
    """Draws the views of resolved slides as PNG files, at slide proportions.

    Args:
        library: The atlas library the slides were resolved in.
        aspect: ``"16:9"`` or ``"4:3"``.
        dpi: Resolution of the pictures.
    """

    def __init__(self, library: Any, aspect: str = "16:9", dpi: float = 200.0) -> None:
        from atlasviewer.commands.headless import headless_application

        self.app = headless_application()
        self.library = library
        self.aspect = aspect if aspect in SLIDE_SIZES else "16:9"
        self.dpi = dpi
        self._folder = tempfile.TemporaryDirectory(prefix="atlasviewer-slides-")
        self._exporters: dict[tuple[str, str], Any] = {}
        self._count = 0

    def close(self) -> None:
        """Remove the pictures drawn."""
        self._folder.cleanup()

    def __enter__(self) -> SlideRenderer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _exporter(self, found: ResolvedSlide) -> Any:
        from atlasviewer.commands.export import BoxExporter
        from atlasviewer.render.style import ChartStyle

        key = (found.slide.atlas, found.lang)
        if key not in self._exporters:
            width, height = PICTURE_BOX[self.aspect]
            # The map's figure in logical pixels (1/96 inch) of the slide's picture room.
            map_size = (round(width * 96), round(height * 96))
            style = ChartStyle.print(self.dpi).scaled(SLIDE_TEXT_SCALE)
            self._exporters[key] = BoxExporter(
                self.library,
                found.atlas,
                found.variant,
                Path(self._folder.name),
                ["png"],
                self.dpi,
                found.lang,
                map_size=map_size,
                chart_size=(width, height),
                chart_style=style,
            )
        return self._exporters[key]

    def picture(self, found: ResolvedSlide) -> Path | None:
        """The slide's map or chart as a PNG; None for a table (or a slide whose view is gone).

        Raises:
            Exception: Whatever drawing the view raised (the caller names the slide).
        """
        if not found.ok or found.view.kind == "table":
            return None
        from atlasviewer.core.plans import credits_for

        exporter = self._exporter(found)
        credits = credits_for(found.variant, found.box, found.lang, found.data)
        self._count += 1
        stem = f"slide-{self._count}"
        areas = set(found.slide.areas)
        registry = self.library.registry

        def selected(names: list[str]) -> list[str]:
            return highlighted(names, areas, lambda name: area_keys(registry, name))

        exporter.written.clear()
        exporter.export_view(found.box, found.data, found.view, credits, stem, selected)
        return Path(self._folder.name) / f"{stem}.png"

    def table_plan(self, found: ResolvedSlide) -> Any:
        """The slide's table as a plan (cells formatted for the slide's language)."""
        from atlasviewer.core.plans import build_table_plan, credits_for

        credits = credits_for(found.variant, found.box, found.lang, found.data)
        return build_table_plan(
            found.data, found.view, found.lang, credits=credits, registry=self.library.registry
        )

    def slide_image(self, found: ResolvedSlide, width: int = 1920) -> Any:
        """The whole slide as a ``QImage``: title, the view, and its source line under it."""
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor, QFont, QImage, QPainter

        inches = SLIDE_SIZES[self.aspect]
        height = round(width * inches[1] / inches[0])
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        unit = width / inches[0] / 96  # pixels per logical pixel of a 96-dpi slide
        from atlasviewer.qt.painting import painting

        with painting(image) as painter:  # ended on any exception (issue 18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            title_font = QFont()
            title_font.setPixelSize(round(30 * unit))
            title_font.setBold(True)
            painter.setFont(title_font)
            painter.setPen(QColor("#111111"))
            margin = 24 * unit
            title_rect = QRectF(margin, margin * 0.6, width - 2 * margin, 48 * unit)
            painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft), found.title)
            source_font = QFont()
            source_font.setPixelSize(round(14 * unit))
            source_rect = QRectF(margin, height - 34 * unit, width - 2 * margin, 26 * unit)
            room = QRectF(margin, title_rect.bottom(), width - 2 * margin, source_rect.top())
            room.setBottom(source_rect.top() - 6 * unit)
            picture = self.picture(found)
            if picture is not None:
                drawn = QImage(str(picture))
                scaled = drawn.scaled(
                    room.size().toSize(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                painter.drawImage(room.topLeft(), scaled)
            else:
                painter.drawText(room, int(Qt.AlignmentFlag.AlignCenter), found.missing or "")
            painter.setFont(source_font)
            painter.setPen(QColor("#333333"))
            painter.drawText(source_rect, int(Qt.AlignmentFlag.AlignLeft), source_line(found))
        return image


def missing_note(number: int, found: ResolvedSlide) -> str:
    """The line that names a slide left out and why."""
    return _("Slide {number}: {missing}").format(number=number, missing=found.missing)
