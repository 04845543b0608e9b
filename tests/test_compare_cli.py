"""``atlasviewer compare`` writes each format; usage errors name the choices."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from atlasviewer.cli import main
from compare_data import box_data, rows, write_atlas


@pytest.fixture(scope="module")
def real(v2_root, v1_root):
    return ["--data", str(v2_root), "--data", str(v1_root)]


def test_xlsx_of_radiologi2_has_every_view_with_numbers_as_numbers(real, tmp_path, capsys):
    out = tmp_path / "bergen.xlsx"
    code = main(["compare", *real, "--atlas", "radiologi2", "--area", "Helse Bergen",
                 "--lang", "nb", "--out", str(out)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Tabell", "Områdeprofil", "Variasjon", "Definisjoner"]
    table = book.worksheets[0]
    assert "radiologi2" in table["A2"].value  # the header block names the source
    header_row = next(r for r in range(1, 12) if table.cell(r, 1).value == "Område")
    assert table.cell(header_row + 1, 1).value == "Bergen"
    value = table.cell(header_row + 1, 2)
    assert isinstance(value.value, float) and value.number_format == "#,##0"
    assert value.fill.start_color.rgb.endswith("8FB3E3")  # higher than Norway, as the test says
    variation = book.worksheets[2]
    ratios = [c.value for c in variation["K"] if isinstance(c.value, float)]
    assert round(ratios[0], 2) == max(round(r, 2) for r in ratios)


def test_csv_of_the_variation_view(real, tmp_path):
    out = tmp_path / "variation.csv"
    assert main(["compare", *real, "--atlas", "radiologi2", "--box", "1", "--view",
                 "variation", "--lang", "en", "--out", str(out)]) == 0  # fmt: skip
    with out.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    # radiologi2 names a box "Number of examinations" in three chapters: the chapter leads.
    headline = "MRI of the vertebral column (the spine): Number of examinations"
    box_1 = next(r for r in records if r["Box"] == "1" and r["Indicator"] == headline)
    assert round(float(box_1["Highest / lowest"]), 2) == 1.62
    assert box_1["Highest area"] == "Østfold" and box_1["Lowest area"] == "Førde"


@pytest.mark.parametrize("suffix, magic", [(".pdf", b"%PDF"), (".png", b"\x89PNG"),
                                            (".svg", b"<?xml")])  # fmt: skip
def test_profile_chart_in_each_format(real, tmp_path, suffix, magic):
    out = tmp_path / f"profile{suffix}"
    assert main(["compare", *real, "--atlas", "radiologi2", "--area", "Bergen",
                 "--out", str(out)]) == 0  # fmt: skip
    assert out.read_bytes().startswith(magic)


def test_generated_atlas_every_atlas_by_default(tmp_path, capsys):
    root = write_atlas(tmp_path / "data", {"a.json": box_data(rows({"Bergen": 2.0, "Førde": 1.0,
                                                                     "Norge": 1.5}))})  # fmt: skip
    out = tmp_path / "t.csv"
    assert main(["compare", "--data", str(root), "--lang", "en", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Area,")
    lines = {line.split(",")[0]: line for line in text.splitlines()}
    assert lines["Bergen"].split(",")[1] == "2.0"
    assert lines["Østfold"].split(",")[1] == ""  # not in the analysis: empty
    assert "(indicators: 2, areas: 21)" in capsys.readouterr().out


@pytest.mark.parametrize(
    "arguments, expected",
    [
        (["--atlas", "nope"], "Known ids: "),
        (["--area", "Atlantis"], "Valid names: Akershus, Bergen"),
        (["--region", "Atlantis"], "Valid names: Helse Midt-Norge"),
        (["--box", "99"], "No result box 99"),
        (["--view", "profile"], "--area NAME"),
    ],
)
def test_usage_errors_exit_2_and_name_the_choices(real, tmp_path, capsys, arguments, expected):
    code = main(["compare", *real, *arguments, "--out", str(tmp_path / "x.csv")])
    assert code == 2
    assert expected in capsys.readouterr().err


def test_unknown_format_and_unwritable_file(real, tmp_path, capsys):
    assert main(["compare", *real, "--atlas", "lab", "--out", str(tmp_path / "x.txt")]) == 2
    assert ".xlsx, .csv" in capsys.readouterr().err
    blocked = tmp_path / "no" / "x.csv"
    assert main(["compare", *real, "--atlas", "lab", "--out", str(blocked)]) == 1
    assert "Cannot write" in capsys.readouterr().err


@pytest.mark.parametrize("lang, words", [("nb", "hvert atlas"), ("nn", "kvart atlas")])
def test_help_is_translated(capsys, lang, words):
    with pytest.raises(SystemExit):
        main(["--lang", lang, "compare", "--help"])
    assert words in capsys.readouterr().out


def test_xlsx_marks_merged_cells_and_defines_every_statistic(real, tmp_path):
    out = tmp_path / "oslo.xlsx"
    assert main(["compare", *real, "--atlas", "v1-barn", "--box", "1", "--area", "Lovisenberg",
                 "--area", "Bergen", "--lang", "en", "--out", str(out)]) == 0  # fmt: skip
    book = openpyxl.load_workbook(out)
    table = book["Table"]
    header_row = next(r for r in range(1, 12) if table.cell(r, 1).value == "Area")
    lovisenberg = table.cell(header_row + 1, 2)
    assert table.cell(header_row + 1, 1).value == "Lovisenberg"
    assert isinstance(lovisenberg.value, (int, float))
    assert "Oslo: OUS, Lovisenberg, Diakonhjemmet" in lovisenberg.comment.text
    assert table.cell(header_row + 2, 2).comment is None  # Bergen is Bergen
    terms = [row[0].value for row in book["Definitions"].iter_rows(min_row=2)]
    for term in (
        "Index (Norway = 100)",
        "Rank",
        "Against national",
        "Highest / lowest",
        "Second highest / second lowest",
        "Coefficient of variation",
        "SCV × 100",
    ):
        assert term in terms  # fmt: skip
