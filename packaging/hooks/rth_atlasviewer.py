"""Run-time hook of the frozen viewer: Qt's plugin folder and matplotlib's cache, set cheaply.

It stands in for two of PyInstaller's run-time hooks, which the spec leaves out:

- ``pyi_rth_pyside6`` imports PySide6.QtCore at every start to write the embedded qt.conf that
  PySide6's wheels write themselves when imported: ~0.1 s of every start, and ``--version``,
  ``validate`` and the other headless commands do not need Qt at all. What else it does is set
  the plugin path (below); Qt Quick is not bundled, so no QML paths.
- ``pyi_rth_mplconfig`` points matplotlib at a new temporary folder at every start (for one-file
  builds, whose folder moves each run), so matplotlib scanned every font of the system again each
  time the first chart was drawn. A one-folder build stays where it was installed: matplotlib's
  font list is kept in the user's cache folder for the viewer (matplotlib rebuilds it when a
  listed font is gone), and the user's own matplotlibrc, if any, does not restyle the charts.

It also gives character handling a UTF-8 locale when the system's is not (``LANG=C``, or none
at all: the frozen interpreter does not coerce the C locale as ``python`` does, PEP 538), so Qt
does not warn "Detected locale C" at start; the same rule as ``atlasviewer.cli.ensure_utf8_locale``,
written out here since a run-time hook runs before the application's modules are importable.
"""

import os
import sys


def _cache_home() -> str:
    if sys.platform.startswith("win"):
        return os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches")
    return os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")


def _locale_is_utf8() -> bool:
    import locale

    before = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "")
        return locale.nl_langinfo(locale.CODESET).replace("-", "").lower() == "utf8"
    except (locale.Error, AttributeError):
        return sys.platform.startswith("win")
    finally:
        locale.setlocale(locale.LC_ALL, before)


if not _locale_is_utf8():
    _language = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG")
    for _variable in [n for n in os.environ if n == "LANG" or n.startswith("LC_")]:
        del os.environ[_variable]
    os.environ["LC_CTYPE"] = "C.UTF-8"
    if _language and not os.environ.get("LANGUAGE"):
        os.environ["LANGUAGE"] = _language

_qt = os.path.join(sys._MEIPASS, "PySide6")  # PyInstaller's bundle folder
if not sys.platform.startswith("win"):
    _qt = os.path.join(_qt, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")

if "MPLCONFIGDIR" not in os.environ:
    _matplotlib = os.path.join(_cache_home(), "atlasviewer", "matplotlib")
    try:
        os.makedirs(_matplotlib, mode=0o700, exist_ok=True)
        os.environ["MPLCONFIGDIR"] = _matplotlib
    except OSError:
        pass  # matplotlib then uses a temporary folder of its own, and says so
