"""Geometry facts about a map set that every drawing needs: drawn-in insets, tiny areas.

* Some published maps (``kart_2024``, ``kart_opt_2025`` and the first-generation ``barn``,
  ``dagkir``, ``dagkir2`` and ``ortopedi``) carry a *drawn-in inset*: a magnified copy of Oslo and
  its neighbours placed over Sweden, as the atlas web site shows it. Left in, it stretches OUS's
  outline some 850 km east and puts its centroid abroad. :func:`strip_drawn_insets` removes it
  when a map is read, so the map widget, fact-sheet locator maps and any bounds or centroids see
  the true geometry.
* :func:`small_area_keys` finds areas too small to see at national scale, for an inset.

Qt-free: shapely and numpy only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

SMALL_AREA_FRACTION = 0.03
"""An area whose bounding box is under 3% of the map's extent (about 45 km for Norway) shows as a
speck at national scale. Measured: Oslo's referral areas are 0.4-2.4%, Oslo county 2.5%, the next
smallest (Vestfold) 5.2%."""

DRAWN_INSET_FRACTION = 0.03
"""A detached cluster of polygons holding over 3% of the land is not an island (Norway's largest,
Hinnøya, is 0.6%); when all its areas also lie elsewhere it is a magnified copy."""


def strip_drawn_insets(geometries: dict[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """The geometries without any magnified copy of some areas drawn in beside the country.

    A drawn-in inset is a cluster of polygons detached from the main land mass, holding more than
    :data:`DRAWN_INSET_FRACTION` of the land, whose areas all also lie outside it. Every part
    inside such a cluster's hull is dropped. Maps without one are returned unchanged.
    """
    keys: list[str] = []
    parts: list[BaseGeometry] = []
    for key, geometry in geometries.items():
        for part in shapely.get_parts(geometry):
            keys.append(key)
            parts.append(part)
    if len(parts) < 2:
        return dict(geometries)
    part_array = np.array(parts, dtype=object)
    areas = shapely.area(part_array)
    total = float(areas.sum())
    # Only parts large enough to matter form the clusters; islands join no cluster (cheap).
    big = np.nonzero(areas >= 1e-4 * total)[0]
    tree = shapely.STRtree(part_array[big])
    left, right = tree.query(part_array[big], predicate="dwithin", distance=1000.0)
    parent = list(range(len(big)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(left, right, strict=True):
        parent[root(int(a))] = root(int(b))
    clusters: dict[int, list[int]] = {}
    for i in range(len(big)):
        clusters.setdefault(root(i), []).append(int(big[i]))
    if len(clusters) < 2:
        return dict(geometries)
    ranked = sorted(clusters.values(), key=lambda members: -areas[members].sum())
    drop_hulls = []
    for members in ranked[1:]:
        if areas[members].sum() < DRAWN_INSET_FRACTION * total:
            continue
        member_set = set(members)
        cluster_keys = {keys[i] for i in members}
        elsewhere = {keys[i] for i in range(len(parts)) if i not in member_set}
        if cluster_keys <= elsewhere:
            drop_hulls.append(shapely.convex_hull(shapely.union_all(part_array[members])))
    if not drop_hulls:
        return dict(geometries)
    hull = shapely.union_all(drop_hulls).buffer(1000.0)
    kept: dict[str, list[BaseGeometry]] = {key: [] for key in geometries}
    for key, part in zip(keys, parts, strict=True):
        if not hull.contains(part):
            kept[key].append(part)
    return {
        key: shapely.union_all(pieces) if pieces else geometries[key]
        for key, pieces in kept.items()
    }


def small_area_keys(geometries: dict[str, BaseGeometry]) -> list[str]:
    """Keys of areas too small to see at national scale (see :data:`SMALL_AREA_FRACTION`)."""
    bounds = {key: g.bounds for key, g in geometries.items() if not g.is_empty}
    if not bounds:
        return []
    minx = min(b[0] for b in bounds.values())
    miny = min(b[1] for b in bounds.values())
    maxx = max(b[2] for b in bounds.values())
    maxy = max(b[3] for b in bounds.values())
    extent = max(maxx - minx, maxy - miny)
    if extent <= 0 or len(bounds) < 2:
        return []
    return [
        key
        for key, (x0, y0, x1, y1) in bounds.items()
        if max(x1 - x0, y1 - y0) < SMALL_AREA_FRACTION * extent
    ]
