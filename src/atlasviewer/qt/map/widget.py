"""The interactive choropleth: a QGraphicsView on a :class:`MapScene`, with legend, inset, credits.

Zoom with the wheel (about the cursor), pan by dragging, click to select (Ctrl-click adds), hover
for a tooltip. Areas too small to see at national scale (Oslo's referral areas) are shown in a
framed inset: a second view of the same scene, as clickable and hoverable as the main one. The
legend and credits are painted by :mod:`atlasviewer.qt.map.layout`, so exports match the screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QToolTip, QVBoxLayout, QWidget

from atlasviewer.core.plans import MapPlan
from atlasviewer.i18n import _
from atlasviewer.qt import theme, translation
from atlasviewer.qt.map.labels import MAX_LABELLED_AREAS, paint_area_labels
from atlasviewer.qt.map.layout import (
    CREDITS_FONT_PX,
    FRAME_COLOUR,
    LegendPainter,
    credits_text,
    place_map_and_inset,
    save_map,
)
from atlasviewer.qt.map.scene import MapScene
from atlasviewer.qt.painting import painting

CLICK_SLOP_PX = 4
"""A press and release closer than this is a click, not a drag."""

ZOOM_LIMITS = (0.5, 200.0)
"""How far the user may zoom out and in, relative to the national view."""


class _AreaGraphicsView(QGraphicsView):
    """A view on the map scene that reports clicks and hovers by area key."""

    clicked = Signal(str, bool)
    hovered = Signal(str)
    resized = Signal()
    """After QGraphicsView has re-laid its scroll range for a new size: the moment to fit."""

    def __init__(self, scene: MapScene, parent: QWidget | None = None, *, pannable: bool = True):
        super().__init__(scene, parent)
        self._pannable = pannable
        self._press: QPoint | None = None
        self._hover_key = ""
        self.fit_rect: QRectF | None = None
        self.marker_rect: QRectF | None = None
        self.label_obstacles: list[QWidget] = []
        """Widgets drawn over the map (legend, inset) that labels keep clear of."""
        self.label_px: float | None = None
        """The labels' size of the map's own (presentation mode); None follows the theme."""
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(
            QGraphicsView.DragMode.ScrollHandDrag if pannable else QGraphicsView.DragMode.NoDrag
        )
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)

    def map_scene(self) -> MapScene:
        scene = self.scene()
        assert isinstance(scene, MapScene)
        return scene

    def key_at(self, position: QPoint) -> str:
        """The area under a viewport position, or an empty string."""
        return self.map_scene().key_at(self.mapToScene(position)) or ""

    def show_rect(self, scene_rect: QRectF, target: QRectF) -> None:
        """Transform so that ``scene_rect`` fills ``target`` (viewport pixels), aspect kept."""
        if scene_rect.isEmpty() or target.isEmpty():
            return
        scale = min(target.width() / scene_rect.width(), target.height() / scene_rect.height())
        self.setTransform(QTransform.fromScale(scale, scale))
        viewport_centre = QPointF(self.viewport().rect().center())
        offset = (viewport_centre - target.center()) / scale
        self.centerOn(scene_rect.center() + offset)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        """Frame the region the inset enlarges, and label the areas where their names fit."""
        if self.marker_rect is not None and not self.marker_rect.isEmpty():
            pen = QPen(FRAME_COLOUR, 1)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.marker_rect)
        plan = self.map_scene().plan
        if plan is not None and len(plan.areas) <= MAX_LABELLED_AREAS:
            painter.save()
            painter.resetTransform()
            obstacles = [QRectF(w.geometry()) for w in self.label_obstacles if w.isVisible()]
            paint_area_labels(painter, self, plan, self.label_px, obstacles)
            painter.restore()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.fit_rect is not None:
            self.show_rect(self.fit_rect, QRectF(self.viewport().rect()))
        self.resized.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        position = event.position().toPoint()
        moved = (position - self._press).manhattanLength()
        self._press = None
        if moved <= CLICK_SLOP_PX:
            key = self.key_at(position)
            if key:
                additive = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                self.clicked.emit(key, additive)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseMoveEvent(event)
        if self._press is None:
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        key = self.key_at(event.position().toPoint())
        if key != self._hover_key:
            self._hover_key = key
            self.hovered.emit(key)
            if QToolTip.isVisible():
                # A tooltip stays up while the pointer moves (Qt moves it on only after the
                # pointer rests): it would name the area left behind. Name the one under it.
                self._show_tooltip(event.globalPosition().toPoint(), key)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Tooltips name the area :meth:`key_at` finds, the one the status bar names."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event.globalPos(), self.key_at(event.pos()))
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, global_pos: QPoint, key: str) -> None:
        text = self.map_scene().tooltip_of(key) if key else ""
        if text:
            QToolTip.showText(global_pos, text, self.viewport())
        else:
            QToolTip.hideText()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().leaveEvent(event)
        if self._hover_key:
            self._hover_key = ""
            self.hovered.emit("")

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if not self._pannable:
            event.ignore()
            return
        factor = 1.0015 ** event.angleDelta().y()
        parent = self.parent()
        if isinstance(parent, ChoroplethMap) and not parent.zoom_allowed(factor):
            return
        self.scale(factor, factor)
        if isinstance(parent, ChoroplethMap):
            parent.user_moved = True


class _LegendOverlay(QWidget):
    """The legend drawn over the map's top-left corner by the export's own painter."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.legend_painter: LegendPainter | None = None

    def set_plan(
        self, plan: MapPlan | None, max_width: float, word_max_width: float, font_px: float
    ) -> None:
        if plan is None:
            self.legend_painter = None
            self.hide()
            return
        self.legend_painter = LegendPainter(
            plan, font_px=font_px, max_width=max_width, word_max_width=word_max_width
        )
        size = self.legend_painter.size()
        self.resize(int(size.width()) + 2, int(size.height()) + 2)
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.legend_painter is None:
            return
        with painting(self) as painter:
            self.legend_painter.paint(painter, QPointF(0.5, 0.5))


class ChoroplethMap(QWidget):
    """The choropleth widget: national map, Oslo-style inset, legend and credits line.

    Args:
        scene: The map set's scene (built once per geography and shared).
        parent: The Qt parent.

    Signals:
        area_clicked(str, bool): An area's key, and whether Ctrl was held (add to the selection).
        area_hovered(str): The key of the area under the pointer; empty when it leaves the areas.
    """

    area_clicked = Signal(str, bool)
    area_hovered = Signal(str)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.plan: MapPlan | None = None
        self.user_moved = False
        self.legend_font_px: float | None = None
        """The legend's text size; None follows the theme (presentation mode sets its own)."""
        self._national_scale = 1.0
        self.view = _AreaGraphicsView(scene, self)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setBackgroundBrush(Qt.GlobalColor.white)
        self.inset = _AreaGraphicsView(scene, self.view, pannable=False)
        self.inset.setFrameShape(QFrame.Shape.Box)
        self.inset.setStyleSheet("QGraphicsView { border: 1px solid #555555; background: white; }")
        self.inset.setVisible(bool(scene.inset_keys()))
        self.legend = _LegendOverlay(self.view)
        self.legend.hide()
        self.view.label_obstacles = [self.legend, self.inset]
        self.credits = QLabel(self)
        self.credits.setWordWrap(True)
        font = self.credits.font()
        font.setPixelSize(max(CREDITS_FONT_PX, font.pixelSize()))
        self.credits.setFont(font)
        self.credits.setContentsMargins(8, 2, 8, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.credits)
        for view in (self.view, self.inset):
            view.clicked.connect(self.area_clicked)
            view.hovered.connect(self.area_hovered)
        # Fit after QGraphicsView.resizeEvent: the viewport's own Resize event comes before the
        # view re-clamps its scroll range, which then undid the fit (map shifted off centre).
        self.view.resized.connect(self._layout_overlays)
        translation.register(self)

    # ------------------------------------------------------------------ public

    def apply_plan(self, plan: MapPlan) -> None:
        """Show a plan: area colours, tooltips, legend and credits (geometry is untouched)."""
        self.plan = plan
        self.scene.apply_plan(plan)
        self._layout_overlays()
        self._show_credits()

    def set_selection(self, keys: list[str] | set[str] | tuple[str, ...]) -> None:
        """Outline the selected areas in both the map and the inset."""
        self.scene.set_selection(keys)

    def inset_keys(self) -> list[str]:
        """The areas the inset is there for (empty when the map set needs no inset)."""
        return self.scene.inset_keys()

    def save_figure(self, path: Path, fmt: str, *, dpi: float, title: str = "") -> Path:
        """Write the whole figure shown (legend, inset, credits) as ``fmt``: as ``export`` does."""
        assert self.plan is not None
        return save_map(path, self.scene, self.plan, fmt, dpi=dpi, title=title)

    def reset_view(self) -> None:
        """Back to the whole country, fitted beside the legend and inset."""
        self.user_moved = False
        self._layout_overlays()

    def has_drawable_area(self) -> bool:
        """False for a map set whose areas cover nothing (no extent to fit or draw)."""
        return not self.scene.home_rect().isEmpty()

    def zoom_allowed(self, factor: float) -> bool:
        scale = self.view.transform().m11() * factor
        relative = scale / self._national_scale if self._national_scale else 1.0
        return ZOOM_LIMITS[0] <= relative <= ZOOM_LIMITS[1]

    def retranslate_ui(self) -> None:
        """Re-apply every visible text; the caller rebuilds the plan in the new language."""
        self.view.setToolTip("")
        self.inset.setAccessibleName(_("Enlarged map of the smallest areas"))
        self.view.setAccessibleName(_("Map"))
        self._show_credits()

    def _show_credits(self) -> None:
        """The plan's credit line and legend (texts of the plan, in the plan's language)."""
        self.credits.setText(credits_text(self.plan) if self.plan is not None else "")
        self.credits.setVisible(bool(self.credits.text()))
        self.legend.update()

    # ------------------------------------------------------------------ layout

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # A hidden QGraphicsView does not update its scroll range, so a fit made while the map
        # sat in a hidden page centres on the wrong spot; fit again once it is on screen.
        super().showEvent(event)
        self._layout_overlays()

    def _layout_overlays(self) -> None:
        """Legend top-left, inset bottom-right, then the country fitted beside them."""
        area = QRectF(self.view.viewport().rect()).adjusted(8, 8, -8, -8)
        if area.width() < 50 or area.height() < 50 or not self.has_drawable_area():
            return  # the map pane shows why in the map's place
        font_px = self.legend_font_px or theme.current().label_px
        widest = min(320.0 * font_px / 14.0, area.width() * 0.42)
        self.legend.set_plan(self.plan, widest, area.width() * 0.6, font_px)
        self.legend.move(int(area.left()), int(area.top()))
        obstacles = [QRectF(self.legend.geometry())] if self.plan is not None else []
        target, inset = place_map_and_inset(self.scene, area, obstacles)
        if not inset.isEmpty():
            self.inset.fit_rect = self.scene.inset_rect()
            self.inset.setGeometry(inset.toAlignedRect())
            self.inset.show_rect(self.inset.fit_rect, QRectF(self.inset.viewport().rect()))
        self.inset.setVisible(not inset.isEmpty())
        self.view.marker_rect = None if inset.isEmpty() else self.scene.inset_rect()
        self.view.viewport().update()
        home = self.scene.home_rect()
        if not home.isEmpty():
            self._national_scale = target.width() / home.width()
        if not self.user_moved:
            self.view.show_rect(home, target)
        self.legend.raise_()
        self.inset.raise_()
