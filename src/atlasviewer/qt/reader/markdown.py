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
from urllib.parse import unquote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from atlasviewer.i18n import _

SITE_PREFIX = "/helseatlas/"

_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?P<target>[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\s*\)"
)
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*(?P<target>[^)\s]+)(?P<rest>[^)]*)\)")


def resolve_site_path(target: str, root: Path) -> Path | None:
    """The local file a site path of the atlas web site stands for, or None if not a site path.

    ``/helseatlas/files/X.pdf`` -> ``public/files/X.pdf``; ``/helseatlas/img/...`` ->
    ``public/img/...``; ``/helseatlas/statisk/kart`` -> ``posts/statisk/kart.md`` and
    ``/helseatlas/en/static/map`` -> ``posts/en/static/map.md``. The file may not exist.
    """
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path.startswith(SITE_PREFIX):
        return None
    rest = path[len(SITE_PREFIX) :].strip("/")
    parts = rest.split("/")
    if parts[0] in ("files", "img", "kart", "data"):
        return root.joinpath("public", *parts)
    if parts[0] == "statisk" and len(parts) > 1:
        return root / "posts" / "statisk" / f"{parts[1]}.md"
    if parts[:2] == ["en", "static"] and len(parts) > 2:
        return root / "posts" / "en" / "static" / f"{parts[2]}.md"
    return None


def is_remote(target: str) -> bool:
    return bool(
        re.match(r"^[a-z][a-z0-9+.-]*://", target, re.IGNORECASE)
    ) and not target.lower().startswith("file:")


def prepare_markdown(text: str, root: Path | None) -> str:
    """Rewrite an atlas text's site links to local ``file:`` URLs and drop remote images."""

    def image(match: re.Match[str]) -> str:
        alt = match["alt"].strip() or (match["title"] or "").strip()
        target = match["target"]
        if is_remote(target):
            note = _("Image not shown (on the internet): {description}").format(description=alt)
            return f"*[{note}]*"
        local = resolve_site_path(target, root) if root is not None else None
        if local is None and root is not None and not target.startswith("/"):
            local = root / target
        if local is None or not local.is_file():
            where = str(local) if local is not None else target
            missing = _("Image missing: expected at {path}").format(path=where)
            return f"*[{missing}]*"
        title = f' "{match["title"]}"' if match["title"] else ""
        return f"![{alt}]({QUrl.fromLocalFile(str(local)).toString()}{title})"

    def link(match: re.Match[str]) -> str:
        target = match["target"]
        local = resolve_site_path(target, root) if root is not None else None
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
