"""The area registry: referral areas, their codes, names and spellings, and the health regions.

Read from ``data/areas.json`` (the project's own material). The registry recognises names; it
does not decide which areas a map has: a map's own names and codes are the authority for its
areas, and names the registry does not know still load as areas of that map.
"""

from __future__ import annotations

import importlib.resources
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from atlasviewer.core.model import pick_text


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    r"""Fold a name for matching: case, accents kept, spaces and punctuation variants folded.

    ``"St. Olavs"``, ``"st olavs"`` and ``"St.\\u00a0Olavs "`` fold alike; ``"Førde"`` stays
    distinct from ``"Forde"`` only by its letter, which is kept (Norwegian letters matter).
    """
    text = unicodedata.normalize("NFC", str(name)).replace("\u00a0", " ").casefold().strip()
    text = re.sub(r"[.\-_/,]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class ReferralArea:
    """A referral area known to the registry."""

    id: str
    code: int
    names: dict[str, str]
    region: str
    aliases: tuple[str, ...] = ()
    historic: bool = False
    contains: tuple[str, ...] = ()
    """Ids of historic areas this area now includes (Bergen includes Haraldsplass)."""

    def name(self, lang: str) -> str:
        return pick_text(self.names, lang)


@dataclass(frozen=True)
class MergedArea:
    """Referral areas an atlas publishes as one row ("Oslo" for OUS, Lovisenberg, Diakonhjemmet).

    Attributes:
        members: The registry ids of the areas the row covers.
        stands_in: The member whose name the merged row carries when the analysis lacks every
            other member (first-generation atlases call all of Oslo "OUS"), or None.
    """

    id: str
    names: dict[str, str]
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    stands_in: str | None = None

    def name(self, lang: str) -> str:
        return pick_text(self.names, lang)


@dataclass(frozen=True)
class HealthRegion:
    """A regional health authority (RHF) and the referral areas it serves."""

    id: str
    names: dict[str, str]
    short: dict[str, str]
    aliases: tuple[str, ...] = ()
    areas: tuple[str, ...] = field(default=())

    def name(self, lang: str) -> str:
        return pick_text(self.short, lang)

    def long_name(self, lang: str) -> str:
        return pick_text(self.names, lang)


@dataclass(frozen=True)
class Match:
    """What a name in the data is: a referral area, a health region, or the national row."""

    kind: str  # "area", "region" or "national"
    id: str


class AreaRegistry:
    """Lookup of referral areas, health regions and the national row by any known spelling."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.areas: dict[str, ReferralArea] = {}
        self.regions: dict[str, HealthRegion] = {}
        self.national_names: dict[str, str] = dict(raw["national"]["names"])
        self._lookup: dict[str, Match] = {}
        self._by_code: dict[int, ReferralArea] = {}
        for entry in raw["areas"]:
            area = ReferralArea(
                id=entry["id"],
                code=int(entry["code"]),
                names=dict(entry["names"]),
                region=entry["region"],
                aliases=tuple(entry.get("aliases", ())),
                historic=bool(entry.get("historic", False)),
                contains=tuple(entry.get("contains", ())),
            )
            self.areas[area.id] = area
            self._by_code[area.code] = area
            for spelling in (area.id, *area.names.values(), *area.aliases):
                self._lookup.setdefault(normalise_name(spelling), Match("area", area.id))
        for entry in raw["regions"]:
            members = tuple(a.id for a in self.areas.values() if a.region == entry["id"])
            region = HealthRegion(
                id=entry["id"],
                names=dict(entry["names"]),
                short=dict(entry.get("short", entry["names"])),
                aliases=tuple(entry.get("aliases", ())),
                areas=members,
            )
            self.regions[region.id] = region
            spellings = (region.id, *region.names.values(), *region.short.values(), *region.aliases)
            for spelling in spellings:
                self._lookup.setdefault(normalise_name(spelling), Match("region", region.id))
        self.merged: dict[str, MergedArea] = {}
        self._merged_lookup: dict[str, str] = {}
        for entry in raw.get("merged", ()):
            merged = MergedArea(
                id=entry["id"],
                names=dict(entry["names"]),
                members=tuple(entry["members"]),
                aliases=tuple(entry.get("aliases", ())),
                stands_in=entry.get("stands_in"),
            )
            self.merged[merged.id] = merged
            for spelling in (merged.id, *merged.names.values(), *merged.aliases):
                self._merged_lookup.setdefault(normalise_name(spelling), merged.id)
        national = (*self.national_names.values(), *raw["national"].get("aliases", ()))
        for spelling in national:
            self._lookup.setdefault(normalise_name(spelling), Match("national", "national"))

    def match(self, name: str) -> Match | None:
        """What ``name`` (any spelling met in the data) refers to, or None if unknown."""
        if name is None:
            return None
        return self._lookup.get(normalise_name(str(name)))

    def merged_match(self, name: str) -> MergedArea | None:
        """The merged area ``name`` spells ("Oslo", "Nordland/Helgeland"), or None.

        Kept apart from :meth:`match`: a merged row is not one referral area, and the maps and
        plans that match rows to areas must not take it for one. A name of parts joined by
        "/" whose every part is a referral area ("Lovisenberg/Diakonhjemmet") is a merged
        area the registry need not list; it gets the id ``"ous+..."`` of its members.
        """
        if name is None:
            return None
        folded = normalise_name(str(name))
        known = self._merged_lookup.get(folded)
        if known is not None:
            return self.merged[known]
        if "/" not in str(name):
            return None
        members: list[str] = []
        for part in str(name).split("/"):
            found = self.match(part)
            if found is None or found.kind != "area":
                return None
            members.append(found.id)
        if len(set(members)) < 2:
            return None
        for merged in self.merged.values():
            if set(merged.members) == set(members):
                return merged
        label = str(name).strip()
        return MergedArea(id="+".join(members), names={"nb": label}, members=tuple(members))

    def area_by_code(self, code: int) -> ReferralArea | None:
        return self._by_code.get(int(code))

    def is_national(self, name: str) -> bool:
        found = self.match(name)
        return found is not None and found.kind == "national"

    def national_name(self, lang: str) -> str:
        return pick_text(self.national_names, lang)

    def display_name(self, name: str, lang: str) -> str:
        """The registry's name of ``name`` in ``lang``; unknown names are returned as given."""
        found = self.match(name)
        if found is None:
            return str(name)
        if found.kind == "area":
            return self.areas[found.id].name(lang)
        if found.kind == "region":
            return self.regions[found.id].name(lang)
        return self.national_name(lang)

    def region_of(self, name: str) -> HealthRegion | None:
        found = self.match(name)
        if found is None:
            return None
        if found.kind == "region":
            return self.regions[found.id]
        if found.kind == "area":
            return self.regions[self.areas[found.id].region]
        return None


@lru_cache(maxsize=1)
def default_registry() -> AreaRegistry:
    """The registry shipped in ``data/areas.json``."""
    source = importlib.resources.files("atlasviewer.data").joinpath("areas.json")
    with source.open("r", encoding="utf-8") as fh:
        return AreaRegistry(json.load(fh))
