"""Drawing plans: what to draw, decided once, Qt-free (../shared/CONVENTIONS.md, point 5).

A plan turns a result box's view into classes, colours, legend entries, sort order and formatted
labels for one language. The native Qt map paints a :class:`MapPlan`; the matplotlib chart
functions draw :class:`BarPlan` and :class:`LinePlan`; the table model shows a
:class:`TablePlan`. Exports, printing, fact sheets and tests use the same plans.

The dataclasses and colours are the contract between the core and the views
(:mod:`~atlasviewer.core.plans.contract`); each kind of plan has its builder module
(``map_plan``, ``bar_plan``, ``line_plan``, ``table_plan``), the credit line has
:mod:`~atlasviewer.core.plans.credits`, and the label and row helpers they share are in
:mod:`~atlasviewer.core.plans.labels` and :mod:`~atlasviewer.core.plans.rows`. Import the
public names from this package.
"""

from atlasviewer.core.plans.bar_plan import build_bar_plan
from atlasviewer.core.plans.contract import (
    BAR_COLOURS,
    LINE_COLOURS,
    NATIONAL_COLOUR,
    NO_DATA_COLOUR,
    REGION_COLOUR,
    SELECTION_COLOUR,
    BarPlan,
    BarRow,
    Credits,
    LegendEntry,
    LinePlan,
    LineSeries,
    MapAreaStyle,
    MapPlan,
    TableColumnPlan,
    TablePlan,
)
from atlasviewer.core.plans.credits import box_period, credits_for, credits_for_view, view_unit
from atlasviewer.core.plans.labels import localise_units, plain_text, unit_of
from atlasviewer.core.plans.line_plan import build_line_plan
from atlasviewer.core.plans.map_plan import build_map_plan, map_view_for_chart
from atlasviewer.core.plans.rows import rows_to_areas
from atlasviewer.core.plans.table_plan import build_table_plan

__all__ = [
    "NO_DATA_COLOUR",
    "NATIONAL_COLOUR",
    "REGION_COLOUR",
    "SELECTION_COLOUR",
    "BAR_COLOURS",
    "LINE_COLOURS",
    "Credits",
    "LegendEntry",
    "MapAreaStyle",
    "MapPlan",
    "BarRow",
    "BarPlan",
    "LineSeries",
    "LinePlan",
    "TableColumnPlan",
    "TablePlan",
    "build_map_plan",
    "map_view_for_chart",
    "build_bar_plan",
    "build_line_plan",
    "build_table_plan",
    "box_period",
    "credits_for",
    "credits_for_view",
    "view_unit",
    "rows_to_areas",
    "plain_text",
    "localise_units",
    "unit_of",
]
