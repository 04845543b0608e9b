"""The comparison's three views as labelled frames, in one language: what is shown and written.

Each function gives a pandas frame with translated column headers and the numbers as numbers
(formats travel beside, per indicator), shared by the export (:mod:`.export`), the headless
command and the Qt pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from atlasviewer.core.compare.areas import MERGED, PARTIAL
from atlasviewer.core.compare.matrix import COLUMN_LABELS, NATIONAL, Comparison, atlas_title
from atlasviewer.core.compare.significance import METHOD_LABELS, SIGNIFICANCE_LABELS
from atlasviewer.core.compare.stats_columns import add_stats_columns
from atlasviewer.core.compare.stats_labels import STATS_COLUMNS
from atlasviewer.i18n import N_, gettext_for

if TYPE_CHECKING:
    import pandas as pd

VIEWS = ("table", "profile", "variation")

VIEW_TITLES: dict[str, str] = {
    "table": N_("Table"),
    "profile": N_("Area profile"),
    "variation": N_("Variation"),
}

MARK_LABELS: dict[str, str] = {
    "exact": "",
    MERGED: N_("merged area"),
    PARTIAL: N_("part of the area"),
}


def label(lang: str, column: str) -> str:
    """The header of ``column`` in ``lang``."""
    return gettext_for(lang, COLUMN_LABELS.get(column, column))


def table_view(
    comparison: Comparison,
    measure: str = "value",
    *,
    transpose: bool = False,
    sort_by: str | None = None,
    ascending: bool = False,
) -> pd.DataFrame:
    """Areas x indicators (or transposed), headed by area names and indicator titles."""
    lang = comparison.lang
    table = comparison.table(measure, transpose=transpose, sort_by=sort_by, ascending=ascending)
    headers = comparison.headers()
    names = {a: comparison.area_name(a) for a in [*comparison.areas, NATIONAL]}
    table = table.rename(index={**names, **headers}, columns={**headers, **names})
    table.index.name = label(lang, "indicator" if transpose else "area")
    table.columns.name = None
    return table


def profile_view(comparison: Comparison, area_id: str) -> pd.DataFrame:
    """One area's profile with translated headers and words."""
    lang = comparison.lang
    frame = comparison.profile(area_id)
    frame["atlas"] = frame["key"].map({i.key: atlas_title(i, lang) for i in comparison.indicators})
    frame["rank_text"] = [
        gettext_for(lang, N_("{rank} of {n}")).format(rank=int(r), n=int(n)) if r == r else ""
        for r, n in zip(frame["rank"], frame["n"], strict=True)
    ]
    frame["significance"] = frame["significance"].map(
        lambda s: gettext_for(lang, SIGNIFICANCE_LABELS[s])
    )
    frame["method"] = frame["method"].map(lambda m: gettext_for(lang, METHOD_LABELS[m]))
    frame["mark"] = frame["mark"].map(
        lambda m: gettext_for(lang, MARK_LABELS.get(m, "")) if m else ""
    )
    frame = add_stats_columns(frame, comparison, area_id)
    formats = list(frame["format"])
    columns = ["atlas", "box", "indicator", "unit", "period", "value", "national", "index",
               "rank_text", "lowest", "highest", "range", "low", "high", "significance",
               "method", "mark", "covers", *STATS_COLUMNS]  # fmt: skip
    view = frame[columns].rename(columns={c: label(lang, c) for c in columns})
    view.attrs["formats"] = formats
    return view


def variation_view(
    comparison: Comparison, sort_by: str = "ratio", ascending: bool = False
) -> pd.DataFrame:
    """The variation overview with translated headers, sorted."""
    lang = comparison.lang
    frame = comparison.variation(sort_by=sort_by, ascending=ascending)
    frame["atlas"] = frame["key"].map({i.key: atlas_title(i, lang) for i in comparison.indicators})
    columns = ["atlas", "box", "indicator", "unit", "period", "n", "highest_area", "highest",
               "lowest_area", "lowest", "ratio", "ratio_inner", "cv", "scv", "scv_areas",
               "producer"]  # fmt: skip
    view = frame[columns].rename(columns={c: label(lang, c) for c in columns})
    view.attrs["formats"] = list(frame["format"])
    return view


def view_frame(
    comparison: Comparison, view: str, area_id: str | None = None, sort_by: str | None = None
) -> pd.DataFrame:
    """The frame of one view by name (``table``, ``profile`` needs ``area_id``, ``variation``)."""
    if view == "profile":
        if area_id is None:
            raise ValueError("the profile view needs an area")
        return profile_view(comparison, area_id)
    if view == "variation":
        return variation_view(comparison, sort_by or "ratio")
    return table_view(comparison, sort_by=sort_by)


def to_tsv(frame: pd.DataFrame, index: bool = True) -> str:
    """Tab-separated text with a header line, for the clipboard (numbers unformatted)."""
    return frame.to_csv(sep="\t", index=index, lineterminator="\n")
