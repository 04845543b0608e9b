"""Bar charts of 70 and 400 areas stay readable: names never overlap, never below the minimum.

Measured in rendered Agg figures: the extents of the visible area names. At the plan's wanted
height every name is shown at full size; in a figure of the window's size names are thinned
(every k-th shown, the rest on hover) and none is smaller than the style's minimum.
"""

from __future__ import annotations

import pytest

from atlas_factory import AtlasSpec, write_atlas
from atlasviewer.core import plans
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.model import BarChartSpec, MapSpec, TableSpec
from atlasviewer.render.charts import figure_for
from atlasviewer.render.style import ChartStyle


@pytest.fixture(scope="module", params=[70, 400])
def many(request, tmp_path_factory):
    atlas = write_atlas(
        tmp_path_factory.mktemp(f"many{request.param}"), AtlasSpec(2, request.param, 21)
    )
    library = AtlasLibrary([atlas.root])
    found = library.atlas(atlas.library_id)
    box = found.primary.result_boxes[0]
    data = box.load()
    return request.param, library, found, box, data


def _bar_plan(data):
    view = next(v for v in data.views if isinstance(v, BarChartSpec))
    return plans.build_bar_plan(data, view, "en", selected=[data.rowsets["hoved"].frame["area"][5]])


def _visible_labels(plan, height):
    """The visible names of ``plan`` drawn as the window draws it (constrained layout)."""
    figure = figure_for(plan, size=(6.4, height), dpi=100, style=ChartStyle.screen(), lang="en")
    ax = figure.axes[0]
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    labels = [t for t in ax.get_yticklabels() if t.get_visible() and t.get_text()]
    return labels, [t.get_window_extent(renderer) for t in labels]


def _assert_apart(extents):
    boxes = sorted(extents, key=lambda b: b.y0)
    for lower, upper in zip(boxes, boxes[1:], strict=False):
        assert lower.y1 <= upper.y0 + 0.01, (lower, upper)


@pytest.mark.parametrize("height", [4.8, 8.0])
def test_in_the_window_names_are_thinned_never_overlapping_never_too_small(many, height):
    count, _library, _found, _box, data = many
    plan = _bar_plan(data)
    labels, extents = _visible_labels(plan, height)
    _assert_apart(extents)
    assert all(t.get_fontsize() >= ChartStyle.screen().min_tick_size for t in labels)
    assert len(labels) >= 10  # thinned, not blank
    shown = {t.get_text() for t in labels}
    assert next(r.label for r in plan.rows if r.selected) in shown  # the selection keeps its name


def test_at_the_wanted_height_every_name_is_shown_at_full_size(many):
    count, _library, _found, _box, data = many
    plan = _bar_plan(data)
    assert plan.wanted_height > 4.8
    labels, extents = _visible_labels(plan, plan.wanted_height)
    assert len(labels) == len(plan.rows) == count + 1  # the areas and the national row
    _assert_apart(extents)
    assert {t.get_fontsize() for t in labels} == {ChartStyle.screen().tick_size}


def test_the_table_and_the_legend_cope(many):
    count, library, found, box, data = many
    table_view = next(v for v in data.views if isinstance(v, TableSpec))
    table = plans.build_table_plan(data, table_view, "en")
    assert len(table.row_keys) == count + 1 and table.national_row is not None
    map_view = next(v for v in data.views if isinstance(v, MapSpec))
    geography = library.geography(found, box.map_file)
    map_plan = plans.build_map_plan(data, map_view, geography, lang="en")
    assert len(map_plan.areas) == count
    assert len(map_plan.legend) <= 6  # classes, not areas
    assert sum(entry.count for entry in map_plan.legend) == count


def test_each_name_shown_stands_by_its_own_bar_also_after_a_selection(many):
    _count, _library, _found, _box, data = many
    plan = _bar_plan(data)
    figure = figure_for(plan, size=(6.4, 4.8), dpi=100, style=ChartStyle.screen(), lang="en")
    ax = figure.axes[0]
    figure.canvas.draw()

    from atlasviewer.render.bar_chart import set_bar_selection

    set_bar_selection([[] for _ in plan.rows], plan, [plan.rows[-1].key], ax=ax)
    figure.canvas.draw()
    shown = [t for t in ax.get_yticklabels() if t.get_visible()]
    for label in shown:
        row = plan.rows[round(label.get_position()[1])]
        assert label.get_text() == row.label
    national = next(r.label for r in plan.rows if r.is_national)
    assert national in {t.get_text() for t in shown}
