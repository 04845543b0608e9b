"""The reader: an atlas's chapters in a navigation pane, text pages and result boxes beside it.

The pages are markdown shown in an :class:`~atlasviewer.qt.reader.text_browser.AtlasTextBrowser`;
a result box is a :class:`~atlasviewer.qt.reader.result_box.ResultBoxView`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.model import Chapter, FactBox, ResultBox, TextItem
from atlasviewer.core.problems import Severity
from atlasviewer.i18n import _
from atlasviewer.qt import translation
from atlasviewer.qt.location import PAGE_FACT_SHEETS, PAGE_FRONT
from atlasviewer.qt.reader.result_box import PaneFactory, ResultBoxView
from atlasviewer.qt.reader.text_browser import BOX_SCHEME, AtlasTextBrowser
from atlasviewer.qt.state import AppState


def chapter_markdown(chapter: Chapter) -> str:
    """A chapter as one markdown page: texts, fact boxes as quotes, result boxes as links."""
    parts = [f"# {chapter.title}"] if chapter.title.strip() else []
    for item in chapter.items:
        if isinstance(item, TextItem):
            parts.append(item.markdown)
        elif isinstance(item, FactBox):
            quoted = "\n".join(f"> {line}" for line in item.markdown.splitlines())
            parts.append(f"> **{item.title}**\n>\n{quoted}")
        elif isinstance(item, ResultBox):
            label = _("Result box {number}: {title}").format(number=item.number, title=item.title)
            parts.append(f"**[▸ {label}]({BOX_SCHEME}:{item.number})**")
    return "\n\n".join(parts)


@dataclass(frozen=True)
class ReaderParts:
    """What the reader shows but does not import: built by the shell.

    Attributes:
        figure_panes: Builds a result box's map, chart and table panes.
        fact_sheet_page: Builds the "Fact sheets" page: a widget with ``count``,
            ``show_variant(variant)``, ``retranslate_ui()`` and a ``fact_sheet_requested``
            signal.
    """

    figure_panes: PaneFactory
    fact_sheet_page: Callable[[QWidget], Any]


class _WrappingDelegate(QStyledItemDelegate):
    """Measures a wrapped entry at the width its row has (Qt's tree measures it unbounded)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._tree.columnWidth(0) - self._tree.indentation() * depth
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(0, 0, max(width, 40), 10_000)  # type: ignore[attr-defined]
        return super().sizeHint(measured, index)


class NavigationTree(QTreeWidget):
    """The chapters and boxes of an atlas, each entry wrapped to the width of the pane.

    Sibling names often differ only in the middle or at the end ("Eldre pasienter i
    poliklinisk behandling (65+ år)", "Eldre pasienter i døgnbehandling (65+ år)"): cut to one
    line they read alike ("Eldre pasient…andling (65+ år)"). Each entry is wrapped at word
    boundaries instead and its whole name is its tooltip. Qt measures a wrapped row once, so
    rows are measured anew whenever the column's width changes (the pane is resized or
    shown the first time); before, a row measured at the pane's first width hid its second
    line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(_WrappingDelegate(self))
        self.header().sectionResized.connect(lambda *_args: self.scheduleDelayedItemsLayout())


class ReaderView(QWidget):
    """An open atlas: navigation on the left, a text page or a result box on the right.

    Signals:
        fact_sheet_requested(Path, str): Forwarded from the text pages and result boxes.
    """

    fact_sheet_requested = Signal(Path, str)

    def __init__(self, state: AppState, parts: ReaderParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._filling = False
        self._navigation_key: tuple[Any, str, int] | None = None
        self.language_note = QLabel(self)
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; padding: 6px; border-radius: 4px; }"
        )
        self.language_note.hide()
        # A draft says so inside the reader too, not only on its card: its figures may change.
        self.draft_note = QLabel(self)
        self.draft_note.setWordWrap(True)
        self.draft_note.setStyleSheet(
            "QLabel { background: #b2182b; color: white; padding: 6px; border-radius: 4px;"
            " font-weight: bold; }"
        )
        self.draft_note.hide()
        self.navigation = NavigationTree(self)
        self.navigation.itemActivated.connect(self._on_navigation)
        self.navigation.itemClicked.connect(self._on_navigation)
        self.text_page = AtlasTextBrowser(self)
        self.missing_note = QLabel(self)
        self.missing_note.setWordWrap(True)
        self.missing_note.setStyleSheet(
            "QLabel { background: #f8d7da; color: #58151c; padding: 6px; border-radius: 4px; }"
        )
        self.missing_note.hide()
        text_holder = QWidget(self)
        text_layout = QVBoxLayout(text_holder)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.missing_note)
        text_layout.addWidget(self.text_page, 1)
        self.box_view = ResultBoxView(state, parts.figure_panes, self)
        self.fact_sheet_page = parts.fact_sheet_page(self)
        self.fact_sheet_page.fact_sheet_requested.connect(self.fact_sheet_requested)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(text_holder)
        self.pages.addWidget(self.box_view)
        self.pages.addWidget(self.fact_sheet_page)
        splitter = QSplitter(self)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1000])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.language_note)
        layout.addWidget(splitter, 1)
        for browser in (self.text_page, self.box_view.text):
            browser.fact_sheet_requested.connect(self.fact_sheet_requested)
            browser.missing_file.connect(self._on_missing_file)
            browser.link_refused.connect(self._show_note)
            browser.box_requested.connect(self._open_box_number)
        state.atlas_changed.connect(self._on_atlas)
        state.variant_language_changed.connect(self._on_variant_language)
        state.box_changed.connect(self._on_box)
        state.page_changed.connect(self._on_page)
        translation.register(self)

    # ------------------------------------------------------------------ public

    def show_front_page(self) -> None:
        self.state.set_page(PAGE_FRONT)

    def show_chapter(self, number: int) -> None:
        self.state.set_page(number)

    def show_fact_sheets(self) -> None:
        """Show the list of the fact sheets and reports the atlas's texts link to."""
        self.state.set_page(PAGE_FACT_SHEETS)

    @property
    def showing_fact_sheets(self) -> bool:
        return self.state.box is None and self.state.page == PAGE_FACT_SHEETS

    def retranslate_ui(self) -> None:
        self.navigation.setAccessibleName(_("Chapters"))
        self._update_language_note()
        self._fill_navigation()
        if self.state.box is None:
            self._show_page()

    # ------------------------------------------------------------------ internals

    def _update_language_note(self) -> None:
        atlas = self.state.atlas
        self.draft_note.setText(_("Draft: not published by the producer"))
        self.draft_note.setVisible(atlas is not None and not atlas.published)
        ui = i18n.current_language()
        content = self.state.content_language
        lines: list[str] = []
        # Bokmål and nynorsk readers read each other's, but are told which one they get.
        if atlas is not None and content != ui:
            if ui == "en":
                lines.append(_("This atlas is only available in Norwegian."))
            elif content == "nb":
                lines.append(_("This atlas is shown in bokmål: it has no nynorsk edition."))
            elif content == "nn":
                lines.append(_("This atlas is shown in nynorsk: it has no bokmål edition."))
            else:
                lines.append(_("This atlas is only available in English."))
        errors = [p for p in atlas.problems if p.severity is Severity.ERROR] if atlas else []
        if errors:  # a file of the atlas that could not be read: named, not silently empty
            lines.append(_("Some of this atlas's files could not be read:"))
            lines += [f"• {p.message} ({p.file})" for p in errors[:4]]
        self.language_note.setText("\n".join(lines))
        self.language_note.setVisible(bool(lines))

    def _fill_navigation(self) -> None:
        variant = self.state.variant
        # A language switch asks twice (UI language, then content language): fill once.
        key = (variant, i18n.current_language(), self.fact_sheet_page.count)
        last = self._navigation_key
        if variant is not None and last is not None and last[0] is variant and last[1:] == key[1:]:
            self._mark_current()
            return
        self._navigation_key = key
        self._filling = True
        self.navigation.clear()
        if variant is not None:
            front = QTreeWidgetItem([_("About this atlas")])
            front.setData(0, _ROLE, ("front", PAGE_FRONT))
            front.setToolTip(0, front.text(0))
            self.navigation.addTopLevelItem(front)
            for number, chapter in enumerate(variant.chapters):
                title = chapter.navigation_title(number + 1)
                item = QTreeWidgetItem([title])
                item.setData(0, _ROLE, ("chapter", number))
                item.setToolTip(0, title)
                for box in chapter.result_boxes:
                    child = QTreeWidgetItem([f"{box.number}. {box.title}"])
                    child.setToolTip(0, box.title)
                    child.setData(0, _ROLE, ("box", box.number))
                    item.addChild(child)
                self.navigation.addTopLevelItem(item)
            count = self.fact_sheet_page.count
            if count:
                sheets = QTreeWidgetItem([_("Fact sheets ({count})").format(count=count)])
                sheets.setData(0, _ROLE, ("factsheets", PAGE_FACT_SHEETS))
                sheets.setToolTip(0, _("The fact sheets and reports the atlas texts link to"))
                self.navigation.addTopLevelItem(sheets)
            self.navigation.expandAll()
        self._filling = False
        self._mark_current()

    def _mark_current(self) -> None:
        wanted = ("box", self.state.box.number) if self.state.box else self._page_key()
        for item in _walk(self.navigation):
            if tuple(item.data(0, _ROLE)) == wanted:
                self._filling = True
                self.navigation.setCurrentItem(item)
                self._filling = False
                return

    def _page_key(self) -> tuple[str, int]:
        if self.state.page == PAGE_FACT_SHEETS:
            return ("factsheets", PAGE_FACT_SHEETS)
        return (
            ("front", PAGE_FRONT) if self.state.page == PAGE_FRONT else ("chapter", self.state.page)
        )

    def _show_page(self) -> None:
        variant = self.state.variant
        self.missing_note.hide()
        self.pages.setCurrentIndex(0)
        if variant is None:
            self.text_page.clear()
            return
        if self.state.page == PAGE_FACT_SHEETS:
            self.pages.setCurrentWidget(self.fact_sheet_page)
            self._mark_current()
            return
        root = self.state.atlas.root if self.state.atlas else None
        if self.state.page == PAGE_FRONT or self.state.page >= len(variant.chapters):
            text = "\n\n".join(
                p for p in (f"# {variant.main_title}", variant.frontpage_text, variant.ingress) if p
            )
            if variant.chapters:
                links = [
                    f"{n + 1}. {chapter.navigation_title(n + 1)}"
                    for n, chapter in enumerate(variant.chapters)
                ]
                text += "\n\n## " + _("Chapters") + "\n\n" + "\n".join(links)
        else:
            text = chapter_markdown(variant.chapters[self.state.page])
        self.text_page.show_markdown(text, root)
        self._mark_current()

    def _on_navigation(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if self._filling:
            return
        kind, number = item.data(0, _ROLE)
        if kind == "box":
            self._open_box_number(number)
        elif kind == "chapter":
            self.show_chapter(number)
        elif kind == "factsheets":
            self.show_fact_sheets()
        else:
            self.show_front_page()

    def _open_box_number(self, number: int) -> None:
        variant = self.state.variant
        if variant is None:
            return
        for box in variant.result_boxes:
            if box.number == number:
                self.state.set_box(box)
                return

    def _on_atlas(self, _atlas: object) -> None:
        self._update_fact_sheets()
        self._update_language_note()
        self._fill_navigation()
        if self.state.box is None:
            self._show_page()

    def _on_variant_language(self, _lang: str) -> None:
        self._update_fact_sheets()
        self._update_language_note()
        self._fill_navigation()
        if self.state.box is None:
            self._show_page()

    def _update_fact_sheets(self) -> None:
        """Titles come from the link texts, so the list follows the content language."""
        self.fact_sheet_page.show_variant(self.state.variant)

    def _on_page(self, _page: int) -> None:
        if self.state.box is None:
            self._show_page()

    def _on_box(self, box: ResultBox | None) -> None:
        if box is None:
            self._show_page()
            return
        self.pages.setCurrentIndex(1)
        self._mark_current()

    def _on_missing_file(self, path: Path) -> None:
        self._show_note(
            _("The file “{name}” is not there: it was expected at {path}").format(
                name=path.name, path=path
            )
        )

    def _show_note(self, text: str) -> None:
        """A note over the page shown (a missing file, a link that was not opened)."""
        self.missing_note.setText(text)
        self.missing_note.setVisible(self.pages.currentIndex() == 0)
        if self.pages.currentIndex() == 1:
            self.box_view.show_notice(self.missing_note.text())


_ROLE = 256  # Qt.UserRole


def _walk(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items: list[QTreeWidgetItem] = []
    for row in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(row)
        if top is None:
            continue
        items.append(top)
        children = (top.child(i) for i in range(top.childCount()))
        items.extend(child for child in children if child is not None)
    return items
