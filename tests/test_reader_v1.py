"""The first-generation reader on the real CSV atlases and on broken files built here."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from atlasviewer.core.intervals import byar_interval, value_interval, wilson_interval
from atlasviewer.core.model import Atlas, BarChartSpec, MapSpec, TableSpec
from atlasviewer.core.problems import Severity
from atlasviewer.core.readers.v1 import FirstGenerationReader

V1_IDS = {"v1-barn", "v1-dagkir", "v1-dagkir2", "v1-fodsel", "v1-gyn", "v1-kols", "v1-ortopedi"}


@pytest.fixture(scope="module")
def reader(v1_root: Path) -> FirstGenerationReader:
    return FirstGenerationReader(v1_root)


@pytest.fixture(scope="module")
def atlases(reader: FirstGenerationReader) -> dict[str, Atlas]:
    return {atlas.id: atlas for atlas in reader.read_index()}


def _box(atlas: Atlas, lang: str, title: str):
    return next(b for b in atlas.variant(lang).result_boxes if b.title == title)


def _row(box, area: str, slice_: str | None = None):
    data = box.load()
    frame = data.rowsets[slice_ or "data"].frame
    return next(row for row in frame if row["area"] == area)


# ------------------------------------------------------------------ real data


def test_every_csv_atlas_loads_without_errors(atlases: dict[str, Atlas], v1_root: Path):
    assert FirstGenerationReader.detect(v1_root)
    assert set(atlases) == V1_IDS
    for atlas in atlases.values():
        assert atlas.generation == 1
        assert not atlas.has_errors, [str(p) for p in atlas.problems]
        for variant in atlas.variants.values():
            assert variant.result_boxes, f"{atlas.id} {variant.lang} has no result boxes"
            for box in variant.result_boxes:
                data = box.load()
                assert not data.problems, [str(p) for p in data.problems]
                frame = next(iter(data.rowsets.values())).frame
                assert len(frame.present("value")) >= 18, (atlas.id, box.title)


def test_languages_titles_producers_and_dates(atlases: dict[str, Atlas]):
    for atlas_id in V1_IDS - {"v1-ortopedi"}:
        assert atlases[atlas_id].languages == ["nb", "en"]
    ortopedi = atlases["v1-ortopedi"]
    assert ortopedi.languages == ["nn"]  # "Noreg" in the national row: nynorsk, no English file
    assert ortopedi.producer == "Helse Førde"
    assert atlases["v1-kols"].producer == "SKDE"
    assert atlases["v1-barn"].title("en") == "Child healthcare atlas"
    assert atlases["v1-dagkir2"].title("nb") == "Dagkirurgi 2013–2017"
    assert atlases["v1-dagkir"].variant("nb").main_title == "Helseatlas - Dagkirurgi, 2011-2013"
    assert atlases["v1-dagkir2"].date == "2017"


def test_box_structure_follows_the_levels(atlases: dict[str, Atlas]):
    barn = atlases["v1-barn"].variant("nb")
    assert [c.title for c in barn.chapters][0] == "Barn 0-16 år, totalt"
    assert len(barn.chapters) == 3 and len(barn.result_boxes) == 25
    titles = [b.title for b in barn.result_boxes]
    # barn's level2 is a sub-heading: "Epilepsi" is both an admission and an outpatient box.
    assert "Medisinske innleggelser: Epilepsi" in titles
    assert "Medisinsk poliklinikk: Epilepsi" in titles
    fodsel = atlases["v1-fodsel"].variant("nb")
    assert [c.title for c in fodsel.chapters] == [
        "Populasjon", "Svangerskapsomsorgen", "Førstegangsfødende", "Flergangsfødende",
        "Barseltiden",
    ]  # fmt: skip
    kols = atlases["v1-kols"].variant("en")
    assert kols.chapters[0].result_boxes[0].title == (
        "Persons with RGP or emergency primary healthcare consultations"
    )
    assert len(atlases["v1-dagkir"].variant("nb").result_boxes) == 12


def test_known_values_and_counts(atlases: dict[str, Atlas]):
    kols = _box(atlases["v1-kols"], "nb", "Personer hos fastlege eller legevakt")
    finnmark = _row(kols, "Finnmark")
    assert (finnmark["value"], finnmark["numerator"], finnmark["denominator"]) == (
        249.3, 937, 38184,
    )  # fmt: skip
    ortopedi = _box(atlases["v1-ortopedi"], "nn", "Hofteleddsartrose - operasjonar")
    assert _row(ortopedi, "Akershus")["area_name"] == "Ahus"
    assert _row(ortopedi, "Akershus")["value"] == pytest.approx(174.498)
    assert ortopedi.load().rowsets["data"].national == "Noreg"


def test_dagkir2_slices_are_the_years_with_annual_markers(atlases: dict[str, Atlas]):
    box = atlases["v1-dagkir2"].variant("nb").result_boxes[0]
    data = box.load()
    assert data.slices == ["2013", "2014", "2015", "2016", "2017"]
    assert data.slice_label == {"nb": "År", "nn": "År", "en": "Year"}
    assert _row(box, "Finnmark", "2014")["value"] == pytest.approx(346.1)
    bars = [v for v in data.views_for("2015") if isinstance(v, BarChartSpec)]
    assert len(bars) == 1
    assert bars[0].annual_var == ["value_2013", "value_2014", "value_2016", "value_2017"]
    assert bars[0].error_bars == ["ci_low", "ci_high"]
    assert _row(box, "Finnmark", "2015")["value_2014"] == pytest.approx(346.1)
    kinds = {type(v) for v in data.views_for("2013")}
    assert kinds == {BarChartSpec, MapSpec, TableSpec}
    assert all(v.jenks == [] for v in data.views if isinstance(v, MapSpec))


def test_intervals_published_or_computed(atlases: dict[str, Atlas]):
    dagkir = atlases["v1-dagkir"].variant("nb").result_boxes[0]
    finnmark = _row(dagkir, "Finnmark")  # the producer's own interval (lci/uci) is kept
    assert (finnmark["ci_low"], finnmark["ci_high"]) == (216.4, 287.8)
    share = _row(_box(atlases["v1-fodsel"], "nb", "Andel 39 år eller eldre"), "Finnmark")
    assert share["ci_low"] < share["value"] < share["ci_high"] < 100
    mean_age = _row(_box(atlases["v1-fodsel"], "nb", "Alder ved første fødsel"), "Finnmark")
    assert math.isnan(mean_age["ci_low"])  # a mean age has no count-based interval
    table = next(v for v in dagkir.load().views if isinstance(v, TableSpec))
    assert [c.id for c in table.columns] == [
        "area", "value", "numerator", "denominator", "ci_low", "ci_high",
    ]  # fmt: skip


def test_every_area_joins_its_map(reader: FirstGenerationReader, atlases: dict[str, Atlas]):
    for atlas in atlases.values():
        for variant in atlas.variants.values():
            box = variant.result_boxes[0]
            geo = reader.geography(atlas, box.map_file)
            rowset = next(iter(box.load().rowsets.values()))
            areas = set(rowset.frame["area"]) - {rowset.national}
            assert areas <= set(geo.keys), (atlas.id, areas - set(geo.keys))
    kols = atlases["v1-kols"]
    geo = reader.geography(kols, kols.primary.result_boxes[0].map_file)
    assert geo.id == "v1:kols" and "Haraldsplass" in geo.keys
    assert "Haraldsplass" in set(kols.primary.result_boxes[0].load().rowsets["data"].frame["area"])


@pytest.mark.parametrize("atlas_id", ["v1-fodsel", "v1-gyn"])
def test_atlas_without_own_map_gets_the_covering_map_with_a_warning(
    reader: FirstGenerationReader, atlases: dict[str, Atlas], atlas_id: str
):
    atlas = atlases[atlas_id]
    geo = reader.geography(atlas, atlas.primary.result_boxes[0].map_file)
    assert geo.id == "v1:dagkir2"  # all 21 areas, none extra (kols's map splits off Haraldsplass)
    warnings = [p for p in atlas.problems if p.severity is Severity.WARNING]
    assert len(warnings) == 1 and "dagkir2.geojson" in warnings[0].message
    reader.geography(atlas, atlas.primary.result_boxes[1].map_file)
    assert len(atlas.problems) == 1  # recorded once


# ------------------------------------------------------------------ bad input

HEADER = "area;level1;level1_name;area_name;value;numerator;denominator;type;period"
GOOD_ROWS = [
    "1;1;Skulder;Finnmark;250.5;190;75000;Rate;2011-2013",
    "2;1;Skulder;Førde;180.0;150;90000;Rate;2011-2013",
    "8888;1;Skulder;Norge;200.0;9000;4500000;Rate;2011-2013",
]


def _root(tmp_path: Path, name: str, lines: list[str] | bytes) -> Path:
    (tmp_path / "csv").mkdir()
    (tmp_path / "geojson").mkdir()
    data = lines if isinstance(lines, bytes) else ("\r\n".join(lines) + "\r\n").encode("utf-8")
    (tmp_path / "csv" / f"{name}.csv").write_bytes(data)
    return tmp_path


def _only_atlas(root: Path) -> Atlas:
    (atlas,) = FirstGenerationReader(root).read_index()
    return atlas


def test_missing_column_is_an_error_naming_it(tmp_path: Path):
    header = HEADER.replace("value;", "verdi;")
    atlas = _only_atlas(_root(tmp_path, "test", [header, *GOOD_ROWS]))
    (problem,) = atlas.problems
    assert problem.severity is Severity.ERROR and problem.place == "line 1"
    assert problem.file.endswith("test.csv") and "value" in problem.message
    assert atlas.id == "v1-test" and atlas.primary.result_boxes == []


def test_non_numeric_value_is_a_warning_and_the_row_stays(tmp_path: Path):
    rows = [HEADER, GOOD_ROWS[0], GOOD_ROWS[1].replace("180.0", "n/a"), GOOD_ROWS[2]]
    atlas = _only_atlas(_root(tmp_path, "test", rows))
    data = atlas.primary.result_boxes[0].load()  # numbers are checked when a box is loaded
    (problem,) = atlas.problems
    assert problem.severity is Severity.WARNING and problem.place == "line 3"
    assert "n/a" in problem.message and problem.file.endswith("test.csv")
    assert data.problems == [problem]
    frame = data.rowsets["data"].frame
    assert list(frame["area"]) == ["Finnmark", "Førde", "Norge"]
    assert math.isnan(frame["value"][1]) and frame["value"][0] == 250.5


def test_unknown_area_is_a_warning_with_its_line(tmp_path: Path):
    rows = [HEADER, *GOOD_ROWS, "9;1;Skulder;Atlantis;10;1;100;Rate;2011-2013"]
    atlas = _only_atlas(_root(tmp_path, "test", rows))
    data = atlas.primary.result_boxes[0].load()  # areas are matched when a box is loaded
    (problem,) = atlas.problems
    assert problem.severity is Severity.WARNING and problem.place == "line 5"
    assert "Atlantis" in problem.message
    assert data.problems == [problem]
    frame = data.rowsets["data"].frame
    assert "Atlantis" in set(frame["area"])


def test_row_problems_reach_the_atlas_once_and_only_the_boxes_they_concern(tmp_path: Path):
    knee = [r.replace(";1;Skulder;", ";2;Kne;") for r in GOOD_ROWS]
    rows = [HEADER, *GOOD_ROWS, knee[0], knee[1].replace("180.0", "n/a"), knee[2] + ";x"]
    atlas = _only_atlas(_root(tmp_path, "test", rows))
    shoulder, knee_box = atlas.primary.result_boxes
    assert (shoulder.place, knee_box.place) == ("lines 2-4", "lines 5-7")
    assert shoulder.load().problems == []
    assert [(p.severity, p.place) for p in atlas.problems] == [
        (Severity.WARNING, "line 7"), (Severity.WARNING, "line 6"),
    ]  # fmt: skip
    data = knee_box.load()
    assert data.problems == atlas.problems  # the file was parsed once: nothing added twice
    assert "10 fields" in data.problems[0].message and "n/a" in data.problems[1].message
    assert list(data.rowsets["data"].frame["area"]) == ["Finnmark", "Førde", "Norge"]


def test_validate_reports_row_problems_with_file_and_line(tmp_path: Path, capsys):
    from atlasviewer import cli

    rows = [HEADER, GOOD_ROWS[0], GOOD_ROWS[1].replace("180.0", "n/a"), GOOD_ROWS[2]]
    root = _root(tmp_path, "test", rows)
    assert cli.main(["validate", "--data", str(root)]) == 1
    out = capsys.readouterr().out
    assert f"{root / 'csv' / 'test.csv'}: line 3" in out and "n/a" in out


def test_index_reads_no_numbers_and_no_box_imports_pandas(v1_root: Path):
    """The viewer indexes every atlas before it paints; no box needs pandas (nor the installer)."""
    script = (
        "import sys\n"
        "from atlasviewer.core.readers.v1 import FirstGenerationReader\n"
        f"atlases = FirstGenerationReader({str(v1_root)!r}).read_index()\n"
        "boxes = sum(len(v.result_boxes) for a in atlases for v in a.variants.values())\n"
        "print(len(atlases), boxes, 'pandas' in sys.modules)\n"
        "atlases[0].primary.result_boxes[0].load()\n"
        "print('pandas' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    index_line, after_load = result.stdout.split("\n")[:2]
    count, boxes, pandas_at_index = index_line.split()
    assert (count, pandas_at_index, after_load) == ("7", "False", "False")
    assert int(boxes) > 100


def test_non_utf8_file_is_read_as_cp1252_with_a_warning(tmp_path: Path):
    text = "\r\n".join([HEADER, *GOOD_ROWS]) + "\r\n"
    atlas = _only_atlas(_root(tmp_path, "test", text.encode("cp1252")))
    (problem,) = atlas.problems
    assert problem.severity is Severity.WARNING and "cp1252" in problem.message
    assert problem.file.endswith("test.csv") and problem.place == "line 3"
    frame = atlas.primary.result_boxes[0].load().rowsets["data"].frame
    assert "Førde" in set(frame["area"])


def test_empty_file_is_an_error(tmp_path: Path):
    atlas = _only_atlas(_root(tmp_path, "test", b""))
    (problem,) = atlas.problems
    assert problem.severity is Severity.ERROR and "empty" in problem.message
    assert atlas.primary.chapters == []


def test_atlas_no_map_covers_gets_an_error_but_keeps_its_tables(tmp_path: Path):
    root = _root(tmp_path, "test", [HEADER, *GOOD_ROWS])
    reader = FirstGenerationReader(root)
    (atlas,) = reader.read_index()
    box = atlas.primary.result_boxes[0]
    geo = reader.geography(atlas, box.map_file)
    assert geo.areas == []
    assert [p.severity for p in atlas.problems] == [Severity.ERROR]
    assert len(box.load().rowsets["data"].frame) == 3


# ------------------------------------------------------------------ interval maths


def test_byar_matches_the_exact_poisson_interval():
    low, high = byar_interval(100)
    assert low == pytest.approx(81.36, abs=0.02) and high == pytest.approx(121.63, abs=0.02)
    assert byar_interval(0) == (0.0, pytest.approx(3.689, abs=0.001))


def test_wilson_interval_known_values():
    low, high = wilson_interval(5, 10)
    assert (low, high) == (pytest.approx(0.2366, abs=1e-4), pytest.approx(0.7634, abs=1e-4))
    assert wilson_interval(0, 10)[1] == pytest.approx(0.2775, abs=1e-4)
    # On the value's own scale: a share in per cent stays in per cent.
    low, high = value_interval(50.0, 5, 10, share=True)
    assert (low, high) == (pytest.approx(23.66, abs=0.01), pytest.approx(76.34, abs=0.01))
    assert value_interval(10.0, 0, 100, share=False) is None


def test_value_labels_carry_the_rate_unit(atlases: dict[str, Atlas]):
    def label(atlas_id: str, lang: str, index: int) -> str:
        box = atlases[atlas_id].variant(lang).result_boxes[index]
        bar = next(v for v in box.load().views if isinstance(v, BarChartSpec))
        return bar.x_label[lang]

    assert label("v1-barn", "en", 0) == "Rate per 100,000 inhabitants (Number)"
    assert label("v1-gyn", "nb", 0) == "Rate per 10\u00a0000 innbyggere (Antall)"
    # dagkir_en.csv names its count "denominator_name" and its population "numerator_name".
    assert label("v1-dagkir", "en", 0) == "Rate per 100,000 inhabitants (Number)"
    assert any("swapped" in p.message for p in atlases["v1-dagkir"].problems)
    # A share says of what, in the atlas's language whatever the menus' language.
    assert label("v1-fodsel", "nb", 0) == "Andel av fødsler (%)"
    assert label("v1-kols", "en", 7) == "Percentage readmissions of primary admissions (%)"
