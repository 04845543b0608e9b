"""What a reader sees in a result box's table and map: order, emphasis, hover text, copied rows.

Each test drives the real window on the real data and checks what would go wrong for a user if
the feature broke (numbers sorted as text, the national row not set off, an empty hover text,
copied rows without their header).
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication

from atlasviewer.core.library import AtlasLibrary


@pytest.fixture(scope="module")
def library(v2_root):
    return AtlasLibrary([v2_root])


@pytest.fixture
def box(qtbot, open_window, library):
    """The window on radiologi2's result box 2, its table on screen."""
    window = open_window(library)
    assert window.open_atlas("radiologi2", 2)
    box_view = window.reader.box_view
    qtbot.waitUntil(box_view.is_painted, timeout=20000)
    return window


def _table(qtbot, window):
    box_view = window.reader.box_view
    box_view.show_tables()
    table = box_view.table_views[0]
    qtbot.waitUntil(table.isVisible)
    return table


def _plan_rows(table):
    """Rows of the table as shown (top to bottom): (source row, plan) pairs."""
    proxy = table.model()
    plan = proxy.sourceModel().plan
    return [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())], plan


def _present(values):
    return [v for v in values if not (v is None or (isinstance(v, float) and math.isnan(v)))]


def test_a_number_column_sorts_by_value_not_by_text(qtbot, box):
    table = _table(qtbot, box)
    rows, plan = _plan_rows(table)

    def text_order_differs(column):
        present = _present(plan.values[r][column] for r in rows)
        texts = {plan.values[r][column]: plan.texts[r][column] for r in rows}
        return sorted(present) != sorted(present, key=lambda v: texts[v])

    # A column whose order by value and by text differ (9.8 before 10.2 by value, after as text).
    column = next(
        c for c, spec in enumerate(plan.columns) if spec.numeric and text_order_differs(c)
    )
    header = table.horizontalHeader()
    centre = QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
        header.height() // 2,
    )
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert header.sortIndicatorSection() == column
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    rows, _plan = _plan_rows(table)
    shown = _present(plan.values[r][column] for r in rows)
    assert shown == sorted(shown, reverse=descending)
    assert len(shown) > 10


def test_the_national_row_is_bold_and_no_other(qtbot, box):
    table = _table(qtbot, box)
    proxy = table.model()
    rows, plan = _plan_rows(table)
    assert plan.national_row is not None
    bold = [
        bool(font is not None and font.bold())
        for font in (proxy.index(r, 0).data(Qt.ItemDataRole.FontRole) for r in range(len(rows)))
    ]
    national = rows.index(plan.national_row)
    assert bold[national], plan.texts[plan.national_row][0]
    assert sum(bold) == 1


def test_hovering_an_area_on_the_map_names_it_with_its_value(qtbot, box):
    box_view = box.reader.box_view
    plan = box_view.map_plan
    key, style = next((k, s) for k, s in plan.areas.items() if s.value_text)
    map_widget = box_view.map_widget
    inside = map_widget.scene.geometries[key].representative_point()
    point = map_widget.view.mapFromScene(QPointF(inside.x, -inside.y))
    assert map_widget.view.viewport().rect().contains(point)
    qtbot.mouseMove(map_widget.view.viewport(), point)
    qtbot.waitUntil(lambda: box.hover_label.text() != "", timeout=2000)
    text = box.hover_label.text()
    assert style.name in text and style.value_text in text, text


def test_ctrl_c_copies_the_selected_rows_with_the_header(qtbot, box):
    table = _table(qtbot, box)
    rows, plan = _plan_rows(table)
    table.setFocus()
    table.selectRow(0)
    table.selectionModel().select(
        table.model().index(2, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == [c.label for c in plan.columns]
    copied = sorted([rows[0], rows[2]])
    assert lines[1:] == ["\t".join(plan.texts[r]) for r in copied]
