"""A bound for benchmarks/bench_frozen.py: the floor window, after the atlas view's libraries.

numpy and shapely (the map's geometry) and matplotlib with its Agg and Qt canvases (the charts)
are imported, nothing of the viewer. No viewer built on these libraries can paint an atlas view
sooner than this window paints, frozen the same way: the gap between it and the floor is the
libraries' share of the viewer's start-up, the gap between it and the viewer is the viewer's own.
"""

import os
import sys
from pathlib import Path

# PyInstaller's matplotlib run-time hook points matplotlib at a new empty folder, so it would list
# the system's fonts at every start; the viewer keeps that list in the user's cache folder
# (packaging/hooks/rth_atlasviewer.py), and so does this bound, in a folder of its own.
_cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "atlasviewer-floor"
_cache.mkdir(parents=True, exist_ok=True)
os.environ["MPLCONFIGDIR"] = str(_cache)

import matplotlib.backends.backend_agg  # noqa: E402, F401
import matplotlib.backends.backend_qtagg  # noqa: E402, F401
import matplotlib.figure  # noqa: E402, F401
import numpy  # noqa: E402, F401
import shapely  # noqa: E402, F401
from floor_window import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
