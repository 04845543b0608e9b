"""The drawing plans: what to draw, decided once, Qt-free (../shared/CONVENTIONS.md, point 5).

These dataclasses and colours are the contract between the core and the views. The native Qt map
paints a :class:`MapPlan`; the matplotlib chart functions draw :class:`BarPlan` and
:class:`LinePlan`; the table model shows a :class:`TablePlan`. The builders that fill them from a
result box live beside this module in :mod:`atlasviewer.core.plans`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NO_DATA_COLOUR = "#d9d9d9"
"""Fill of an area without a value (light grey; with a hatch in the map)."""

NATIONAL_COLOUR = "#1b7837"
"""The national bar, in a colour of its own."""

REGION_COLOUR = "#5a6b7b"
"""Bars of health regions beside the areas: references like the national bar, in slate grey."""

SELECTION_COLOUR = "#e6550d"
"""Outline and highlight of selected areas: orange, apart from the purple and viridis ramps."""

BAR_COLOURS = ("#ab6ca6", "#c498c1", "#ddc4db")
"""Bars of the areas, stacked parts in order: the atlases' purple at opacity 1, 0.7 and 0.4."""

LINE_COLOURS = ("#253776", "#74a5cd", "#ab6ca6", "#e6550d", "#1b7837", "#666666")
"""Lines when the data names no colours (the first two are the atlases' own line colours)."""


@dataclass
class Credits:
    """What every figure carries: producer, period and unit."""

    producer: str = ""
    period: str = ""
    unit: str = ""
    source_note: str = ""


@dataclass
class LegendEntry:
    """One class of a choropleth: its colour and its range, formatted for the language."""

    colour: str
    label: str
    lower: float | None
    upper: float | None
    count: int = 0


@dataclass
class MapAreaStyle:
    """How one area of the map set is drawn for one result box."""

    key: str
    name: str
    value: float | None
    value_text: str
    colour: str
    class_index: int | None
    selected: bool = False


@dataclass
class MapPlan:
    """A choropleth of one map view.

    Attributes:
        geography_id: The map set the plan is for.
        areas: Style per area key of the map set (every area of the map, data or not).
        legend: One entry per class, lowest first, then a no-data entry when any area lacks data.
        national_value / national_text: The national reference, formatted.
        title: The caption in the language; ``credits`` what the figure must show beside it.
        unmatched: Data rows whose area is not in the map set (each is also a Problem).
    """

    geography_id: str
    title: str
    areas: dict[str, MapAreaStyle]
    legend: list[LegendEntry]
    national_value: float | None = None
    national_text: str = ""
    national_label: str = ""
    credits: Credits = field(default_factory=Credits)
    palette: str = "purple"
    unmatched: list[str] = field(default_factory=list)
    classes_source: str = "published"
    classes_note: str = ""


@dataclass
class BarRow:
    """One bar (or stack of bars) of a bar chart."""

    key: str
    label: str
    values: list[float | None]
    value_texts: list[str]
    annual: list[float | None] = field(default_factory=list)
    error_low: float | None = None
    error_high: float | None = None
    is_national: bool = False
    selected: bool = False
    area_id: str = ""
    """The row's identity (registry id, merged members joined by ``+``, else its name)."""
    is_region: bool = False
    """A health region (or other aggregate) beside the areas: a reference, not ranked."""
    selects: tuple[str, ...] = ()
    """The area ids a click on the row selects (a region row: its areas)."""


@dataclass
class BarPlan:
    """A horizontal bar chart, rows sorted by the main value, largest at the top."""

    title: str
    value_label: str
    rows: list[BarRow]
    series_labels: list[str]
    series_colours: list[str]
    annual_labels: list[str] = field(default_factory=list)
    format: str = ",.0f"
    stacked: bool = False
    has_error_bars: bool = False
    credits: Credits = field(default_factory=Credits)
    wanted_height: float = 0.0
    """The figure height in inches that shows every row's label at the minimum size apart;
    0 when the host's height will do (a host with less scrolls or the chart thins its labels)."""


@dataclass
class LineSeries:
    label: str
    colour: str
    x: list[float | str]
    y: list[float | None]


@dataclass
class LinePlan:
    title: str
    x_label: str
    y_label: str
    series: list[LineSeries]
    format_x: str = ""
    format_y: str = ",.0f"
    x_tick_labels: list[str] = field(default_factory=list)
    credits: Credits = field(default_factory=Credits)


@dataclass
class TableColumnPlan:
    id: str
    label: str
    numeric: bool
    format: str


@dataclass
class TablePlan:
    """A table: columns, raw values (for sorting and export) and formatted cells (for showing)."""

    caption: str
    columns: list[TableColumnPlan]
    row_keys: list[str]
    values: list[list[object]]
    texts: list[list[str]]
    national_row: int | None = None
    credits: Credits = field(default_factory=Credits)
    region_rows: list[int] = field(default_factory=list)
    """Rows of health regions (or other aggregates) beside the areas: listed last, apart."""
    area_ids: list[str] = field(default_factory=list)
    """Each row's identity (see :class:`BarRow`), "" for a row without an area."""
