"""Help > About names the data producers and every licence, and opens the bundled notices."""

from __future__ import annotations

import sys

from atlasviewer import i18n
from atlasviewer.qt.shell import about_dialog
from atlasviewer.qt.shell.about_dialog import AboutDialog


def test_about_names_producers_and_licences(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    for word in ("SKDE", "Helse Førde", "GPL-3.0", "MIT", "LGPL-3.0", "PySide6"):
        assert word in text


def test_about_follows_the_language(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    i18n.set_language("nn")
    dialog.retranslate_ui()
    assert dialog.windowTitle() == i18n.gettext("About Atlas Viewer") != "About Atlas Viewer"


def test_installed_build_offers_its_third_party_notices(qtbot, tmp_path, monkeypatch):
    notices = tmp_path / about_dialog.NOTICES_NAME
    notices.write_text("# Third-party notices\n\nQt 6 — LGPL-3.0\n", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "atlasviewer"))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.notices == notices
    assert not dialog.notices_button.isHidden()


def test_a_checkout_without_notices_hides_the_button(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.notices is None
    assert dialog.notices_button.isHidden()
