"""The library screen: a card per atlas, newest first, with a search field.

Cards are rows of a list model painted by a delegate (front image, title in the content
language, producer, date, languages, a draft marker). While a search is typed the list shows
the atlases that match at word starts, each followed by its result boxes that matched, the hit
highlighted (:mod:`.search_results`). Arrow keys move between cards (Down from the search field
goes to the first), Enter or a double click opens one (:attr:`LibraryView.atlas_activated`), Enter
or a click on a found box opens that box (:attr:`LibraryView.box_activated`).
A card's context menu and the "Fact sheets…" button ask for the list of the fact sheets the
atlas links to (:attr:`LibraryView.fact_sheets_requested`).

The library is the first screen, so it is built for a fast first paint: the cards are painted
first with their titles, producers and languages on a plain image box; the front images (decoded
one per event-loop turn) and the dates (babel's locale data takes ~30 ms to load) follow in the
turns after. Before that first paint nothing asks Qt for a widget that Python did not create
(``viewport()``, ``painter.device()``, ``option.widget``): PySide6's first look-up of such a
widget's Python type costs ~25 ms.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QPaintEvent,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.model import Atlas
from atlasviewer.i18n import _, language_label
from atlasviewer.qt import translation
from atlasviewer.qt.library.cards import ATLAS_ROLE, META_ROLE, AtlasCardDelegate
from atlasviewer.qt.library.search_results import HIT_ROLE, SearchResultsModel


class AtlasCardList(QListView):
    """The list of cards; says when it has painted them.

    Signals:
        painted(): The cards were painted (after every paint). The details that follow the
            first paint wait on it, and so can tests and the start-up benchmark, which would
            otherwise watch ``viewport()`` and pay for its type look-up before the first paint.
    """

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        self.painted.emit()


class LibraryView(QWidget):
    """The first screen: every atlas as a card.

    Signals:
        atlas_activated(object): The user opened an atlas (Enter, double click).
        box_activated(object, int): The user opened a result box found by the search (the
            atlas and the box's number).
        fact_sheets_requested(object): The user asked for an atlas's list of fact sheets.
        compare_requested(): The user asked for the comparison of areas across atlases.
    """

    atlas_activated = Signal(object)
    box_activated = Signal(object, int)
    fact_sheets_requested = Signal(object)
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._atlases: list[Atlas] = []
        self._labelled: tuple[str, int] = ("", -1)
        self._dates_shown = False
        self.search_field = QLineEdit(self)
        self.search_field.setClearButtonEnabled(True)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.results = SearchResultsModel(ATLAS_ROLE, self)
        self.cards = AtlasCardList(self)
        self.cards.setModel(self.proxy)
        self.cards.setItemDelegate(AtlasCardDelegate(self.cards))
        self.cards.setViewMode(QListView.ViewMode.IconMode)
        self.cards.setResizeMode(QListView.ResizeMode.Adjust)
        self.cards.setMovement(QListView.Movement.Static)
        self.cards.setUniformItemSizes(True)
        self.cards.setSpacing(4)
        self.cards.setWordWrap(True)
        self.cards.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.cards.activated.connect(self._on_activated)
        self.cards.clicked.connect(self._on_clicked)
        self.cards.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.cards.customContextMenuRequested.connect(self._show_card_menu)
        self.cards.painted.connect(self._on_cards_painted)
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self._open_current)
        self.fact_sheets_action = QAction(self)
        self.fact_sheets_action.triggered.connect(self.request_fact_sheets)
        self.fact_sheets_button = QPushButton(self)
        self.fact_sheets_button.clicked.connect(self.request_fact_sheets)
        self.compare_button = QPushButton(self)
        self.compare_button.clicked.connect(self.compare_requested)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.fact_sheets_button)
        top.addWidget(self.compare_button)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.cards, 1)
        layout.addWidget(self.empty_label)
        self.search_field.textChanged.connect(self._on_search)
        self.search_field.returnPressed.connect(self._focus_first_card)
        self.search_field.installEventFilter(self)
        self.cards.installEventFilter(self)
        translation.register(self)

    def set_atlases(self, atlases: list[Atlas]) -> None:
        """Show these atlases, in the order given (the library lists them newest first)."""
        self._atlases = list(atlases)
        self.results.forget_texts()
        self.model.clear()
        for atlas in self._atlases:
            item = QStandardItem()
            item.setEditable(False)
            item.setData(atlas, ATLAS_ROLE)
            self.model.appendRow(item)
        self._labelled = ("", -1)
        self._relabel()
        if self.proxy.rowCount():
            self.cards.setCurrentIndex(self.proxy.index(0, 0))
        self._update_empty()

    def set_notice(self, text: str) -> None:
        """A line above the cards (for problems with the data folders); empty hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    @property
    def searching(self) -> bool:
        """Whether the cards show search results (atlases with their matching boxes)."""
        return self.cards.model() is self.results

    def visible_atlases(self) -> list[Atlas]:
        if self.searching:
            return [self.results.index(r, 0).data(ATLAS_ROLE) for r in self.results.atlas_rows()]
        return [self.proxy.index(r, 0).data(ATLAS_ROLE) for r in range(self.proxy.rowCount())]

    def box_hits(self, atlas_id: str) -> list:  # type: ignore[type-arg]
        """The result boxes listed under an atlas while searching (their :class:`BoxHit`)."""
        return [
            self.results.index(r, 0).data(HIT_ROLE)
            for r in range(self.results.rowCount())
            if self.results.index(r, 0).data(HIT_ROLE) is not None
            and self.results.index(r, 0).data(ATLAS_ROLE).id == atlas_id
        ]

    def current_atlas(self) -> Atlas | None:
        """The atlas of the current (highlighted) card, if any."""
        index = self.cards.currentIndex()
        return index.data(ATLAS_ROLE) if index.isValid() else None

    def request_fact_sheets(self) -> None:
        """Ask for the fact-sheet list of the current card's atlas."""
        atlas = self.current_atlas()
        if atlas is not None:
            self.fact_sheets_requested.emit(atlas)

    def _open_current(self) -> None:
        index = self.cards.currentIndex()
        if index.isValid():
            self._on_activated(index)

    def _show_card_menu(self, pos: QPoint) -> None:
        index = self.cards.indexAt(pos)
        if not index.isValid():
            return
        self.cards.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.fact_sheets_action)
        menu.exec(self.cards.viewport().mapToGlobal(pos))

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def index_of(self, atlas_id: str, box_number: int = 0) -> QModelIndex:
        """The row of an atlas's card (or, while searching, of its box ``box_number``)."""
        model = self.cards.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            hit = index.data(HIT_ROLE)
            if index.data(ATLAS_ROLE).id == atlas_id and (
                (hit is None and not box_number) or (hit is not None and hit.number == box_number)
            ):
                return index
        return QModelIndex()

    def retranslate_ui(self) -> None:
        self.search_field.setPlaceholderText(
            _("Search atlases and result boxes (Ctrl+F), e.g. “MR” or “hip”")
        )
        self.search_field.setToolTip(_("Search in atlas titles and in the result boxes' texts"))
        self.cards.setAccessibleName(_("Atlases"))
        self.empty_label.setText(_("No atlas matches the search."))
        self.open_action.setText(_("&Open"))
        self.fact_sheets_action.setText(_("&Fact sheets…"))
        self.fact_sheets_button.setText(_("Fact sheets…"))
        self.compare_button.setText(_("Compare areas…"))
        self.compare_button.setToolTip(_("Your area against the others, across every atlas"))
        self.fact_sheets_button.setToolTip(
            _("The fact sheets and reports the highlighted atlas links to")
        )
        # The cards are labelled anew when next shown: a language switch while an atlas is
        # open (the library hidden) need not pay for ~30 cards it does not show.
        if self.isVisible():
            self._relabel()
        if self.searching:  # the boxes found are named in the new language
            self._on_search(self.search_field.text())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self._relabel()  # cheap when the cards are labelled in the current language already
        super().showEvent(event)
        # Shown (at start, or back with Ctrl+L): the keys work at once on the current card.
        QTimer.singleShot(0, self, self.focus_cards)

    def focus_cards(self) -> None:
        """Give the cards the keyboard focus, on the current card (the first if none)."""
        if not self.isVisible() or self.window().focusWidget() is self.search_field:
            return
        model = self.cards.model()
        if model.rowCount() and not self.cards.currentIndex().isValid():
            self.cards.setCurrentIndex(model.index(0, 0))
        self.cards.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Down from the search field goes to the first card; Up from the top row comes back."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_field and key == Qt.Key.Key_Down:
                self._focus_first_card()
                return True
            if watched is self.cards and key == Qt.Key.Key_Up and self._on_top_row():
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def _on_top_row(self) -> bool:
        current = self.cards.currentIndex()
        if not current.isValid():
            return True
        first = self.cards.visualRect(self.cards.model().index(0, 0))
        return self.cards.visualRect(current).top() <= first.top()

    @property
    def details_pending(self) -> bool:
        """Whether the cards still wait for their dates or front images (just after start)."""
        delegate = self.cards.itemDelegate()
        images = isinstance(delegate, AtlasCardDelegate) and delegate.images_pending
        return images or (not self._dates_shown and bool(self.model.rowCount()))

    def _on_cards_painted(self) -> None:
        if not self._dates_shown:
            QTimer.singleShot(0, self, self._show_dates)

    def _show_dates(self) -> None:
        """Add the dates to the cards, in the turn after their first paint."""
        if self._dates_shown:
            return
        self._dates_shown = True
        self._labelled = ("", -1)
        self._relabel()

    def _relabel(self) -> None:
        lang = i18n.current_language()
        if (lang, self.model.rowCount()) == self._labelled:
            return  # the window and the view both ask at start; label once per language
        self._labelled = (lang, self.model.rowCount())
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            atlas: Atlas = item.data(ATLAS_ROLE)
            languages = ", ".join(language_label(code) for code in atlas.languages)
            date = self._date_text(atlas, lang)
            parts = [p for p in (atlas.producer, date) if p]
            meta = " · ".join(parts) + "\n" + languages
            if atlas.generation == 1:
                meta += " · " + _("first generation")
            item.setData(meta, META_ROLE)
            tooltip = atlas.title(lang)
            if not atlas.published:
                tooltip += "\n" + _("Draft: not published by the producer")
            item.setData(tooltip, Qt.ItemDataRole.ToolTipRole)
            item.setData(atlas.title(lang), Qt.ItemDataRole.AccessibleTextRole)

    def _date_text(self, atlas: Atlas, lang: str) -> str:
        """The date of the edition shown in ``lang`` (each language's edition has its own)."""
        date = atlas.variant(lang).date or atlas.date
        if not date or not self._dates_shown:
            return ""
        from atlasviewer.core.formatting import format_date

        return format_date(date, lang)

    def _on_search(self, text: str) -> None:
        if text.split():
            details = {}
            for row in range(self.model.rowCount()):
                item = self.model.item(row)
                details[item.data(ATLAS_ROLE).id] = (META_ROLE, item.data(META_ROLE) or "")
            self.results.fill(self._atlases, text, i18n.current_language(), details)
            if not self.searching:
                self.cards.setModel(self.results)
                self.cards.setUniformItemSizes(False)
                self.cards.setViewMode(QListView.ViewMode.ListMode)
                self.cards.setSpacing(1)
        elif self.searching:
            self.cards.setModel(self.proxy)
            self.cards.setViewMode(QListView.ViewMode.IconMode)
            self.cards.setUniformItemSizes(True)
            self.cards.setSpacing(4)
        model = self.cards.model()
        if model.rowCount() and not self.cards.currentIndex().isValid():
            self.cards.setCurrentIndex(model.index(0, 0))
        self._update_empty()

    def _update_empty(self) -> None:
        shown = self.cards.model().rowCount()
        self.empty_label.setVisible(shown == 0 and bool(self.model.rowCount()))

    def _focus_first_card(self) -> None:
        model = self.cards.model()
        if model.rowCount():
            self.cards.setFocus(Qt.FocusReason.TabFocusReason)
            self.cards.setCurrentIndex(model.index(0, 0))

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.data(HIT_ROLE) is not None:  # a found box opens on one click, as a link does
            self._on_activated(index)

    def _on_activated(self, index: QModelIndex) -> None:
        atlas = index.data(ATLAS_ROLE)
        hit = index.data(HIT_ROLE)
        if atlas is not None and hit is not None:
            self.box_activated.emit(atlas, hit.number)
        elif atlas is not None:
            self.atlas_activated.emit(atlas)
