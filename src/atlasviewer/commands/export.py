"""``atlasviewer export``: every view of an atlas's result boxes to image, table and summary files.

Headless: maps are painted by the native map code on an offscreen Qt platform, charts by the
matplotlib chart functions on the Agg backend, tables written as CSV and XLSX. Files are named
``<box>-<slug>-<view>.<ext>`` (``3-eldre-bar1.png``), and ``<box>-<slug>-<year>-<view>.<ext>``
for first-generation atlases, whose boxes show one indicator per year. A box that cannot be
exported is reported on stderr by number and title; the others are written, and the command
exits 1 at the end. Exit codes: 0 all written, 1 some box or view failed, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from functools import partial
from pathlib import Path
from typing import Any

from atlasviewer.commands.headless import headless_application, use_headless_backends
from atlasviewer.core.atomic import atomic_write, atomic_write_text, check_for
from atlasviewer.core.model import BarChartSpec
from atlasviewer.i18n import _, ngettext

IMAGE_FORMATS = ("png", "svg", "pdf")
TABLE_FORMATS = ("csv", "xlsx")
DEFAULT_FORMATS = "png,svg,pdf,csv,xlsx"
VIEW_NAMES = {"map": "map", "barchart": "bar", "linechart": "line", "table": "table"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from atlasviewer.commands.options import add_lang_argument

    parser.add_argument("--atlas", required=True, metavar="ID", help=_("the atlas to export"))
    add_lang_argument(parser, command=True)
    parser.add_argument(
        "--box", default="all", metavar="N|all", help=_("result box number (from 1), or all")
    )
    parser.add_argument("--out", required=True, metavar="DIR", help=_("folder to write into"))
    parser.add_argument(
        "--format",
        default=DEFAULT_FORMATS,
        metavar="LIST",
        help=_("comma-separated file formats (default {formats})").format(formats=DEFAULT_FORMATS),
    )
    parser.add_argument(
        "--dpi", type=float, default=300.0, help=_("image resolution (default 300)")
    )


def slugify(text: str, limit: int = 40) -> str:
    """A file-name part from a box title: ``Unødvendige?`` -> ``unodvendige``.

    Without accents or spaces, so that the names work in every shell, archive and web server.
    """
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].rstrip("-") or "box"


def run(args: argparse.Namespace) -> int:
    use_headless_backends()
    from atlasviewer import i18n
    from atlasviewer.commands.library_args import atlas_from_args

    formats = [f.strip().lower() for f in str(args.format).split(",") if f.strip()]
    unknown = [f for f in formats if f not in IMAGE_FORMATS + TABLE_FORMATS]
    if unknown or not formats:
        _error(
            _("Unknown format: {formats}. Use {known}.").format(
                formats=", ".join(unknown) or "-", known=", ".join(IMAGE_FORMATS + TABLE_FORMATS)
            )
        )
        return 2
    lang = args.lang or i18n.system_language()
    i18n.set_language(lang)
    found = atlas_from_args(args)
    if found is None:
        return 2
    library, atlas = found
    variant = atlas.variant(lang)
    boxes = variant.result_boxes
    if str(args.box).lower() != "all":
        try:
            number = int(args.box)
        except ValueError:
            number = 0
        chosen = [b for b in boxes if b.number == number]
        if not chosen:
            _error(
                _("Atlas {atlas} has no result box {box}; it has boxes 1 to {count}.").format(
                    atlas=args.atlas, box=args.box, count=len(boxes)
                )
            )
            return 2
        boxes = chosen
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(_("Cannot create the folder {path}: {error}").format(path=out, error=exc))
        return 2
    app = headless_application()  # noqa: F841 - kept alive while the maps are painted
    exporter = BoxExporter(library, atlas, variant, out, formats, args.dpi, lang)
    failures = 0
    for box in boxes:
        failures += exporter.export(box)
    written = len(exporter.written)
    print(
        ngettext(
            "{count} file written to {path}.", "{count} files written to {path}.", written
        ).format(count=written, path=out)
    )
    if failures:
        _error(
            ngettext(
                "{count} result box or view could not be exported.",
                "{count} result boxes or views could not be exported.",
                failures,
            ).format(count=failures)
        )
        return 1
    return 0


class BoxExporter:
    """Writes the views of result boxes of one atlas variant into one folder."""

    def __init__(
        self,
        library: Any,
        atlas: Any,
        variant: Any,
        out: Path,
        formats: list[str],
        dpi: float,
        lang: str,
        *,
        map_size: tuple[int, int] = (1280, 800),
        chart_size: tuple[float, float] | None = None,
        chart_style: Any = None,
    ) -> None:
        self.map_size = map_size
        self.chart_size = chart_size
        self.chart_style = chart_style
        self.library = library
        self.atlas = atlas
        self.variant = variant
        self.out = out
        self.formats = formats
        self.dpi = dpi
        self.lang = lang
        self.written: list[Path] = []
        self._scenes: dict[str, Any] = {}

    def export(self, box: Any) -> int:
        """Write every view of ``box``; returns how many failed (reported on stderr)."""
        from atlasviewer.core.plans import credits_for
        from atlasviewer.core.problems import Severity

        name = _box_name(box)
        try:
            data = box.load()
        except Exception as exc:  # a reader bug must not stop the other boxes
            _error(_("{box}: cannot read its data: {error}").format(box=name, error=exc))
            return 1
        errors = [p for p in data.problems if p.severity is Severity.ERROR]
        if not data.views:
            reason = _("it has no figures or tables")
            if errors:
                first = errors[0]
                reason = f"{first.message} ({first.details})" if first.details else first.message
            _error(_("{box}: nothing exported: {problem}").format(box=name, problem=reason))
            return 1
        for problem in errors:
            _error(f"{name}: {problem}")
        credits = credits_for(self.variant, box, self.lang, data)
        prefix = f"{box.number}-{slugify(box.title)}"
        failures = 0
        slices = data.slices or [None]
        for slice_ in slices:
            stem = prefix if slice_ is None else f"{prefix}-{slugify(str(slice_), 20)}"
            counts: dict[str, int] = {}
            for view in data.views_for(slice_):
                kind = VIEW_NAMES.get(view.kind, view.kind)
                counts[kind] = counts.get(kind, 0) + 1
                view_name = _view_name(kind, counts[kind])
                try:
                    self.export_view(box, data, view, credits, f"{stem}-{view_name}")
                except Exception as exc:  # report the view, keep going with the rest
                    _error(
                        _("{box}: view {view}: {error}").format(
                            box=name, view=view_name, error=exc or type(exc).__name__
                        )
                    )
                    failures += 1
        try:
            self._write_summary(box, data, f"{prefix}-summary.json")
        except Exception as exc:
            _error(_("{box}: summary: {error}").format(box=name, error=exc))
            failures += 1
        # An error means the box cannot be shown as the atlas promises (its map unreadable,
        # say): what could be written is, and the exit code says the export is not whole.
        return failures + (1 if errors else 0)

    def export_view(
        self,
        box: Any,
        data: Any,
        view: Any,
        credits: Any,
        stem: str,
        selected: Callable[[list[str]], list[str]] | None = None,
    ) -> None:
        """Write one view of ``box`` in the formats asked for (``<stem>.<format>``).

        Args:
            box: The result box.
            data: Its data, read.
            view: The view of ``data`` to draw.
            credits: The box's credit line (:func:`~atlasviewer.core.plans.credits_for`).
            stem: The file name without its suffix, in the output folder.
            selected: Given a view's area names, those to outline (slides highlight areas);
                None outlines none, as ``export`` writes them.
        """
        from atlasviewer.core import plans

        if view.kind == "map":
            geography = self.library.geography(self.atlas, box.map_file or "kart_2024.geojson")
            if not geography.drawable:
                # Nothing to scale to: painting would raise inside an active QPainter (a crash).
                why = str(geography.problems[0]) if geography.problems else _("it has no areas")
                raise ValueError(_("the map cannot be drawn: {reason}").format(reason=why))
            map_plan = plans.build_map_plan(data, view, geography, lang=self.lang, credits=credits)
            scene = self._scene(geography)
            scene.apply_plan(map_plan)
            scene.set_selection(selected(list(map_plan.areas)) if selected else [])
            from atlasviewer.qt.map.layout import save_map

            for fmt in self._images():
                write = partial(
                    _save_map, save_map, scene, map_plan, fmt, self.dpi, self.map_size, box.title
                )
                self._write(stem, fmt, write)
        elif view.kind in ("barchart", "linechart"):
            from atlasviewer.render.charts import figure_for

            chart: plans.BarPlan | plans.LinePlan
            if isinstance(view, BarChartSpec):
                rowset = data.rowsets.get(view.rowset)
                names = [str(n) for n in rowset.frame.get(view.y, [])] if rowset else []
                chart = plans.build_bar_plan(
                    data,
                    view,
                    lang=self.lang,
                    credits=credits,
                    selected=selected(names) if selected else (),
                    registry=self.library.registry,
                )
            else:
                chart = plans.build_line_plan(data, view, lang=self.lang, credits=credits)
            if self._images():
                figure = figure_for(
                    chart,
                    size=self.chart_size,
                    dpi=self.dpi,
                    style=self.chart_style,
                    lang=self.lang,
                    title=box.title,
                )
                for fmt in self._images():
                    self._write(stem, fmt, partial(_save_figure, figure, fmt))
        elif view.kind == "table":
            from atlasviewer.core.tables_export import write_table_csv, write_table_xlsx

            table = plans.build_table_plan(data, view, lang=self.lang, credits=credits)
            if "csv" in self.formats:
                self._write(stem, "csv", lambda p: write_table_csv(table, p, self.lang))
            if "xlsx" in self.formats:
                title = box.title
                self._write(stem, "xlsx", lambda p: write_table_xlsx(table, p, title))
        else:
            raise ValueError(_("unknown view type {kind!r}").format(kind=view.kind))

    def _images(self) -> list[str]:
        return [f for f in self.formats if f in IMAGE_FORMATS]

    def _scene(self, geography: Any) -> Any:
        """One map scene per map set, built once and re-coloured per view (as the window does)."""
        if geography.id not in self._scenes:
            from atlasviewer.qt.map.scene import MapScene

            self._scenes[geography.id] = MapScene(geography)
        return self._scenes[geography.id]

    def _write(self, stem: str, fmt: str, writer: Callable[[Path], object]) -> None:
        path = self.out / f"{stem}.{fmt}"
        atomic_write(path, writer, check_for(fmt))  # checked, then moved into place
        self.written.append(path)

    def _write_summary(self, box: Any, data: Any, file_name: str) -> None:
        """The box's key numbers (:func:`~atlasviewer.core.summary.summarise`) as JSON.

        A first-generation box gets the summary of its latest year at the top and every year's
        under ``by_slice``.
        """
        from atlasviewer.core.summary import summarise

        document: dict[str, Any] = {
            "atlas": self.library.atlas_id(self.atlas),
            "box": box.number,
            "title": box.title,
            # The language of the atlas's texts (an atlas without the language asked for is
            # exported in one it has); numbers are formatted in the language asked for.
            "lang": self.variant.lang,
            "number_lang": self.lang,
        }
        if data.slices:
            by_slice = {
                str(s): summarise(data, _main_view(data.views_for(s)), lang=self.lang)
                for s in data.slices
            }
            document.update(by_slice[str(data.slices[-1])])
            document["slice"] = str(data.slices[-1])
            document["by_slice"] = by_slice
        else:
            document.update(summarise(data, lang=self.lang))
        path = self.out / file_name
        text = json.dumps(_jsonable(document), ensure_ascii=False, indent=2, allow_nan=False)
        atomic_write_text(path, text + "\n")
        self.written.append(path)


def _save_map(
    save_map: Any,
    scene: Any,
    plan: Any,
    fmt: str,
    dpi: float,
    size: tuple[int, int],
    title: str,
    path: Path,
) -> None:
    save_map(path, scene, plan, fmt, dpi=dpi, size=size, title=title)


def _save_figure(figure: Any, fmt: str, path: Path) -> None:
    figure.savefig(path, format=fmt)


def _main_view(views: list[Any]) -> Any:
    """The map of a list of views, else its first bar chart, else None."""
    for kind in ("map", "barchart"):
        for view in views:
            if view.kind == kind:
                return view
    return None


def _view_name(kind: str, count: int) -> str:
    """``map``, ``map2``; ``bar1``, ``bar2``; ``line1``; ``table``, ``table2``."""
    if kind in ("bar", "line"):
        return f"{kind}{count}"
    return kind if count == 1 else f"{kind}{count}"


def _box_name(box: Any) -> str:
    return _("result box {number} ({title})").format(number=box.number, title=box.title)


def _jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN and Infinity are not JSON
    return value


def _error(message: str) -> None:
    print(message, file=sys.stderr)
