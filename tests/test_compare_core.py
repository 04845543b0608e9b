"""The comparison's statistics and area placement, on generated data and hand computations."""

from __future__ import annotations

import math

import pytest

from atlasviewer.core.compare.areas import MERGED, PARTIAL, AreaSet
from atlasviewer.core.compare.cells import index_to_national, ranks
from atlasviewer.core.compare.indicators import IndicatorIndex
from atlasviewer.core.compare.matrix import Comparison, resolve_areas
from atlasviewer.core.compare.search import matches, search_words
from atlasviewer.core.compare.significance import (
    BYAR,
    HIGHER,
    LOWER,
    NOT_COMPARED,
    PUBLISHED,
    SIMILAR,
    significance,
)
from atlasviewer.core.compare.variation import systematic_component, variation
from atlasviewer.core.library import AtlasLibrary
from compare_data import box_data, registry, rows, write_atlas

AREAS = ["nordby", "sørby", "vestby", "østby", "midtby", "gamleby"]


@pytest.fixture
def reg():
    return registry()


def _library(tmp_path, boxes, reg):
    write_atlas(tmp_path, boxes)
    return AtlasLibrary([tmp_path], reg, check_checksums=False)


# --------------------------------------------------------------------------- significance


def test_significance_rule_treats_the_national_value_as_fixed():
    assert significance(11.0, 13.0, 10.0) == HIGHER
    assert significance(7.0, 9.5, 10.0) == LOWER
    assert significance(9.0, 11.0, 10.0) == SIMILAR
    # A limit equal to the national value: the interval contains it.
    assert significance(10.0, 12.0, 10.0) == SIMILAR
    assert significance(8.0, 10.0, 10.0) == SIMILAR
    assert significance(None, 12.0, 10.0) == NOT_COMPARED
    assert significance(9.0, 11.0, None) == NOT_COMPARED
    assert significance(float("nan"), 11.0, 10.0) == NOT_COMPARED
    assert significance(12.0, 9.0, 10.0) == NOT_COMPARED  # limits in the wrong order


# --------------------------------------------------------------------------- variation


def test_ratio_and_ratio_without_the_extremes_by_hand():
    found = variation({"A": 30.0, "B": 10.0, "C": 20.0, "D": 25.0, "E": 15.0})
    assert found.highest == ("A", 30.0) and found.lowest == ("B", 10.0)
    assert found.ratio == pytest.approx(3.0)
    # Without A and B: the second highest (D, 25) over the second lowest (E, 15).
    assert found.second_highest == ("D", 25.0) and found.second_lowest == ("E", 15.0)
    assert found.ratio_inner == pytest.approx(25 / 15)
    # mean 20, squared deviations 100+100+0+25+25 = 250, / 4 = 62.5
    assert found.cv == pytest.approx(math.sqrt(62.5) / 20)
    assert variation({"A": 2.0, "B": 1.0, "C": 1.5}).ratio_inner is None


def test_scv_from_counts_by_hand():
    # Rates 12 and 8 against a national 10, with 120 and 40 events:
    # E = O * R / r: 100 and 50. ((120-100)/100)^2 - 1/100 = 0.03; ((40-50)/50)^2 - 1/50 = 0.02
    # SCV = 100 * (0.03 + 0.02) / 2 = 2.5
    found = variation({"A": 12.0, "B": 8.0}, national=10.0, counts={"A": 120.0, "B": 40.0})
    assert found.scv == pytest.approx(2.5)
    assert found.scv_basis == "counts" and found.scv_areas == 2
    assert systematic_component([120, 40], [100, 50]) == pytest.approx(2.5)


def test_scv_from_rates_and_population_by_hand():
    # per 1,000: O = 12 * 5000 / 1000 = 60, E = 10 * 5000/1000 = 50; B: O = 8*2500/1000 = 20, E = 25
    # ((60-50)/50)^2 - 1/50 = 0.02; ((20-25)/25)^2 - 1/25 = 0.0; SCV = 100 * 0.02 / 2 = 1.0
    found = variation(
        {"A": 12.0, "B": 8.0}, national=10.0, population={"A": 5000, "B": 2500}, unit=1000
    )
    assert found.scv == pytest.approx(1.0)
    assert found.scv_basis == "population"
    assert variation({"A": 12.0, "B": 8.0}, national=10.0).scv is None


def test_ranks_and_index():
    assert ranks({"a": 5.0, "b": 9.0, "c": 5.0, "d": 1.0}) == {"b": 1, "a": 2, "c": 2, "d": 4}
    assert index_to_national(120.0, 100.0) == pytest.approx(120.0)
    assert index_to_national(5.0, 0.0) is None


# --------------------------------------------------------------------------- search


def test_word_prefix_search():
    words = search_words("MR")
    assert matches(words, "Antall MR-undersøkelser i området")
    assert not matches(words, "Pasienter i området")
    assert matches(search_words("kne mr"), "MR av kne")
    assert not matches(search_words("kne mr"), "MR av hofte")
    assert matches(search_words("Ø"), "Østby") and not matches(search_words("o"), "Østby")


# --------------------------------------------------------------------------- areas


def test_area_set_places_exact_merged_and_partial(reg):
    # Storby is the merged row of Nordby and Sørby.
    placed = AreaSet(["Storby", "Vestby", "Østby", "Landet"], reg)
    assert placed.placement("nordby").mark == MERGED
    assert placed.placement("nordby").row == "Storby"
    assert placed.placement("vestby").mark == "exact"
    assert placed.placement("midtby") is None  # missing: empty, never a neighbour
    # Gamleby is in Østby today: merged into Østby where the analysis lacks it ...
    assert placed.placement("gamleby").row == "Østby"
    assert placed.placement("gamleby").mark == MERGED
    # ... and Østby is only partly Østby where Gamleby is shown apart.
    apart = AreaSet(["Østby", "Gamleby", "Nordby", "Sørby"], reg)
    assert apart.placement("østby").mark == PARTIAL
    assert apart.placement("nordby").mark == "exact"


def test_stand_in_name_is_merged_only_when_the_other_members_are_absent(reg):
    alone = AreaSet(["Nordby", "Vestby"], reg)
    assert alone.placement("nordby").mark == MERGED
    assert alone.placement("sørby").row == "Nordby"
    both = AreaSet(["Nordby", "Sørby"], reg)
    assert both.placement("nordby").mark == "exact"


def test_a_slash_name_of_two_areas_is_merged(reg):
    placed = AreaSet(["Vestby/Midtby", "Nordby", "Sørby"], reg)
    assert placed.placement("midtby").mark == MERGED
    assert placed.placement("vestby").row == "Vestby/Midtby"


def test_another_area_set_places_nothing(reg):
    # One unknown row (a county set, say) means the names are not the registry's areas.
    placed = AreaSet(["Nordby", "Sørby", "Fjellfylket"], reg)
    assert placed.placement("nordby") is None
    assert not placed.is_referral_set


def test_region_rows_are_not_areas(reg):
    placed = AreaSet(["Region En", "Region To", "Landet"], reg)
    assert placed.placement("nordby") is None
    assert placed.region_row("r1") == "Region En"


def test_resolve_areas_by_any_spelling_and_region(reg):
    ids, unknown = resolve_areas(["nordby", "Region To", "Atlantis"], reg)
    assert ids == ["nordby", "østby", "midtby"] and unknown == ["Atlantis"]


# --------------------------------------------------------------------------- whole comparison


def test_comparison_cells_on_generated_atlas(tmp_path, reg):
    events = {"Nordby": 100, "Sørby": 400, "Vestby": 300, "Østby": 100, "Landet": 900}
    pop = {"Nordby": 10000, "Sørby": 20000, "Vestby": 10000, "Østby": 10000, "Landet": 50000}
    data = rows(
        {"Nordby": 10.0, "Sørby": 20.0, "Vestby": 30.0, "Østby": 10.0, "Landet": 18.0},
        events=events,
        innbyggere=pop,
    )
    library = _library(tmp_path, {"a.json": box_data(data)}, reg)
    index = IndicatorIndex(library)
    headline = index.indicators(headline_only=True)
    comparison = Comparison(headline, AREAS, reg, "nb")
    cells = {c.area: c for c in comparison.cells()}
    assert cells["vestby"].value == 30.0 and cells["vestby"].rank == 1 and cells["vestby"].n == 4
    assert cells["vestby"].index == pytest.approx(100 * 30 / 18)
    assert cells["midtby"].empty and cells["midtby"].rank is None
    # Vestby: 300 events in 10,000 (crude 30 per 1,000 = the value, scale 1).
    # Byar: low = 300 (1 - 1/2700 - 1.959964/(3 sqrt 300))^3, high from 301.
    z = 1.959963984540054
    low = 300 * (1 - 1 / 2700 - z / (3 * math.sqrt(300))) ** 3 / 10000 * 1000
    high = 301 * (1 - 1 / 2709 + z / (3 * math.sqrt(301))) ** 3 / 10000 * 1000
    assert cells["vestby"].method == BYAR
    assert cells["vestby"].low == pytest.approx(low) and cells["vestby"].high == pytest.approx(high)
    assert cells["vestby"].significance == HIGHER
    assert cells["nordby"].significance == LOWER
    table = comparison.table(sort_by=headline[0].key)
    assert list(table.index[:2]) == ["vestby", "sørby"]
    assert table.loc["national", headline[0].key] == 18.0


def test_published_error_bars_win(tmp_path, reg):
    data = rows(
        {"Nordby": 10.0, "Sørby": 20.0, "Vestby": 30.0, "Landet": 18.0},
        lo={"Nordby": 9.0, "Sørby": 17.0, "Vestby": 25.0},
        hi={"Nordby": 11.0, "Sørby": 23.0, "Vestby": 35.0},
    )
    library = _library(tmp_path, {"a.json": box_data(data, error_bars=True)}, reg)
    headline = IndicatorIndex(library).indicators(headline_only=True)
    cells = {c.area: c for c in Comparison(headline, AREAS, reg).cells()}
    assert cells["sørby"].method == PUBLISHED and cells["sørby"].significance == SIMILAR
    assert cells["vestby"].significance == HIGHER and cells["nordby"].significance == LOWER


def test_indicators_of_a_box_and_search(tmp_path, reg):
    data = rows({"Nordby": 10.0, "Sørby": 20.0, "Landet": 15.0})
    library = _library(tmp_path, {"a.json": box_data(data)}, reg)
    index = IndicatorIndex(library)
    found = index.indicators()
    assert [i.column for i in found] == ["rate", "andel"]
    assert found[0].headline and not found[1].headline
    assert found[0].annual == (("2020", "r2020"), ("2021", "r2021"))
    assert found[0].period == "2020–2021"
    assert found[0].unit("nb") == "pr. 1 000 innbyggere" and found[0].unit_size == 1000
    assert found[1].unit("nb") == "%"
    assert found[1].title("nb") == "Boks 1 om hofte: Andel akutt"
    assert found[0].values().areas["Nordby"].annual == {"2020": 9.0, "2021": 11.0}
    assert len(index.search("MR")) == 2  # "MR-undersøkelse" in the intro
    assert index.search("område") == []
    assert index.search("hofte andel") == [found[1]]


def test_partial_area_says_what_it_lacks(reg):
    apart = AreaSet(["Østby", "Gamleby", "Nordby", "Sørby"], reg)
    assert apart.placement("østby").covers(reg, "en") == "Østby without Gamleby"


def test_views_sort_transpose_and_copy_as_tsv(tmp_path, reg):
    from atlasviewer.core.compare.views import table_view, to_tsv, variation_view

    data = rows({"Nordby": 10.0, "Sørby": 20.0, "Vestby": 30.0, "Østby": 40.0, "Landet": 25.0})
    spread = rows({"Nordby": 10.0, "Sørby": 11.0, "Vestby": 12.0, "Østby": 50.0, "Landet": 20.0})
    library = _library(tmp_path, {"a.json": box_data(data), "b.json": box_data(spread)}, reg)
    headline = IndicatorIndex(library).indicators(headline_only=True)
    comparison = Comparison(headline, AREAS[:4], reg, "en")
    transposed = comparison.table(transpose=True)
    assert list(transposed.columns) == [*AREAS[:4], "national"]
    assert list(transposed.index) == [i.key for i in headline]
    by_ratio = comparison.variation(sort_by="ratio")
    assert list(by_ratio["key"]) == [headline[1].key, headline[0].key]  # 5.0 before 4.0
    by_cv = comparison.variation(sort_by="cv", ascending=True)
    assert by_cv["cv"].is_monotonic_increasing
    shown = table_view(comparison, sort_by=headline[0].key, ascending=True)
    assert list(shown.index[:4]) == ["Nordby", "Sørby", "Vestby", "Østby"]
    assert shown.index[-1] == "Country"  # the national row stays last
    text = to_tsv(shown)
    header, first = text.splitlines()[:2]
    assert header.split("\t")[0] == "Area" and first.split("\t")[:2] == ["Nordby", "10.0"]
    assert "Highest / lowest" in variation_view(comparison).columns


def test_cell_texts_and_tooltip(tmp_path, reg):
    from atlasviewer.core.compare.texts import cell_text, cell_tooltip

    data = rows(
        {"Storby": 12.5, "Vestby": 30.0, "Landet": 25.0},
        lo={"Storby": 11.0, "Vestby": 26.0},
        hi={"Storby": 14.0, "Vestby": 34.0},
    )
    library = _library(tmp_path, {"a.json": box_data(data, error_bars=True)}, reg)
    indicator = IndicatorIndex(library).indicators(headline_only=True)[0]
    cells = {c.area: c for c in Comparison([indicator], AREAS, reg, "nb").cells()}
    assert cell_text(cells["vestby"], indicator, "nb") == "30,0"
    assert cell_text(cells["nordby"], indicator, "nb") == "12,5\u2009*"  # merged: starred
    assert cell_text(cells["midtby"], indicator, "nb") == ""
    tip = cell_tooltip(cells["nordby"], indicator, reg, "en")
    assert "Value: 12.5" in tip and "National: 25.0 (index 50)" in tip
    assert "Rank: 2nd of 2" in tip and "95 % interval: 11.0–14.0" in tip
    assert "Against national: lower" in tip and "Value of Storby (Storby: Nordby, Sørby)" in tip
    assert "Not in this analysis" in cell_tooltip(cells["midtby"], indicator, reg, "en")


def test_bad_data_gives_empty_or_uncompared_cells_not_a_crash(tmp_path, reg):
    garbage = [
        {"area": "Nordby", "rate": "not a number", "andel": None},
        {"area": "Sørby", "rate": 12.0, "andel": "0,5"},
        {"area": "Sørby", "rate": 99.0},  # the same area twice: the first row counts
        {"area": None, "rate": 5.0},
        {"area": "Vestby", "rate": -3.0, "events": -1, "innbyggere": 0},
    ]
    no_area = {"innhold": [
        {"type": "map", "data": "d1", "x": "rate", "format": ",.1f"},
        {"type": "data", "label": "d1", "data": [{"rate": 1.0}]},
    ]}  # fmt: skip
    boxes = {"a.json": box_data(garbage), "b.json": no_area, "c.json": {"innhold": []}}
    library = _library(tmp_path, boxes, reg)
    index = IndicatorIndex(library)
    found = index.indicators()
    assert {i.box for i in found} == {1}  # boxes without areas yield no indicator
    comparison = Comparison(found, AREAS, reg, "en")
    cells = {(c.area, c.indicator): c for c in comparison.cells()}
    rate = found[0].key
    assert cells[("nordby", rate)].empty
    assert cells[("sørby", rate)].value == 12.0
    assert cells[("sørby", rate)].significance == NOT_COMPARED  # no national value
    assert comparison.variation()["n"].tolist()[0] == 2


def test_index_bands():
    from atlasviewer.core.compare.cells import index_band

    assert [index_band(x) for x in (79.9, 80, 89.99, 90, 110, 110.01, 120, 120.5)] == [
        0, 1, 1, 2, 2, 3, 3, 4
    ]  # fmt: skip
    assert index_band(None) is None and index_band(float("nan")) is None


def test_search_without_loading_reads_only_boxes_whose_texts_match(tmp_path, reg):
    data = rows({"Nordby": 10.0, "Sørby": 20.0, "Landet": 15.0})
    library = _library(tmp_path, {"a.json": box_data(data), "b.json": box_data(data)}, reg)
    index = IndicatorIndex(library)
    assert index.search("akutt", load=False) == []  # a label in the data: not read yet
    assert [i.box for i in index.search("boks 2", load=False)] == [2, 2]
    assert [i.column for i in index.search("akutt", load=False)] == ["andel"]  # box 2, now read
    assert not library.atlas("testatlas").primary.result_boxes[0].loaded
    assert [i.box for i in index.search("akutt")] == [1, 2]


def test_profile_labels_keep_both_ends_where_twins_differ():
    from atlasviewer.render.profile_chart import shorten_middle

    private = "Antall undersøkelser: Antall offentlig/privat pr. 10 000 innbyggere – Private"
    public = "Antall undersøkelser: Antall offentlig/privat pr. 10 000 innbyggere – Offentlig"
    short = [shorten_middle(label, 50) for label in (private, public)]
    assert all(len(label) <= 50 for label in short)
    assert short[0].startswith("Antall undersøkelser") and short[0].endswith("– Private")
    assert short[1].endswith("– Offentlig") and "…" in short[1]
    assert shorten_middle("Eldre", 50) == "Eldre"
