"""Funnel, trend and scatter plans and charts: what a reader of the figure would see."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex

from atlasviewer.core.plans.contract import NATIONAL_COLOUR, SELECTION_COLOUR
from atlasviewer.core.plans.funnel_plan import build_funnel_plan, build_funnel_table
from atlasviewer.core.plans.scatter_plan import build_scatter_plan
from atlasviewer.core.plans.trend_plan import area_colour, build_trend_plan
from atlasviewer.core.stats.funnel import funnel_rates
from atlasviewer.render.funnel_chart import funnel_figure
from atlasviewer.render.scatter_chart import scatter_figure
from atlasviewer.render.trend_chart import trend_figure

NBSP = "\u00a0"
YEARS = [2018, 2019, 2020, 2021, 2022]


def small_funnel():
    # Three areas at a national 200 per 10,000 over five years (limits as in
    # test_stats_funnel): 'middle' at 300 lies above the 99.8 % limit of about 264.
    return funnel_rates(
        ["small", "middle", "large"],
        ["Small", "Middle", "Large"],
        [2.0, 30.0, 195.0],
        [100.0, 1000.0, 10000.0],
        national_rate=200.0,
        per=10000.0,
        years=5,
    )


def test_funnel_plan_lists_the_outliers_and_says_the_period(tmp_path):
    plan = build_funnel_plan(
        small_funnel(), title="T", x_label="X", y_label="Y", selected=["large"], lang="nb"
    )
    assert plan.outliers_title == f"Utenfor 99,8{NBSP}%-grensene"
    assert plan.outliers == ["Middle: 300, høyere"]
    assert "årlig gjennomsnitt × 5 år" in plan.note
    assert plan.note.startswith("Eksakte Poisson-kontrollgrenser (Spiegelhalter 2005)")
    assert [p.selected for p in plan.points] == [False, False, True]
    assert [limit.label for limit in plan.limits] == [
        f"95{NBSP}% kontrollgrenser",
        f"99,8{NBSP}% kontrollgrenser",
    ]


def test_funnel_chart_draws_limits_points_and_labels():
    plan = build_funnel_plan(
        small_funnel(), title="T", x_label="X", y_label="Y", selected=["large"], lang="en"
    )
    figure = funnel_figure(plan, dpi=60)
    ax = figure.axes[0]
    assert len(ax.collections[0].get_offsets()) == 3
    colours = [to_hex(line.get_color()) for line in ax.lines]
    assert colours.count(NATIONAL_COLOUR) == 1  # the national line
    assert len(ax.lines) == 5  # 2 levels x 2 curves + Norway
    texts = [t.get_text() for t in ax.texts]
    assert "Large" in texts  # the selected area is named
    assert any("Outside the 99.8% limits" in t and "Middle: 300, higher" in t for t in texts)
    figure.savefig(__import__("io").BytesIO(), format="png")


def test_no_outliers_says_so():
    result = funnel_rates(["a"], ["A"], [20.0], [1000.0], national_rate=200.0, per=1e4)
    plan = build_funnel_plan(result, title="T", x_label="X", y_label="Y", lang="en")
    assert plan.outliers == [] and plan.outliers_title == "No area outside the 99.8% limits"


def areas():
    return [
        ("a", "Alfa", [10.0, 12.0, 11.0, 15.0, 14.0]),  # +4, stable (slope -0.21 to 2.41)
        ("b", "Beta", [20.0, 19.0, 18.0, 17.0, 16.0]),  # -4, falling exactly
        ("c", "Gamma", [30.0, 31.0, 32.1, 32.9, 34.0]),  # +4, rising
    ]


def test_trend_colours_stay_with_the_area_whatever_is_selected():
    one = build_trend_plan(YEARS, areas(), None, title="T", y_label="Y", selected=["b"])
    two = build_trend_plan(YEARS, areas(), None, title="T", y_label="Y", selected=["a", "b"])
    beta = [line.colour for line in (*one.lines, *two.lines) if line.key == "b"]
    assert beta[0] == beta[1] == area_colour("b", ["a", "b", "c"])


def test_trend_change_and_noise_in_words():
    plan = build_trend_plan(
        YEARS, areas(), [15.0] * 5, title="T", y_label="Y", selected=["a", "b", "c"], lang="nb"
    )
    texts = {line.key: line.change_text for line in plan.lines}
    # Alfa 10 -> 14: +4, +40 %; Beta 20 -> 16: -4, -20 %; Gamma 30 -> 34: +4, +13 %.
    assert texts == {
        "a": f"+4 (+40{NBSP}%), stabil",
        "b": f"-4 (-20{NBSP}%), synkende",
        "c": f"+4 (+13{NBSP}%), økende",
    }
    assert plan.national is not None and plan.national.colour == NATIONAL_COLOUR
    assert plan.title == "T 2018–2022"


def test_small_multiples_sorted_on_one_y_axis():
    plan = build_trend_plan(
        YEARS, areas(), [15.0] * 5, title="T", y_label="Y", small_multiples=True, sort="change"
    )
    # Relative change: Alfa +40 %, Gamma +13 %, Beta -20 %.
    assert [p.label for p in plan.panels] == ["Alfa", "Gamma", "Beta"]
    by_value = build_trend_plan(YEARS, areas(), None, title="T", y_label="Y",
                                small_multiples=True, sort="value")  # fmt: skip
    assert [p.label for p in by_value.panels] == ["Gamma", "Beta", "Alfa"]  # 34, 16, 14
    figure = trend_figure(plan, dpi=50)
    shown = [ax for ax in figure.axes if ax.get_visible()]
    assert len(shown) == 3
    assert len({ax.get_ylim() for ax in shown}) == 1  # one y axis for all
    assert shown[0].get_ylim()[1] == pytest.approx(34.0 * 1.08)
    with pytest.raises(ValueError, match="sort"):
        build_trend_plan(YEARS, areas(), None, title="T", y_label="Y", sort="size")


def test_trend_chart_shows_the_band_and_the_change_in_the_legend():
    plan = build_trend_plan(
        YEARS,
        areas(),
        [15.0] * 5,
        title="T",
        y_label="Y",
        selected=["a"],
        intervals={"a": ([9.0] * 5, [16.0] * 5)},
        lang="en",
    )
    figure = trend_figure(plan, dpi=50)
    ax = figure.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Norway: 0 (0%), stable", "Alfa: +4 (+40%), stable"]
    assert len(ax.collections) == 1  # the interval band


def test_scatter_plan_and_chart():
    labels = {"a": "Alfa", "b": "Beta", "c": "Gamma", "d": "Delta", "e": "Eps"}
    plan = build_scatter_plan(
        labels,
        (list("abcde"), [1, 2, 3, 4, 5]),
        (list("edcba"), [5, 3, 4, 1, 2]),  # a 2, b 1, c 4, d 3, e 5: r = rho = 0.8
        title="T",
        x_label="X",
        y_label="Y",
        national=(3.0, 3.0),
        selected=["c"],
        lang="nn",
    )
    assert plan.statistics == ["Pearson r = 0,80", "Spearman ρ = 0,80", "5 område"]
    figure = scatter_figure(plan, dpi=50)
    ax = figure.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "Gamma" in texts and "Alfa" not in texts  # only the selected are named
    assert any("Pearson r = 0,80" in t for t in texts)
    assert to_hex(ax.collections[1].get_edgecolors()[0]) == SELECTION_COLOUR


def test_radiologi2_box_1_funnel_lists_the_areas_outside_the_limits(v2_root):
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.plans.rows import _records

    box = AtlasLibrary([v2_root]).atlas("radiologi2").variant("en").result_boxes[0]
    rows = _records(box.load().rowsets["datasett_1"])
    norway = next(r for r in rows if r["area"] == "Norge")
    others = [r for r in rows if r["area"] != "Norge"]
    result = funnel_rates(
        [r["area"] for r in others],
        [r["area"] for r in others],
        [r["tot_events"] for r in others],
        [r["tot_pop"] for r in others],
        rates=[r["totsnitt"] for r in others],
        national_rate=norway["totsnitt"],
        per=10000.0,
        years=5,
    )
    outside = {a.label: a.outside[0.998] for a in result.outliers()}
    # Østfold's rate (474.5) is the highest and Førde's (292.2) the lowest, the atlas's 1.62:
    # with 61,000 and 12,500 examinations over the five years both lie far outside the 99.8 %
    # limits. OUS, 381.1 against 378.3 with 41,200 expected (3.09 x 378.3 / sqrt(41,200) = 5.8
    # either side), does not.
    assert outside["Østfold"] == "higher" and outside["Førde"] == "lower"
    assert "OUS" not in outside
    assert len(result.areas) == 21


def test_a_long_outlier_list_is_cut_on_the_chart_but_kept_in_the_plan():
    # 20 areas, each with 400 events in 10,000 against 200 expected: far above the limits.
    keys = [f"a{i:02d}" for i in range(20)]
    result = funnel_rates(keys, keys, [400.0] * 20, [10000.0] * 20, national_rate=200.0, per=1e4)
    plan = build_funnel_plan(result, title="T", x_label="X", y_label="Y", lang="nb")
    assert len(plan.outliers) == 20 and plan.outliers_more == "og 5 til"
    listing = next(t.get_text() for t in funnel_figure(plan, dpi=50).axes[0].texts)
    assert listing.count("høyere") == 15 and listing.endswith("og 5 til")


def test_funnel_table_lists_each_area_with_its_limits():
    table = build_funnel_table(small_funnel(), "nb")
    assert table.headers[:5] == [
        "Område",
        "Verdi",
        "Innbyggere (per år)",
        "Hendelser (per år)",
        "Forventet i perioden",
    ]
    assert table.headers[7] == "Nedre 99,8 %-grense"
    small, middle, _large = table.rows
    # Small: 2 a year in 100 is 200 per 10,000; 10 expected over five years; 95 % limits
    # 75.504 and 323.20 (by hand in test_stats_funnel).
    assert small[:5] == ["Small", pytest.approx(200.0), 100.0, 2.0, pytest.approx(10.0)]
    assert small[5:7] == [pytest.approx(75.504, abs=0.01), pytest.approx(323.20, abs=0.01)]
    assert small[9:] == ["innenfor", "innenfor"] and middle[9:] == ["over", "over"]
    assert "× 5 år" in table.note


def _first_generation_years(v1_root):
    """v1-dagkir2 box 1 (shoulder surgery): one rowset per year, each with its 95 % interval."""
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.plans.rows import _records

    box = AtlasLibrary([v1_root]).atlas("v1-dagkir2").variant("nb").result_boxes[0]
    data = box.load()
    return {int(name): _records(rowset) for name, rowset in data.rowsets.items()}


def test_trend_of_a_first_generation_indicator_over_its_years(v1_root):
    from atlasviewer.core.stats.trend import trend

    by_year = _first_generation_years(v1_root)
    years = sorted(by_year)
    assert years == [2013, 2014, 2015, 2016, 2017]

    def values(area, column="value"):
        return [next(r[column] for r in by_year[y] if r["area"] == area) for y in years]

    # Finnmark 238.1, 346.1, 270.9, 244.5, 287.7: mean 277.46, Sxy = -2.4, slope -0.24 a year;
    # residuals -39.84, 68.40, -6.56, -32.72, 10.72: s = sqrt(7494.34 / 3) = 49.98. First to
    # last +49.6 (+20.8 %), but the slope's interval (+-3.182 x 49.98 / sqrt(10) = +-50.3)
    # holds 0: stable. Norway 161.0 -> 111.7 falls year by year.
    finnmark = trend(years, values("Finnmark"))
    assert finnmark is not None
    assert finnmark.slope == pytest.approx(-0.24)
    assert finnmark.change == pytest.approx(49.6)
    assert finnmark.relative == pytest.approx(0.20832, abs=1e-5)
    assert finnmark.residual_sd == pytest.approx(49.98, abs=0.01)
    assert finnmark.direction == "stable"
    norway = trend(years, values("Norge"))
    assert norway is not None and norway.direction == "falling"

    areas = [
        (r["area"], r["area"], values(r["area"])) for r in by_year[2017] if r["area"] != "Norge"
    ]
    plan = build_trend_plan(
        years,
        areas,
        values("Norge"),
        title="Skulderkirurgi",
        y_label="Rate",
        format_y=",.1f",
        selected=["Finnmark"],
        intervals={"Finnmark": (values("Finnmark", "ci_low"), values("Finnmark", "ci_high"))},
        lang="nb",
    )
    assert plan.lines[0].change_text == f"+49,6 (+21{NBSP}%), stabil"
    assert plan.national is not None and plan.national.change_text.endswith("synkende")
    # The band reaches Finnmark's 2014 upper limit: the shared y axis holds it.
    assert plan.y_limits[1] >= max(values("Finnmark", "ci_high"))
