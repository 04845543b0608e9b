"""One way to paint: a painter that is ended whatever happens while it paints.

An exception raised while a ``QPainter`` is active (a map with no usable area dividing by its
zero width, say) used to leave the painter active when the exception unwound the frame; the
device (a ``QImage``, a ``QPdfWriter``) was then destroyed first ("QPaintDevice: Cannot destroy
paint device that is being painted") and the process died with SIGSEGV. :func:`painting` begins
the painter, yields it, and ends it in ``finally``, so the exception reaches the caller as a
Python exception and the device is destroyed after its painter. Every ``QPainter`` the viewer
makes is made here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtGui import QPainter

from atlasviewer.i18n import _


class PaintError(OSError):
    """The painter could not begin on its device (a file that cannot be written, say)."""


@contextmanager
def painting(device: Any) -> Iterator[QPainter]:
    """An active painter on ``device``, ended when the block is left, by an exception too.

    Raises:
        PaintError: When the painter cannot begin on ``device`` (for a file device: the file
            cannot be opened for writing).
    """
    painter = QPainter()
    if not painter.begin(device):
        raise PaintError(_("Cannot paint on the output (the file may not be writable)."))
    try:
        yield painter
    finally:
        if painter.isActive():
            painter.end()
