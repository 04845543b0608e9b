"""The funnel plot plan: points, national line, control limit curves and the areas outside.

Built from a :class:`~atlasviewer.core.stats.funnel.FunnelResult`; drawn by
:func:`atlasviewer.render.funnel_chart.draw_funnel_chart`. Every text is in the plan's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from atlasviewer.core.formatting import format_number
from atlasviewer.core.plans.contract import Credits
from atlasviewer.core.stats.funnel import METHOD_POISSON, FunnelResult
from atlasviewer.i18n import N_, Nn_, current_language, gettext_for, ngettext_for

_LIMITS = N_("{level} control limits")
_NATIONAL = N_("Norway: {value}")
_OUTSIDE = N_("Outside the {level} limits")
_NONE_OUTSIDE = N_("No area outside the {level} limits")
_HIGHER = N_("{area}: {value}, higher")
_LOWER = N_("{area}: {value}, lower")
_MORE = Nn_("and {count} more", "and {count} more")
_METHOD_POISSON = N_("Exact Poisson control limits (Spiegelhalter 2005)")
_METHOD_BINOMIAL = N_("Exact binomial control limits (Spiegelhalter 2005)")
_WHOLE_PERIOD = Nn_(
    "Limits from the counts of the whole period: the yearly average × {count} year.",
    "Limits from the counts of the whole period: the yearly average × {count} years.",
)


LISTED = 15
"""At most this many areas outside the limits are listed on the chart (all in :attr:`outliers`)."""


@dataclass
class FunnelPoint:
    """One area: its size (x), value (y), whether it is selected and where it lies."""

    key: str
    label: str
    x: float
    y: float
    selected: bool = False
    outside_95: str | None = None
    outside_998: str | None = None


@dataclass
class FunnelLimit:
    """One pair of limit curves along :attr:`FunnelPlan.curve_x`."""

    level: float
    label: str
    lows: list[float]
    highs: list[float]


@dataclass
class FunnelPlan:
    """What a funnel chart draws, in one language."""

    title: str
    x_label: str
    y_label: str
    format_x: str
    format_y: str
    national: float
    national_label: str
    points: list[FunnelPoint]
    curve_x: list[float]
    limits: list[FunnelLimit]
    outliers_title: str
    outliers: list[str]
    note: str
    credits: Credits = field(default_factory=Credits)
    outliers_more: str = ""
    """"and 12 more" when :attr:`outliers` has more than :data:`LISTED`; else empty."""


def level_text(level: float, lang: str) -> str:
    """``95 %`` or ``99.8 %`` in ``lang``."""
    spec = ",.0%" if round(level * 100, 6) == round(level * 100) else ",.1%"
    return format_number(level, spec, lang)


def build_funnel_plan(
    result: FunnelResult,
    *,
    title: str,
    x_label: str,
    y_label: str,
    format_y: str = ",.0f",
    format_x: str = ",.0f",
    selected: Iterable[str] = (),
    lang: str | None = None,
    credits: Credits | None = None,
    outlier_level: float = 0.998,
) -> FunnelPlan:
    """The plan of ``result``: selected areas marked, areas outside ``outlier_level`` listed."""
    lang = lang or current_language()
    chosen = set(selected)
    points = [
        FunnelPoint(
            a.key,
            a.label,
            a.size,
            a.value,
            a.key in chosen,
            a.outside.get(0.95),
            a.outside.get(0.998),
        )
        for a in result.areas
    ]
    limits = [
        FunnelLimit(
            level,
            gettext_for(lang, _LIMITS).format(level=level_text(level, lang)),
            *result.curves[level],
        )
        for level in result.levels
    ]
    outliers = []
    for area in result.outliers(outlier_level):
        template = _HIGHER if area.outside[outlier_level] == "higher" else _LOWER
        value = format_number(area.value, format_y, lang)
        outliers.append(gettext_for(lang, template).format(area=area.label, value=value))
    level = level_text(outlier_level, lang)
    method = _METHOD_POISSON if result.method == METHOD_POISSON else _METHOD_BINOMIAL
    note = gettext_for(lang, method) + "."
    if result.years > 1:
        note += " " + ngettext_for(lang, *_WHOLE_PERIOD, result.years).format(count=result.years)
    return FunnelPlan(
        title=title,
        x_label=x_label,
        y_label=y_label,
        format_x=format_x,
        format_y=format_y,
        national=result.national,
        national_label=gettext_for(lang, _NATIONAL).format(
            value=format_number(result.national, format_y, lang)
        ),
        points=points,
        curve_x=list(result.curve_sizes),
        limits=limits,
        outliers_title=gettext_for(lang, _OUTSIDE if outliers else _NONE_OUTSIDE).format(
            level=level
        ),
        outliers=outliers,
        note=note,
        credits=credits or Credits(),
        outliers_more=_more(len(outliers) - LISTED, lang),
    )


def _more(count: int, lang: str) -> str:
    return ngettext_for(lang, *_MORE, count).format(count=count) if count > 0 else ""


_COLUMNS = (
    N_("Area"),
    N_("Value"),
    N_("Population (yearly)"),
    N_("Events (yearly)"),
    N_("Expected over the period"),
)
_LEVEL_COLUMNS = (
    N_("Lower {level} limit"),
    N_("Upper {level} limit"),
)
_AGAINST = N_("Against the {level} limits")
_PLACES = {"higher": N_("above"), "lower": N_("below"), None: N_("inside")}


@dataclass
class FunnelTable:
    """The funnel as a table for CSV and XLSX: numbers as numbers, the method in :attr:`note`."""

    headers: list[str]
    rows: list[list[str | float]]
    note: str


def build_funnel_table(result: FunnelResult, lang: str | None = None) -> FunnelTable:
    """Each area with its value, size, count, expected count and limits at its size."""
    lang = lang or current_language()
    rows: list[list[str | float]] = []
    for area in result.areas:
        low95, high95 = area.limits.get(0.95, (float("nan"), float("nan")))
        low998, high998 = area.limits.get(0.998, (float("nan"), float("nan")))
        rows.append(
            [
                area.label,
                area.value,
                area.size,
                area.count,
                area.expected,
                low95,
                high95,
                low998,
                high998,
                gettext_for(lang, _PLACES[area.outside.get(0.95)]),
                gettext_for(lang, _PLACES[area.outside.get(0.998)]),
            ]
        )
    method = _METHOD_POISSON if result.method == METHOD_POISSON else _METHOD_BINOMIAL
    note = gettext_for(lang, method) + "."
    if result.years > 1:
        note += " " + ngettext_for(lang, *_WHOLE_PERIOD, result.years).format(count=result.years)
    headers = [gettext_for(lang, c) for c in _COLUMNS]
    for level in (0.95, 0.998):
        headers += [
            gettext_for(lang, c).format(level=level_text(level, lang)) for c in _LEVEL_COLUMNS
        ]
    headers += [
        gettext_for(lang, _AGAINST).format(level=level_text(lv, lang)) for lv in (0.95, 0.998)
    ]
    return FunnelTable(headers, rows, note)
