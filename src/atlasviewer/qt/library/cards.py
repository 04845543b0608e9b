"""An atlas card: the delegate that paints one atlas (as a card, or as a search-result row).

Front images are decoded once at card size and cached; see :class:`AtlasCardDelegate`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from atlasviewer import i18n
from atlasviewer.core.confine import OutsideRoot, front_image
from atlasviewer.core.model import Atlas
from atlasviewer.core.safe_io import is_regular_file
from atlasviewer.i18n import _
from atlasviewer.qt.library.search_results import HIT_ROLE, paint_hit_row, row_size

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
        if self._view.viewMode() == QListView.ViewMode.ListMode:  # search results
            return row_size(index, self._view.viewport().width())
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
        hit = index.data(HIT_ROLE)
        if hit is not None:
            paint_hit_row(painter, option, hit)
            return
        if self._view.viewMode() == QListView.ViewMode.ListMode:
            self._paint_row(painter, option, index, atlas)
            return
        lang = i18n.current_language()
        palette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(6, 6, -6, -6)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _frame(painter, option, rect, self._keyboard_on(index))
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
            _paint_draft_badge(painter, rect)
        painter.restore()

    def _keyboard_on(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether the keys act on this card: it is current and the list has the focus."""
        view = self._view
        return view.window().focusWidget() is view and view.currentIndex() == index

    def _paint_row(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        atlas: Atlas,
    ) -> None:
        """An atlas as a search result: a small image, its title and its details on a line."""
        palette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(4, 3, -8, -3)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _frame(painter, option, rect, self._keyboard_on(index))
        image_rect = QRect(
            rect.left() + 1, rect.top() + 1, 2 * (rect.height() - 2), rect.height() - 2
        )
        pixmap = self._image(atlas, self._view.devicePixelRatioF(), index)
        if pixmap is not None:
            ratio = pixmap.devicePixelRatio()
            source = QRect(0, 0, int(image_rect.width() * ratio), int(image_rect.height() * ratio))
            painter.drawPixmap(image_rect, pixmap, source)
        else:
            painter.fillRect(image_rect, QColor(PLACEHOLDER_COLOUR))
        text = QRect(image_rect.right() + 10, rect.top() + 6, 0, 0)
        text.setRight(rect.right() - 90)
        title_font = QFont(option.font)  # type: ignore[attr-defined]
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.text().color())
        metrics = painter.fontMetrics()
        text.setHeight(metrics.height())
        title = atlas.title(i18n.current_language())
        elide = Qt.TextElideMode.ElideRight
        painter.drawText(
            text, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(title, elide, text.width())
        )
        painter.setFont(option.font)  # type: ignore[attr-defined]
        painter.setPen(palette.placeholderText().color())
        metrics = painter.fontMetrics()
        meta = (index.data(META_ROLE) or "").replace("\n", " · ")
        line = QRect(text.left(), text.bottom() + 4, text.width(), metrics.height())
        painter.drawText(
            line, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(meta, elide, line.width())
        )
        if not atlas.published:
            _paint_draft_badge(painter, rect)
        painter.restore()


def _frame(
    painter: QPainter, option: QStyleOptionViewItem, rect: QRect, keyboard: bool = False
) -> None:
    """A card's frame: thick orange on the current card while the list has the focus.

    The style's own focus rectangle is a faint dotted line on a card this size; a keyboard
    user must see at a glance where Enter goes. ``keyboard``: the card is current and the
    list is its window's focus widget (Qt's focus state needs an active window, which a
    window without a window manager, or behind a dialog, is not).
    """
    state = option.state  # type: ignore[attr-defined]
    palette = option.palette  # type: ignore[attr-defined]
    selected = bool(state & QStyle.StateFlag.State_Selected)
    focused = keyboard or bool(state & QStyle.StateFlag.State_HasFocus)
    pen = painter.pen()
    pen.setColor(QColor("#e6550d") if selected or focused else palette.mid().color())
    pen.setWidthF(3.0 if focused else 1.0)
    painter.setPen(pen)
    painter.setBrush(palette.base())
    painter.drawRoundedRect(rect, 6, 6)


def _paint_draft_badge(painter: QPainter, rect: QRect) -> None:
    badge = _("Draft")
    metrics = painter.fontMetrics()
    width = metrics.horizontalAdvance(badge) + 16
    badge_rect = QRect(rect.right() - width - 8, rect.top() + 8, width, metrics.height() + 6)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#b2182b"))
    painter.drawRoundedRect(badge_rect, 4, 4)
    painter.setPen(QColor("white"))
    painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
