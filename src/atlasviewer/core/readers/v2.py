"""The second-generation reader: the atlas web site's ``posts/`` + ``public/`` layout (2019-).

``posts/atlas/<id>.json`` is an atlas in bokmål or nynorsk (its ``lang``),
``posts/en/atlas/<id>.json`` the same atlas in English. Result-box data is in
``public/data/<id>/<file>``, maps in ``public/kart/``. Indexing reads only the atlas files; each
result box gets a loader that reads its data file and its map when the box is first shown.
"""

from __future__ import annotations

import functools
import itertools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atlasviewer.core.confine import OutsideRoot, is_inside
from atlasviewer.core.model import (
    Atlas,
    AtlasVariant,
    Chapter,
    ContentItem,
    FactBox,
    Geography,
    ResultBox,
    ResultData,
    TextItem,
)
from atlasviewer.core.problems import ProblemLog
from atlasviewer.core.readers.base import AtlasReader
from atlasviewer.core.registry import AreaRegistry
from atlasviewer.core.safe_io import load_json
from atlasviewer.i18n import N_

if TYPE_CHECKING:
    from atlasviewer.core.matching import RowMatch

# Reading a box's data, matching its rows and reading maps are imported where a box is loaded:
# the library indexes every atlas before its first paint and needs none of them.

DEFAULT_MAP = "kart_2024.geojson"
"""The map of a result box that names none (the atlas files leave ``kart`` empty or out)."""

ATLAS_KEYS = frozenset(
    {
        "date",
        "filename",
        "forfatter",
        "frontpagetext",
        "image",
        "ingress",
        "kapittel",
        "lang",
        "mainTitle",
        "publisert",
        "shortTitle",
    }
)
ITEM_KEYS: dict[str, frozenset[str]] = {
    "tekst": frozenset({"type", "tekst", "beskrivelse"}),
    "faktaboks": frozenset({"type", "overskrift", "tekst"}),
    "resultatboks": frozenset(
        {
            "type",
            "overskrift",
            "ingress",
            "utvalg",
            "resultat",
            "data",
            "kart",
            "publisert",
            "oppdatert",
        }
    ),
}


class SecondGenerationReader(AtlasReader):
    """Reads a second-generation data root (``posts/atlas``, ``posts/en/atlas``, ``public/``)."""

    generation = 2

    def __init__(self, root: Path, registry: AreaRegistry | None = None) -> None:
        super().__init__(root, registry)
        self._geographies: dict[str, Geography] = {}
        self._regions: dict[str, Geography] = {}
        self._rowset_places: dict[Path, dict[str, str]] = {}

    @classmethod
    def detect(cls, root: Path) -> bool:
        return (Path(root) / "posts" / "atlas").is_dir()

    # ----------------------------------------------------------------------- index

    def read_index(self) -> list[Atlas]:
        """Every atlas with its language variants; reads the atlas files only."""
        atlases: dict[str, Atlas] = {}
        folders = (
            (self.root / "posts" / "atlas", False),
            (self.root / "posts" / "en" / "atlas", True),
        )
        for folder, english in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.json")):
                if not is_inside(self.root, path):  # a link out of the folder
                    OutsideRoot(path.name, self.root).record(log := ProblemLog(str(path)))
                    self.problems.extend(log.problems)
                    continue
                atlas = atlases.setdefault(path.stem, Atlas(path.stem, 2, self.root))
                log = ProblemLog(str(path))
                variant = self._read_variant(path, english, atlas.id, log)
                atlas.problems.extend(log.problems)
                if variant is None:
                    continue
                if variant.lang in atlas.variants:
                    log_again = ProblemLog(str(path))
                    log_again.warning(
                        "lang",
                        N_("A second {lang} version of the atlas was ignored."),
                        lang=variant.lang,
                    )
                    atlas.problems.extend(log_again.problems)
                    continue
                atlas.variants[variant.lang] = variant
        readable = []
        for atlas in atlases.values():
            if atlas.variants:
                readable.append(atlas)
            else:
                self.problems.extend(atlas.problems)
        if not atlases:
            log = ProblemLog(str(self.root / "posts" / "atlas"))
            log.error("", N_("The folder holds no atlas files (posts/atlas/*.json)."))
            self.problems.extend(log.problems)
        return readable

    def _read_variant(
        self, path: Path, english: bool, atlas_id: str, log: ProblemLog
    ) -> AtlasVariant | None:
        raw = _load_json(path, log)
        if raw is None:
            return None
        if not isinstance(raw, dict):
            log.error("", N_("The atlas file is not a JSON object."))
            return None
        unknown = sorted(set(raw) - ATLAS_KEYS)
        if unknown:
            log.warning("", N_("Unknown keys were ignored: {keys}."), keys=", ".join(unknown))
        lang: str = raw.get("lang") or ""
        allowed = ("en",) if english else ("nb", "nn")
        if lang not in allowed:
            log.warning(
                "lang",
                N_("The language “{lang}” does not fit the folder; read as {used}."),
                lang=lang,
                used=allowed[0],
            )
            lang = allowed[0]
        filename = raw.get("filename")
        if filename and filename != atlas_id:
            log.warning(
                "filename",
                N_("The atlas calls itself “{name}”; its id is the file name “{id}”."),
                name=filename,
                id=atlas_id,
            )
        text = functools.partial(_text, log=log)
        variant = AtlasVariant(
            lang=lang,
            source=path,
            main_title=text(raw, "mainTitle", "") or atlas_id,
            short_title=text(raw, "shortTitle", ""),
            ingress=text(raw, "ingress", ""),
            frontpage_text=text(raw, "frontpagetext", ""),
            date=text(raw, "date", ""),
            producer=text(raw, "forfatter", ""),
            published=_flag(raw, "publisert", True, log),
            image=text(raw, "image", ""),
        )
        if not variant.published:
            log.info("publisert", N_("The atlas is a draft (not published)."))
        chapters = raw.get("kapittel", [])
        if not isinstance(chapters, list):
            log.error("kapittel", N_("The chapters (“kapittel”) are not a list."))
            chapters = []
        numbering = itertools.count(1)
        for index, chapter in enumerate(chapters):
            parsed = self._read_chapter(chapter, f"kapittel[{index}]", atlas_id, numbering, log)
            if parsed is not None:
                variant.chapters.append(parsed)
        return variant

    def _read_chapter(
        self, raw: Any, place: str, atlas_id: str, numbering: Any, log: ProblemLog
    ) -> Chapter | None:
        if not isinstance(raw, dict):
            log.error(place, N_("The chapter is not an object."))
            return None
        chapter = Chapter(title=_text(raw, "overskrift", "", log=log, place=place))
        items = raw.get("innhold", [])
        if not isinstance(items, list):
            log.error(f"{place}.innhold", N_("The chapter's contents are not a list."))
            return chapter
        for index, item in enumerate(items):
            parsed = self._read_item(item, f"{place}.innhold[{index}]", atlas_id, numbering, log)
            if parsed is not None:
                chapter.items.append(parsed)
        return chapter

    def _read_item(
        self, raw: Any, place: str, atlas_id: str, numbering: Any, log: ProblemLog
    ) -> ContentItem | None:
        if not isinstance(raw, dict):
            log.error(place, N_("The item is not an object."))
            return None
        kind = raw.get("type")
        if not isinstance(kind, str) or kind not in ITEM_KEYS:
            log.warning(f"{place}.type", N_("Unknown item type “{type}” was skipped."), type=kind)
            return None
        unknown = sorted(set(raw) - ITEM_KEYS[kind])
        if unknown:
            log.warning(place, N_("Unknown keys were ignored: {keys}."), keys=", ".join(unknown))
        text = functools.partial(_text, log=log, place=place)
        if kind == "tekst":
            return TextItem(text(raw, "tekst", ""), text(raw, "beskrivelse", ""))
        if kind == "faktaboks":
            return FactBox(text(raw, "overskrift", ""), text(raw, "tekst", ""))
        box = ResultBox(
            number=next(numbering),
            title=text(raw, "overskrift", ""),
            intro=text(raw, "ingress", ""),
            selection=text(raw, "utvalg", ""),
            finding=text(raw, "resultat", ""),
            data_file=text(raw, "data", ""),
            map_file=text(raw, "kart", "") or DEFAULT_MAP,
            published=text(raw, "publisert", ""),
            updated=text(raw, "oppdatert", ""),
            place=place,
        )
        box.loader = functools.partial(self._load_box, atlas_id, box, str(log.file))
        return box

    # ----------------------------------------------------------------------- data and maps

    def data_path(self, atlas_id: str, data_file: str) -> Path:
        """Where a result box's data file is (whether or not it exists)."""
        return self.root / "public" / "data" / atlas_id / data_file

    def _load_box(self, atlas_id: str, box: ResultBox, atlas_file: str) -> ResultData:
        from atlasviewer.core.matching import cached_match
        from atlasviewer.core.readers.v2_result_data import read_result_file

        if not box.data_file:
            log = ProblemLog(atlas_file)
            log.warning(f"{box.place}.data", N_("The result box names no data file."))
            return ResultData({}, [], problems=log.problems)
        path = self.data_path(atlas_id, box.data_file)
        if not is_inside(self.root, path):
            # A "../" in the field is the atlas file's fault; a link out, the data file's.
            own = ".." in box.data_file or os.path.isabs(box.data_file)
            log = ProblemLog(atlas_file if own else str(path))
            OutsideRoot(box.data_file, self.root).record(log, f"{box.place}.data" if own else "")
            return ResultData({}, [], problems=log.problems)
        map_path = self.root / "public" / "kart" / (box.map_file or DEFAULT_MAP)
        if not is_inside(self.root, map_path) and (
            ".." in box.map_file or os.path.isabs(box.map_file)
        ):
            OutsideRoot(box.map_file, self.root).record(
                log := ProblemLog(atlas_file), f"{box.place}.kart"
            )
            data, self._rowset_places[path] = read_result_file(path, self.registry)
            data.problems.extend(log.problems)
            return data
        if not os.path.lexists(path):  # a FIFO or folder there: read_result_file names it
            log = ProblemLog(atlas_file)
            log.error(
                f"{box.place}.data",
                N_(
                    "The data of this result box is missing, so its figures and tables cannot "
                    "be shown; its texts are."
                ),
                details=f"public/data/{atlas_id}/{box.data_file}",
            )
            return ResultData({}, [], problems=log.problems)
        data, places = read_result_file(path, self.registry)
        self._rowset_places[path] = places
        geography = self._geography(box.map_file)
        data.problems.extend(geography.problems)
        if geography.areas:
            for name, rowset in data.rowsets.items():
                if rowset.area_column is not None:
                    matched = cached_match(
                        data, name, geography, self.registry, file=str(path), place=places[name]
                    )
                    data.problems.extend(matched.problems)
        return data

    def match(self, atlas: Atlas, box: ResultBox, rowset_name: str) -> RowMatch:
        """The rows of one of ``box``'s row sets matched to the areas of the box's map."""
        from atlasviewer.core.matching import cached_match

        data = box.load()
        path = self.data_path(atlas.id, box.data_file)
        return cached_match(
            data,
            rowset_name,
            self.geography(atlas, box.map_file),
            self.registry,
            file=str(path),
            place=self._rowset_places.get(path, {}).get(rowset_name, ""),
        )

    def geography(self, atlas: Atlas, map_file: str) -> Geography:
        """The map ``map_file`` of ``public/kart`` (read once per reader; atlases share maps)."""
        return self._geography(map_file)

    def regions(self, atlas: Atlas, map_file: str) -> Geography:
        """The health regions of ``map_file``: its referral areas dissolved, read once."""
        from atlasviewer.core.geography import dissolve_regions

        name = map_file or DEFAULT_MAP
        if name not in self._regions:
            self._regions[name] = dissolve_regions(self._geography(name), self.registry)
        return self._regions[name]

    def _geography(self, map_file: str) -> Geography:
        from atlasviewer.core.geography import read_geojson

        name = map_file or DEFAULT_MAP
        if name not in self._geographies:
            path = self.root / "public" / "kart" / name
            if is_inside(self.root, path):
                self._geographies[name] = read_geojson(path, self.registry)
            else:
                OutsideRoot(name, self.root).record(log := ProblemLog(str(path)))
                self._geographies[name] = Geography(path.stem, path, [], problems=log.problems)
        return self._geographies[name]


def _load_json(path: Path, log: ProblemLog) -> Any:
    return load_json(path, "atlas", log)


FALSE_WORDS = frozenset({"false", "0", "no", "nei", "off", ""})
TRUE_WORDS = frozenset({"true", "1", "yes", "ja", "on"})


def _flag(raw: dict[str, Any], key: str, default: bool, log: ProblemLog) -> bool:
    """A true/false field; ``"false"`` written as text is false (``bool("false")`` is true)."""
    value = raw.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    word = str(value).strip().casefold()
    result = default if word not in FALSE_WORDS | TRUE_WORDS else word in TRUE_WORDS
    log.warning(
        key,
        N_("“{key}” should be true or false; “{value}” was read as {result}."),
        key=key,
        value=str(value)[:40],
        result="true" if result else "false",
    )
    return result


def _text(raw: dict[str, Any], key: str, default: str, *, log: ProblemLog, place: str = "") -> str:
    """A text field; a value of another type is recorded and shown as text."""
    value = raw.get(key)
    if value is None:
        return default
    if isinstance(value, str):
        return value
    log.warning(
        f"{place}.{key}" if place else key,
        N_("“{key}” should be text; its value was converted to text."),
        key=key,
    )
    return str(value)
