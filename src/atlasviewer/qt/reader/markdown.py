"""Atlas markdown to HTML for ``QTextBrowser``, with links resolved to the atlas's own files.

The atlas texts link to the web site's paths (``/helseatlas/files/X.pdf``, ``/helseatlas/img/...``,
``/helseatlas/statisk/kart``). Those are rewritten to ``file:`` URLs under the data root, so the
viewer shows the site's images and opens its fact sheets offline. Images on other servers are
never fetched: they are replaced by their description, in italics. Markdown is parsed by Qt's own
GitHub-dialect importer (tables, lists, headings), so no extra package is needed.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from atlasviewer.core.confine import SITE_PREFIX, OutsideRoot, reference_path, site_path
from atlasviewer.core.safe_io import is_regular_file
from atlasviewer.i18n import _

_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?P<target>[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\s*\)"
)
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*(?P<target>[^)\s]+)(?P<rest>[^)]*)\)")


OUTSIDE_SCHEME = "outside"
"""A link whose target leaves the data root is rewritten to ``outside:<target>``: never opened."""


def resolve_site_path(target: str, root: Path) -> Path | None:
    """The local file a site path of the atlas web site stands for, or None if not a site path.

    ``/helseatlas/files/X.pdf`` -> ``public/files/X.pdf``; ``/helseatlas/img/...`` ->
    ``public/img/...``; ``/helseatlas/statisk/kart`` -> ``posts/statisk/kart.md`` and
    ``/helseatlas/en/static/map`` -> ``posts/en/static/map.md``. The file may not exist.
    :func:`atlasviewer.core.confine.site_path` resolves it, confined to ``root``.

    Raises:
        OutsideRoot: When the path leaves the root (``/helseatlas/files/../../x``).
    """
    return site_path(root, target.strip())


def local_reference(target: str, root: Path) -> Path | None:
    """The file of the data root a text's image or link names; None for other pages and URLs.

    A site path or a relative path (read from the root), confined to ``root``.

    Raises:
        OutsideRoot: For a ``file:`` URL, an absolute path or a path leaving the root.
    """
    target = target.strip()
    if target.lower().startswith("file:"):
        raise OutsideRoot(target, root)
    if target.startswith(SITE_PREFIX):
        return resolve_site_path(target, root)
    if target.startswith("#") or _SCHEME.match(target):
        return None
    return reference_path(root, root, target)


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def is_remote(target: str) -> bool:
    return bool(
        re.match(r"^[a-z][a-z0-9+.-]*://", target, re.IGNORECASE)
    ) and not target.lower().startswith("file:")


def prepare_markdown(text: str, root: Path | None) -> str:
    """Rewrite an atlas text's site links to local ``file:`` URLs and drop remote images.

    An image or link that leaves the data root (``/helseatlas/img/../..``, ``../x``,
    ``file:``) is never resolved to a file: an image becomes a note naming it, a link an
    ``outside:`` link the browser refuses with a message.
    """

    def image(match: re.Match[str]) -> str:
        alt = match["alt"].strip() or (match["title"] or "").strip()
        target = match["target"]
        if is_remote(target):
            note = _("Image not shown (on the internet): {description}").format(description=alt)
            return f"*[{note}]*"
        try:
            local = local_reference(target, root) if root is not None else None
        except OutsideRoot:
            note = _("Image not shown: “{target}” points outside the atlas folder").format(
                target=target[:200]
            )
            return f"*[{note}]*"
        if local is None or not is_regular_file(local):
            where = str(local) if local is not None else target
            missing = _("Image missing: expected at {path}").format(path=where)
            return f"*[{missing}]*"
        title = f' "{match["title"]}"' if match["title"] else ""
        return f"![{alt}]({QUrl.fromLocalFile(str(local)).toString()}{title})"

    def link(match: re.Match[str]) -> str:
        target = match["target"]
        if root is None:
            return match.group(0)
        try:
            local = local_reference(target, root)
        except OutsideRoot:
            refused = f"{OUTSIDE_SCHEME}:{quote(target[:500], safe='')}"
            return f"[{match['text']}]({refused}{match['rest']})"
        if local is None:
            return match.group(0)
        return f"[{match['text']}]({QUrl.fromLocalFile(str(local)).toString()}{match['rest']})"

    return _LINK.sub(link, _IMAGE.sub(image, text or ""))


def markdown_to_html(text: str, root: Path | None) -> str:
    """HTML for ``QTextBrowser.setHtml`` from an atlas text (GitHub markdown)."""
    document = QTextDocument()
    document.setMarkdown(
        prepare_markdown(text, root), QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    )
    return document.toHtml()


def markdown_to_plain(text: str) -> str:
    """The text of a markdown snippet without markup (for titles, tooltips and search)."""
    document = QTextDocument()
    document.setMarkdown(text or "", QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
    return document.toPlainText().strip()
