"""The scatter plan of two indicators over the areas they share, with the correlation.

One point per area with a value on both, the selected ones labelled, a national cross-hair, and
Pearson's and Spearman's coefficients with the number of areas
(:mod:`atlasviewer.core.stats.correlation`). Drawn by
:func:`atlasviewer.render.scatter_chart.draw_scatter_chart`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from atlasviewer.core.formatting import format_number
from atlasviewer.core.plans.contract import Credits
from atlasviewer.core.stats.correlation import Correlation, correlate
from atlasviewer.i18n import N_, Nn_, current_language, gettext_for, ngettext_for

_PEARSON = N_("Pearson r = {value}")
_SPEARMAN = N_("Spearman ρ = {value}")
_AREAS = Nn_("{count} area", "{count} areas")
_TOO_FEW = N_("too few shared areas for a correlation")
_NORWAY = N_("Norway")


@dataclass
class ScatterPoint:
    """One area: its values on the two indicators."""

    key: str
    label: str
    x: float
    y: float
    selected: bool = False


@dataclass
class ScatterPlan:
    """What a scatter chart draws, in one language."""

    title: str
    x_label: str
    y_label: str
    format_x: str
    format_y: str
    points: list[ScatterPoint]
    national_x: float | None
    national_y: float | None
    statistics: list[str]
    correlation: Correlation
    national_label: str = ""
    credits: Credits = field(default_factory=Credits)


def correlation_lines(result: Correlation, lang: str) -> list[str]:
    """``Pearson r = 0.62``, ``Spearman ρ = 0.55``, ``21 areas`` in ``lang``."""
    count = ngettext_for(lang, *_AREAS, result.n).format(count=result.n)
    if result.pearson is None or result.spearman is None:
        return [gettext_for(lang, _TOO_FEW), count]
    return [
        gettext_for(lang, _PEARSON).format(value=format_number(result.pearson, ".2f", lang)),
        gettext_for(lang, _SPEARMAN).format(value=format_number(result.spearman, ".2f", lang)),
        count,
    ]


def build_scatter_plan(
    labels: dict[str, str],
    x: tuple[Sequence[str], Sequence[float | None]],
    y: tuple[Sequence[str], Sequence[float | None]],
    *,
    title: str,
    x_label: str,
    y_label: str,
    national: tuple[float | None, float | None] = (None, None),
    format_x: str = ",.0f",
    format_y: str = ",.0f",
    selected: Iterable[str] = (),
    lang: str | None = None,
    credits: Credits | None = None,
) -> ScatterPlan:
    """The scatter of indicator ``x`` (keys, values) against ``y`` over their shared areas."""
    lang = lang or current_language()
    result = correlate(x[0], x[1], y[0], y[1])
    xs = {k: v for k, v in zip(*x, strict=True) if v is not None}
    ys = {k: v for k, v in zip(*y, strict=True) if v is not None}
    chosen = set(selected)
    points = [
        ScatterPoint(k, labels.get(k, k), float(xs[k]), float(ys[k]), k in chosen)
        for k in result.keys
    ]
    return ScatterPlan(
        title=title,
        x_label=x_label,
        y_label=y_label,
        format_x=format_x,
        format_y=format_y,
        points=points,
        national_x=national[0],
        national_y=national[1],
        statistics=correlation_lines(result, lang),
        correlation=result,
        national_label=gettext_for(lang, _NORWAY),
        credits=credits or Credits(),
    )
