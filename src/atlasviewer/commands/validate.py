"""``atlasviewer validate``: check atlases and print every problem found, per atlas.

Loads every result box's data and map, and checks the texts' links. Exit codes: 0 no errors,
1 at least one error, 2 wrong usage (such as an unknown atlas id).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from atlasviewer.core.problems import Problem, Severity
from atlasviewer.i18n import _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from atlasviewer.commands.options import add_lang_argument

    add_lang_argument(parser, command=True)
    parser.add_argument(
        "--atlas",
        action="append",
        metavar="ID",
        help=_("only this atlas (repeatable; first-generation atlases are v1-<name>)"),
    )
    parser.add_argument("--json", action="store_true", help=_("print a JSON report instead"))


def run(args: argparse.Namespace) -> int:
    from atlasviewer.commands.library_args import library_from_args, unknown_atlases

    library = library_from_args(args)
    if library is None:
        return 2
    atlases = library.atlases
    if args.atlas:
        if unknown_atlases(library, args.atlas):
            return 2
        atlases = [atlas for a in args.atlas if (atlas := library.get(a)) is not None]
    # A check of chosen atlases leaves out the other folders' problems, but keeps those of their
    # own folders (a changed installed file, a missing manifest).
    root_problems = (
        _problems_of_roots(library.root_problems, [a.root for a in atlases])
        if args.atlas
        else library.root_problems
    )
    reports = [_atlas_report(library, atlas) for atlas in atlases]
    all_problems = root_problems + [p for r in reports for p in r["problems"]]
    failed = any(p.severity is Severity.ERROR for p in all_problems)
    if args.json:
        _print_json(library.roots, root_problems, reports, failed)
    else:
        _print_human(root_problems, reports, all_problems)
    return 1 if failed else 0


def _problems_of_roots(problems: list[Problem], roots: list[Any]) -> list[Problem]:
    """The folder-level problems about files in ``roots`` or the manifest that covers them."""
    from pathlib import Path

    from atlasviewer.core.manifest import MANIFEST_NAME

    wanted = {str(Path(r)) for r in roots}
    manifests = {str(Path(r) / MANIFEST_NAME) for r in roots}
    manifests |= {str(Path(r).parent / MANIFEST_NAME) for r in roots}

    def concerns(problem: Problem) -> bool:
        file = problem.file
        return file in manifests or any(
            file == root or file.startswith(root.rstrip("/") + "/") for root in wanted
        )

    return [p for p in problems if concerns(p)]


def _atlas_report(library: Any, atlas: Any) -> dict[str, Any]:
    from atlasviewer.core.links import link_problems

    problems: list[Problem] = []
    maps: set[str] = set()
    for variant in atlas.variants.values():
        problems.extend(link_problems(variant) if atlas.generation == 2 else [])
        for box in variant.result_boxes:
            data = box.load()
            problems.extend(data.problems)
            if box.map_file:
                maps.add(box.map_file)
    for map_file in sorted(maps):
        problems.extend(library.geography(atlas, map_file).problems)
    # Read last: loading boxes and maps adds what a full parse finds (first-generation CSV rows,
    # a map borrowed from another atlas) to the atlas's own problems.
    problems[:0] = atlas.problems
    primary = atlas.primary
    return {
        "atlas": atlas,
        "id": library.atlas_id(atlas),
        "title": primary.short_title or primary.main_title,
        "generation": atlas.generation,
        "published": atlas.published,
        "languages": atlas.languages,
        "chapters": {lang: len(atlas.variants[lang].chapters) for lang in atlas.languages},
        "result_boxes": {lang: len(atlas.variants[lang].result_boxes) for lang in atlas.languages},
        "maps": sorted(maps),
        "problems": _unique(problems),
    }


def _unique(problems: list[Problem]) -> list[Problem]:
    """Problems once each: a map's problem is met again by every box drawn on it."""
    unique: dict[tuple[Any, ...], Problem] = {}
    for problem in problems:
        unique.setdefault((problem.severity, problem.file, problem.place, problem.message), problem)
    return list(unique.values())


def _per_language(counts: dict[str, int]) -> str:
    return ", ".join(f"{lang} {n}" for lang, n in counts.items())


def _count(problems: list[Problem], severity: Severity) -> int:
    return sum(1 for p in problems if p.severity is severity)


def _print_human(
    root_problems: list[Problem], reports: list[dict[str, Any]], all_problems: list[Problem]
) -> None:
    for problem in root_problems:
        print(problem)
    for report in reports:
        state = "" if report["published"] else " " + _("(draft)")
        print(f"{report['id']}: {report['title']}{state}")
        print(
            "  "
            + _("generation {generation}; languages: {languages}").format(
                generation=report["generation"], languages=", ".join(report["languages"])
            )
        )
        print(
            "  "
            + _("chapters: {chapters}; result boxes: {boxes}; maps: {maps}").format(
                chapters=_per_language(report["chapters"]),
                boxes=_per_language(report["result_boxes"]),
                maps=", ".join(report["maps"]) or "-",
            )
        )
        for problem in report["problems"]:
            print(f"  {problem}")
    errors = _count(all_problems, Severity.ERROR)
    warnings = _count(all_problems, Severity.WARNING)
    print(
        ngettext("{n} atlas checked", "{n} atlases checked", len(reports)).format(n=len(reports))
        + ": "
        + ngettext("{n} error", "{n} errors", errors).format(n=errors)
        + ", "
        + ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
    )


def _print_json(
    roots: list[Any], root_problems: list[Problem], reports: list[dict[str, Any]], failed: bool
) -> None:
    output = {
        "roots": [str(r) for r in roots],
        "ok": not failed,
        "problems": [p.as_dict() for p in root_problems],
        "atlases": [
            {
                **{k: v for k, v in report.items() if k not in ("atlas", "problems")},
                "problems": [p.as_dict() for p in report["problems"]],
            }
            for report in reports
        ],
    }
    json.dump(output, sys.stdout, ensure_ascii=False, indent=1)
    print()
