"""The atlas's markdown pages: a text browser that loads only local files.

Text, fact boxes and the front page are markdown shown in a :class:`AtlasTextBrowser`, which
loads only local files (images from the atlas's own folder; nothing is fetched from the net) and
turns clicks on links into signals: a fact sheet (PDF) asks the fact-sheet viewer to open it, a
missing file is reported in place, with where it was expected.

Nothing outside the data root is loaded or opened (issue 18): images and pages are loaded only
when they lie in the root (:func:`atlasviewer.core.confine.is_inside`) and are regular files; a
link that leaves the root, a ``file:`` link and any local file the viewer does not show itself
are refused with a message naming them (``link_refused``); only ``http(s)`` links are handed to
the desktop (the system browser fetches them, the viewer never does).
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from atlasviewer import i18n
from atlasviewer.core.confine import is_inside
from atlasviewer.core.problems import ProblemLog
from atlasviewer.core.safe_io import is_regular_file, read_text
from atlasviewer.i18n import _
from atlasviewer.qt.reader.markdown import OUTSIDE_SCHEME, markdown_to_html

BOX_SCHEME = "box"
"""Links ``box:N`` in a chapter page open result box N."""

DOCUMENT_MARGIN = 12
DOCUMENTS_KEPT = 24
"""Laid-out pages a browser keeps (a few result boxes and chapters in two languages)."""


class AtlasTextBrowser(QTextBrowser):
    """A text browser that loads local images only and reports link clicks as signals.

    Signals:
        fact_sheet_requested(Path, str): A link to a PDF that exists was clicked.
        box_requested(int): A ``box:N`` link was clicked.
        missing_file(Path): A link to a local file that does not exist was clicked.
        link_refused(str): A link that was not opened was clicked; the text says which and why.
    """

    fact_sheet_requested = Signal(Path, str)
    box_requested = Signal(int)
    missing_file = Signal(Path)
    link_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.root: Path | None = None
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._documents: OrderedDict[tuple[str, str, str, int, float], QTextDocument] = (
            OrderedDict()
        )

    def show_markdown(self, text: str, root: Path | None) -> None:
        """Show atlas markdown; a page shown before comes back laid out, not parsed again.

        Result boxes and language switches go back and forth between the same few texts, and
        converting and laying out a page costs ~5 ms a time; the documents are kept per text,
        language and width (images are scaled to the width when loaded).
        """
        self.root = root
        # The HTML depends on the language too (placeholders of remote images).
        font = self.font()
        size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF()
        key = (text, str(root), i18n.current_language(), self.viewport().width(), size)
        document = self._documents.get(key)
        if document is None:
            html = markdown_to_html(text, root)
            # The browser is the parent: images load through its loadResource, and
            # setDocument deletes only documents its text control made itself.
            document = QTextDocument(self)
            document.setDocumentMargin(DOCUMENT_MARGIN)
            document.setDefaultFont(self.font())
            document.setHtml(html)
            self._documents[key] = document
            if len(self._documents) > DOCUMENTS_KEPT:
                _key, oldest = self._documents.popitem(last=False)
                if oldest is not self.document():
                    oldest.deleteLater()
        else:
            self._documents.move_to_end(key)
        if document is not self.document():
            self.setDocument(document)
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

    def clear(self) -> None:
        """Show an empty page (QTextEdit.clear would empty a kept page in place)."""
        self.show_markdown("", self.root)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 - Qt's name
        url = QUrl(url)
        if kind == QTextDocument.ResourceType.ImageResource.value or kind == (
            QTextDocument.ResourceType.ImageResource
        ):
            if not url.isLocalFile() or not self._inside(Path(url.toLocalFile())):
                return None  # remote images are never fetched, nor files outside the root
            return _scaled_image(url.toLocalFile(), max(200, self.viewport().width() - 40))
        if url.isLocalFile() and self._inside(Path(url.toLocalFile())):
            return super().loadResource(kind, url)
        return None

    def _inside(self, path: Path) -> bool:
        """A regular file in the data root shown (never anything outside it)."""
        return self.root is not None and is_inside(self.root, path) and is_regular_file(path)

    def _anchor_text(self, href: str) -> str:
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                    return fragment.text().strip()
                iterator += 1
            block = block.next()
        return ""

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == BOX_SCHEME:
            with contextlib.suppress(ValueError):
                self.box_requested.emit(int(url.path()))
            return
        if url.scheme() == OUTSIDE_SCHEME:
            self._refuse(unquote(url.toString()[len(OUTSIDE_SCHEME) + 1 :]))
            return
        if url.isLocalFile():
            self._open_local(url)
            return
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)  # the user's click: the system browser fetches it
            return
        if url.scheme() or not url.hasFragment():
            self.link_refused.emit(
                _("The link “{target}” was not opened: the viewer follows only web links.").format(
                    target=url.toString()[:200]
                )
            )
            return
        self.scrollToAnchor(url.fragment())

    def _refuse(self, target: str) -> None:
        self.link_refused.emit(
            _("The link “{target}” points outside the atlas folder; it was not opened.").format(
                target=target[:200]
            )
        )

    def _open_local(self, url: QUrl) -> None:
        """A file of the data root: a fact sheet or a page; anything else is not opened."""
        path = Path(url.toLocalFile())
        if self.root is None or not is_inside(self.root, path):
            self._refuse(url.toString())
        elif not is_regular_file(path):
            self.missing_file.emit(path)
        elif path.suffix.lower() == ".pdf":
            title = self._anchor_text(url.toString()) or path.stem.replace("_", " ")
            self.fact_sheet_requested.emit(path, title)
        elif path.suffix.lower() == ".md":
            log = ProblemLog(str(path))
            text = read_text(path, "markdown", log)
            if text is None:
                self.link_refused.emit(f"{path}: {log.problems[0].message}")
            else:
                self.show_markdown(text, self.root)
        else:
            self.link_refused.emit(
                _("The file {path} was not opened: the viewer shows fact sheets and pages.").format(
                    path=path
                )
            )


_IMAGE_CACHE: dict[tuple[str, int], QImage | None] = {}


def _scaled_image(path: str, room: int) -> QImage | None:
    """An atlas image no wider than ``room``; decoded once per size (pages are re-shown often)."""
    key = (path, room)
    if key not in _IMAGE_CACHE and not is_regular_file(Path(path)):
        return None  # a FIFO or a device would block the decoder
    if key not in _IMAGE_CACHE:
        if len(_IMAGE_CACHE) > 64:
            _IMAGE_CACHE.clear()
        image = QImage(path)
        if image.isNull():
            _IMAGE_CACHE[key] = None
        else:
            if image.width() > room:
                image = image.scaledToWidth(room, mode=_smooth())
            _IMAGE_CACHE[key] = image
    return _IMAGE_CACHE[key]


def _smooth() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TransformationMode.SmoothTransformation
