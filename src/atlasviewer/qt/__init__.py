"""The Qt widgets of the viewer (PySide6). Importing this package works around two PySide6 costs.

PySide6/shiboken6 6.12.0 on Python 3.11 returns ``None`` from every void C++ method without taking
a reference to it, so each call (``setPen``, ``lineTo``, ``update``...) lowers ``None``'s
reference count by one; after a few thousand calls Python aborts with "none_dealloc: deallocating
None". Python 3.12 made ``None`` immortal (PEP 683), which hides the defect there. Until the
bindings are fixed, ``None`` is given a reference count no session can use up; ``None`` is never
freed anyway, so this changes nothing else.

Once PySide6 is imported, its import hook asks of every module imported afterwards whether the
module's source mentions "PySide6" (for the opt-in ``__feature__`` switches), through
``inspect.getsource``, which searches ``sys.modules`` and tokenises: ~0.1 s over matplotlib's and
numpy's imports when a result box first opens. The same question is answered by reading the file.
"""

from __future__ import annotations

import sys


def _keep_none_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < 1 << 40:
        count.value += 1 << 40


def _read_source_for_pyside_features() -> None:
    import PySide6.QtCore  # noqa: F401  (makes shibokensupport.feature)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return  # a PySide6 without the hook: nothing to speed up

    def mod_uses_pyside(module: object) -> bool:
        # As PySide6's own check: modules without a Python source file do not use the features.
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return False
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False

    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[attr-defined]


_keep_none_alive()
_read_source_for_pyside_features()
