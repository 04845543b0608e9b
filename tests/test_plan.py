"""Drawing plans built from real result boxes, read through the atlas library."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.matching import match_rows
from atlasviewer.core.model import BarChartSpec, LineChartSpec, MapSpec, TableSpec
from atlasviewer.core.plans import (
    NO_DATA_COLOUR,
    build_bar_plan,
    build_line_plan,
    build_map_plan,
    build_table_plan,
    credits_for,
    rows_to_areas,
)

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def library(v2_root: Path) -> AtlasLibrary:
    return AtlasLibrary([v2_root])


@pytest.fixture(scope="module")
def mr_kolumna(library):
    """radiologi2's first result box (mr_kol_18_rb1.json), its data and its map."""
    atlas = library.atlas("radiologi2")
    box = atlas.variant("nb").result_boxes[0]
    assert box.data_file == "mr_kol_18_rb1.json"
    data = box.load()
    return atlas, box, data, library.geography(atlas, box.map_file)


def views(data, kind):
    return [v for v in data.views if isinstance(v, kind)]


def test_map_plan_colours_named_areas_and_labels_the_legend(mr_kolumna):
    atlas, box, data, geography = mr_kolumna
    view = views(data, MapSpec)[0]
    plan = build_map_plan(data, view, geography, None, "nb", selected=("Bergen",))
    assert set(plan.areas) == set(geography.keys)  # every area of the map gets a style
    assert plan.areas["Østfold"].colour == "#ab6ca6"  # the highest rate: darkest class
    assert plan.areas["Førde"].colour == "#eadae9"  # the lowest: lightest class
    assert plan.areas["Østfold"].value_text == "475"
    assert plan.areas["Bergen"].selected and not plan.areas["Førde"].selected
    assert [e.label for e in plan.legend] == ["292–318", "343–390", "394–431", "475"]
    assert [e.count for e in plan.legend] == [4, 10, 6, 1]
    assert plan.national_label == "Norge" and plan.national_text == "378"
    assert plan.title == f"Antall MR kolumna pr. 10{NBSP}000 innbyggere"  # as the data writes it
    assert plan.unmatched == []
    english = build_map_plan(data, view, geography, None, "en", palette="ylgnbu")
    assert english.national_label == "Norway"
    assert english.title == "Number of vertebral column MRI per 10,000 population"
    assert english.areas["Østfold"].colour == "#225ea8"  # top of YlGnBu in four classes
    assert build_map_plan(data, view, geography, None, "nn").national_label == "Noreg"


def test_map_plan_with_the_readers_row_matching_and_missing_areas(mr_kolumna):
    atlas, box, data, geography = mr_kolumna
    view = views(data, MapSpec)[0]
    matched = match_rows(data.rowsets[view.rowset], geography).mapping
    assert matched == rows_to_areas(list(matched), geography)
    without_bergen = {name: key for name, key in matched.items() if key != "Bergen"}
    plan = build_map_plan(data, view, geography, without_bergen, "en")
    assert plan.areas["Bergen"].colour == NO_DATA_COLOUR
    assert plan.areas["Bergen"].value_text == "\u2013"
    assert plan.legend[-1].label == "No data" and plan.legend[-1].count == 1
    assert "Bergen" in plan.unmatched


def test_bar_plan_orders_largest_first_and_flags_the_nation(mr_kolumna):
    atlas, box, data, geography = mr_kolumna
    view = views(data, BarChartSpec)[0]
    plan = build_bar_plan(data, view, "nb", selected=("UNN",))
    totals = [row.values[0] for row in plan.rows]
    assert totals == sorted(totals, reverse=True)
    assert plan.rows[0].label == "Østfold" and plan.rows[-1].label == "Førde"
    national = [row for row in plan.rows if row.is_national]
    assert len(national) == 1 and national[0].label == "Norge"
    assert national[0].value_texts == ["378"]
    assert plan.annual_labels == ["2018", "2019", "2020", "2021", "2022"]
    assert len(plan.rows[0].annual) == 5
    assert [row.key for row in plan.rows if row.selected] == ["UNN"]
    assert not plan.stacked
    english = build_bar_plan(data, view, "en")
    assert next(r for r in english.rows if r.is_national).label == "Norway"
    assert english.value_label == "Number of vertebral column MRI per 10,000 population"


def test_stacked_bar_plan_has_legend_labels_in_each_language(mr_kolumna):
    atlas, box, data, geography = mr_kolumna
    view = views(data, BarChartSpec)[1]
    nb = build_bar_plan(data, view, "nb")
    en = build_bar_plan(data, view, "en")
    assert nb.stacked and len(nb.rows[0].values) == 2
    assert nb.series_labels == ["Private røntgeninstitutt", "Offentlig"]
    assert en.series_labels == ["Private imaging clinics", "Public"]
    assert len(set(nb.series_colours)) == 2
    sums = [sum(row.values) for row in nb.rows]
    assert sums == sorted(sums, reverse=True)  # sorted by the stack's total, as on the web site


def test_bar_plan_error_bars(library):
    atlas = library.atlas("bup")
    box = next(b for b in atlas.variant("nn").result_boxes if b.data_file == "adhd_pas2_en.json")
    data = box.load()
    view = views(data, BarChartSpec)[0]
    plan = build_bar_plan(data, view, "nn")
    assert plan.has_error_bars
    row = next(r for r in plan.rows if not r.is_national and r.error_low is not None)
    assert row.error_low <= row.values[0] <= row.error_high
    assert plan.rows[0].value_texts[0].count(",") == 1  # ",.1f" in nynorsk: decimal comma


def test_table_plan_formats_cells_and_keeps_raw_values(mr_kolumna):
    atlas, box, data, geography = mr_kolumna
    plan = build_table_plan(data, views(data, TableSpec)[0], "nb")
    assert [c.label for c in plan.columns][:3] == ["Opptaksområder", "Rate*", "Undersøkelser"]
    finnmark = plan.row_keys.index("Finnmark")
    assert plan.texts[finnmark] == [
        "Finnmark", "361", f"2{NBSP}177", f"60{NBSP}540", "1,07", f"11{NBSP}%", f"8{NBSP}%"
    ]  # fmt: skip
    assert plan.values[finnmark][1] == pytest.approx(360.623777052)
    assert plan.national_row is not None and plan.texts[plan.national_row][0] == "Norge"
    assert "<br>" not in plan.caption and plan.caption.startswith("Årlige gjennomsnittsverdier")
    english = build_table_plan(data, views(data, TableSpec)[0], "en")
    assert english.texts[english.national_row][0] == "Norway"
    assert english.texts[finnmark][2] == "2,177"


def test_line_plan_month_axis_and_series_labels(library):
    atlas = library.atlas("radiologi")
    box = next(b for b in atlas.variant("en").result_boxes if b.data_file == "mr_caput_rb1.json")
    data = box.load()
    view = next(v for v in views(data, LineChartSpec) if v.format_x == "month")
    plan = build_line_plan(data, view, "en")
    assert [s.label for s in plan.series] == [
        "Average 2018-2019", "Pandemic: 2020", "Average 2021-2022"
    ]  # fmt: skip
    assert plan.x_tick_labels[:2] == ["January", "February"]
    assert build_line_plan(data, view, "nb").x_tick_labels[2] == "mars"


def test_first_generation_credits_carry_the_period_the_data_states(v1_root):
    atlas = AtlasLibrary([v1_root]).atlas("v1-kols")
    variant = atlas.variant("nb")
    credits = credits_for(variant, variant.result_boxes[0], "nb")
    assert (credits.producer, credits.period) == ("SKDE", "2013–2015")


def test_credits_period_and_unit(mr_kolumna, library):
    atlas, box, data, geography = mr_kolumna
    nb = credits_for(atlas.variant("nb"), box, "nb")
    assert (nb.producer, nb.period) == ("SKDE", "2018–2022")
    assert nb.unit == f"per 10{NBSP}000 innbyggere"  # no-break space: the number stays whole
    english = atlas.variant("en")
    en = credits_for(english, english.result_boxes[0], "en")
    assert (en.period, en.unit) == ("2018–2022", "per 10,000 population")


def test_legend_of_small_rates_shows_enough_decimals_to_tell_classes_apart(v2_root):
    """endometriose's rates lie between 0.6 and 2.6 per 1,000: ",.0f" would read "1, 1, 1–2, 3"."""
    library = AtlasLibrary([v2_root])
    atlas = library.atlas("endometriose")
    box = atlas.variant("nb").result_boxes[0]
    data = box.load()
    view = views(data, MapSpec)[0]
    plan = build_map_plan(data, view, library.geography(atlas, box.map_file), None, "nb")
    labels = [entry.label for entry in plan.legend]
    assert len(set(labels)) == len(labels)
    assert labels[0] == "0,58–0,61"


def box_plans(library, atlas_id, data_file, lang):
    """Every view of the box that reads ``data_file``, planned with the box's credits."""
    atlas = library.atlas(atlas_id)
    variant = atlas.variant(lang)
    box = next(b for b in variant.result_boxes if b.data_file == data_file)
    data = box.load()
    credits = credits_for(variant, box, lang, data)
    plans = []
    for view in data.views:
        if isinstance(view, MapSpec):
            geography = library.geography(atlas, box.map_file)
            plans.append(build_map_plan(data, view, geography, None, lang, credits=credits))
        elif isinstance(view, BarChartSpec):
            plans.append(build_bar_plan(data, view, lang, credits=credits))
        elif isinstance(view, LineChartSpec):
            plans.append(build_line_plan(data, view, lang, credits=credits))
        else:
            plans.append(build_table_plan(data, view, lang, credits=credits))
    return credits, plans


@pytest.mark.parametrize(
    ("atlas_id", "data_file", "national", "first_class"),
    [
        ("endometriose", "endom_1921_rate.json", "1,28", "0,58–0,61"),  # was "Norge: 1"
        ("kronikere", "epilepsi_1pasienter_alle.json", "5,25", "4,67–4,88"),  # was 5
        ("kronikere", "parkinson_4NPRKPR_alle.json", "10,5", "6,8"),  # was 11
        ("fedme", "l1va_fed_rehab_json.json", "7,7", "0,5–5,1"),  # was 8
        ("radiologi2", "mr_kol_18_rb1.json", "378", "292–318"),  # whole numbers stay whole
    ],
)
def test_map_national_value_has_the_decimals_of_the_legend(
    library, atlas_id, data_file, national, first_class
):
    """The national value reads against the classes: "Norge: 1,28" beside "0,97–1,30"."""
    _credits, plans = box_plans(library, atlas_id, data_file, "nb")
    plan = next(p for p in plans if hasattr(p, "legend"))
    assert plan.legend[0].label == first_class
    assert plan.national_text == national
    decimals = len(first_class.split("–")[0].partition(",")[2])
    for style in plan.areas.values():  # an area's value shows which class it falls in
        if style.value is not None:
            assert len(style.value_text.partition(",")[2]) == decimals


def test_map_national_value_decimals_in_english(library):
    _credits, plans = box_plans(library, "endometriose", "endom_1921_rate.json", "en")
    plan = next(p for p in plans if hasattr(p, "legend"))
    assert (plan.legend[0].label, plan.national_text) == ("0.58–0.61", "1.28")


def test_credits_unit_belongs_to_the_view_it_is_printed_under(library):
    """A share has no "per N" unit even when the box's other charts are rates."""
    credits, plans = box_plans(library, "radiologi", "mr_prostata_rb3.json", "nb")
    assert credits.unit == f"per 10{NBSP}000 menn"  # the box's first unit
    share_bar, rate_bar = plans[0], plans[1]
    assert share_bar.value_label.startswith("Andel") and share_bar.credits.unit == ""
    assert rate_bar.credits.unit == f"per 10{NBSP}000 menn"
    share_map = next(p for p in plans if hasattr(p, "legend"))
    assert share_map.title.startswith("Andel") and share_map.credits.unit == ""
    assert share_map.credits.producer == "SKDE" and share_map.credits.period == "2018–2022"

    _credits, plans = box_plans(library, "lab", "mb_rb1.json", "nb")
    line = next(p for p in plans if hasattr(p, "series"))
    assert line.y_label.startswith("Andel") and line.credits.unit == ""
    bar = next(p for p in plans if hasattr(p, "rows"))
    assert bar.credits.unit == f"per 1{NBSP}000 innbyggere"

    # A monthly count of examinations is no rate, though the box's bar chart is.
    _credits, plans = box_plans(library, "radiologi", "mr_caput_rb1.json", "nb")
    months = next(p for p in plans if hasattr(p, "series") and p.format_x == "month")
    assert months.credits.unit == ""

    # A map whose caption names no unit takes the unit of the chart drawing the same column.
    _credits, plans = box_plans(library, "fedme", "oppdatert_samla_fedme2.json", "nb")
    overview = next(p for p in plans if hasattr(p, "legend"))
    assert overview.title == "Overordna pasientutval"
    assert overview.credits.unit == f"per 10{NBSP}000 innbyggarar"


@pytest.mark.parametrize(
    ("atlas_id", "data_file", "lang", "unit", "label"),
    [
        # Norwegian labels written with the English "10,000" read "per ten" in Norwegian.
        (
            "fedme",
            "oppdatert_samla_fedme2.json",
            "nb",
            f"per 10{NBSP}000 innbyggarar",
            f"Tal pasientar per 10{NBSP}000 innbyggarar",
        ),
        (
            "lab",
            "mb_rb1.json",
            "nb",
            f"per 1{NBSP}000 innbyggere",
            f"Antall biokjemiske analyser pr. 1{NBSP}000 innbyggere",
        ),
        (
            "lab",
            "mb_rb1.json",
            "en",
            "per 1,000 population",
            "Number of biochemistry analysis pr. 1,000 population",
        ),
    ],
)
def test_rate_base_in_units_is_written_in_the_language(
    library, atlas_id, data_file, lang, unit, label
):
    credits, plans = box_plans(library, atlas_id, data_file, lang)
    assert credits.unit == unit
    bar = next(p for p in plans if hasattr(p, "rows"))
    assert bar.credits.unit == unit
    assert bar.value_label == label  # the axis title: only the number is rewritten


def test_rate_base_written_without_a_space_after_pr(library):
    """bup writes "pr.1000 innbyggjarar": still the unit, its number in the language."""
    credits, plans = box_plans(library, "bup", "adhd_pas2_en.json", "nn")
    assert credits.unit.startswith(f"per 1{NBSP}000 ")
