"""The window reads and opens nothing outside the data folder (issue 18, class 4).

A generated atlas whose texts point out of its root (``/helseatlas/img/../..``, ``../``,
``file://``, ``/helseatlas/files/../..``) and whose front image does: the real window shows the
texts and the library card, the links are clicked, and an audit hook on ``open`` proves no file
outside the root is opened from Python; Qt's own loads go through ``loadResource``, which is
asked directly. Nothing is handed to the desktop but an ``https`` link.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from atlas_factory import AtlasSpec, write_atlas

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)

_OPENED: list[str] = []
_HOOKED: list[bool] = []


def _audit(event: str, args: tuple) -> None:
    if event == "open" and args and isinstance(args[0], (str, bytes, Path)):
        _OPENED.append(str(args[0]))


@pytest.fixture
def opened_files():
    """Paths opened from Python while the test runs (an audit hook cannot be removed)."""
    if not _HOOKED:
        sys.addaudithook(_audit)
        _HOOKED.append(True)
    _OPENED.clear()
    yield _OPENED
    _OPENED.clear()


@pytest.fixture
def hostile(tmp_path):
    """A generated atlas whose texts and front image point outside its root."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(PNG)
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (outside / "secret.md").write_text("# Secret\n", encoding="utf-8")
    facts = write_atlas(tmp_path / "root", AtlasSpec(seed=18))
    root = facts.root
    (root / "public" / "img").mkdir(parents=True, exist_ok=True)
    (root / "public" / "img" / "inside.png").write_bytes(PNG)
    post = root / "posts" / "atlas" / f"{facts.atlas_id}.json"
    atlas = json.loads(post.read_text(encoding="utf-8"))
    atlas["image"] = "/helseatlas/img/../../../outside/secret.png"
    text = "\n\n".join(
        [
            "Ratene varierer.",
            "![up](/helseatlas/img/../../../outside/secret.png)",
            "![rel](../outside/secret.png)",
            f"![url]({(outside / 'secret.png').as_uri()})",
            "![ok](/helseatlas/img/inside.png)",
            "[sheet](/helseatlas/files/../../../outside/secret.pdf)",
            f"[fileurl]({(outside / 'secret.pdf').as_uri()})",
            "[page](../outside/secret.md)",
            "[mail](mailto:someone@example.org)",
            "[web](https://www.skde.no/)",
        ]
    )
    box = atlas["kapittel"][1]["innhold"][0]
    box["resultat"] = text
    post.write_text(json.dumps(atlas, ensure_ascii=False), encoding="utf-8")
    return facts, outside


def _anchors(browser) -> list[str]:
    hrefs = []
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            href = fragment.charFormat().anchorHref() if fragment.isValid() else ""
            if href and href not in hrefs:
                hrefs.append(href)
            iterator += 1
        block = block.next()
    return hrefs


def test_nothing_outside_the_root_is_read_opened_or_handed_on(
    open_window, qtbot, monkeypatch, hostile, opened_files
):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices, QTextDocument

    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.qt.library.cards import front_image_path

    facts, outside = hostile
    handed: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: handed.append(url.toString()))
    library = AtlasLibrary([facts.root])
    window = open_window(library)
    qtbot.wait(50)  # the library's cards decode their images
    atlas = library.get(facts.library_id)
    assert front_image_path(atlas) is None
    sheets: list[Path] = []
    window.fact_sheet_requested.connect(lambda path, title: sheets.append(path))
    assert window.open_atlas(facts.library_id, 1)
    view = window.reader.box_view
    qtbot.waitUntil(view.is_painted, timeout=20000)
    browser = view.text
    shown = browser.toPlainText()
    assert "“/helseatlas/img/../../../outside/secret.png” points outside" in shown
    assert "“../outside/secret.png” points outside" in shown
    assert "secret.png” points outside the atlas folder" in shown.split("../outside")[-1]
    html = browser.document().toHtml()
    outside_url = outside.as_uri()
    assert f'src="{outside_url}' not in html and f'href="{outside_url}' not in html
    assert "inside.png" in html
    hrefs = _anchors(browser)
    assert len(hrefs) == 5, hrefs
    notices = []
    for href in hrefs:
        browser.anchorClicked.emit(QUrl(href))
        notices.append(view.notice.text())
    assert sheets == []
    assert handed == ["https://www.skde.no/"]
    assert "“/helseatlas/files/../../../outside/secret.pdf” points outside" in notices[0]
    assert "secret.pdf" in notices[1] and "outside the atlas folder" in notices[1]
    assert "“../outside/secret.md” points outside" in notices[2]
    assert "mailto:someone@example.org" in notices[3] and "was not opened" in notices[3]
    # Qt's own loads: an outside file is never given to the document.
    image = QTextDocument.ResourceType.ImageResource
    assert browser.loadResource(image, QUrl.fromLocalFile(str(outside / "secret.png"))) is None
    assert browser.loadResource(
        image, QUrl.fromLocalFile(str(facts.root / "public/img/inside.png"))
    )
    assert [p for p in opened_files if str(outside) in p] == []
