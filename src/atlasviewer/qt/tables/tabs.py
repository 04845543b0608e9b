"""The table tabs of a result box: tables built when shown, rows in step with the selection.

Kept apart from :mod:`atlasviewer.qt.reader.result_box` because the tables have a life of their
own: their plans are built only when the table tab is shown (or a caller asks for the views), a
language switch relabels them in place so sorting and selection stay, and row selection goes
both ways (the state's selection marks rows; selecting rows sets the state's selection) without
echoing back. The result box view decides when the table tab is on show.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from atlasviewer.core.model import ResultData, TableSpec
from atlasviewer.core.plans import TablePlan
from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.figures import box_figures
from atlasviewer.qt.state import AppState
from atlasviewer.qt.tables.model import TablePlanModel, TableSortProxy
from atlasviewer.qt.tabs import elide_tab_titles, fit_tabs_to_width


class TableTabs(QTabWidget):
    """A result box's tables, one a tab, their selected rows those of the state's selection."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._syncing_table = False
        self._tables: list[tuple[QTableView, TablePlanModel, TableSortProxy, TableSpec]] = []
        self._pages: list[tuple[QWidget, QLabel]] = []  # per table: its tab page and caption
        self._row_ids: list[list[tuple[str, ...]]] = []  # per table, per plan row: its area ids
        self._table_context: tuple[Any, list[TableSpec], str, Any] | None = None
        self.setTabBarAutoHide(True)
        fit_tabs_to_width(self)
        self._shown_box: Any = None
        state.box_changed.connect(self._on_box)
        state.slice_changed.connect(lambda _slice: self._show_figures())
        state.selection_changed.connect(lambda _selection: self.show_selection())
        translation.register(self)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Tables"))
        # A box of the other language variant comes with box_changed, after the switch.
        if self.state.box is not None and self.state.box is self._shown_box:
            self._show_figures(relabel=True)

    def _on_box(self, box: Any) -> None:
        self._shown_box = box
        self._show_figures()

    def _show_figures(self, relabel: bool = False) -> None:
        """The tables of the state's box, year and language: built now if on show, else later."""
        figures = box_figures(self.state)
        if figures is None:
            return
        specs = figures.of_kind(TableSpec)
        # Hidden by the tab widget holding it while another tab is on show.
        self.show_tables(
            figures.data, specs, figures.lang, figures.credits, relabel, on_show=not self.isHidden()
        )
        self.show_selection()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        elide_tab_titles(self)

    @property
    def table_views(self) -> list[QTableView]:
        """The box's table views, their plans built now if the table tab has not been shown."""
        self.build_pending_tables()
        return [entry[0] for entry in self._tables[: self.count()]]

    @property
    def pending(self) -> bool:
        """True when the box's tables wait for their tab to be shown before they are built."""
        return self._table_context is not None

    def copy_selected_rows(self, focus: object) -> bool:
        """Copy the selected rows of the table ``focus`` as TSV; False if it is none of ours."""
        for view, model, proxy, _spec in self._tables:
            if focus is view and view.selectionModel().hasSelection():
                rows = sorted(
                    {proxy.mapToSource(i).row() for i in view.selectionModel().selectedRows()}
                )
                plan = model.plan
                assert plan is not None
                lines = ["\t".join(c.label for c in plan.columns)]
                lines += ["\t".join(plan.texts[row]) for row in rows]
                QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
                return True
        return False

    def show_tables(
        self,
        data: ResultData,
        specs: list[TableSpec],
        lang: str,
        credits: Any,
        relabel: bool,
        on_show: bool,
    ) -> None:
        """Build the tables now if their tab is on show (``on_show``), else when it is shown."""
        if on_show and specs:
            self._table_context = None
            self._build_tables(data, specs, lang, credits, relabel)
            return
        self._table_context = (data, specs, lang, credits)
        if not relabel:
            # Another box or year: the last box's plans must not answer for this one. A pending
            # build finds the models empty and fills them; after a language switch it relabels.
            for _view, model, _proxy, _spec in self._tables:
                if model.plan is not None:
                    model.set_plan(None)

    def build_pending_tables(self) -> None:
        """Build the tables that wait for their tab, and mark the selected rows in them."""
        if self._table_context is None:
            return
        data, specs, lang, credits = self._table_context
        self._table_context = None
        self._build_tables(data, specs, lang, credits, relabel=True)
        self.show_selection()

    def _build_tables(
        self, data: ResultData, specs: list[TableSpec], lang: str, credits: Any, relabel: bool
    ) -> None:
        from atlasviewer.core.plans import build_table_plan

        while len(self._tables) < len(specs):
            # A tab is the table over its caption: the caption explains the table's footnote
            # marks ("Rate*", "Andel** privat"), which would otherwise be left unexplained.
            page = QWidget(self)
            view = QTableView(page)
            caption_label = QLabel(page)
            caption_label.setWordWrap(True)
            caption_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption_label.setStyleSheet("QLabel { color: #444444; padding: 2px 4px; }")
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            page_layout.setSpacing(2)
            page_layout.addWidget(view, 1)
            page_layout.addWidget(caption_label)
            self._pages.append((page, caption_label))
            model = TablePlanModel(view)
            proxy = TableSortProxy(view)
            proxy.setSourceModel(model)
            view.setModel(proxy)
            view.setSortingEnabled(True)
            view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setWordWrap(False)
            view.verticalHeader().hide()
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            view.selectionModel().selectionChanged.connect(
                lambda *_a, v=view, p=proxy: self._on_table_selection(v, p)
            )
            self._tables.append((view, model, proxy, specs[0]))
        self.clear()
        self._row_ids = []
        for index, spec in enumerate(specs):
            view, model, proxy, _old = self._tables[index]
            self._tables[index] = (view, model, proxy, spec)
            try:
                plan: TablePlan | None = build_table_plan(
                    data, spec, lang, credits=credits, registry=self.state.registry
                )
            except Exception:  # noqa: BLE001
                plan = None
            if plan is not None and model.plan is not None:
                # Same rows and columns (the box in another language): texts change in place,
                # sorting and selection stay; otherwise relabel() resets the model.
                model.relabel(plan)
            else:
                model.set_plan(plan)
            self._row_ids.append(self._ids_of_rows(data, spec, plan))
            view.resizeColumnsToContents()
            caption = plan.caption if plan is not None and plan.caption else _("Table")
            title = _("Table {number}").format(number=index + 1) if len(specs) > 1 else caption
            page, caption_label = self._pages[index]
            caption_label.setText(plan.caption if plan is not None else "")
            caption_label.setVisible(bool(caption_label.text()))
            self.addTab(page, title)
            self.setTabToolTip(index, caption if len(specs) == 1 else title)
        elide_tab_titles(self)
        self.setVisible(bool(specs))

    def _ids_of_rows(
        self, data: ResultData, spec: TableSpec, plan: TablePlan | None
    ) -> list[tuple[str, ...]]:
        """Per plan row, the area ids it stands for: a region row its areas (``selects``).

        From the rows' identities kept with the box's data (the bar chart's too), so a click
        on a region's row selects what a click on its bar selects.
        """
        if plan is None:
            return []
        from atlasviewer.core.plans.rows import row_identities

        rows = row_identities(data, spec.rowset, self.state.registry)
        ids: list[tuple[str, ...]] = []
        for index, key in enumerate(plan.row_keys):
            ident = plan.area_ids[index] if index < len(plan.area_ids) else ""
            if index == plan.national_row:
                ids.append(())
            elif rows.selects.get(key):
                ids.append(tuple(rows.selects[key]))
            else:
                ids.append((ident,) if ident else tuple(self.state.keys_for(key)))
        return ids

    def _ids_of(self, table: int, row: int) -> tuple[str, ...]:
        ids = self._row_ids[table] if table < len(self._row_ids) else []
        if row < len(ids):
            return ids[row]
        model = self._tables[table][1]
        return tuple(self.state.keys_for(model.row_key(row)))

    def show_selection(self) -> None:
        """Mark the selected areas' rows (a selection-model change only, no plan rebuilt)."""
        self._syncing_table = True
        try:
            for table, (view, model, proxy, _spec) in enumerate(self._tables):
                plan = model.plan
                selection = QItemSelection()
                if plan is not None:
                    for row in range(len(plan.row_keys)):
                        if row != plan.national_row and self.state.is_selected_ids(
                            self._ids_of(table, row)
                        ):
                            index = proxy.mapFromSource(model.index(row, 0))
                            selection.select(index, index)
                view.selectionModel().select(
                    selection,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._syncing_table = False

    def _on_table_selection(self, view: QTableView, proxy: TableSortProxy) -> None:
        if self._syncing_table:
            return
        table = next(i for i, entry in enumerate(self._tables) if entry[0] is view)
        keys: set[str] = set()
        for index in view.selectionModel().selectedRows():
            keys.update(self._ids_of(table, proxy.mapToSource(index).row()))
        self.state.set_selection(keys)
