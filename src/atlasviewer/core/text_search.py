"""Search that matches at the start of words, as a reader looks for a term.

A typed word matches where a word of the text starts: after the start of the text, a space,
a hyphen or any other character that is not a letter or digit. Norwegian compounds written
with a hyphen ("MR-undersøkelse", "hofte-kne") are found by each part; a word is never
matched inside another one ("mr" is not found in "opptaksområde", nor "hip" in
"relationship"). The first part of a closed compound is found ("hofte" in "hofteprotese");
a registry of compound heads would be needed to find later parts and is not kept: a reader
searches by the start of what they mean.

Qt-free: the library's search and its highlighting both call :func:`find_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Hit:
    """Where one typed word was found in a text: ``text[start:end]`` is the hit."""

    start: int
    end: int


def query_words(query: str) -> list[str]:
    """The words of a typed query (whitespace separates them; case is ignored later)."""
    return query.split()


@lru_cache(maxsize=256)
def _word_pattern(word: str) -> re.Pattern[str]:
    # Not preceded by a letter or digit: the start of a word or of a hyphenated part.
    return re.compile(r"(?<![^\W_])" + re.escape(word), re.IGNORECASE)


def find_word(text: str, word: str) -> Hit | None:
    """The first place where ``word`` starts a word of ``text``, or None."""
    if not word:
        return None
    found = _word_pattern(word).search(text)
    return Hit(found.start(), found.end()) if found else None


def find_words(text: str, query: str) -> list[Hit] | None:
    """Whether every word of ``query`` starts a word of ``text``, and where.

    Args:
        text: The text searched (a title, a result box's text).
        query: What the user typed; its words are matched independently, ignoring case.

    Returns:
        The first hit of each word, in the order of the query's words, when all are found;
        None when any is missing (and when the query has no words).
    """
    words = query_words(query)
    if not words:
        return None
    hits: list[Hit] = []
    for word in words:
        hit = find_word(text, word)
        if hit is None:
            return None
        hits.append(hit)
    return hits


def matches_all(texts: list[str], query: str) -> bool:
    """Whether every word of ``query`` starts a word in at least one of ``texts``."""
    words = query_words(query)
    return bool(words) and all(any(find_word(t, w) for t in texts) for w in words)


def snippet(text: str, hit: Hit, width: int = 70) -> tuple[str, Hit]:
    """A one-line excerpt of ``text`` around ``hit`` and the hit's place in the excerpt.

    The excerpt is at most about ``width`` characters, cut at spaces, with an ellipsis where
    text was left out.
    """
    lead = len(text) - len(text.lstrip())
    flat = re.sub(r"\s+", " ", text).strip()
    # The hit holds no whitespace (a typed word has none): only the text before it shrinks.
    start = len(re.sub(r"\s+", " ", text[lead : hit.start]))
    length = hit.end - hit.start
    left = max(0, start - width // 3)
    if left:
        space = flat.rfind(" ", 0, left + 1)
        left = space + 1 if space >= 0 else 0
    right = min(len(flat), max(left + width, start + length))
    if right < len(flat):
        space = flat.find(" ", right)
        right = space if space >= 0 else len(flat)
    excerpt = flat[left:right]
    offset = start - left
    if left:
        excerpt, offset = "…" + excerpt, offset + 1
    if right < len(flat):
        excerpt += "…"
    return excerpt, Hit(offset, offset + length)
