"""The Qt widgets of the viewer (PySide6). Importing this package guards against a PySide6 defect.

PySide6/shiboken6 6.12.0 on Python 3.11 returns ``None`` from every void C++ method without taking
a reference to it, so each call (``setPen``, ``lineTo``, ``update``...) lowers ``None``'s
reference count by one; after a few thousand calls Python aborts with "none_dealloc: deallocating
None". Python 3.12 made ``None`` immortal (PEP 683), which hides the defect there. Until the
bindings are fixed, ``None`` is given a reference count no session can use up; ``None`` is never
freed anyway, so this changes nothing else.
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


_keep_none_alive()
