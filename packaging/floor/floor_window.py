"""The floor for benchmarks/bench_frozen.py: a bare PySide6 window that quits after its first paint.

Frozen with PyInstaller's defaults (one folder), it is the smallest and fastest a frozen Qt
widgets app gets on this machine; the viewer's bundle size and start-up are judged against it.
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


class FirstPaintLabel(QLabel):
    def paintEvent(self, event):  # noqa: N802 - Qt's name
        super().paintEvent(event)
        # The wall-clock time of the first paint, as ``atlasviewer --smoke`` prints its own.
        print(f"painted at {time.time():.4f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv)
    window = FirstPaintLabel("Atlas Viewer floor")
    window.resize(1200, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
