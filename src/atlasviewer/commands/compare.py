"""``atlasviewer compare``: areas against the national value across atlases, headless.

Writes the comparison of the chosen areas over the indicators of the chosen atlases and boxes:
XLSX (every view and the definitions), CSV (the ``--view``), or the area profile as a spine
chart (PDF, PNG, SVG; needs one area). Exit codes: 0 written, 1 the file could not be written,
2 wrong usage (an unknown atlas, box or area is named with the valid choices).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlasviewer.i18n import _

FORMATS = (".xlsx", ".csv", ".pdf", ".png", ".svg")
VIEWS = ("table", "profile", "variation", "trend", "funnel", "scatter")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from atlasviewer.cli import add_lang_argument
    from atlasviewer.commands.compare_stats import add_stats_arguments

    parser.add_argument(
        "--atlas",
        action="append",
        metavar="ID",
        help=_("an atlas to compare over; repeatable (default: every atlas)"),
    )
    parser.add_argument(
        "--box",
        action="append",
        type=int,
        metavar="N",
        help=_("only result box N of the atlases; repeatable"),
    )
    parser.add_argument(
        "--area",
        action="append",
        metavar="NAME",
        help=_(
            "a referral area in any spelling the atlases use; repeatable "
            "(default: every referral area)"
        ),
    )
    parser.add_argument(
        "--region",
        metavar="NAME",
        help=_("the referral areas of a health region, and the region's own row"),
    )
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default=None,
        help=_(
            "table (areas x indicators), profile (one area), variation, or one indicator's "
            "trend, funnel or scatter (--box, --vs); for CSV the view written "
            "(default: table, or profile for one area)"
        ),
    )
    add_stats_arguments(parser)
    add_lang_argument(parser, command=True)
    parser.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=_("the file to write: .xlsx, .csv, or .pdf, .png, .svg (the area profile)"),
    )


def _usage(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from atlasviewer import i18n
    from atlasviewer.commands.compare_stats import STATS_VIEWS, run_stats_view
    from atlasviewer.commands.library_args import library_from_args, unknown_atlases

    lang = getattr(args, "lang", None) or i18n.system_language()
    i18n.set_language(lang)
    out = Path(args.out)
    suffix = out.suffix.casefold()
    if suffix not in FORMATS:
        return _usage(
            _("Cannot write {name}: the file must end in {formats}.").format(
                name=out.name, formats=", ".join(FORMATS)
            )
        )
    library = library_from_args(args)
    if library is None:
        return 2
    atlas_ids = list(dict.fromkeys(args.atlas or library.ids))
    if unknown_atlases(library, atlas_ids):
        return 2
    areas = _areas(args, library.registry)
    if areas is None:
        return 2
    view = args.view or ("profile" if len(areas) == 1 and args.area else "table")
    if view in STATS_VIEWS:
        return run_stats_view(args, library, atlas_ids, areas, lang, out)
    if (view == "profile" or suffix in (".pdf", ".png", ".svg")) and len(areas) != 1:
        return _usage(_("The area profile is of one area: name it with --area NAME."))

    from atlasviewer.core.compare.indicators import IndicatorIndex

    index = IndicatorIndex(library, atlas_ids)
    indicators = index.indicators(boxes=args.box)
    if not indicators:
        return _usage(
            _("No result box {boxes} in {atlases}.").format(
                boxes=", ".join(str(b) for b in args.box or []), atlases=", ".join(atlas_ids)
            )
        )
    try:
        _write(indicators, areas, library.registry, lang, view, out)
    except OSError as exc:
        print(_("Cannot write {path}: {reason}").format(path=out, reason=exc), file=sys.stderr)
        return 1
    print(
        _("Wrote {path} (indicators: {indicators}, areas: {areas}).").format(
            path=out, indicators=len(indicators), areas=len(areas)
        )
    )
    return 0


def _areas(args: argparse.Namespace, registry) -> list[str] | None:  # type: ignore[no-untyped-def]
    """The registry ids of the areas asked for (every current area by default), or None."""
    from atlasviewer.core.compare.matrix import comparison_areas, resolve_areas

    names = list(args.area or [])
    if args.region:
        found = registry.match(args.region)
        if found is None or found.kind != "region":
            regions = sorted(r.name("nb") for r in registry.regions.values())
            return None if _usage(
                _("Unknown health region: {name}. Valid names: {names}.").format(
                    name=args.region, names=", ".join(regions)
                )
            ) else None  # fmt: skip
        names.append(args.region)
    if not names:
        return comparison_areas(registry)
    ids, unknown = resolve_areas(names, registry, region_rows=True)
    if unknown:
        valid = sorted(a.name("nb") for a in registry.areas.values() if not a.historic)
        _usage(
            _("Unknown area: {name}. Valid names: {names}.").format(
                name=", ".join(unknown), names=", ".join(valid)
            )
        )
        return None
    return ids


def _write(indicators, areas, registry, lang, view, out: Path) -> None:  # type: ignore[no-untyped-def]
    from atlasviewer.core.compare.export import write_csv, write_xlsx
    from atlasviewer.core.compare.matrix import Comparison
    from atlasviewer.core.compare.views import view_frame

    comparison = Comparison(indicators, areas, registry, lang)
    area_id = areas[0] if len(areas) == 1 else None
    suffix = out.suffix.casefold()
    if suffix == ".xlsx":
        write_xlsx(comparison, out, area_id=area_id)
    elif suffix == ".csv":
        frame = view_frame(comparison, view, area_id)
        write_csv(frame, out, lang, index=view == "table")
    else:
        from atlasviewer.commands.headless import use_headless_backends
        from atlasviewer.core.compare.profile import profile_plan
        from atlasviewer.render.profile_chart import save_profile

        use_headless_backends()
        assert area_id is not None
        save_profile(profile_plan(comparison, area_id), out)
