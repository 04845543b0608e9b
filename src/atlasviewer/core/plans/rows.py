"""Rows of a result box's row set as a plan sees them: area names, the national row, map areas."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from atlasviewer.core.model import Geography, RowSet
from atlasviewer.core.registry import AreaRegistry, default_registry


def _records(rowset: RowSet) -> list[dict[str, Any]]:
    return rowset.frame.records()


def _area_name(row: Mapping[str, Any], column: str | None) -> str:
    value = row.get(column) if column else None
    return "" if value is None else str(value)


def _is_national(name: str, rowset: RowSet, registry: AreaRegistry) -> bool:
    return bool(name) and (name == rowset.national or registry.is_national(name))


def _display_name(name: str, rowset: RowSet, registry: AreaRegistry, lang: str) -> str:
    if _is_national(name, rowset, registry):
        return registry.national_name(lang)
    return registry.display_name(name, lang)


def rows_to_areas(
    names: Sequence[str], geography: Geography, registry: AreaRegistry | None = None
) -> dict[str, str]:
    """Row name -> area key of ``geography``, by exact name or through the registry.

    Stands in for :func:`atlasviewer.core.matching.match_rows` (which also records problems);
    pass its ``mapping`` to the builders where it is at hand.
    """
    registry = registry or default_registry()
    by_key = {area.key: area.key for area in geography.areas}
    by_id: dict[str, str] = {}
    for area in geography.areas:
        found = registry.match(area.key)
        canonical = area.canonical or (found.id if found and found.kind == "area" else None)
        if canonical:
            by_id.setdefault(canonical, area.key)
    mapping: dict[str, str] = {}
    for name in names:
        if name in by_key:
            mapping[name] = name
            continue
        found = registry.match(name)
        if found is not None and found.kind == "area" and found.id in by_id:
            mapping[name] = by_id[found.id]
    return mapping
