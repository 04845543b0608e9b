"""Rows of a result box's row set as a plan sees them: area names, the national row, map areas."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from atlasviewer.core.model import Geography, ResultData, RowSet
from atlasviewer.core.registry import AreaRegistry, default_registry

if TYPE_CHECKING:
    from atlasviewer.core.matching import RowMatch


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
    """Row name -> area key of ``geography``, by the one matcher's rule, without problems.

    The rule is :class:`atlasviewer.core.matching.MapIndex`'s.

    Prefer :func:`atlasviewer.core.matching.cached_match` where the box's data is at hand: it
    keeps the match for every plan of the box.
    """
    from atlasviewer.core.matching import AREA, MapIndex

    index = MapIndex(geography, registry or default_registry())
    mapping: dict[str, str] = {}
    for name in names:
        role, key, _ident, _selects = index.locate(name)
        if role == AREA and key:
            mapping[name] = key
    return mapping


def row_identities(data: ResultData, rowset_name: str, registry: AreaRegistry) -> RowMatch:
    """The roles and ids of a row set's rows without a map, computed once per box's data."""
    from atlasviewer.core.matching import cached_match

    return cached_match(data, rowset_name, None, registry)


def identity_label(match: RowMatch, name: str, registry: AreaRegistry, lang: str) -> str:
    """The registry's name of a row in ``lang`` from its identity, with no further look-up."""
    role, ident = match.roles.get(name), match.area_ids.get(name, "")
    if role == "national":
        return registry.national_name(lang)
    if role == "region" and ident in registry.regions:
        return registry.regions[ident].name(lang)
    if ident in registry.areas:
        return registry.areas[ident].name(lang)
    if "+" in ident and all(part in registry.areas for part in ident.split("+")):
        return registry.merged_name(tuple(ident.split("+")), lang)
    return name
