"""Start-up: the library screen paints first, then its card details, then the heavy modules."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.library.cards import (
    ATLAS_ROLE,
    IMAGE_HEIGHT,
    META_ROLE,
    PLACEHOLDER_COLOUR,
    front_image_path,
)

HEAVY_MODULES = ("pandas", "shapely", "pyproj", "matplotlib", "mapclassify", "numpy")
"""Only an opened atlas needs these; importing them first would delay the first screen."""

DEFERRED_MODULES = (
    "babel.dates",  # the card dates follow the first paint (locale data: ~30 ms)
    "atlasviewer.qt.reader.view",  # built when an atlas is first opened
    "atlasviewer.qt.factsheets.viewer",  # built when a fact sheet is first shown
    "atlasviewer.qt.shell.about_dialog",
    "atlasviewer.qt.factsheets.actions",
    "atlasviewer.qt.compare.workspace",  # built when the comparison is first opened (pandas)
    "atlasviewer.core.readers.v1_csv",  # the full parse of a first-generation file: its first box
    "atlasviewer.core.readers.v1_boxes",  # with formatting, intervals and statistics
    "atlasviewer.core.readers.v2_result_data",  # a box's data, its rows matched to its map
    "atlasviewer.core.matching",
    "atlasviewer.core.geography",
)
"""Modules the library screen does not need before its first paint."""

PROBE = """
import argparse, json, sys
from atlasviewer.qt.shell.app import build_window, create_application
app = create_application()
window, _settings = build_window(argparse.Namespace(lang="en", data=[sys.argv[1], sys.argv[2]]))
painted = {}
view = window.library_view
def on_painted():
    if not painted:
        painted["cards"] = view.cards.model().rowCount()
        painted["modules"] = sorted(sys.modules)
        painted["details_pending"] = view.details_pending
def on_warm():
    painted["after_warmup"] = sorted(sys.modules)
    painted["screen"] = type(window.stack.currentWidget()).__name__
    app.quit()
view.cards.painted.connect(on_painted)
window.warmup.finished.connect(on_warm)
window.show()
app.exec()
print(json.dumps(painted))
"""


def test_library_paints_first_and_then_loads_the_figure_libraries(tmp_path, v2_root, v1_root):
    env = dict(os.environ, ATLASVIEWER_CONFIG_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(v2_root), str(v1_root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    painted = json.loads(done.stdout.strip().splitlines()[-1])
    assert painted["cards"] > 10  # the library really was painted, with both generations
    loaded = set(painted["modules"])
    assert "PySide6" in loaded
    assert not loaded & set(HEAVY_MODULES), sorted(loaded & set(HEAVY_MODULES))
    assert not loaded & set(DEFERRED_MODULES), sorted(loaded & set(DEFERRED_MODULES))
    assert painted["details_pending"]  # dates and images come after the first paint
    # Then, while the user reads the library, what the first box needs is loaded.
    warm = set(painted["after_warmup"])
    assert {"matplotlib.figure", "shapely", "atlasviewer.qt.charts.widget"} <= warm
    assert "pandas" not in warm and "pyproj" not in warm
    assert painted["screen"] == "LibraryView"


@pytest.fixture
def library(v2_root, v1_root):
    return AtlasLibrary([v2_root, v1_root])


def _card(view, atlas_id):
    index = view.index_of(atlas_id)
    assert index.isValid(), atlas_id
    return index


def test_cards_get_their_dates_and_front_images_after_the_first_paint(qtbot, open_window, library):
    window = open_window(library)
    view = window.library_view
    qtbot.waitUntil(lambda: not view.details_pending, timeout=10000)
    # A second-generation atlas shows its date in words, a first-generation one its year.
    assert _card(view, "radiologi2").data(META_ROLE).startswith("SKDE · 16 October 2024\n")
    assert _card(view, "v1-gyn").data(META_ROLE).startswith("SKDE · 2017\n")
    index = _card(view, "radiologi2")
    atlas = index.data(ATLAS_ROLE)
    assert front_image_path(atlas) is not None
    view.cards.scrollTo(index)
    rect = view.cards.visualRect(index)
    image = view.cards.viewport().grab(rect).toImage()
    centre = image.pixelColor(image.width() // 2, 6 + IMAGE_HEIGHT // 2)
    assert centre != QColor(PLACEHOLDER_COLOUR)  # the front image, not the plain box
