"""The credit line of a result box's figures (:class:`Credits`): producer, period and unit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from atlasviewer.core.model import (
    AtlasVariant,
    BarChartSpec,
    LineChartSpec,
    MapSpec,
    ResultBox,
    ResultData,
    TableSpec,
    ViewSpec,
    pick_text,
)
from atlasviewer.core.plans.contract import Credits
from atlasviewer.core.plans.labels import _lang, _pick_list, plain_text, unit_of
from atlasviewer.i18n import _

_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-\u2013\u2014]|til|to)\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _view_labels(view: ViewSpec, lang: str) -> list[str]:
    """A view's caption and axis labels in ``lang``, as plain text."""
    names = ("caption", "x_label", "y_label")
    texts = (pick_text(getattr(view, name, None), lang) for name in names)
    return [plain_text(text) for text in texts if text]


def _box_labels(data: ResultData, lang: str) -> tuple[list[str], list[str]]:
    """Captions and axis labels of a box's views, and its annual labels, in ``lang``."""
    labels: list[str] = []
    annual: list[str] = []
    for view in data.views:
        labels.extend(_view_labels(view, lang))
        if isinstance(view, BarChartSpec):
            annual.extend(_pick_list(view.annual_labels, lang))
    return labels, annual


def box_period(box: ResultBox, data: ResultData, lang: str) -> str:
    """The years a box's figures cover, for the figures' credit line and the fact sheet alike.

    In order: the period the data states (first-generation ``period``); the first to the last
    annual label of its bar charts (the years the main value averages); a year range in its
    captions and labels (``2018–2022``); a year range in the box's texts.
    """
    stated = _PERIOD.search(data.period) if data.period else None
    if stated:
        return f"{stated[1]}\u2013{stated[2]}"
    if data.period:
        return data.period
    labels, annual = _box_labels(data, lang)
    years = sorted({int(y) for label in annual for y in _YEAR.findall(label)})
    if years:
        return str(years[0]) if len(years) == 1 else f"{years[0]}\u2013{years[-1]}"
    for text in (*labels, " ".join((box.title, box.intro, box.selection, box.finding))):
        found = _PERIOD.search(text)
        if found:
            return f"{found[1]}\u2013{found[2]}"
    return ""


def credits_for(
    atlas_variant: AtlasVariant,
    box: ResultBox,
    lang: str | None = None,
    data: ResultData | None = None,
) -> Credits:
    """Producer, period and unit of a result box, for the figure's credit line.

    The period is :func:`box_period`'s. The unit is the first "per N ..." in the labels, its
    number written for ``lang`` (``per 10 000 innbyggere``, ``per 10,000 population``): the
    box's, not any one figure's. The plan builders give each figure its own unit
    (:func:`credits_for_view`). Loads the box's data when ``data`` is not given.
    """
    lang = _lang(lang)
    data = data if data is not None else box.load()
    labels, _annual = _box_labels(data, lang)
    period = box_period(box, data, lang)
    unit = _first_unit(labels, lang)
    producer = atlas_variant.producer
    note = _("Source: {producer}, Helseatlas").format(producer=producer) if producer else ""
    return Credits(producer=producer, period=period, unit=unit, source_note=note)


def _is_share(view: ViewSpec) -> bool:
    """Whether the view shows percentages (``,.0%``): a share has no "per N" unit."""
    spec = view.format_y if isinstance(view, LineChartSpec) else getattr(view, "format", "")
    return "%" in (spec or "")


def _columns(view: ViewSpec) -> set[str]:
    """The data columns whose values the view draws."""
    if isinstance(view, MapSpec):
        return {view.x}
    if isinstance(view, BarChartSpec):
        return set(view.x)
    if isinstance(view, LineChartSpec):
        return set(view.line_vars)
    return set()


def view_unit(data: ResultData, view: ViewSpec, lang: str) -> str:
    """The unit of the values one view shows, for the credit line under it.

    In order: the first "per N ..." in the view's own caption and axis labels; none for a view
    of percentages; for a table, the first unit in its column labels; for a map or bar chart
    whose labels name no unit (a map captioned "Overordna pasientutval"), the unit of another
    view of the box that draws the same column of the same row set; else none. So an "Andel ..."
    chart never carries the "per 10 000 menn" of the box's other charts.
    """
    unit = _first_unit(_view_labels(view, lang), lang)
    if unit or _is_share(view):
        return unit
    if isinstance(view, TableSpec):
        headers = (plain_text(pick_text(column.label, lang)) for column in view.columns)
        return _first_unit(headers, lang)
    drawn = _columns(view)
    for other in data.views:
        same = other is not view and other.rowset == view.rowset
        if same and drawn & _columns(other) and not _is_share(other):
            unit = _first_unit(_view_labels(other, lang), lang)
            if unit:
                return unit
    return ""


def _first_unit(texts: Iterable[str], lang: str) -> str:
    """The first "per N ..." unit (:func:`unit_of`) among ``texts``, or ""."""
    return next((unit for unit in (unit_of(text, lang) for text in texts) if unit), "")


def credits_for_view(
    credits: Credits | None, data: ResultData, view: ViewSpec, lang: str
) -> Credits:
    """The box's ``credits`` with the unit and period of ``view`` in place of the box's.

    The unit is :func:`view_unit`'s, the period :func:`view_period`'s.

    The builders call this, so every figure's credit line names the unit of what it shows,
    whatever unit the caller's credits carried. None gives empty credits.
    """
    if credits is None:
        return Credits()
    credits = replace(credits, unit=view_unit(data, view, lang))
    return replace(credits, period=view_period(credits.period, data, view))


def view_period(period: str, data: ResultData, view: ViewSpec) -> str:
    """The years one view shows: the year chosen where it shows that year alone, else ``period``.

    A first-generation box's map and table show one year (its slice, "2015") and say so; its
    bar chart shows that year's bars with the other years' values as marks beside them, so it
    keeps the box's period ("2013–2017").
    """
    if view.slice and view.slice in data.slices and not isinstance(view, BarChartSpec):
        return view.slice
    return period
