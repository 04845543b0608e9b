"""``atlasviewer compare --view trend|funnel|scatter``: one indicator's statistics, headless.

The indicator is the headline of the first ``--atlas`` and ``--box`` named (the map's measure);
``--vs ATLAS:BOX`` names the scatter's second one. The areas named with ``--area`` or
``--region`` are the trend's lines and the labelled points (without them the trend shows every
area as small multiples, sorted by ``--sort``). Writes PNG, SVG or PDF (the chart) or CSV and
XLSX (each area with its figures and the method). Exit codes as ``compare``: 0 written, 1 not
written, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from atlasviewer.i18n import _

if TYPE_CHECKING:
    from atlasviewer.core.compare.indicators import Indicator, IndicatorIndex
    from atlasviewer.core.library import AtlasLibrary

STATS_VIEWS = ("trend", "funnel", "scatter")


def add_stats_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the trend, funnel and scatter views."""
    parser.add_argument(
        "--vs",
        metavar="ATLAS:BOX",
        help=_("the second indicator of the scatter: an atlas id and a box number"),
    )
    parser.add_argument(
        "--sort",
        choices=("name", "value", "change"),
        default="name",
        help=_("the order of the trend's small multiples (default: name)"),
    )


def _usage(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _headline(index: IndicatorIndex, atlas_id: str, box: int | None) -> Indicator | None:
    boxes = [box] if box is not None else None
    found = index.indicators([atlas_id], boxes, headline_only=True)
    return found[0] if found else None


def _second(args: argparse.Namespace, library: AtlasLibrary) -> Indicator | None | int:
    """The ``--vs`` indicator, None when not asked for, or an exit code after a message."""
    from atlasviewer.commands.library_args import unknown_atlases
    from atlasviewer.core.compare.indicators import IndicatorIndex

    if not args.vs:
        return None
    atlas_id, _sep, number = args.vs.rpartition(":")
    if not atlas_id or not number.strip().isdigit():
        return _usage(
            _("--vs takes ATLAS:BOX, an atlas id and a box number (radiologi2:2), not {value}.")
            .format(value=args.vs)
        )  # fmt: skip
    if unknown_atlases(library, [atlas_id]):
        return 2
    found = _headline(IndicatorIndex(library, [atlas_id]), atlas_id, int(number))
    if found is None:
        return _usage(
            _("No result box {boxes} in {atlases}.").format(boxes=number, atlases=atlas_id)
        )
    return found


def run_stats_view(
    args: argparse.Namespace,
    library: AtlasLibrary,
    atlas_ids: list[str],
    areas: list[str],
    lang: str,
    out: Path,
) -> int:
    """Write the ``--view`` trend, funnel or scatter of the chosen indicator to ``out``."""
    from atlasviewer.core.compare.indicators import IndicatorIndex
    from atlasviewer.core.compare.stats_views import STATS_VIEW_TITLES, view_plan, view_problem

    view = args.view
    index = IndicatorIndex(library, atlas_ids)
    box = args.box[0] if args.box else None
    indicator = next(
        (found for a in atlas_ids if (found := _headline(index, a, box)) is not None), None
    )
    if indicator is None:
        return _usage(
            _("No result box {boxes} in {atlases}.").format(
                boxes=", ".join(str(b) for b in args.box or []), atlases=", ".join(atlas_ids)
            )
        )
    second = _second(args, library)
    if isinstance(second, int):
        return second
    if view == "scatter" and second is None:
        return _usage(_("The scatter needs a second indicator: name it with --vs ATLAS:BOX."))
    named = bool(args.area or args.region)
    selected = areas if named else []
    problem = view_problem(view, indicator, lang, second)
    if problem:
        return _usage(problem)
    suffix = out.suffix.casefold()
    try:
        plan = view_plan(
            view,
            indicator,
            selected,
            lang,
            second=second,
            small_multiples=view == "trend" and not named,
            sort=args.sort,
        )
        if suffix in (".png", ".svg", ".pdf"):
            from atlasviewer.commands.headless import use_headless_backends
            from atlasviewer.render.stats_output import save_stats_figure, stats_figure

            use_headless_backends()
            save_stats_figure(stats_figure(view, plan, lang), out)
        else:
            from atlasviewer.core.compare.stats_export import write_view_table

            write_view_table(view, indicator, second, plan, lang, out)
    except OSError as exc:
        print(_("Cannot write {path}: {reason}").format(path=out, reason=exc), file=sys.stderr)
        return 1
    print(
        _("Wrote {path} ({view}: {indicator}).").format(
            path=out, view=_(STATS_VIEW_TITLES[view]).casefold(), indicator=indicator.title(lang)
        )
    )
    return 0
