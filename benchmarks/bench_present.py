"""What presenting costs: stepping to the next slide, and a 20-slide deck to PowerPoint.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_present.py``. In one run it prints:

- stepping to the next slide of a 20-slide deck of real result boxes at 1024x768, from the key
  press to the slide painted, with the next slide prepared while the current one is read (as
  presentation mode does), and without (the first time a slide is shown, cold);
- the floor: switching a stack between two plain pre-built pages of the same size and painting;
- the same deck written to .pptx by ``atlasviewer deck`` (drawing every view), and the floor:
  python-pptx writing 20 slides with one ready picture each.

Targets: stepping <= 100 ms median; the 20-slide deck to .pptx <= 15 s. Medians of a few runs;
the machine is shared and noisy, so compare ratios within one run, never times across runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

SIZE = (1024, 768)
SLIDES = 20


def deck_of_real_boxes(library, count: int):
    """A deck of ``count`` slides over the views of radiologi2's boxes (maps, charts, tables)."""
    from atlasviewer.core.deck import Deck
    from atlasviewer.core.deck_views import box_slides

    boxes = box_slides(library, "radiologi2", None, ["st_olav"], "nb")
    deck = Deck(title="bench", slides=boxes.slides[:count])
    return deck


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget

    app = QApplication.instance() or QApplication([])

    from atlasviewer.core.deck import write_deck
    from atlasviewer.core.deck_views import resolve
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.sources import checkout_roots
    from atlasviewer.qt.present.presentation import PresentationView
    from atlasviewer.qt.shell.slide_views import SlideViewFactory
    from atlasviewer.qt.state import AppState

    library = AtlasLibrary(checkout_roots())
    if library.get("radiologi2") is None:
        sys.exit("bench_present: needs ../shared/helseatlas (radiologi2)")
    state = AppState(library.registry)
    state.set_library(library)
    deck = deck_of_real_boxes(library, SLIDES)
    slides = [resolve(s, library, "nb") for s in deck.slides]
    kinds = sorted({s.slide.view.rstrip("0123456789") for s in slides})
    print(f"deck: {len(slides)} slides of radiologi2 ({', '.join(kinds)}) at {SIZE[0]}x{SIZE[1]}")

    def stepping(prepared: bool) -> list[float]:
        view = PresentationView(slides, SlideViewFactory(state), 0)
        view.resize(*SIZE)
        view.show()
        view.show_slide(0)
        app.processEvents()
        view.repaint()
        times = []
        for _ in range(len(slides) - 1):
            if prepared:
                view.prepare_next()  # done while the audience reads the slide shown
            else:
                view.prepare_next = lambda: None  # type: ignore[method-assign]
            key = QKeyEvent(
                QKeyEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier
            )
            start = time.perf_counter()
            view.keyPressEvent(key)
            view.repaint()  # the slide painted, synchronously
            times.append((time.perf_counter() - start) * 1000)
            app.processEvents()
        view.close()
        return times

    warm = stepping(prepared=True)
    cold = stepping(prepared=False)

    floor_stack = QStackedWidget()
    pages = [QLabel(f"page {i}") for i in range(2)]
    for page in pages:
        floor_stack.addWidget(page)
    floor_stack.resize(*SIZE)
    floor_stack.show()
    app.processEvents()
    floor = []
    for index in range(20):
        start = time.perf_counter()
        floor_stack.setCurrentIndex(index % 2)
        floor_stack.repaint()
        floor.append((time.perf_counter() - start) * 1000)

    def line(name: str, values: list[float]) -> None:
        print(f"{name:<44} median {statistics.median(values):7.1f} ms   max {max(values):7.1f} ms")

    line("next slide, prepared (presentation mode)", warm)
    line("next slide, cold (not prepared)", cold)
    line("floor: plain stack page switch + paint", floor)
    print(
        f"stepping target <= 100 ms median: "
        f"{'met' if statistics.median(warm) <= 100 else 'NOT met'}; "
        f"{statistics.median(warm) / max(statistics.median(floor), 0.01):.0f}x the floor"
    )

    from atlasviewer.cli import main as cli_main

    with tempfile.TemporaryDirectory() as folder:
        deck_path = write_deck(deck, Path(folder) / "bench.avdeck")
        out = Path(folder) / "bench.pptx"
        start = time.perf_counter()
        cpu = time.process_time()
        code = cli_main(["deck", str(deck_path), "--lang", "nb", "--out", str(out)])
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
        if code != 0:
            sys.exit(f"bench_present: atlasviewer deck exited {code}")
        from pptx import Presentation
        from pptx.util import Inches
        from PySide6.QtGui import QColor, QImage

        picture = Path(folder) / "floor.png"
        image = QImage(2400, 1100, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        image.save(str(picture))
        start = time.perf_counter()
        floor_deck = Presentation()
        for _ in range(SLIDES):
            slide = floor_deck.slides.add_slide(floor_deck.slide_layouts[5])
            slide.shapes.title.text = "floor"
            slide.shapes.add_picture(str(picture), Inches(0.5), Inches(1.3), Inches(9))
            slide.notes_slide.notes_text_frame.text = "notes"
        floor_deck.save(str(Path(folder) / "floor.pptx"))
        floor_seconds = time.perf_counter() - start
    name = f"{SLIDES}-slide deck to .pptx (atlasviewer deck)"
    print(f"{name:<44} {seconds:7.2f} s   CPU {cpu_seconds:.2f} s")
    print(f"floor: python-pptx, 20 ready pictures          {floor_seconds:7.2f} s")
    print(f"pptx target <= 15 s: {'met' if seconds <= 15 else 'NOT met'}")
    state.close()


if __name__ == "__main__":
    main()
