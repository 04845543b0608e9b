"""Zoom of the PDF viewer: steps in and out, fit width or page, Ctrl + wheel, the zoom label."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel

from atlasviewer.i18n import _
from atlasviewer.qt import translation

ZOOM_STEPS: tuple[float, ...] = (
    0.25,
    0.33,
    0.5,
    0.67,
    0.75,
    0.9,
    1.0,
    1.1,
    1.25,
    1.5,
    2.0,
    3.0,
    4.0,
)
"""Zoom factors that zoom in/out step through, as common PDF viewers do."""


class ZoomControl(QObject):
    """Zooms a ``QPdfView`` and keeps the fit actions and the zoom label in step with it.

    Args:
        view: The view zoomed (Ctrl + wheel over its viewport zooms too).
        label: Shows the zoom ("125 %", "Width", "Page").
        fit_width_action: Checked while the view fits the page width.
        fit_page_action: Checked while the view fits the whole page.
    """

    def __init__(
        self, view: QPdfView, label: QLabel, fit_width_action: QAction, fit_page_action: QAction
    ) -> None:
        super().__init__(view)
        self.view = view
        self.label = label
        self.fit_width_action = fit_width_action
        self.fit_page_action = fit_page_action
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        view.zoomModeChanged.connect(self._update_actions)
        view.zoomFactorChanged.connect(lambda _factor: self._show_zoom())
        self._update_actions(view.zoomMode())
        translation.register(self)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.view.zoomFactor() + 1e-3), 4.0))

    def zoom_out(self) -> None:
        lower = [z for z in ZOOM_STEPS if z < self.view.zoomFactor() - 1e-3]
        self.set_zoom(lower[-1] if lower else ZOOM_STEPS[0])

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._show_zoom()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_actions(self.view.zoomMode())

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_actions(self.view.zoomMode())

    def retranslate_ui(self) -> None:
        self._show_zoom()

    def _show_zoom(self) -> None:
        """The zoom label, in the UI language."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            self.label.setText(f"{round(self.view.zoomFactor() * 100)} %")
        elif self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            self.label.setText(_("Width"))
        else:
            self.label.setText(_("Page"))

    def _update_actions(self, mode: QPdfView.ZoomMode) -> None:
        self.fit_width_action.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self._show_zoom()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Ctrl + mouse wheel zooms, as in every document viewer."""
        # The event type first: while the view is being deleted its viewport still sends events.
        if (
            event.type() == QEvent.Type.Wheel
            and watched is self._viewport
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            return True
        return False
