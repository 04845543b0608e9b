"""Build the table plan (:class:`TablePlan`) of a result box's table view."""

from __future__ import annotations

from atlasviewer.core.formatting import format_number, to_number
from atlasviewer.core.model import ResultData, TableSpec, pick_text
from atlasviewer.core.plans.contract import Credits, TableColumnPlan, TablePlan
from atlasviewer.core.plans.credits import credits_for_view
from atlasviewer.core.plans.labels import _lang, plain_text, plan_label
from atlasviewer.core.plans.rows import (
    _area_name,
    _display_name,
    _is_national,
    _records,
    identity_label,
    row_identities,
)
from atlasviewer.core.records import is_missing
from atlasviewer.core.registry import AreaRegistry, default_registry


def build_table_plan(
    data: ResultData,
    view: TableSpec,
    lang: str | None = None,
    credits: Credits | None = None,
    registry: AreaRegistry | None = None,
) -> TablePlan:
    """A table plan: raw values for sorting and export, texts formatted per column spec.

    The area column shows the registry's name of each area in ``lang`` (its raw value stays the
    name in the data); the national row is found and flagged by index. Rows of health regions
    in a dataset of areas are listed after the areas, apart (``region_rows``). Rows are
    identified once per box's data (:func:`~atlasviewer.core.matching.cached_match`).
    """
    lang = _lang(lang)
    registry = registry or default_registry()
    rowset = data.rowsets[view.rowset]
    records = _records(rowset)
    columns = [
        TableColumnPlan(c.id, plain_text(pick_text(c.label, lang)), c.type == "number", c.format)
        for c in view.columns
    ]
    values: list[list[object]] = []
    texts: list[list[str]] = []
    keys: list[str] = []
    national_row: int | None = None
    identities = row_identities(data, view.rowset, registry) if rowset.area_column else None
    roles = identities.roles if identities is not None else {}

    def is_region(row: dict[str, object]) -> bool:
        return roles.get(_area_name(row, rowset.area_column)) == "region"

    # Areas first, in the data's order; the regions after them (a stable sort keeps the order).
    records = sorted(records, key=is_region)
    region_rows = [index for index, row in enumerate(records) if is_region(row)]
    area_ids: list[str] = []
    for index, row in enumerate(records):
        name = _area_name(row, rowset.area_column)
        keys.append(name or str(index))
        area_ids.append(identities.area_ids.get(name, "") if identities is not None else "")
        if national_row is None and (
            roles.get(name) == "national"
            if identities is not None
            else _is_national(name, rowset, registry)
        ):
            national_row = index
        raw_row: list[object] = []
        text_row: list[str] = []
        for column in columns:
            raw = row.get(column.id)
            if column.numeric:
                number = to_number(raw)
                raw_row.append(number)
                text_row.append(format_number(number, column.format, lang))
            elif column.id == rowset.area_column and raw is not None:
                raw_row.append(raw)
                text_row.append(
                    identity_label(identities, str(raw), registry, lang)
                    if identities is not None
                    else _display_name(str(raw), rowset, registry, lang)
                )
            else:
                raw_row.append(None if is_missing(raw) else raw)
                text_row.append("" if raw_row[-1] is None else str(raw))
        values.append(raw_row)
        texts.append(text_row)
    return TablePlan(
        caption=plan_label(pick_text(view.caption, lang), lang),
        columns=columns,
        row_keys=keys,
        values=values,
        texts=texts,
        national_row=national_row,
        credits=credits_for_view(credits, data, view, lang),
        region_rows=region_rows,
        area_ids=area_ids,
    )
