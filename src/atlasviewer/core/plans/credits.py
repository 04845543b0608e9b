"""The credit line of a result box's figures (:class:`Credits`): producer, period and unit."""

from __future__ import annotations

import re

from atlasviewer.core.model import AtlasVariant, BarChartView, ResultBox, ResultData, pick_text
from atlasviewer.core.plans.contract import Credits
from atlasviewer.core.plans.labels import _lang, _pick_list, plain_text
from atlasviewer.i18n import _

_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-\u2013\u2014]|til|to)\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_UNIT = re.compile(
    r"\b(?:per|pr\.?)\s+(\d{1,3}(?:[\s\u00a0,.]\d{3})*|\d+)\s+([^\s.,;:()<*]+)", re.IGNORECASE
)


def _box_labels(data: ResultData, lang: str) -> tuple[list[str], list[str]]:
    """Captions and axis labels of a box's views, and its annual labels, in ``lang``."""
    labels: list[str] = []
    annual: list[str] = []
    for view in data.views:
        for attribute in ("caption", "x_label", "y_label"):
            text = pick_text(getattr(view, attribute, None), lang)
            if text:
                labels.append(plain_text(text))
        if isinstance(view, BarChartView):
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

    The period is :func:`box_period`'s. The unit is the first "per N ..." in the labels
    (``per 10 000 innbyggere``, ``per 10,000 population``).
    Loads the box's data when ``data`` is not given.
    """
    lang = _lang(lang)
    data = data if data is not None else box.load()
    labels, _annual = _box_labels(data, lang)
    period = box_period(box, data, lang)
    unit = ""
    for text in labels:
        found = _UNIT.search(text)
        if found:
            number = re.sub(r"[\s\u00a0]+", "\u00a0", found[1])  # keep "10 000" on one line
            unit = f"per {number} {found[2]}"
            break
    producer = atlas_variant.producer
    note = _("Source: {producer}, Helseatlas").format(producer=producer) if producer else ""
    return Credits(producer=producer, period=period, unit=unit, source_note=note)
