"""The first-generation atlases (2015-2019): long-format CSV files and UTM 33 maps.

Layout of a root (../shared/README.md)::

    csv/<atlas>.csv       Norwegian (bokmål, or nynorsk when the national row is "Noreg")
    csv/<atlas>_en.csv    English, where the atlas has one
    geojson/<atlas>.geojson

Structure read from the files:

- **Atlas id** ``v1-<stem>``: the second-generation site has atlases of the same names (``barn``,
  ``kols``: the text of the same atlases, without data), so the prefix keeps both in one library.
- **Chapter**: one per ``level1`` group (by its name: fodsel numbers three groups ``3``).
- **Result box**: one per indicator: ``level1`` alone where the file has no finer level (dagkir,
  dagkir2), else per ``level2`` (fodsel, gyn, kols, ortopedi), and per ``level3`` in barn, whose
  ``level2`` is a sub-heading (the box title then reads "level2: level3").
- **Slices**: a level whose labels are all years (dagkir2's ``level2_name``) is not an indicator
  but the year; each year is a slice of the box (see :mod:`.v1_boxes`).

Areas are joined to maps by name through the registry, never by the CSV's own numbers (1..N,
8888 for Norway), which differ from the maps' codes. An atlas without a map of its own (fodsel,
gyn) is drawn on the map of the same root that covers all its areas with the fewest extra areas,
with a warning; an atlas no map covers gets an error and keeps its tables and charts.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from atlasviewer.core.confine import OutsideRoot, is_inside
from atlasviewer.core.model import Atlas, AtlasVariant, Chapter, Geography, ResultBox, ResultData
from atlasviewer.core.problems import Problem, ProblemLog
from atlasviewer.core.readers.base import AtlasReader
from atlasviewer.core.readers.v1_scan import CsvScan, is_year, scan_long_csv
from atlasviewer.core.registry import AreaRegistry
from atlasviewer.i18n import N_, Nn_

if TYPE_CHECKING:
    # The full parse and box building (formatting, intervals, statistics) load with the first
    # box, not with the library index: the library paints ~10 ms sooner.
    from atlasviewer.core.readers.v1_csv import LongTable

ID_PREFIX = "v1-"
ENGLISH_SUFFIX = "_en"

TITLES: dict[str, dict[str, tuple[str, str]]] = {
    "barn": {
        "nb": ("Barnehelseatlas for Norge", "Barnehelseatlas"),
        "en": ("Child healthcare atlas for Norway", "Child healthcare atlas"),
    },
    "dagkir": {
        "nb": ("Dagkirurgi i Norge 2011–2013", "Dagkirurgi 2011–2013"),
        "en": ("Day surgery in Norway 2011–2013", "Day surgery 2011–2013"),
    },
    "dagkir2": {
        "nb": ("Dagkirurgi i Norge 2013–2017", "Dagkirurgi 2013–2017"),
        "en": ("Day surgery in Norway 2013–2017", "Day surgery 2013–2017"),
    },
    "fodsel": {
        "nb": ("Helseatlas for fødselshjelp", "Fødselshjelp"),
        "en": ("Obstetrics healthcare atlas", "Obstetrics"),
    },
    "gyn": {
        "nb": ("Helseatlas for gynekologi", "Gynekologi"),
        "en": ("Gynaecology healthcare atlas", "Gynaecology"),
    },
    "kols": {
        "nb": ("Helseatlas kols", "Kols"),
        "en": ("COPD healthcare atlas", "COPD"),
    },
    "ortopedi": {
        "nn": ("Helseatlas i ortopedi for Noreg", "Ortopedi"),
        "en": ("Orthopaedic healthcare atlas for Norway", "Orthopaedics"),
    },
}
"""Titles of the known first-generation atlases as the producers published them (main, short);
the short titles carry the period where two atlases would otherwise share one."""

PRODUCERS = {"ortopedi": "Helse Førde"}
DEFAULT_PRODUCER = "SKDE"

NYNORSK_NATIONAL = "noreg"
"""The national row's name in nynorsk files; bokmål files say "Norge"."""


class FirstGenerationReader(AtlasReader):
    """Reads a first-generation root: ``csv/`` and ``geojson/``.

    :meth:`read_index` scans every CSV with the standard library only (labels, no numbers, no
    pandas: the library is indexed before the viewer paints). The first :meth:`ResultBox.load`
    of a box parses and checks its whole file once (cached, shared by the file's boxes); the
    problems found then are added to the atlas and to each box whose rows they concern. Maps are
    read by :meth:`geography` only.
    """

    generation = 1

    def __init__(self, root: Path, registry: AreaRegistry | None = None) -> None:
        super().__init__(root, registry)
        self._maps: dict[Path, Geography] = {}
        self._area_names: dict[str, set[str]] = {}
        self._resolved: dict[str, Geography] = {}
        self._tables: dict[Path, LongTable] = {}

    @classmethod
    def detect(cls, root: Path) -> bool:
        folder = Path(root) / "csv"
        return folder.is_dir() and any(folder.glob("*.csv"))

    # ------------------------------------------------------------------ index

    def read_index(self) -> list[Atlas]:
        """One atlas per CSV stem (``x.csv`` and ``x_en.csv`` are one atlas), sorted by id."""
        files: dict[str, list[Path]] = {}
        for path in sorted((self.root / "csv").glob("*.csv")):
            if not is_inside(self.root, path):  # a link out of the folder
                OutsideRoot(path.name, self.root).record(log := ProblemLog(str(path)))
                self.problems.extend(log.problems)
                continue
            stem = path.stem.removesuffix(ENGLISH_SUFFIX)
            files.setdefault(stem, []).append(path)
        return [self._read_atlas(stem, paths) for stem, paths in sorted(files.items())]

    def _read_atlas(self, stem: str, paths: list[Path]) -> Atlas:
        atlas = Atlas(id=ID_PREFIX + stem, generation=1, root=self.root)
        names: set[str] = set()
        for path in paths:
            scan = scan_long_csv(path)
            atlas.problems.extend(scan.problems)
            lang = self._language(path, scan)
            if lang in atlas.variants:
                continue
            atlas.variants[lang] = self._variant(atlas, stem, lang, scan)
            names.update(scan.area_names)
        self._area_names[atlas.id] = names
        return atlas

    def _language(self, path: Path, scan: CsvScan) -> str:
        if path.stem.endswith(ENGLISH_SUFFIX):
            return "en"
        if any(name.casefold() == NYNORSK_NATIONAL for name in scan.area_names):
            return "nn"
        return "nb"

    def _variant(self, atlas: Atlas, stem: str, lang: str, scan: CsvScan) -> AtlasVariant:
        period = scan.first("period")
        known = TITLES.get(stem, {})
        main, short = known.get(lang) or known.get("nb") or known.get("nn") or (stem, stem)
        atlas_name = scan.first("atlas_name")
        if atlas_name:
            start = period.split("-")[0] if period else ""
            main = atlas_name if start in atlas_name else f"{atlas_name} {period}".strip()
        years = re.findall(r"\d{4}", period)
        variant = AtlasVariant(
            lang=lang,
            source=scan.path,
            main_title=main,
            short_title=short,
            date=max(years) if years else "",
            producer=PRODUCERS.get(stem, DEFAULT_PRODUCER),
        )
        if scan.usable:
            variant.chapters = self._chapters(atlas, stem, lang, scan)
        return variant

    def _chapters(self, atlas: Atlas, stem: str, lang: str, scan: CsvScan) -> list[Chapter]:
        """Chapters by ``level1`` group, boxes by indicator, in the order of the file."""
        columns = scan.label_columns
        levels = [n for n in (2, 3) if f"level{n}_name" in columns or f"level{n}" in columns]
        slice_column = next(
            (f"level{n}_name" for n in levels
             if f"level{n}_name" in columns and all(map(is_year, scan.values(f"level{n}_name")))),
            None,
        )  # fmt: skip
        box_levels = [n for n in levels if f"level{n}_name" != slice_column]
        chapter_column = columns[0]
        label_columns = [_label_column(columns, n) for n in box_levels]
        keys = [chapter_column, *label_columns]
        for n in box_levels:
            if f"level{n}" in columns and f"level{n}" not in keys:
                keys.append(f"level{n}")  # numbers keep apart boxes of the same name (barn)
        picks = [columns.index(k) for k in keys]

        # Label combinations that differ only in the year are one box (in order of appearance).
        boxes: dict[tuple[str, ...], list[int]] = {}
        for labels, lines in scan.groups.items():
            boxes.setdefault(tuple(labels[i] for i in picks), []).extend(lines)

        chapters: dict[str, Chapter] = {}
        for number, (key, lines) in enumerate(boxes.items(), start=1):
            values = dict(zip(keys, key, strict=True))
            chapter_title = values[chapter_column]
            names = [values[c] for c in label_columns if values[c]]
            lines.sort()
            box = ResultBox(
                number=number,
                title=": ".join(names) or chapter_title,
                data_file=scan.path.name,
                map_file=f"{stem}.geojson",
                place=f"lines {lines[0]}-{lines[-1]}",
            )
            box.loader = partial(
                self._load_box, atlas, scan, box.title, lang, tuple(lines), slice_column
            )
            chapters.setdefault(chapter_title, Chapter(chapter_title)).items.append(box)
        return list(chapters.values())

    # ------------------------------------------------------------------ box data

    def _load_box(
        self,
        atlas: Atlas,
        scan: CsvScan,
        title: str,
        lang: str,
        lines: tuple[int, ...],
        slice_column: str | None,
    ) -> ResultData:
        """A box's data from its file's full parse, with the file's problems on its rows."""
        from atlasviewer.core.readers.v1_boxes import IndicatorRows, build_result_data
        from atlasviewer.core.readers.v1_csv import LINE

        table = self._table(atlas, scan)
        wanted = set(lines)
        problems = [p for p in table.problems if _line_of(p) in wanted or _line_of(p) is None]
        rows = None if table.frame is None else table.frame.where(lambda r: r[LINE] in wanted)
        if rows is None or rows.empty:
            if table.frame is not None:  # the file changed since the index was read
                log = ProblemLog(str(scan.path))
                log.error(
                    f"lines {lines[0]}-{lines[-1]}",
                    N_("The rows of “{title}” are no longer in the file; reopen the atlas."),
                    title=title,
                )
                problems.extend(log.problems)
            return ResultData({}, [], problems=problems)
        data = build_result_data(
            IndicatorRows(title, lang, scan.path, rows, slice_column), self.registry
        )
        data.problems[:0] = problems
        return data

    def _table(self, atlas: Atlas, scan: CsvScan) -> LongTable:
        """The full parse of a file, once; its problems are added to the atlas the first time."""
        table = self._tables.get(scan.path)
        if table is None:
            from atlasviewer.core.readers.v1_csv import read_long_csv

            # Names the atlas's map has are its areas, whether or not the registry knows them.
            own_map = self.root / "geojson" / f"{atlas.id.removeprefix('v1-')}.geojson"
            names: list[str] = []
            if own_map.is_file():
                names = self._read_map(own_map, self._area_names.get(atlas.id, ())).keys
            table = read_long_csv(scan, self.registry, map_names=names)
            self._tables[scan.path] = table
            atlas.problems.extend(table.problems)
        return table

    # ------------------------------------------------------------------ maps

    def geography(self, atlas: Atlas, map_file: str) -> Geography:
        """The map ``map_file``; for an atlas without its own map, the root's best other map.

        The choice of another map is recorded once as a warning on ``atlas.problems``.
        """
        path = self.root / "geojson" / map_file
        if map_file and path.is_file():
            return self._read_map(path, self._area_names.get(atlas.id, ()))
        if atlas.id not in self._resolved:
            self._resolved[atlas.id] = self._fallback_map(atlas, map_file)
        return self._resolved[atlas.id]

    def _read_map(self, path: Path, area_names: Collection[str] = ()) -> Geography:
        from atlasviewer.core.geography import read_geojson  # with a box: not at index time

        if path not in self._maps:
            if is_inside(self.root, path):
                # The atlas's own names choose the map's key property (read by content).
                geo = read_geojson(
                    path, self.registry, geography_id=f"v1:{path.stem}", area_names=area_names
                )
            else:
                log = ProblemLog(str(path))
                OutsideRoot(path.name, self.root).record(log)
                geo = Geography(f"v1:{path.stem}", path, [], problems=log.problems)
            self._maps[path] = geo
        return self._maps[path]

    def _fallback_map(self, atlas: Atlas, map_file: str) -> Geography:
        # Matched here, not at index time: only atlases without a map of their own need it.
        matches = map(self.registry.match, self._area_names.get(atlas.id, set()))
        needed = {m.id for m in matches if m is not None and m.kind == "area"}
        log = ProblemLog(str(self.root / "geojson" / map_file))
        candidates = []
        for path in sorted((self.root / "geojson").glob("*.geojson")):
            geo = self._read_map(path)
            have = {a.canonical for a in geo.areas if a.canonical}
            if needed and needed <= have:
                candidates.append((len(have - needed), path.name, geo))
        if candidates:
            extra, name, geo = min(candidates, key=lambda c: (c[0], c[1]))
            log.warning(
                "",
                N_(
                    "The atlas has no map of its own ({missing}); its maps use {chosen}, which "
                    "covers all its areas."
                ),
                missing=map_file,
                chosen=name,
            )
            if extra:
                log.warning(
                    "",
                    Nn_(
                        "{count} area of {chosen} has no data in this atlas.",
                        "{count} areas of {chosen} have no data in this atlas.",
                    ),
                    count=extra,
                    chosen=name,
                )
            atlas.problems.extend(log.problems)
            return geo
        log.error(
            "",
            N_(
                "The atlas has no map of its own ({missing}) and no other map in {folder} covers "
                "all its areas; it is shown without a map."
            ),
            missing=map_file,
            folder=str(self.root / "geojson"),
        )
        atlas.problems.extend(log.problems)
        return Geography(
            id=f"v1:{map_file.removesuffix('.geojson')}", source=None, areas=[],
            source_crs="EPSG:25833", problems=list(log.problems),
        )  # fmt: skip


def _label_column(columns: list[str], level: int) -> str:
    """The column naming a level's labels: its ``_name`` column, else its number."""
    return f"level{level}_name" if f"level{level}_name" in columns else f"level{level}"


def _line_of(problem: Problem) -> int | None:
    """The file line a row problem names (``line 12``); None for one of the whole file."""
    number = problem.place.removeprefix("line ")
    return int(number) if number.isdigit() else None
