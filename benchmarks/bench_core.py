"""Time to index every atlas (both data roots) and to load one result box with its map.

Run: ``python benchmarks/bench_core.py``. Targets: indexing <= 0.3 s (no data file or map read),
one result box with its map, warm (map already read, data read again) <= 0.1 s. Prints the median
of several runs; noisy on a shared machine, so compare figures from one run.
"""

from __future__ import annotations

import statistics
import time

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.readers.v2 import SecondGenerationReader
from atlasviewer.core.sources import checkout_roots

RUNS = 7


def median_seconds(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    roots = checkout_roots()
    library = AtlasLibrary(roots)  # warms imports and the registry
    print(f"roots: {', '.join(str(r) for r in roots)}; atlases: {len(library.atlases)}")

    index = median_seconds(lambda: AtlasLibrary(roots))
    print(f"index every atlas: {index * 1000:.1f} ms (target <= 300 ms)")
    for root in roots:
        alone = median_seconds(lambda root=root: AtlasLibrary([root]))
        print(f"  of which {root.name}: {alone * 1000:.1f} ms")

    v2_root = next(r for r in roots if SecondGenerationReader.detect(r))
    reader = SecondGenerationReader(v2_root)
    atlas = next(a for a in reader.read_index() if a.id == "radiologi2")
    box = atlas.primary.result_boxes[0]

    def load_box() -> None:
        box._data = None  # read the data file again; the map stays cached by the reader
        box.load()
        reader.geography(atlas, box.map_file)

    cold = median_seconds(load_box, runs=1)
    warm = median_seconds(load_box)
    print(f"result box + map, first (reads the map): {cold * 1000:.1f} ms")
    print(f"result box + map, warm: {warm * 1000:.1f} ms (target <= 100 ms)")


if __name__ == "__main__":
    main()
