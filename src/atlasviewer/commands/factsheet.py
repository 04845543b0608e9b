"""``atlasviewer factsheet``: an A4 PDF fact sheet for one referral area or health region.

Exit codes: 0 written, 1 written but without a single figure for the area (or the file could not
be written), 2 wrong usage (unknown atlas or area; the valid names are listed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlasviewer.i18n import LANGUAGES, _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--atlas", required=True, metavar="ID", help=_("the atlas id (e.g. lab)"))
    parser.add_argument(
        "--area",
        required=True,
        metavar="NAME",
        help=_(
            "a referral area or health region, in any spelling the atlases use "
            '("St. Olavs", "Ahus", "Helse Nord")'
        ),
    )
    parser.add_argument(
        "--lang",
        dest="sheet_lang",
        choices=LANGUAGES,
        help=_(
            "language of the fact sheet (default: the --lang given before the command, else nb)"
        ),
    )
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF to write"))


def run(args: argparse.Namespace) -> int:
    from atlasviewer import i18n
    from atlasviewer.commands.library_args import atlas_from_args
    from atlasviewer.core.factsheet import (
        build_fact_sheet,
        resolve_target,
        valid_names,
        written_note,
    )

    lang = getattr(args, "sheet_lang", None) or getattr(args, "lang", None) or "nb"
    i18n.set_language(lang)
    found = atlas_from_args(args)
    if found is None:
        return 2
    library, atlas = found
    target = resolve_target(args.area, library.registry)
    if target is None:
        print(
            _("Unknown area: {name}. Valid names: {names}.").format(
                name=args.area, names=", ".join(valid_names(atlas, library.registry))
            ),
            file=sys.stderr,
        )
        return 2

    sheet = build_fact_sheet(atlas, target, lang, library.registry)
    out = Path(args.out)
    try:
        pages = _write_pdf(sheet, out, lambda map_file: library.geography(atlas, map_file))
    except OSError as exc:
        print(_("Cannot write {path}: {reason}").format(path=out, reason=exc), file=sys.stderr)
        return 1
    with_figures = sum(1 for box in sheet.boxes if box.has_figures or box.members)
    print(written_note(out, pages, with_figures, len(sheet.boxes)))
    if with_figures == 0:
        print(
            _("The atlas has no figures for {area}.").format(area=sheet.area_name),
            file=sys.stderr,
        )
        return 1
    return 0


def _write_pdf(sheet, out: Path, geography_for) -> int:  # type: ignore[no-untyped-def]
    """Draw the sheet with Qt, headless when there is no display."""
    from atlasviewer.commands.headless import headless_application
    from atlasviewer.qt.factsheets.generated import write_fact_sheet_pdf
    from atlasviewer.qt.map.scene import MapScene

    app = headless_application()
    pages = write_fact_sheet_pdf(sheet, out, geography_for, MapScene)
    del app
    return pages
