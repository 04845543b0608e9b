"""The second-generation reader on the real atlases in ../shared/helseatlas."""

from __future__ import annotations

import math

import pytest

from atlasviewer.core.links import fact_sheet_links, link_problems
from atlasviewer.core.matching import match_rows
from atlasviewer.core.model import (
    BarChartSpec,
    FactBox,
    LineChartSpec,
    MapSpec,
    ResultBox,
    TableSpec,
    TextItem,
)
from atlasviewer.core.problems import Severity
from atlasviewer.core.readers.v2 import SecondGenerationReader
from atlasviewer.core.registry import default_registry

MISSING_FACT_SHEET = "leads to a fact sheet that was never published"


@pytest.fixture(scope="module")
def reader(v2_root):
    return SecondGenerationReader(v2_root)


@pytest.fixture(scope="module")
def atlases(reader):
    return {a.id: a for a in reader.read_index()}


def test_detects_only_its_layout(v2_root, v1_root, tmp_path):
    assert SecondGenerationReader.detect(v2_root)
    assert not SecondGenerationReader.detect(v1_root)
    assert not SecondGenerationReader.detect(tmp_path)


def test_index_has_every_atlas_with_its_languages(atlases):
    assert len(atlases) == 19
    assert atlases["radiologi2"].languages == ["nb", "en"]
    assert atlases["bup"].languages == ["nn", "en"]
    assert atlases["endometriose"].languages == ["nb"]
    assert atlases["radiologi2"].title("en") == "Radiology - MRI  part 2 - vertebral column"
    assert atlases["radiologi2"].producer == "SKDE"


def test_draft_is_loaded_and_marked(atlases):
    assert not atlases["psyk2-1"].published
    assert atlases["radiologi2"].published
    assert any(p.severity is Severity.INFO for p in atlases["psyk2-1"].problems)


def test_chapters_hold_texts_fact_boxes_and_numbered_result_boxes(atlases):
    variant = atlases["radiologi2"].variant("nb")
    kinds = {type(item) for chapter in variant.chapters for item in chapter.items}
    assert kinds == {TextItem, FactBox, ResultBox}
    boxes = variant.result_boxes
    assert [b.number for b in boxes] == list(range(1, len(boxes) + 1)) == list(range(1, 8))
    first = boxes[0]
    assert first.title == "Antall undersøkelser"
    assert first.data_file == "mr_kol_18_rb1.json"
    assert first.map_file == "kart_2024.geojson"
    assert first.published == "2024-03-07T11:30:07.501Z"
    assert first.place.startswith("kapittel[")


def test_empty_or_missing_map_means_kart_2024(atlases):
    maps = {
        b.map_file for a in atlases.values() for v in a.variants.values() for b in v.result_boxes
    }
    assert maps == {"kart_2024.geojson", "kart_opt_2025.geojson"}


def test_unknown_keys_are_warnings(atlases):
    warnings = [p for p in atlases["lab"].problems if p.severity is Severity.WARNING]
    assert any("Resultat" in p.message for p in warnings)


def test_national_value_of_radiologi2_box_1(atlases):
    data = atlases["radiologi2"].variant("nb").result_boxes[0].load()
    rowset = data.rowsets["datasett_1"]
    assert rowset.area_column == "area"
    assert rowset.national == "Norge"
    mean = dict(zip(rowset.frame["area"], rowset.frame["totsnitt"], strict=True))
    assert mean["Norge"] == pytest.approx(378.262154445)
    assert mean["Førde"] < mean["Østfold"]
    assert len(rowset.frame) == 22  # 21 referral areas and Norway


def test_views_are_typed(atlases):
    boxes = atlases["radiologi2"].variant("en").result_boxes
    box = next(b for b in boxes if b.data_file == "mr_lumbosakral_rb1.json")
    data = box.load()
    assert not data.problems
    bars, stacked, line, table, map_view = data.views
    assert isinstance(bars, BarChartSpec)
    assert bars.x == ["totsnitt"] and bars.y == "area"
    assert bars.annual_var == ["tot2018", "tot2019", "tot2020", "tot2021", "tot2022"]
    assert bars.x_label["en"].startswith("Number of lumbar spine MRI")
    assert stacked.x_legend["en"] == ["Private imaging clinics", "Public"]
    assert isinstance(line, LineChartSpec)
    assert line.x == "alder" and line.line_vars == ["Kvinner", "Menn"]
    assert line.format_y == ",.1%"
    assert isinstance(table, TableSpec)
    assert table.columns[1].label == {"nb": "Rate*", "nn": "Rate*", "en": "Rate*"}
    assert table.columns[0].label["nn"] == "Opptaksområder"
    assert table.columns[0].label["en"] == "Referral areas"
    assert isinstance(map_view, MapSpec)
    assert map_view.x == "totsnitt" and len(map_view.jenks) == 3
    assert map_view.jenks[0].boundary == pytest.approx(152.295085653)


def test_breaks_only_jenks_are_completed_from_the_data(atlases):
    for box in atlases["bup"].variant("nn").result_boxes:
        for view in box.load().views:
            if isinstance(view, MapSpec):
                for jenks_class in view.jenks:
                    assert not math.isnan(jenks_class.minimum)
                    assert jenks_class.minimum <= jenks_class.maximum <= jenks_class.boundary


def test_maps_have_their_areas(reader, atlases):
    atlas = atlases["radiologi2"]
    assert len(reader.geography(atlas, "kart_2024.geojson").areas) == 21
    assert len(reader.geography(atlas, "fylke_2024.geojson").areas) == 15
    assert reader.geography(atlas, "kart_2024.geojson") is reader.geography(atlas, "")
    assert len(reader.regions(atlas, "kart_2024.geojson").areas) == 4


def test_every_row_is_matched_outside_psyk2_1(reader, atlases):
    registry = default_registry()
    checked = 0
    for atlas in atlases.values():
        if atlas.id == "psyk2-1":
            continue
        for variant in atlas.variants.values():
            for box in variant.result_boxes:
                data = box.load()
                assert not [p for p in data.problems if p.severity is Severity.ERROR], box.title
                geography = reader.geography(atlas, box.map_file)
                for rowset in data.rowsets.values():
                    if rowset.area_column is None:
                        continue
                    matched = match_rows(rowset, geography, registry)
                    names = [str(n) for n in rowset.frame[rowset.area_column]]
                    assert not matched.unknown
                    assert set(matched.mapping) | {matched.national} == set(names)
                    checked += 1
    assert checked > 250


def test_region_rows_match_the_dissolved_regions(reader, atlases):
    atlas = atlases["lab"]
    for box in atlas.variant("nb").result_boxes:
        for rowset in box.load().rowsets.values():
            if rowset.area_column == "borhf":
                matched = match_rows(rowset, reader.geography(atlas, box.map_file))
                regions = reader.regions(atlas, box.map_file).keys
                assert matched.level == "region"
                assert sorted(matched.mapping.values()) == sorted(regions)
                assert matched.national == "Norge"
                return
    pytest.fail("no row set of health regions in lab")


def test_other_spellings_match_the_map(reader, atlases):
    from atlasviewer.core.model import RowSet
    from atlasviewer.core.records import Records

    frame = Records.from_columns({"area": ["St. Olavs", "Ahus", "Noreg"], "rate": [1.0, 2.0, 3.0]})
    rowset = RowSet("x", frame, area_column="area", national="Noreg")
    matched = match_rows(rowset, reader.geography(atlases["bup"], "kart_2024.geojson"))
    assert matched.mapping == {"St. Olavs": "St. Olav", "Ahus": "Akershus"}
    assert matched.national == "Noreg" and not matched.problems


def test_psyk2_1_missing_data_files_are_errors_naming_the_box(atlases):
    boxes = atlases["psyk2-1"].variant("nn").result_boxes
    problems = [p for b in boxes for p in b.load().problems]
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert len(errors) == 11
    assert errors[0].file.endswith("psyk2-1.json")
    assert errors[0].place == "kapittel[2].innhold[1].data"
    assert "figures and tables cannot be shown" in errors[0].message
    assert "pasient_polyklinikk_65.json" not in errors[0].message  # a path is a detail
    assert errors[0].details == "public/data/psyk2-1/pasient_polyklinikk_65.json"
    assert "pasient_polyklinikk_65.json" in str(errors[0])  # validate prints it
    # The one box whose data exists is drawn on kart_opt_2025 and loads cleanly.
    assert boxes[-1].map_file == "kart_opt_2025.geojson"
    assert boxes[-1].load().views


def test_fact_sheet_links(atlases, v2_root):
    sheets = fact_sheet_links(atlases["barn"].variant("nb"))
    assert sheets == [("rapporten", v2_root / "public/files/rapport_digitalt.pdf", False)]
    published = fact_sheet_links(atlases["dagkir2"].variant("nb"))
    assert published and all(exists for _, _, exists in published)


def test_missing_fact_sheet_is_a_warning_naming_file_and_chapter(atlases):
    problems = link_problems(atlases["psyk"].variant("nn"))
    assert not [p for p in problems if p.severity is Severity.ERROR]
    errors = [p for p in problems if MISSING_FACT_SHEET in p.message]
    assert all(p.severity is Severity.WARNING for p in errors)
    assert len(errors) == 2
    assert errors[0].file.endswith("posts/atlas/psyk.json")
    assert errors[0].place.startswith("kapittel[0].innhold[0].tekst")
    assert errors[1].place.startswith("kapittel[8].innhold[0].tekst (chapter “")
    assert MISSING_FACT_SHEET in errors[0].message
    assert errors[0].details == "files/psykiskhelsevernogrus.pdf"
    assert "the rest of the atlas is shown" in errors[0].message
