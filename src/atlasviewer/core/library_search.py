"""The library's search over atlases and their result boxes (word starts, see :mod:`.text_search`).

An atlas matches when every typed word starts a word somewhere in its titles, front-page text,
chapters (titles, texts, fact boxes) or result boxes, in any of its languages (a user of the
English interface may type the Norwegian term they know). Its result boxes that match, each
with every word in its own texts, are listed with where the first word was found, for
highlighting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from atlasviewer.core.model import Atlas, FactBox, ResultBox, TextItem
from atlasviewer.core.text_search import Hit, find_word, matches_all, query_words, snippet


@dataclass(frozen=True)
class BoxHit:
    """A result box that matched a search.

    Attributes:
        number: The box's number in its atlas (from 1), as :meth:`ResultBox.number`.
        title: The box's title in the language shown.
        excerpt: The text to show with the hit: the title when the hit is in it, else an
            excerpt of the box's text around the hit.
        hit: Where the first typed word is in ``excerpt``.
    """

    number: int
    title: str
    excerpt: str
    hit: Hit


def atlas_texts(atlas: Atlas) -> list[str]:
    """Every text of an atlas that the search reads, in every language."""
    texts: list[str] = [atlas.id]
    for variant in atlas.variants.values():
        texts += [variant.main_title, variant.short_title, variant.frontpage_text]
        for chapter in variant.chapters:
            texts.append(chapter.title)
            for item in chapter.items:
                if isinstance(item, ResultBox):
                    texts += _box_texts(item)
                elif isinstance(item, FactBox):
                    texts += [item.title, _plain(item.markdown)]
                elif isinstance(item, TextItem):
                    texts.append(_plain(item.markdown))
    return [t for t in texts if t]


def _box_texts(box: ResultBox) -> list[str]:
    """A box's texts without their markdown markup (an excerpt shows words, not ``**``)."""
    return [_plain(t) for t in (box.title, box.finding, box.intro, box.selection) if t]


def _plain(markdown: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: their text
    text = re.sub(r"(?m)^\s*(?:#+|[-*+>])\s+", "", text)  # headings, lists, quotes
    return re.sub(r"[*_`]+", "", text)


def atlas_matches(atlas: Atlas, query: str, texts: list[str] | None = None) -> bool:
    """Whether every word of ``query`` starts a word in the atlas (``texts``: its cached texts)."""
    return matches_all(texts if texts is not None else atlas_texts(atlas), query)


def box_hits(atlas: Atlas, query: str, lang: str) -> list[BoxHit]:
    """The atlas's result boxes in which every word of ``query`` is found, in box order.

    A box matches in any of its languages; it is named in ``lang`` (the shown edition), and
    the hit is shown from that edition where the word is there, else from the one it was
    found in.
    """
    words = query_words(query)
    if not words:
        return []
    shown = atlas.variant(lang)
    others = [v for v in atlas.variants.values() if v is not shown]
    by_number: dict[int, list[ResultBox]] = {}
    for variant in (shown, *others):
        for box in variant.result_boxes:
            by_number.setdefault(box.number, []).append(box)
    hits: list[BoxHit] = []
    for number, editions in by_number.items():
        found = next((b for b in editions if matches_all(_box_texts(b), query)), None)
        if found is None:
            continue
        named = editions[0]
        for box in (named, found):
            hit = _first_hit(box, words[0])
            if hit is not None:
                excerpt, place = hit
                hits.append(BoxHit(number, named.title, excerpt, place))
                break
    return hits


def _first_hit(box: ResultBox, word: str) -> tuple[str, Hit] | None:
    for text in _box_texts(box):
        hit = find_word(text, word)
        if hit is not None:
            if text == _plain(box.title):
                return text, hit
            return snippet(text, hit)
    return None
