"""The font shipped with the application, registered with Qt at start.

A machine without system fonts (a bare Debian, a locked-down Windows image) would otherwise show
every label as empty boxes. DejaVu Sans covers Norwegian (æ, ø, å) and is free to bundle; its
licence is ``resources/fonts/LICENSE-DejaVu.txt``.
"""

from __future__ import annotations

import importlib.resources

from PySide6.QtGui import QFontDatabase

BUNDLED_FONT_SUFFIXES = (".ttf", ".otf")


def register_bundled_fonts() -> list[str]:
    """Register every font file in ``atlasviewer/resources/fonts`` with Qt.

    Call once after the ``QApplication`` exists and before the first widget is shown.

    Returns:
        The font family names that Qt registered (empty when no font could be loaded, in which
        case Qt falls back on the system's fonts).
    """
    fonts = importlib.resources.files("atlasviewer.resources").joinpath("fonts")
    families: list[str] = []
    if not fonts.is_dir():
        return families
    for entry in sorted(fonts.iterdir(), key=lambda item: item.name):
        if not entry.name.lower().endswith(BUNDLED_FONT_SUFFIXES):
            continue
        # fromData works whether the resources are files on disk or inside an archive.
        font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families
