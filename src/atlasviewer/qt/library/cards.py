"""The atlas cards of the library screen: the list model's roles, the delegate, the filter.

A card is a row painted by :class:`AtlasCardDelegate` (front image, title in the content
language, producer, date, languages, a draft marker); :class:`AtlasFilterProxy` matches the
search text against each atlas's titles and its result boxes' titles and texts in every
language. Front images are decoded one per event-loop turn after the first paint.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImageReader,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.confine import OutsideRoot, front_image
from atlasviewer.core.model import Atlas
from atlasviewer.core.safe_io import is_regular_file
from atlasviewer.i18n import _

ATLAS_ROLE = Qt.ItemDataRole.UserRole + 1
META_ROLE = Qt.ItemDataRole.UserRole + 3

PLACEHOLDER_COLOUR = "#dfe6ee"
"""The image box of a card without a front image (or before its image is decoded)."""

CARD_WIDTH = 300
CARD_HEIGHT = 272
IMAGE_HEIGHT = 150


def front_image_path(atlas: Atlas) -> Path | None:
    """The atlas's front image on disk (``/helseatlas/img/...`` -> ``public/img/...``), if any.

    Only a regular file inside the atlas's data root (:func:`atlasviewer.core.confine.front_image`);
    an image that points outside it is never read (``validate`` names it).
    """
    for variant in (atlas.variant(i18n.current_language()), *atlas.variants.values()):
        image = (variant.image or "").strip()
        if not image:
            continue
        try:
            candidate = front_image(atlas.root, image)
        except OutsideRoot:
            continue
        if is_regular_file(candidate):
            return candidate
    return None


def search_text(atlas: Atlas) -> str:
    """Everything the search field matches: titles and result-box texts in every language."""
    parts: list[str] = [atlas.id]
    for variant in atlas.variants.values():
        parts += [variant.main_title, variant.short_title, variant.frontpage_text]
        for chapter in variant.chapters:
            parts.append(chapter.title)
            for box in chapter.result_boxes:
                parts += [box.title, box.intro, box.finding, box.selection]
    return "\n".join(p for p in parts if p).casefold()


def decode_card_image(path: Path, ratio: float) -> QPixmap | None:
    """A front image decoded at card size (covering the image box, cropped), or None."""
    reader = QImageReader(str(path))
    size = reader.size()
    width, height = int(CARD_WIDTH * ratio), int(IMAGE_HEIGHT * ratio)
    if size.isValid() and size.width() > 0:
        # Cover the image box: scale so both sides fill it, crop the rest.
        scale = max(width / size.width(), height / size.height())
        reader.setScaledSize(QSize(int(size.width() * scale), int(size.height() * scale)))
    image = reader.read()
    if image.isNull():
        return None
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class AtlasCardDelegate(QStyledItemDelegate):
    """Paints one atlas as a card; front images are decoded once at card size and cached.

    A card whose image is not decoded yet is painted with a plain image box and its image is
    queued: one image is decoded per event-loop turn after the paint, and its card repainted,
    so the first screen is painted without waiting for a dozen JPEG decodes.

    Args:
        view: The card list the delegate paints for (repainted as images arrive).
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._images: dict[str, QPixmap | None] = {}
        self._queued: dict[str, tuple[Atlas, float, QPersistentModelIndex]] = {}
        self._decoding = False

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(CARD_WIDTH, CARD_HEIGHT)

    @property
    def images_pending(self) -> bool:
        """Whether a painted card still waits for its front image."""
        return bool(self._queued)

    def _image(
        self, atlas: Atlas, ratio: float, index: QModelIndex | QPersistentModelIndex
    ) -> QPixmap | None:
        """The card's image if decoded; else None, and the image is queued for decoding."""
        if atlas.id in self._images:
            return self._images[atlas.id]
        if atlas.id not in self._queued:
            self._queued[atlas.id] = (atlas, ratio, QPersistentModelIndex(index))
            if not self._decoding:
                self._decoding = True
                QTimer.singleShot(0, self, self._decode_next)
        return None

    def _decode_next(self) -> None:
        if not self._queued:
            self._decoding = False
            return
        atlas_id = next(iter(self._queued))
        atlas, ratio, index = self._queued.pop(atlas_id)
        path = front_image_path(atlas)
        self._images[atlas_id] = None if path is None else decode_card_image(path, ratio)
        if index.isValid():
            self._view.update(self._view.model().index(index.row(), 0))
        else:  # the card moved or left (search, new library): repaint what is shown
            self._view.update()
        QTimer.singleShot(0, self, self._decode_next)

    def paint(  # noqa: D102
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        atlas: Atlas = index.data(ATLAS_ROLE)
        if atlas is None:
            return
        lang = i18n.current_language()
        palette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(6, 6, -6, -6)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#e6550d") if selected else palette.mid().color())
        painter.setBrush(palette.base())
        painter.drawRoundedRect(rect, 6, 6)
        image_rect = QRect(rect.left() + 1, rect.top() + 1, rect.width() - 2, IMAGE_HEIGHT)
        pixmap = self._image(atlas, self._view.devicePixelRatioF(), index)
        if pixmap is not None:
            source = QRect(
                0,
                0,
                int(image_rect.width() * pixmap.devicePixelRatio()),
                int(image_rect.height() * pixmap.devicePixelRatio()),
            )
            painter.drawPixmap(image_rect, pixmap, source)
        else:
            painter.fillRect(image_rect, QColor(PLACEHOLDER_COLOUR))
        text_rect = rect.adjusted(10, IMAGE_HEIGHT + 8, -10, -8)
        title_font = QFont(option.font)  # type: ignore[attr-defined]
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        painter.setFont(title_font)
        painter.setPen(palette.text().color())
        title_box = QRect(text_rect.left(), text_rect.top(), text_rect.width(), 62)
        painter.drawText(
            title_box, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, atlas.title(lang)
        )
        painter.setFont(option.font)  # type: ignore[attr-defined]
        painter.setPen(palette.placeholderText().color())
        meta = QRect(text_rect.left(), title_box.bottom() + 4, text_rect.width(), 60)
        painter.drawText(
            meta, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, index.data(META_ROLE) or ""
        )
        if not atlas.published:
            badge = _("Draft")
            metrics = painter.fontMetrics()
            width = metrics.horizontalAdvance(badge) + 16
            badge_rect = QRect(
                rect.right() - width - 8, rect.top() + 8, width, metrics.height() + 6
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#b2182b"))
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()


class AtlasFilterProxy(QSortFilterProxyModel):
    """Keeps the cards whose search text contains every word typed.

    An atlas's search text is gathered at its first search, not before the first paint.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._texts: dict[int, str] = {}

    def forget_texts(self) -> None:
        """Drop the gathered search texts (the atlases were replaced)."""
        self._texts.clear()

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            self._words = text.casefold().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = text.casefold().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        atlas = self.sourceModel().index(row, 0, parent).data(ATLAS_ROLE)
        if atlas is None:
            return False
        text = self._texts.get(id(atlas))
        if text is None:
            text = self._texts[id(atlas)] = search_text(atlas)
        return all(word in text for word in self._words)


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
