"""Start-up: the library screen paints before the heavy figure libraries are imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY_MODULES = ("pandas", "shapely", "pyproj", "matplotlib", "mapclassify")
"""Only an opened atlas needs these; importing them first would delay the first screen."""

PROBE = """
import argparse, json, sys
from PySide6.QtCore import QEvent, QObject
from atlasviewer.qt.app import build_window, create_application
app = create_application()
window, _settings = build_window(argparse.Namespace(lang="en", data=[sys.argv[1], sys.argv[2]]))
painted = {}
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted["cards"] = window.library_view.cards.model().rowCount()
            painted["modules"] = sorted(m for m in sys.modules if "." not in m)
            app.quit()
        return False
watch = Painted()
window.library_view.cards.viewport().installEventFilter(watch)
window.show()
app.exec()
print(json.dumps(painted))
"""


def test_library_paints_without_the_figure_libraries(tmp_path, v2_root, v1_root):
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
