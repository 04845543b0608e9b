"""Word-prefix search: each word of a query must start a word of the text.

Text and query are casefolded and split into words of letters and digits (Norwegian letters
æ, ø, å are letters and kept as they are, not folded to a, o). "MR" finds "MR-undersøkelser"
and "mr cervikalkolumna" but not "område"; "kne mr" needs both words, in any order.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def search_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, casefolded, in order (duplicates kept once)."""
    folded = unicodedata.normalize("NFC", text or "").casefold()
    return tuple(dict.fromkeys(_WORD.findall(folded)))


@lru_cache(maxsize=8192)
def _text_words(text: str) -> tuple[str, ...]:
    return search_words(text)


def matches(query_words: tuple[str, ...], text: str) -> bool:
    """True when every query word starts some word of ``text``."""
    words = _text_words(text)
    return all(any(word.startswith(q) for word in words) for q in query_words)
