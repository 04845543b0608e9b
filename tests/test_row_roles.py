"""Rows by role, one matcher: region rows are references, profile rows belong to their charts.

On generated atlases (tests/atlas_factory.py): a dataset of referral areas with a row per health
region and age/sex rows without an area validates without a problem; the region rows are drawn
after the areas in the region colour, listed apart in the table, kept out of the map's classes,
and select their areas; the match is computed once per box and reused by every plan.
"""

from __future__ import annotations

import pytest

from atlas_factory import AtlasSpec, write_atlas
from atlasviewer.cli import main
from atlasviewer.core import plans
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.matching import cached_match
from atlasviewer.core.model import BarChartSpec, MapSpec, TableSpec
from atlasviewer.core.plans import REGION_COLOUR


@pytest.fixture(scope="module")
def regional(tmp_path_factory):
    spec = AtlasSpec(
        2, 30, 11, registry_areas=True, merged=True, region_rows=True, profile_rows=True
    )
    atlas = write_atlas(tmp_path_factory.mktemp("regional"), spec)
    library = AtlasLibrary([atlas.root])
    found = library.atlas(atlas.library_id)
    box = found.primary.result_boxes[0]
    return atlas, library, found, box


def _view(data, kind):
    return next(v for v in data.views if isinstance(v, kind))


def test_region_and_profile_rows_are_not_problems(regional, capsys):
    atlas, _library, _found, _box = regional
    assert main(["validate", "--data", str(atlas.root)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_a_region_row_is_identified_and_selects_its_areas(regional):
    _atlas, library, found, box = regional
    data = box.load()
    geography = library.geography(found, box.map_file)
    match = cached_match(data, "hoved", geography, library.registry)
    assert match.roles["Helse Vest"] == "region" and match.area_ids["Helse Vest"] == "helse_vest"
    west = {a.canonical for a in geography.areas if a.region == "helse_vest" and a.canonical}
    assert west and west <= set(match.selects["Helse Vest"])
    assert match.without_area == 9  # the age rows: counted, not problems
    assert not match.unknown and not match.problems
    merged = next(name for name in match.roles if "/" in name)
    assert match.roles[merged] == "area" and match.mapping[merged] == merged


def test_the_bar_plan_draws_regions_after_the_areas_as_references(regional):
    _atlas, library, _found, box = regional
    data = box.load()
    plan = plans.build_bar_plan(data, _view(data, BarChartSpec), "en", selected=["helse_nord"])
    kinds = [row.is_region for row in plan.rows]
    assert kinds == sorted(kinds) and sum(kinds) == 4  # every region after every area
    assert all(row.label for row in plan.rows)  # no empty bar for a profile row
    nord = next(row for row in plan.rows if row.area_id == "helse_nord")
    assert nord.is_region and nord.selected and nord.label == "Helse Nord"
    assert any(row.is_national for row in plan.rows if not row.is_region)

    from matplotlib.figure import Figure

    from atlasviewer.render.bar_chart import draw_bar_chart

    ax = Figure(figsize=(6, 8)).add_subplot()
    patches = draw_bar_chart(ax, plan, lang="en")
    index = plan.rows.index(nord)
    assert patches[index][0].get_facecolor()[:3] == pytest.approx(_rgb(REGION_COLOUR))
    label = ax.get_yticklabels()[index]
    assert label.get_text() == "Helse Nord"


def _rgb(colour):
    from matplotlib.colors import to_rgb

    return to_rgb(colour)


def test_the_table_lists_regions_apart_and_the_map_does_not_class_them(regional):
    _atlas, library, found, box = regional
    data = box.load()
    table = plans.build_table_plan(data, _view(data, TableSpec), "en")
    assert table.region_rows == list(range(len(table.row_keys) - 4, len(table.row_keys)))
    regions = {table.area_ids[i] for i in table.region_rows}
    assert regions == {"helse_nord", "helse_midt", "helse_vest", "helse_sor_ost"}
    geography = library.geography(found, box.map_file)
    map_plan = plans.build_map_plan(data, _view(data, MapSpec), geography, lang="en")
    classed = sum(entry.count for entry in map_plan.legend if entry.lower is not None)
    assert classed == len(geography.areas)  # the 4 region values are not in the classes
    assert not map_plan.unmatched


def test_the_match_is_computed_once_and_reused_by_every_plan(regional):
    _atlas, library, found, box = regional
    data = box.load()
    geography = library.geography(found, box.map_file)
    plans.build_map_plan(data, _view(data, MapSpec), geography, lang="en")
    plans.build_bar_plan(data, _view(data, BarChartSpec), "en")
    plans.build_table_plan(data, _view(data, TableSpec), "en")
    registry = library.registry
    before = registry.lookups
    for selected in (["Bergen"], ["helse_vest"], []):
        plans.build_map_plan(data, _view(data, MapSpec), geography, lang="nb", selected=selected)
        plans.build_bar_plan(data, _view(data, BarChartSpec), "nb", selected)
        plans.build_table_plan(data, _view(data, TableSpec), "nb")
    assert registry.lookups == before  # a click asks the registry nothing
