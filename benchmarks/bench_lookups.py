"""Registry look-ups of a click: planning a result box's views, then selecting an area.

Prints how many names :meth:`AreaRegistry.match` was asked about (``registry.lookups``) for the
work the window does when a box is shown (map, bar, line and table plans, as
``qt/map_pane`` and the chart and table panes build them) and when an area is then selected (the
map and bar plans again, with the selection). The match of rows to areas is kept with the box's
data (:func:`atlasviewer.core.matching.cached_match`), so the second planning asks for none.

    .venv/bin/python benchmarks/bench_lookups.py [--data DIR] [--atlas ID] [--box N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlasviewer.core import plans
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.model import BarChartSpec, MapSpec, TableSpec

REPO = Path(__file__).resolve().parents[1]


def plan_box(library, atlas, box, selected=()):  # type: ignore[no-untyped-def]
    """Every plan of ``box`` as the window builds them, with ``selected`` area keys."""
    data = box.load()
    geography = library.geography(atlas, box.map_file)
    for view in data.views:
        if isinstance(view, MapSpec):
            try:
                from atlasviewer.core.matching import cached_match

                mapping = cached_match(data, view.rowset, geography, library.registry).mapping
            except ImportError:  # before the one matcher: the map pane matched the rows itself
                from atlasviewer.core.matching import match_rows

                rowset = data.rowsets[view.rowset]
                mapping = match_rows(rowset, geography, library.registry).mapping
            plans.build_map_plan(data, view, geography, mapping, "nb", selected)
        elif isinstance(view, BarChartSpec):
            plans.build_bar_plan(data, view, "nb", selected)
        elif isinstance(view, TableSpec):
            plans.build_table_plan(data, view, "nb")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "helseatlas"))
    parser.add_argument("--atlas", default="radiologi2")
    parser.add_argument("--box", type=int, default=1)
    args = parser.parse_args()
    library = AtlasLibrary([Path(args.data)], check_checksums=False)
    atlas = library.atlas(args.atlas)
    box = next(b for b in atlas.primary.result_boxes if b.number == args.box)
    registry = library.registry
    box.load()
    library.geography(atlas, box.map_file)  # reading data and map is not the click
    registry.lookups = 0
    plan_box(library, atlas, box)
    shown = registry.lookups
    registry.lookups = 0
    geography = library.geography(atlas, box.map_file)
    plan_box(library, atlas, box, selected=[geography.areas[0].key])
    selected = registry.lookups
    print(f"{args.atlas} box {args.box}: registry look-ups to plan the box: {shown}")
    print(f"{args.atlas} box {args.box}: registry look-ups to select an area: {selected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
