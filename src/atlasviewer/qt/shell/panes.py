"""Which panes the window is made of: the one place that puts the pane packages together.

Panes never import each other (tests/test_architecture.py checks it): the reader shows a result
box's map, charts and tables and the atlas's fact-sheet list, but gets them from here. A new
pane of a result box is built in :func:`figure_panes` and subscribes to the state itself; no
other pane changes. Each pane's module is imported when the reader is first built, not before:
the library screen paints without them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from atlasviewer.qt.reader.result_box import FigurePanes
from atlasviewer.qt.reader.view import ReaderParts, ReaderView
from atlasviewer.qt.state import AppState


def figure_panes(state: AppState, parent: QWidget) -> FigurePanes:
    """The map, chart and table panes of one result box view."""
    from atlasviewer.qt.charts.tabs import ChartTabs
    from atlasviewer.qt.map.pane import MapPane
    from atlasviewer.qt.tables.tabs import TableTabs

    return FigurePanes(
        map=MapPane(state, parent),
        charts=ChartTabs(state, parent),
        tables=TableTabs(state, parent),
    )


def fact_sheet_page(parent: QWidget) -> QWidget:
    """The reader's list of the fact sheets an atlas links to."""
    from atlasviewer.qt.factsheets.page import FactSheetPage

    return FactSheetPage(parent)


def build_reader(state: AppState, parent: QWidget) -> ReaderView:
    """The reader with its result-box panes and its fact-sheet page."""
    return ReaderView(state, ReaderParts(figure_panes, fact_sheet_page), parent)
