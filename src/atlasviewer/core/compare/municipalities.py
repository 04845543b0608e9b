"""Which municipalities and city districts form each referral area, from the site's own pages.

The second-generation sites publish, as static pages (``posts/statisk/*.md``), HTML tables of
the municipalities and city districts (bydeler) of each referral area: a row per area, its
short name in the first cell and "5403 Alta, 5404 Vardø, …" (number and name) in the second.
The pages are found by content, not by file name: a table counts when most of its first cells
(at least 80 %) are referral areas the registry knows and its second cells list numbered
names. Tables of other area sets (psychiatric centre areas) are left out that way. Pages made
at different times number municipalities differently (5403 Alta, later 5601 Alta) and may
differ for a few districts; every table is kept, with its page, and a search answers with each
area a name belongs to.

Only files under the data root's ``posts/`` folder are read (a link out of it is not followed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from atlasviewer.core.compare.search import matches, search_words
from atlasviewer.core.registry import AreaRegistry

_ITEM = re.compile(r"^\s*(\d{4,6})\s+(.+?)\s*$")
_SHARE_KNOWN = 0.8


@dataclass(frozen=True)
class Municipality:
    """A municipality or city district of a referral area, as one page lists it."""

    code: str
    name: str
    area: str
    page: str


class _Tables(HTMLParser):
    """Rows of cell texts of every table in an HTML (or markdown with HTML) text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            if self._row:
                self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_page(text: str, page: str, registry: AreaRegistry) -> list[Municipality]:
    """The municipalities of every referral-area table in one page (module docstring)."""
    parser = _Tables()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # HTMLParser on malformed input
        return []
    found: list[Municipality] = []
    for table in parser.tables:
        rows = [
            row for row in table if len(row) >= 2 and any(_ITEM.match(p) for p in row[1].split(","))
        ]
        if not rows:
            continue
        matched = [(registry.match(row[0]), row) for row in rows]
        known = [(m.id, row) for m, row in matched if m is not None and m.kind == "area"]
        if len(known) < _SHARE_KNOWN * len(rows):
            continue
        for area_id, row in known:
            for part in row[1].split(","):
                item = _ITEM.match(part)
                if item:
                    found.append(Municipality(item.group(1), item.group(2), area_id, page))
    return found


def _pages(root: Path) -> Iterable[Path]:
    posts = (root / "posts").resolve()
    if not posts.is_dir():
        return []
    pages = []
    for path in sorted(posts.rglob("*.md")):
        try:
            if path.resolve().is_relative_to(posts) and path.is_file():
                pages.append(path)
        except OSError:
            continue
    return pages


class MunicipalityIndex:
    """Municipalities and city districts of the referral areas, searchable by name.

    Args:
        roots: Data roots; the second-generation ones have the pages.
        registry: The area registry.
    """

    def __init__(self, roots: Iterable[Path], registry: AreaRegistry) -> None:
        self.items: list[Municipality] = []
        for root in roots:
            for path in _pages(Path(root)):
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                if "<t" not in text.casefold():
                    continue
                self.items.extend(read_page(text, path.stem, registry))

    def find(self, query: str) -> list[Municipality]:
        """Municipalities whose name has every word of ``query`` at a word start.

        Each (name, area) once, as the first page lists it.
        """
        words = search_words(query)
        if not words:
            return []
        found: dict[tuple[str, str], Municipality] = {}
        for item in self.items:
            if matches(words, item.name):
                found.setdefault((item.name, item.area), item)
        return list(found.values())

    def areas_of(self, query: str) -> list[str]:
        """The registry ids of the areas a municipality named ``query`` belongs to."""
        return list(dict.fromkeys(m.area for m in self.find(query)))

    def of_area(self, area_id: str) -> list[Municipality]:
        """The municipalities of one area, once per name (the first page that lists it)."""
        seen: dict[str, Municipality] = {}
        for item in self.items:
            if item.area == area_id:
                seen.setdefault(item.name, item)
        return list(seen.values())
