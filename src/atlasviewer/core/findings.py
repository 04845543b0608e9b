"""A finding in words for an area and an indicator, in bokmål, nynorsk and English.

The sentence is generated from the statistics alone (never from the atlas's prose): the
difference from the national value and its significance class (higher / similar / lower, from
the comparison), the rank with its plausible range (:mod:`~atlasviewer.core.stats.rank`), the
trend over the period (:mod:`~atlasviewer.core.stats.trend`) and the excess events a year
(:mod:`~atlasviewer.core.stats.excess`). For example: "Førde: 18% above the national rate
(significant); 2nd highest of 21 areas, plausibly 1st to 4th; stable over 2018–2022."

The words are neutral (above / below, higher / lower, rising / falling), never better / worse.
Numbers are formatted per language by :mod:`atlasviewer.core.formatting`; ordinals follow each
language ("2nd" in English, "2." in Norwegian); counted words take their plural form through
:func:`atlasviewer.i18n.ngettext_for`; every fragment is catalogued in ``translations/``. The
language is the one asked for, not necessarily the UI's: a fact sheet in nynorsk gets nynorsk.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from atlasviewer.core.formatting import RANGE_SEPARATOR, format_number
from atlasviewer.core.stats.excess import Excess
from atlasviewer.core.stats.rank import RankRange
from atlasviewer.core.stats.trend import Trend
from atlasviewer.i18n import N_, Nn_, current_language, gettext_for, ngettext_for

_ABOVE = N_("{area}: {percent} above the national rate")
_BELOW = N_("{area}: {percent} below the national rate")
_AT = N_("{area}: at the national rate")
_SIMILAR = N_("{area}: similar to the national rate ({difference})")
_DIFF_ABOVE = N_("{percent} above")
_DIFF_BELOW = N_("{percent} below")
_SIGNIFICANT = N_("significant")
_NOT_TESTED = N_("not tested")
_HIGHEST = Nn_("highest of {count} area", "highest of {count} areas")
_LOWEST = Nn_("lowest of {count} area", "lowest of {count} areas")
_NTH = Nn_("{ordinal} highest of {count} area", "{ordinal} highest of {count} areas")
_NTH_LOWEST = Nn_("{ordinal} lowest of {count} area", "{ordinal} lowest of {count} areas")
_PLAUSIBLY = N_("plausibly {low} to {high}")
_PLAUSIBLY_LOWEST = N_("plausibly {low} to {high} lowest")
_OF = N_("{ordinal} of {count}")
_STABLE = N_("stable over {period}")
_RISING = N_("rising over {period} ({change})")
_FALLING = N_("falling over {period} ({change})")
_MORE = Nn_(
    "about {count} more event a year than at the national rate ({low} to {high})",
    "about {count} more events a year than at the national rate ({low} to {high})",
)
_FEWER = Nn_(
    "about {count} fewer event a year than at the national rate ({low} to {high})",
    "about {count} fewer events a year than at the national rate ({low} to {high})",
)


@dataclass(frozen=True)
class FindingFacts:
    """What a finding is made of; any part may be missing and is then left out.

    Attributes:
        area: The area's name, as shown.
        value: The area's value.
        national: The national value.
        significance: ``"higher"``, ``"similar"``, ``"lower"``, or None when not compared.
        rank: The area's rank and plausible range.
        trend: The change over the period.
        excess: The events a year against the national rate.
    """

    area: str
    value: float | None = None
    national: float | None = None
    significance: str | None = None
    rank: RankRange | None = None
    trend: Trend | None = None
    excess: Excess | None = None


def ordinal(number: int, lang: str) -> str:
    """``2nd`` (English: st/nd/rd/th, 11th-13th), ``2.`` (Norwegian)."""
    if lang in ("nb", "nn"):
        return f"{number}."
    if number % 100 in (11, 12, 13):
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def about(number: float) -> int:
    """A count rounded to two significant figures for "about ...": 649.6 -> 650, 4,387 -> 4,400."""
    magnitude = abs(number)
    if magnitude < 100:
        return int(round(magnitude))
    step = 10 ** (int(math.floor(math.log10(magnitude))) - 1)
    return int(round(magnitude / step) * step)


def _level(facts: FindingFacts, lang: str) -> str | None:
    if facts.value is None or facts.national is None or facts.national == 0:
        return None
    relative = facts.value / facts.national - 1.0
    percent = format_number(abs(relative), ",.0%", lang)
    rounds_to_zero = format_number(0.0, ",.0%", lang) == percent
    if rounds_to_zero:
        text = gettext_for(lang, _AT).format(area=facts.area)
        if facts.significance == "similar":
            return text
    elif facts.significance == "similar":
        difference = gettext_for(lang, _DIFF_ABOVE if relative > 0 else _DIFF_BELOW)
        # "similar" says it: no "(not significant)" after it.
        return gettext_for(lang, _SIMILAR).format(
            area=facts.area, difference=difference.format(percent=percent)
        )
    else:
        template = _ABOVE if relative > 0 else _BELOW
        text = gettext_for(lang, template).format(area=facts.area, percent=percent)
    if facts.significance in ("higher", "lower"):
        note = gettext_for(lang, _SIGNIFICANT)
    else:
        note = gettext_for(lang, _NOT_TESTED)
    return f"{text} ({note})"


def _rank(rank: RankRange, lang: str) -> str:
    """From the top in the upper half ("2nd highest"), from the bottom in the lower half."""
    from_bottom = rank.rank > (rank.count + 1) / 2
    if rank.rank == 1:
        text = ngettext_for(lang, *_HIGHEST, rank.count).format(count=rank.count)
    elif rank.rank == rank.count:
        text = ngettext_for(lang, *_LOWEST, rank.count).format(count=rank.count)
    elif from_bottom:
        text = ngettext_for(lang, *_NTH_LOWEST, rank.count).format(
            ordinal=ordinal(rank.count - rank.rank + 1, lang), count=rank.count
        )
    else:
        text = ngettext_for(lang, *_NTH, rank.count).format(
            ordinal=ordinal(rank.rank, lang), count=rank.count
        )
    if rank.low != rank.high:
        if from_bottom:
            low, high = rank.count - rank.high + 1, rank.count - rank.low + 1
            template = _PLAUSIBLY_LOWEST
        else:
            low, high, template = rank.low, rank.high, _PLAUSIBLY
        text += ", " + gettext_for(lang, template).format(
            low=ordinal(low, lang), high=ordinal(high, lang)
        )
    return text


def rank_phrase(rank: RankRange, lang: str | None = None) -> str:
    """For tooltips and exports: ``3rd of 21, plausibly 2nd to 6th`` (1 = highest)."""
    lang = lang or current_language()
    text = gettext_for(lang, _OF).format(ordinal=ordinal(rank.rank, lang), count=rank.count)
    if rank.low != rank.high:
        text += ", " + gettext_for(lang, _PLAUSIBLY).format(
            low=ordinal(rank.low, lang), high=ordinal(rank.high, lang)
        )
    return text


def _trend(trend: Trend, lang: str) -> str | None:
    if trend.direction is None:
        return None
    period = f"{trend.first_year}{RANGE_SEPARATOR}{trend.last_year}"
    if trend.direction == "stable" or trend.relative is None:
        return gettext_for(lang, _STABLE).format(period=period)
    sign = "+" if trend.relative > 0 else ""
    change = sign + format_number(trend.relative, ",.0%", lang)
    template = _RISING if trend.direction == "rising" else _FALLING
    return gettext_for(lang, template).format(period=period, change=change)


def _excess(excess: Excess, lang: str) -> str | None:
    count = about(excess.difference)
    if count == 0:
        return None
    if excess.difference > 0:
        template, low, high = _MORE, excess.low, excess.high
    else:
        template, low, high = _FEWER, -excess.high, -excess.low
    return ngettext_for(lang, *template, count).format(
        count=format_number(count, ",.0f", lang),
        low=format_number(low, ",.0f", lang),
        high=format_number(high, ",.0f", lang),
    )


def finding(facts: FindingFacts, lang: str | None = None) -> str:
    """The finding as one sentence in ``lang`` (default the UI language)."""
    lang = lang or current_language()
    parts = [_level(facts, lang) or facts.area]
    if facts.rank is not None and facts.rank.count > 1:
        parts.append(_rank(facts.rank, lang))
    if facts.trend is not None:
        text = _trend(facts.trend, lang)
        if text:
            parts.append(text)
    if facts.excess is not None:
        text = _excess(facts.excess, lang)
        if text:
            parts.append(text)
    return "; ".join(parts) + "."
