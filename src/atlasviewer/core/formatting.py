"""Locale-aware formatting of numbers, ranges and dates, driven by the atlases' d3-format specs.

The atlas data files say how a number is shown with a d3-format specifier (``,.0f``, ``,.1%``,
``.2f``, ``d``, ``""``) and, for month axes, ``month``. This module renders those specs with babel
in the UI language: bokmål and nynorsk (``nb_NO``, ``nn_NO``) group thousands with a no-break
space (U+00A0) and use a decimal comma, and put a no-break space before the percent sign
(``1 234,5``, ``26 %``); English (``en_GB``) gives ``1,234.5`` and ``26%``.

Rounding is half away from zero, as d3 (JavaScript's ``toFixed``) does on the atlas web site,
not babel's default half-to-even, so a rate of 2.5 shows as 3 here as it does there.

Patterns and locales are cached per (language, spec): formatting a number is a dictionary look-up
and one babel ``apply``, fast enough for every cell of a table on each language switch.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import Any

from atlasviewer import i18n

MISSING = "\u2013"
"""What a missing value (None, NaN, not a number) shows as: an en dash."""

RANGE_SEPARATOR = "\u2013"
"""Between the ends of a range (``292–318``): an en dash, no spaces, in every language."""

_D3_SPEC = re.compile(
    r"^(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[-+( ])?(?P<symbol>[$#])?(?P<zero>0)?"
    r"(?P<width>\d+)?(?P<comma>,)?(?:\.(?P<precision>\d+))?(?P<trim>~)?(?P<type>[a-z%])?$"
)


@dataclass(frozen=True)
class _Spec:
    """What of a d3 spec this viewer honours: grouping, precision and type."""

    group: bool
    precision: int | None
    type: str
    trim: bool = False


_PRECISION = re.compile(r"\.(\d+)[f%]")
"""The precision of a d3 fixed or percent specifier (``,.1f``, ``.0%``)."""


def _lang(lang: str | None) -> str:
    lang = lang or i18n.current_language()
    return lang if lang in i18n.BABEL_LOCALES else "en"


@lru_cache(maxsize=8)
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(i18n.BABEL_LOCALES[lang])


@lru_cache(maxsize=256)
def _parse_spec(spec: str) -> _Spec:
    """Read a d3-format spec; anything unreadable formats as a plain number (``""``)."""
    match = _D3_SPEC.match(spec.strip()) if spec else None
    if match is None:
        return _Spec(group=False, precision=None, type="")
    precision = match["precision"]
    return _Spec(
        group=bool(match["comma"]),
        precision=int(precision) if precision is not None else None,
        type=match["type"] or "",
        trim=bool(match["trim"]),
    )


@lru_cache(maxsize=512)
def _pattern(lang: str, spec: _Spec) -> tuple[Any, int, bool]:
    """The babel pattern, the number of decimals to round to, and whether it is a percentage."""
    from babel.numbers import parse_pattern

    locale = _locale(lang)
    integer = "#,##0" if spec.group else "0"
    if spec.type == "%":
        decimals = 0 if spec.precision is None else spec.precision
        fraction = "." + "0" * decimals if decimals else ""
        # Keep the locale's own percent layout (the no-break space in "26 %" for Norwegian).
        base = locale.percent_formats[None].pattern
        pattern = re.sub(r"[#0,.]+", integer + fraction, base, count=1)
        return parse_pattern(pattern), decimals, True
    if spec.type in ("d",):
        return parse_pattern(integer), 0, False
    if spec.type == "f" or (spec.type == "" and spec.precision is not None):
        decimals = 6 if spec.precision is None else spec.precision
        if spec.trim:
            fraction = "." + "#" * decimals if decimals else ""
        else:
            fraction = "." + "0" * decimals if decimals else ""
        return parse_pattern(integer + fraction), decimals, False
    # "" and the types this viewer does not draw (e, g, r, s...): a plain number, up to six
    # decimals, trailing zeros dropped, as d3's "" shows 0.5 and 12.
    return parse_pattern(integer + ".######"), 6, False


def to_number(value: Any) -> float | None:
    """``value`` as a float, or None when it is missing or not a number.

    Strings are accepted because some files write numbers as text (``"  0.6142"``).
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, (int, float)):
            number = float(value)
        else:
            number = float(str(value).strip().replace("\u2212", "-"))
    except (ValueError, OverflowError):  # an int too large for a float is no figure either
        return None
    return None if math.isnan(number) or math.isinf(number) else number


DECIMAL_DIGITS = 330
"""Decimal precision for formatting, plus the decimals asked for: a float has at most 309 digits
before the point (the default precision of 28 raises ``decimal.InvalidOperation`` on 1e308)."""


def _round_half_up(number: float, decimals: int) -> Decimal:
    try:
        quantum = Decimal(1).scaleb(-decimals)
        return Decimal(repr(number)).quantize(quantum, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return Decimal(number)


def month_name(month: int, lang: str | None = None, width: str = "wide") -> str:
    """The name of month 1..12 in ``lang`` (``mars``, ``March``); ``width``: ``abbreviated``."""
    names = _locale(_lang(lang)).months["stand-alone"][width]
    return str(names[month])


def format_number(value: Any, spec: str | None = ",.0f", lang: str | None = None) -> str:
    """Format ``value`` as the d3 ``spec`` asks, in the UI language ``lang``.

    Args:
        value: A number, a numeric string, or None/NaN (shown as an en dash).
        spec: A d3-format specifier (``,.0f``, ``,.1%``, ``.2f``, ``d``, ``""``) or ``month``
            (a month number 1..12 shown as the month's name).
        lang: ``nb``, ``nn`` or ``en``; default the active UI language.

    Returns:
        The text to show, e.g. ``"1 234,5"`` (nb, with U+00A0), ``"26 %"`` (nb), ``"26%"`` (en).
        A non-numeric string is returned unchanged (table columns of names pass through).
    """
    lang = _lang(lang)
    number = to_number(value)
    if number is None:
        return value if isinstance(value, str) and value.strip() else MISSING
    spec = spec or ""
    if spec.strip() == "month":
        month = int(round(number))
        return month_name(month, lang) if 1 <= month <= 12 else format_number(number, "", lang)
    pattern, decimals, percent = _pattern(lang, _parse_spec(spec))
    # Enough digits for any float: 1e308 has 309 before the point (the default 28 would raise
    # decimal.InvalidOperation in quantize and in babel).
    with localcontext() as context:
        context.prec = DECIMAL_DIGITS + decimals
        if percent:
            # babel multiplies by 100 itself; round the percentage, then hand back the fraction.
            amount = _round_half_up(number * 100, decimals) / 100
        else:
            amount = _round_half_up(number, decimals)
        text = pattern.apply(amount, _locale(lang), decimal_quantization=False)
    if amount == 0 and text.startswith(("-", "\u2212")):
        text = text[1:]  # -0.2 rounded to 0 reads "0", not "-0"
    return str(text)


def format_range(lower: Any, upper: Any, spec: str | None = ",.0f", lang: str | None = None) -> str:
    """A legend range: ``292–318``; one end when both ends format alike (``475``).

    An open end (None) gives ``≤ 318`` or ``≥ 292``.
    """
    lo = None if to_number(lower) is None else format_number(lower, spec, lang)
    hi = None if to_number(upper) is None else format_number(upper, spec, lang)
    if lo is None and hi is None:
        return MISSING
    if lo is None:
        return f"\u2264 {hi}"
    if hi is None or hi == lo:
        return lo if hi == lo else f"\u2265 {lo}"
    return f"{lo}{RANGE_SEPARATOR}{hi}"


def distinguishing_spec(
    spec: str | None, values: Sequence[Any], lang: str | None = None, most: int = 3
) -> str | None:
    """``spec`` with up to ``most`` more decimals, as many as distinct values need to differ.

    A legend of rates around 1 in ``,.0f`` would read "1, 1, 1–2, 1"; with one more decimal it
    reads "0,8–1,0, 1,1–1,3, ...". Specs without a precision are returned as given.
    """
    found = _PRECISION.search(spec or "")
    numbers = sorted({n for n in (to_number(v) for v in values) if n is not None})
    if found is None or len(numbers) < 2:
        return spec
    assert spec is not None
    for extra in range(most + 1):
        candidate = f"{spec[: found.start(1)]}{int(found[1]) + extra}{spec[found.end(1) :]}"
        texts = [format_number(n, candidate, lang) for n in numbers]
        if len(set(texts)) == len(texts):
            return candidate
    return candidate


def format_date(value: str | _dt.date | None, lang: str | None = None) -> str:
    """An ISO date (``2024-03-07``, a datetime string is cut to its date) in words.

    nb/nn: ``7. mars 2024``; en: ``7 March 2024``. An unreadable date is returned as given.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, _dt.datetime):
        day = value.date()
    elif isinstance(value, _dt.date):
        day = value
    else:
        try:
            day = _dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            return str(value)
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(day, "long", locale=_locale(_lang(lang))))
