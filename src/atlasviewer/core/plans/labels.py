"""Label text of a plan: the language it is built in, per-language label lists, plain captions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from atlasviewer.core.model import pick_language
from atlasviewer.i18n import current_language


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
