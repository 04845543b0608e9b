"""The comparison on the real atlases in ../shared: what the atlas texts and files say."""

from __future__ import annotations

import json
import math

import pytest

from atlasviewer.core.compare.areas import MERGED
from atlasviewer.core.compare.indicators import IndicatorIndex
from atlasviewer.core.compare.matrix import Comparison
from atlasviewer.core.compare.significance import BYAR, HIGHER, LOWER, PUBLISHED, SIMILAR
from atlasviewer.core.library import AtlasLibrary

Z = 1.959963984540054


@pytest.fixture(scope="module")
def index(v2_root, v1_root):
    return IndicatorIndex(AtlasLibrary([v2_root, v1_root], check_checksums=False))


def _expected_class(low, high, national):
    if low > national:
        return HIGHER
    if high < national:
        return LOWER
    return SIMILAR


def test_radiologi2_box_1_varies_1_62_between_ostfold_and_forde(index):
    comparison = Comparison(index.indicators(["radiologi2"]), lang="nb")
    overview = comparison.variation(sort_by=None)
    box_1 = overview[(overview["box"] == 1) & (overview["key"].str.endswith("/totsnitt"))].iloc[0]
    assert round(box_1["ratio"], 2) == 1.62
    assert box_1["highest_area"] == "Østfold" and box_1["lowest_area"] == "Førde"
    assert box_1["n"] == 21
    ranked = comparison.variation(sort_by="ratio")
    assert list(ranked["ratio"]) == sorted(ranked["ratio"], reverse=True)


def test_bergen_profile_over_radiologi2(index, v2_root):
    indicators = index.indicators(["radiologi2"])
    profile = Comparison(indicators, lang="nb").profile("bergen")
    assert len(profile) == len(indicators)
    assert profile["value"].notna().all() and profile["national"].notna().all()
    assert profile["rank"].between(1, 21).all() and (profile["n"] == 21).all()
    for row in profile.itertuples():
        if row.method != "none":
            assert row.significance == _expected_class(row.low, row.high, row.national)
    # Box 1 by hand from the file: Bergen's examinations and inhabitants are annual means of
    # 2018-2022, so the counts over the period are 5 times them.
    rows = json.loads((v2_root / "public/data/radiologi2/mr_kol_18_rb1.json").read_text("utf-8"))
    data = next(i for i in rows["innhold"] if i["type"] == "data" and i["label"] == "datasett_1")
    bergen = next(r for r in data["data"] if r["area"] == "Bergen")
    national = next(r for r in data["data"] if r["area"] == "Norge")["totsnitt"]
    events, people = bergen["tot_events"] * 5, bergen["tot_pop"] * 5
    scale = bergen["totsnitt"] / (events / people)
    low = events * (1 - 1 / (9 * events) - Z / (3 * math.sqrt(events))) ** 3 / people * scale
    up = events + 1
    high = up * (1 - 1 / (9 * up) + Z / (3 * math.sqrt(up))) ** 3 / people * scale
    first = profile.iloc[0]
    assert first["method"] == BYAR
    assert first["low"] == pytest.approx(low) and first["high"] == pytest.approx(high)
    assert first["value"] == pytest.approx(bergen["totsnitt"])
    assert first["significance"] == _expected_class(low, high, national) == HIGHER


def test_published_error_bars_decide_significance(index, v2_root):
    indicator = next(i for i in index.indicators(["bup"]) if i.error_bars)
    cells = Comparison([indicator], lang="nn").cells()
    low_col, high_col = indicator.error_bars
    rowset = indicator.data.rowsets[indicator.rowset]
    by_name = {r["area"]: r for r in rowset.frame.rows}
    national = indicator.values().national
    compared = 0
    for cell in cells:
        if cell.empty:
            continue
        row = by_name[cell.row]
        assert cell.method == PUBLISHED
        assert cell.significance == _expected_class(row[low_col], row[high_col], national)
        compared += 1
    assert compared >= 20


def test_first_generation_interval_by_hand_from_numerator_and_denominator(index, v1_root):
    indicator = index.indicators(["v1-kols"], [1])[0]
    finnmark = next(c for c in Comparison([indicator]).cells() if c.area == "finnmark")
    # kols.csv, box 1, Finnmark: value 249.3 per 10,000, 937 of 38,184.
    value, events, people = 249.3, 937, 38184
    scale = value / (events / people)
    low = events * (1 - 1 / (9 * events) - Z / (3 * math.sqrt(events))) ** 3 / people * scale
    high = 938 * (1 - 1 / (9 * 938) + Z / (3 * math.sqrt(938))) ** 3 / people * scale
    assert finnmark.value == pytest.approx(value)
    assert finnmark.method == BYAR
    assert finnmark.low == pytest.approx(low, rel=1e-9)
    assert finnmark.high == pytest.approx(high, rel=1e-9)


def test_an_area_the_analysis_lacks_is_empty(index):
    # lab box 3's second row set is per health region: no referral area may take a value there.
    regional = next(i for i in index.indicators(["lab"], [3]) if i.rowset == "datasett_2")
    cells = Comparison([regional]).cells()
    assert all(cell.empty for cell in cells)


def test_merged_oslo_of_the_first_generation_is_marked(index):
    # The children's atlas (2015) has "OUS" and no Lovisenberg or Diakonhjemmet: all of Oslo.
    indicator = index.indicators(["v1-barn"], [1])[0]
    cells = {c.area: c for c in Comparison([indicator], lang="nb").cells()}
    for area in ("ous", "lovisenberg", "diakonhjemmet"):
        assert cells[area].mark == MERGED
        assert cells[area].row == "OUS"
        assert cells[area].covers.startswith("Oslo: OUS, Lovisenberg, Diakonhjemmet")
    assert cells["helgeland"].mark == MERGED and cells["helgeland"].row == "Nordland"
    assert cells["bergen"].mark == "exact"
    # Where the three are apart, OUS is OUS.
    kols = index.indicators(["v1-kols"], [1])[0]
    assert {c.area: c for c in Comparison([kols]).cells()}["ous"].mark == "exact"


def test_search_across_atlases(index):
    found = {i.atlas_id for i in index.search("MR")}
    assert {"radiologi2", "radiologi"} <= found
    assert "lab" not in found  # "område", "normal" ... hold "mr" inside words only
    assert {i.atlas_id for i in index.search("mr kne")} <= found


def test_first_generation_means_get_no_interval(index):
    # kols: "Liggetid siste år før død" is a mean length of stay (type "Liggedøgn"), not a
    # count of independent events: the reader gives it no interval, nor does the comparison.
    bed_days = next(i for i in index.indicators(["v1-kols"]) if "Liggetid" in i.title("nb"))
    cells = Comparison([bed_days]).cells()
    assert all(c.method == "none" and c.significance == "not compared" for c in cells)


def test_a_region_row_takes_only_the_regions_own_figures(index):
    from atlasviewer.core.compare.matrix import resolve_areas

    registry = index.library.registry
    rows, unknown = resolve_areas(["Helse Vest"], registry, region_rows=True)
    assert unknown == [] and rows[-1] == "region:helse_vest"
    assert set(rows[:-1]) == {"forde", "bergen", "fonna", "stavanger"}
    regional = next(i for i in index.indicators(["lab"], [3]) if i.rowset == "datasett_2")
    per_area = index.indicators(["lab"], [3])[0]
    cells = {(c.area, c.indicator): c for c in Comparison([regional, per_area], rows).cells()}
    assert cells[("region:helse_vest", regional.key)].value is not None
    assert cells[("region:helse_vest", regional.key)].n == 4
    assert cells[("bergen", regional.key)].empty  # never the region's value for an area
    assert cells[("region:helse_vest", per_area.key)].empty  # nor an area's for the region
    assert Comparison([regional], rows).area_name("region:helse_vest") == "Helse Vest"


def test_boxes_of_one_title_are_told_apart_by_their_chapter(index):
    """radiologi2 calls a box "Antall undersøkelser" in each of its three MR chapters."""
    titles = [i.title("nb") for i in index.indicators(["radiologi2"]) if i.headline]
    counts = [t for t in titles if t.endswith("Antall undersøkelser")]
    assert counts == [
        "MR kolumna (ryggrad): Antall undersøkelser",
        "MR lumbosakralkolumna: Antall undersøkelser",
        "MR cervikalkolumna: Antall undersøkelser",
    ]
    assert "Unødvendige undersøkelser?" in titles  # a title of its own stays as it is
