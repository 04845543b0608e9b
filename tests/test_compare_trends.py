"""Issue 15 wired to the comparison: trends, funnels, scatters, ranks and findings of indicators.

Generated atlases (invented areas, :mod:`compare_data`) and the real data; every figure is
checked against a computation written here.
"""

from __future__ import annotations

import math

import pytest

from atlasviewer.core.compare.area_rows import area_rows
from atlasviewer.core.compare.area_stats import area_stats
from atlasviewer.core.compare.findings_data import area_finding
from atlasviewer.core.compare.funnel_data import funnel_frame, indicator_funnel
from atlasviewer.core.compare.indicators import IndicatorIndex
from atlasviewer.core.compare.scatter_data import scatter_plan_for
from atlasviewer.core.compare.trends import has_years, indicator_series, trend_plan_for
from atlasviewer.core.library import AtlasLibrary
from compare_data import registry, write_atlas

POP = {"Nordby": 10000, "Sørby": 20000, "Vestby": 5000, "Østby": 40000, "Midtby": 8000}
EVENTS = {"Nordby": 150.5, "Sørby": 200.5, "Vestby": 50.5, "Østby": 300.5, "Midtby": 80.5}
YEARS = ["2019", "2020", "2021", "2022"]
SERIES = {  # rates per 1,000 by year: Nordby rises steadily, Sørby wobbles about a level.
    "Nordby": [12.0, 14.0, 16.0, 18.0],
    "Sørby": [10.0, 10.5, 9.5, 10.0],
    "Vestby": [10.1, 10.1, 10.1, 10.1],
    "Østby": [8.0, 7.5, 7.5, 7.0],
    "Midtby": [10.0, 10.0, 10.2, 10.1],
    "Landet": [9.0, 9.3, 9.5, 9.6],
}


def _box(with_counts: bool = True, share: bool = False) -> dict:
    data = []
    total_events, total_pop = sum(EVENTS.values()), sum(POP.values())
    for name in [*POP, "Landet"]:
        events = EVENTS.get(name, total_events)
        pop = POP.get(name, total_pop)
        row = {"area": name, "rate": events / pop * 1000}
        row.update({f"r{y}": v for y, v in zip(YEARS, SERIES[name], strict=True)})
        row["andel"] = {"Nordby": 0.2, "Sørby": 0.5, "Vestby": 0.4}.get(name, 0.3)
        if with_counts:
            row["hendelser"], row["tot_pop"] = events, pop
        data.append(row)
    return {
        "innhold": [
            {"type": "barchart", "data": "d", "x": ["rate"], "y": "area",
             "xLabel": {"nb": "Innleggelser pr. 1 000 innbyggere", "en": "Admissions per 1,000"},
             "annualVar": [f"r{y}" for y in YEARS], "annualVarLabels": {"nb": YEARS},
             "format": ",.1f"},
            {"type": "barchart", "data": "d", "x": ["andel"], "y": "area",
             "xLabel": {"nb": "Andel akutt", "en": "Share emergency"}, "format": ",.0%"},
            {"type": "map", "data": "d", "x": "rate", "format": ",.1f", "jenks": [],
             "caption": {"nb": "Innleggelser pr. 1 000 innbyggere"}},
            {"type": "data", "label": "d", "national": "Landet", "data": data},
        ]
    }  # fmt: skip


@pytest.fixture
def reg():
    return registry()


@pytest.fixture
def generated(tmp_path, reg):
    write_atlas(tmp_path, {"a.json": _box()})
    index = IndicatorIndex(AtlasLibrary([tmp_path], reg, check_checksums=False))
    return index.indicators()


def _poisson_limit(expected: float, p: float) -> float:
    """Spiegelhalter's interpolated Poisson quantile (r_p - alpha), summed term by term."""
    cdf, r, pmf = 0.0, 0, math.exp(-expected)
    while True:
        cdf += pmf
        if cdf >= p:
            return r - (cdf - p) / pmf
        r += 1
        pmf *= expected / r


def test_rows_are_keyed_by_registry_area_and_merged_rows_apart(tmp_path, reg):
    box = _box()
    box["innhold"][-1]["data"][0]["area"] = "Storby"  # Nordby and Sørby together ...
    box["innhold"][-1]["data"].pop(1)  # ... and no Sørby row of its own
    write_atlas(tmp_path, {"a.json": box})
    headline = IndicatorIndex(AtlasLibrary([tmp_path], reg, check_checksums=False)).indicators()[0]
    rows = area_rows(headline.values(), reg)
    assert rows["Vestby"].key == "vestby" and rows["Vestby"].area_ids == ("vestby",)
    assert rows["Storby"].key == "merged:storby"
    assert set(rows["Storby"].area_ids) == {"nordby", "sørby"}


def test_trend_of_each_area_against_the_country(generated, reg):
    headline = generated[0]
    assert has_years(headline) and not has_years(generated[1])
    series = indicator_series(headline, reg)
    assert series.years == [2019, 2020, 2021, 2022]
    assert series.national == [9.0, 9.3, 9.5, 9.6]
    plan = trend_plan_for(headline, ["nordby"], "en", registry=reg)
    assert [line.label for line in plan.lines] == ["Nordby"]
    # Nordby 12 -> 18: +6.0 (+50%); slope exactly 2 a year with no residual: rising.
    assert plan.lines[0].change_text == "+6.0 (+50%), rising"
    assert plan.national.label == "Country"
    # Sørby 10, 10.5, 9.5, 10: slope -0.1, residual SD 0.5477, t(0.975; 2) = 4.303:
    # -0.1 +- 4.303 x 0.5477 / sqrt(5) = -1.154 to 0.954, so stable.
    multiples = trend_plan_for(
        headline, [], "nb", small_multiples=True, sort="change", registry=reg
    )
    assert multiples.panels[0].label == "Nordby"  # the largest rise first
    sorby = next(p for p in multiples.panels if p.label == "Sørby")
    assert sorby.direction == "stable" and sorby.change_text.startswith("0,0 (0\u00a0%)")


def test_funnel_limits_use_the_counts_of_the_whole_period(generated, reg):
    result = indicator_funnel(generated[0], "en", reg)
    assert result is not None and result.measure == "rate"
    # Counts are yearly averages (x.5 each) over the 4 years: the limits use 4 times them.
    years = result.years
    assert years == 4  # every count x 4 (the years of the annual values) is whole
    national = sum(EVENTS.values()) / sum(POP.values()) * 1000
    assert result.national == pytest.approx(national) and result.per == 1000
    by_label = {a.label: a for a in result.areas}
    vestby = by_label["Vestby"]
    expected = national / 1000 * 5000 * years
    low = _poisson_limit(expected, 0.001) / expected * national
    high = _poisson_limit(expected, 0.999) / expected * national
    assert vestby.limits[0.998] == pytest.approx((low, high), rel=1e-6)
    assert vestby.outside[0.998] is None  # 10.1 per 1,000 lies inside
    assert by_label["Nordby"].outside[0.998] == "higher"  # 15.05 per 1,000
    assert by_label["Østby"].outside[0.998] == "lower"  # 7.51 per 1,000
    frame = funnel_frame(result, "en")
    row = frame[frame["Area"] == "Vestby"].iloc[0]
    assert row["Population (yearly)"] == 5000 and row["Lower 99.8% limit"] == pytest.approx(low)
    assert "whole period" in frame.attrs["note"]


def test_no_funnel_without_counts(tmp_path, reg):
    write_atlas(tmp_path, {"a.json": _box(with_counts=False)})
    index = IndicatorIndex(AtlasLibrary([tmp_path], reg, check_checksums=False))
    assert indicator_funnel(index.indicators()[0]) is None


def test_scatter_correlation_by_hand_over_the_shared_areas(generated, reg):
    rate, share = generated[0], generated[1]
    plan = scatter_plan_for(rate, share, ["vestby"], "en", registry=reg)
    xs = [EVENTS[a] / POP[a] * 1000 for a in POP]
    ys = [0.2, 0.5, 0.4, 0.3, 0.3]
    mx, my = sum(xs) / 5, sum(ys) / 5
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    r = sxy / math.sqrt(sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys))
    assert plan.correlation.n == 5 and plan.correlation.pearson == pytest.approx(r)
    assert [p.label for p in plan.points if p.selected] == ["Vestby"]


def test_rank_range_and_excess_events_of_an_area(generated, reg):
    headline = generated[0]
    stats = area_stats(headline, "Nordby")
    # Nordby: 150.5 a year over 4 years = 602 events in 40,000 person-years; far the highest.
    assert stats.rank.rank == 1 and (stats.rank.low, stats.rank.high) == (1, 1)
    national = sum(EVENTS.values()) / sum(POP.values()) * 1000
    expected = 10000 * national / 1000  # the crude rate is the value: E = pop x national
    assert stats.excess.expected == pytest.approx(expected)
    assert stats.excess.difference == pytest.approx(150.5 - expected)
    assert stats.events == 150.5 and stats.population == 10000 and stats.yearly


@pytest.mark.parametrize(
    "area, lang, start",
    [
        ("nordby", "en", "Nordby: 60% above the national rate (significant); highest of 5 areas"),
        ("nordby", "nb", "Nordby: 60\u00a0% over landsgjennomsnittet (signifikant); høyest av 5"),
        ("nordby", "nn", "Nordby: 60\u00a0% over landsgjennomsnittet (signifikant); høgast av 5"),
        ("vestby", "en", "Vestby: similar to the national rate (7% above)"),
        ("østby", "en", "Østby: 20% below the national rate (significant); lowest of 5 areas"),
        ("østby", "nb", "Østby: 20\u00a0% under landsgjennomsnittet (signifikant); lavest av 5"),
    ],
)
def test_finding_for_an_area(generated, reg, area, lang, start):
    # Nordby 15.05 against 9.4277 per 1,000 is +59.6 %; Vestby 10.1 is +7.1 %; Østby 7.51 is
    # -20.3 %, each with Byar's interval from its 602, 202 and 1,202 events over 4 years.
    text = area_finding(generated[0], area, lang, reg)
    assert text.startswith(start), text


def test_no_finding_for_an_area_the_analysis_lacks(generated, reg):
    assert area_finding(generated[0], "gamleby_not_there", "en", reg) == ""


# --------------------------------------------------------------------------- the real data


@pytest.fixture(scope="module")
def index(v2_root, v1_root):
    return IndicatorIndex(AtlasLibrary([v2_root, v1_root], check_checksums=False))


def test_radiologi2_box_1_funnel_lists_the_areas_outside_the_99_8_limits(index):
    headline = index.indicators(["radiologi2"], [1], headline_only=True)[0]
    result = indicator_funnel(headline, "nb")
    assert result.years == 5 and result.per == 10000
    outside = {a.label for a in result.outliers(0.998)}
    inside = {a.label for a in result.areas} - outside
    assert len(result.areas) == 21 and inside == {"Helgeland", "OUS"}
    by_label = {a.label: a for a in result.areas}
    # By hand, normal approximation to the Poisson limit (tens of thousands of events, where
    # it agrees to a few parts in a thousand): national (1 +- 3.0902 / sqrt(E)).
    for name in ("Førde", "Østfold", "Helgeland"):
        area = by_label[name]
        expected = result.national / 10000 * area.size * 5
        half = 3.090232 / math.sqrt(expected) * result.national
        low, high = area.limits[0.998]
        assert low == pytest.approx(result.national - half, rel=2e-3)
        assert high == pytest.approx(result.national + half, rel=2e-3)
    assert by_label["Førde"].value < by_label["Førde"].limits[0.998][0]  # lower
    assert by_label["Østfold"].value > by_label["Østfold"].limits[0.998][1]  # higher


def test_trend_of_a_first_generation_indicator_over_its_years(index):
    first = index.indicators(["v1-dagkir2"], [1], headline_only=True)[0]
    series = indicator_series(first)
    assert series.years == [2013, 2014, 2015, 2016, 2017]
    finnmark = next(values for row, values in series.rows if row.row == "Finnmark")
    assert finnmark == [238.1, 346.1, 270.9, 244.5, 287.7]  # the CSV's values
    plan = trend_plan_for(first, ["finnmark"], "en")
    # 238.1 -> 287.7: +49.6 (+21%).
    assert plan.lines[0].change_text.startswith("+49.6 (+21%)")


# --------------------------------------------------------------------------- cells and profile


def test_tooltip_gives_rank_range_counts_and_excess(generated, reg):
    from atlasviewer.core.compare.matrix import Comparison
    from atlasviewer.core.compare.texts import cell_tooltip

    headline = generated[0]
    cells = {c.area: c for c in Comparison([headline], ["nordby", "midtby"], reg, "en").cells()}
    tip = cell_tooltip(cells["nordby"], headline, reg, "en")
    assert "Rank: 1st of 5" in tip
    assert "Events a year: 151 (population 10,000)" in tip  # 150.5, to whole events
    # Expected at 9.4277 per 1,000: 94.28 a year, so about 56 more (150.5 - 94.28 = 56.2).
    assert "About 56 more events a year than at the national rate" in tip
    midtby = cell_tooltip(cells["midtby"], headline, reg, "nb")
    # Midtby 10.06 between Vestby 10.1 and Sørby 10.03, all with wide intervals: 2nd to 4th.
    assert "Plass: 3. av 5, trolig mellom 2. og 4." in midtby
    assert "Hendelser i året: 81 (befolkning 8\u00a0000)" in midtby
    assert "Om lag 5 flere hendelser i året enn ved landsgjennomsnittet (-3 til 14)" in midtby


def test_profile_export_has_rank_range_counts_excess_and_finding(index, tmp_path):
    import openpyxl

    from atlasviewer.core.compare.export import write_csv, write_xlsx
    from atlasviewer.core.compare.matrix import Comparison
    from atlasviewer.core.compare.views import profile_view

    indicators = index.indicators(["radiologi2"], [1])
    comparison = Comparison(indicators, ["bergen"], lang="en")
    view = profile_view(comparison, "bergen")
    first = view.iloc[0]
    assert first["Rank with plausible range"] == "4th of 21, plausibly 4th to 5th"
    # Bergen: 14,393.4 examinations a year in 358,788.8 (the file's yearly averages).
    assert first["Events"] == pytest.approx(14393.4) and first["Population"] == pytest.approx(
        358788.8
    )
    # Expected = 14,393.4 x 378.262 / 401.17 (Bergen's rate), about 1,068 more a year.
    value = comparison.cells()[0].value
    expected = 14393.4 * 378.262154445 / value
    assert first["Events a year above the national rate"] == pytest.approx(14393.4 - expected)
    assert first["Finding"].startswith("Bergen: 8% above the national rate (significant)")
    out = write_xlsx(comparison, tmp_path / "b.xlsx", area_id="bergen")
    sheet = openpyxl.load_workbook(out)["Area profile"]
    headers = [c.value for c in next(r for r in sheet.iter_rows() if r[0].value == "Atlas")]
    assert "Rank with plausible range" in headers and "Finding" in headers
    csv = write_csv(view, tmp_path / "b.csv", "en").read_text("utf-8-sig")
    assert "4th of 21, plausibly 4th to 5th" in csv


def test_value_axis_is_in_the_language_asked_for(index):
    from atlasviewer.core.compare.trends import value_label

    first = index.indicators(["v1-dagkir2"], [1], headline_only=True)[0]
    # The CSV's English rows translate the title; the measure's label exists in Norwegian only.
    assert value_label(first, "en") == "Shoulder surgery (acromion resection)"
    assert value_label(first, "nb") == "Skulderkirurgi (Acromion)"
    second = index.indicators(["radiologi2"], [1], headline_only=True)[0]
    assert value_label(second, "en") == second.labels["en"]


@pytest.mark.parametrize(
    "names, expected",
    [
        # Østby shown without its historic part Gamleby: partial, joined only to partial.
        (["Østby", "Gamleby", "Nordby", "Sørby"], {"Østby": "østby:partial", "Gamleby": "gamleby"}),
        # Another area set (counties here): keyed by name, never by a referral area.
        (["Fjellfylke", "Nordby"], {"Fjellfylke": "row:fjellfylke", "Nordby": "row:nordby"}),
    ],
)
def test_partial_and_foreign_rows_get_keys_of_their_own(tmp_path, reg, names, expected):
    box = _box()
    data = box["innhold"][-1]["data"]
    national = data[-1]
    template = dict(data[0])
    box["innhold"][-1]["data"] = [{**template, "area": n} for n in names] + [national]
    write_atlas(tmp_path, {"a.json": box})
    headline = IndicatorIndex(AtlasLibrary([tmp_path], reg, check_checksums=False)).indicators()[0]
    rows = area_rows(headline.values(), reg)
    assert {name: rows[name].key for name in expected} == expected
