"""An indicator's values per year as a trend: the series of every area and Norway, and its plan.

The years are those the indicator carries (:attr:`Indicator.annual`): the annual values of a
second-generation box (its ``annualVar`` columns), the years of a first-generation indicator.
Each area row is a line keyed as :mod:`.area_rows` keys it; the change over the period and
whether it exceeds the area's year-to-year noise are :func:`atlasviewer.core.stats.trend.trend`
(least-squares slope, 95 % interval with t(n-2)). No interval band: the atlases publish
intervals of the period's value, not of each year's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from atlasviewer.core.compare.area_rows import AreaRow, area_rows, selected_rows
from atlasviewer.core.plans.contract import Credits
from atlasviewer.core.plans.trend_plan import TrendPlan, build_trend_plan
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.core.stats.trend import trend
from atlasviewer.i18n import N_, gettext_for

if TYPE_CHECKING:
    import pandas as pd

    from atlasviewer.core.compare.indicators import Indicator

_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class IndicatorSeries:
    """Values per year of an indicator's areas and of Norway.

    Attributes:
        years: The years, oldest first.
        rows: ``(row, values per year)`` of every area row with at least one yearly value.
        national: Norway's values per year (None where missing), or None.
        area_rows: The rows as chart points (keys, registry areas).
    """

    years: list[int]
    rows: list[tuple[AreaRow, list[float | None]]]
    national: list[float | None] | None
    area_rows: dict[str, AreaRow]


def has_years(indicator: Indicator) -> bool:
    """Whether the indicator carries values for two or more years."""
    return sum(1 for label, _ in indicator.annual if _YEAR.fullmatch(label.strip())) >= 2


def indicator_series(indicator: Indicator, registry: AreaRegistry | None = None) -> IndicatorSeries:
    """The series of ``indicator`` (empty years when it carries none)."""
    registry = registry or indicator.registry or default_registry()
    values = indicator.values()
    labels = [label for label, _ in indicator.annual if _YEAR.fullmatch(label.strip())]
    years = sorted({int(label) for label in labels})
    rows_by_name = area_rows(values, registry)
    rows: list[tuple[AreaRow, list[float | None]]] = []
    for name, row in rows_by_name.items():
        annual = values.areas[name].annual
        series = [annual.get(str(year)) for year in years]
        if any(v is not None for v in series):
            rows.append((row, series))
    national = [values.national_annual.get(str(y)) for y in years]
    has_national = any(v is not None for v in national)
    return IndicatorSeries(years, rows, national if has_national else None, rows_by_name)


def trend_plan_for(
    indicator: Indicator,
    selected: Sequence[str],
    lang: str,
    *,
    small_multiples: bool = False,
    sort: str = "name",
    registry: AreaRegistry | None = None,
) -> TrendPlan:
    """The trend plan of ``indicator``: selected rows as lines against Norway, or all.

    The rows showing the registry areas ``selected`` are lines against Norway; with
    ``small_multiples`` every area gets a panel, sorted by ``sort``. Either way the y axis
    spans every area (:func:`shared_limits`).
    """
    registry = registry or indicator.registry or default_registry()
    series = indicator_series(indicator, registry)
    areas = [(row.key, row.label(registry, lang), values) for row, values in series.rows]
    chosen = selected_rows(series.area_rows, selected)
    keys = [series.area_rows[name].key for name in chosen]
    plan = build_trend_plan(
        series.years,
        areas,
        series.national,
        title=indicator.title(lang),
        y_label=value_label(indicator, lang),
        format_y=indicator.format,
        selected=keys,
        national_label=registry.national_name(lang),
        small_multiples=small_multiples,
        sort=sort,
        lang=lang,
        credits=credits_of(indicator, lang),
    )
    plan.y_limits = shared_limits(series)
    return plan


def shared_limits(series: IndicatorSeries) -> tuple[float, float]:
    """One y axis for every area and Norway, whichever are drawn.

    As the plan's own rule: from 0 (or 8 % below a negative lowest) to 8 % above the highest,
    so that heights compare across areas and a new selection never rescales the axis.
    """
    values = [v for _row, vals in series.rows for v in vals if v is not None]
    values += [v for v in series.national or [] if v is not None]
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    return (0.0 if low >= 0 else low * 1.08), (high * 1.08 if high > 0 else 1.0)


def value_label(indicator: Indicator, lang: str) -> str:
    """The value axis title: the measure's label in ``lang``, else the title in ``lang``.

    A first-generation atlas labels its measures in one language only (the label "in
    English" is the Norwegian one while the title is translated): Norwegian under an
    English title would put Norwegian in the English UI, so the title is taken then.
    """
    label, title = indicator.labels.get(lang), indicator.titles.get(lang)
    untranslated = lang != "nb" and label == indicator.labels.get("nb")
    if title and (not label or (untranslated and title != indicator.titles.get("nb"))):
        return title
    return label or indicator.label(lang)


def credits_of(indicator: Indicator, lang: str) -> Credits:
    """The credits line of a chart of ``indicator``: producer, atlas and period."""
    atlas = indicator.atlas_titles.get(lang) or next(iter(indicator.atlas_titles.values()), "")
    source = gettext_for(lang, N_("{atlas}, box {box}")).format(
        atlas=atlas or indicator.atlas_id, box=indicator.box
    )
    return Credits(producer=indicator.producer, period=indicator.period, source_note=source)


_TREND_COLUMNS = {
    "area": N_("Area"),
    "first_year": N_("First year"),
    "last_year": N_("Last year"),
    "first": N_("First value"),
    "last": N_("Last value"),
    "change": N_("Change"),
    "relative": N_("Relative change"),
    "slope": N_("Slope per year"),
    "slope_low": N_("Slope, lower limit (95 %)"),
    "slope_high": N_("Slope, upper limit (95 %)"),
    "residual_sd": N_("Year-to-year noise (residual SD)"),
    "direction": N_("Change over the noise"),
}
TREND_METHOD = N_(
    "Change: least-squares slope over the years, its 95 % interval from Student's t with n − 2 "
    "degrees of freedom and the residual standard deviation; rising or falling where that "
    "interval excludes no change, else stable."
)
"""The method of :func:`atlasviewer.core.stats.trend.trend`, in words (translate with ``_``)."""
_DIRECTIONS = {"rising": N_("rising"), "falling": N_("falling"), "stable": N_("stable")}


def trend_frame(
    indicator: Indicator, lang: str, registry: AreaRegistry | None = None
) -> pd.DataFrame:
    """Every area and Norway: the value of each year, then the change and its noise test.

    The frame's ``attrs["note"]`` names the method; numbers stay numbers.
    """
    import pandas as pd

    registry = registry or indicator.registry or default_registry()
    series = indicator_series(indicator, registry)
    text = lambda message: gettext_for(lang, message)  # noqa: E731
    records: list[dict[str, Any]] = []
    named = [(row.label(registry, lang), values) for row, values in series.rows]
    named.sort(key=lambda item: item[0].casefold())
    if series.national is not None:
        named.append((registry.national_name(lang), series.national))
    for label, values in named:
        record: dict[str, Any] = {text(_TREND_COLUMNS["area"]): label}
        record.update({str(y): v for y, v in zip(series.years, values, strict=True)})
        found = trend(series.years, values)
        for column in list(_TREND_COLUMNS)[1:]:
            value = getattr(found, column) if found is not None else None
            if column == "direction":
                value = text(_DIRECTIONS[value]) if value else ""
            record[text(_TREND_COLUMNS[column])] = value
        records.append(record)
    frame = pd.DataFrame(records)
    frame.attrs["note"] = text(TREND_METHOD)
    return frame
