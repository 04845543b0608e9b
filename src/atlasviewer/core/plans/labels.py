"""Label text of a plan: its language, per-language label lists, plain captions, rate units."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from atlasviewer.core.formatting import format_number
from atlasviewer.core.model import pick_language
from atlasviewer.i18n import current_language

_UNIT = re.compile(
    r"\b(?P<per>per|pr\.?)(?P<gap>\s*)"
    r"(?P<number>\d{1,3}(?:(?:[\s\u00a0]+|[,.])\d{3})+|\d+)"
    r"(?P<space>\s+)(?P<word>[^\s.,;:()<*]+)",
    re.IGNORECASE,
)
"""A rate's unit in a label: ``pr. 1000 innbyggere``, ``per 10,000 population``, ``pr.1000 ...``."""


def _lang(lang: str | None) -> str:
    return lang or current_language()


def _pick_list(labels: Mapping[str, Sequence[str]] | None, lang: str) -> list[str]:
    """A per-language list of labels (``xLegend``, ``annualVarLabels``) in ``lang``."""
    if not labels:
        return []
    chosen = pick_language([k for k, v in labels.items() if v], lang)
    return [str(v) for v in labels[chosen]] if chosen else []


def plain_text(text: str) -> str:
    """Label text without the HTML some captions carry (``<br>`` becomes a line break)."""
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()).strip()


def _unit_base(digits: str) -> int | None:
    """The base of a rate (100, 1000, 10000 ...) written in any grouping, else None.

    Only a power of ten from 100 up is a rate's base; other numbers after "per" are left alone.
    """
    number = int(re.sub(r"\D", "", digits))
    return number if number >= 100 and str(number).rstrip("0") == "1" else None


def unit_of(text: str, lang: str) -> str:
    """The first "per N ..." unit in ``text``, its number written for ``lang``, or "".

    ``Antall analyser pr. 1000 innbyggere`` gives ``per 1 000 innbyggere`` in bokmål (with a
    no-break space, so the number stays whole) and ``per 1,000 ...`` in English.
    """
    for found in _UNIT.finditer(text):
        base = _unit_base(found["number"])
        if base is not None:
            return f"per {format_number(base, ',d', lang)} {found['word']}"
    return ""


def localise_units(text: str, lang: str) -> str:
    """``text`` with the number of each "per N ..." unit written for ``lang``, the rest as is.

    The data's labels write the base of a rate as they came (``per 10,000 innbyggarar`` in a
    Norwegian label reads as "per ten" to a Norwegian); only that number is rewritten
    (``per 10 000 innbyggarar``), not the authors' words.
    """

    def rewrite(found: re.Match[str]) -> str:
        base = _unit_base(found["number"])
        if base is None:
            return found[0]
        number = format_number(base, ",d", lang)
        return f"{found['per']}{found['gap']}{number}{found['space']}{found['word']}"

    return _UNIT.sub(rewrite, text)


def plan_label(text: str, lang: str) -> str:
    """A view's caption or axis label as a plan shows it: plain text, units in ``lang``."""
    return localise_units(plain_text(text), lang)
