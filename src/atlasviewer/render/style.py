"""How charts look: font sizes, bar geometry and resolution for screen, projector and print.

The chart functions in :mod:`atlasviewer.render.bar_chart` and :mod:`atlasviewer.render.line_chart`
take a :class:`ChartStyle` so that the same drawing code serves the window (screen or projector
sizes), exported images and fact sheets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ChartStyle:
    """Sizes (points) and resolution of one kind of output.

    Attributes:
        title_size: The chart title.
        label_size: Axis labels.
        tick_size: Tick labels (area names, values).
        legend_size: Legend entries.
        credits_size: The producer / period / unit line under the chart.
        dpi: Resolution of the figure (screen pixels per inch, or export dots per inch).
        bar_height: Thickness of a bar, as a fraction of the distance between two bars.
        marker_size: Area (points squared) of the dots that show annual values.
        selection_width: Outline width (points) of a selected area's bar.
        font_family: Matplotlib font family list; DejaVu Sans ships with matplotlib and has
            every Norwegian letter, so exported files look the same on every machine.
        min_tick_size: The smallest size an area name is drawn at; with more rows than fit,
            the bar chart shows every k-th name instead (the rest on hover).
    """

    title_size: float = 11.0
    label_size: float = 9.0
    tick_size: float = 8.5
    legend_size: float = 8.0
    credits_size: float = 7.5
    dpi: float = 100.0
    bar_height: float = 0.72
    marker_size: float = 22.0
    selection_width: float = 2.2
    font_family: tuple[str, ...] = ("DejaVu Sans", "sans-serif")
    min_tick_size: float = 7.0

    @classmethod
    def screen(cls) -> ChartStyle:
        """The window on a desktop monitor."""
        return cls()

    @classmethod
    def projector(cls) -> ChartStyle:
        """The window shown on a projector in a meeting room: everything about 35 % larger."""
        return cls().scaled(1.35)

    @classmethod
    def print(cls, dpi: float = 300.0) -> ChartStyle:
        """Exported images and print at ``dpi``."""
        return replace(cls(), dpi=dpi)

    def scaled(self, factor: float) -> ChartStyle:
        """The same style with every text, marker and outline ``factor`` times larger."""
        return replace(
            self,
            title_size=self.title_size * factor,
            label_size=self.label_size * factor,
            tick_size=self.tick_size * factor,
            min_tick_size=self.min_tick_size * factor,
            legend_size=self.legend_size * factor,
            credits_size=self.credits_size * factor,
            marker_size=self.marker_size * factor * factor,
            selection_width=self.selection_width * factor,
        )
