"""``atlasviewer export`` on the real atlases, and the CSV / XLSX table writers."""

from __future__ import annotations

import csv
import json

import pytest

from atlasviewer.cli import main
from atlasviewer.core.plans import Credits, TableColumnPlan, TablePlan
from atlasviewer.core.tables_export import (
    excel_number_format,
    write_table_csv,
    write_table_xlsx,
)


def export(tmp_path, root, *options):
    out = tmp_path / "out"
    code = main(["export", "--data", str(root), "--out", str(out), *options])
    return code, out


def test_radiologi2_box_1_writes_every_view_and_a_summary(tmp_path, v2_root, capsys):
    code, out = export(
        tmp_path, v2_root, "--atlas", "radiologi2", "--box", "1", "--lang", "nb", "--dpi", "60"
    )
    assert code == 0, capsys.readouterr().err
    names = {p.name for p in out.iterdir()}
    stem = "1-antall-undersokelser"
    for view in ("map", "bar1", "bar2", "bar3", "line1"):
        for ext in ("png", "svg", "pdf"):
            assert f"{stem}-{view}.{ext}" in names
    assert {f"{stem}-table.csv", f"{stem}-table.xlsx", f"{stem}-summary.json"} <= names
    assert (out / f"{stem}-bar1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / f"{stem}-map.pdf").read_bytes()[:5] == b"%PDF-"
    summary = json.loads((out / f"{stem}-summary.json").read_text(encoding="utf-8"))
    assert summary["ratio"] == pytest.approx(1.62, abs=0.005)
    assert summary["highest"]["name"] == "Østfold"
    assert summary["box"] == 1 and summary["atlas"] == "radiologi2"


def test_norwegian_csv_opens_as_numbers_in_norwegian_excel(tmp_path, v2_root):
    code, out = export(
        tmp_path, v2_root, "--atlas", "radiologi2", "--box", "1", "--lang", "nb", "--format", "csv"
    )
    assert code == 0
    raw = (out / "1-antall-undersokelser-table.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][0] == "Opptaksområder"
    finnmark = next(r for r in rows if r[0] == "Finnmark")
    assert finnmark[1].startswith("360,6237"), "raw value, decimal comma"


def test_lang_before_the_command_chooses_the_exported_language(tmp_path, v2_root):
    out = tmp_path / "out"
    arguments = ["--lang", "nb", "export", "--data", str(v2_root), "--out", str(out)]
    assert main([*arguments, "--atlas", "radiologi2", "--box", "1", "--format", "csv"]) == 0
    # English would be "1-number-of-examinations-table.csv", with "Referral areas" above it.
    table = out / "1-antall-undersokelser-table.csv"
    assert table.read_text(encoding="utf-8-sig").startswith("Opptaksområder;")


def test_unknown_atlas_is_a_usage_error(tmp_path, v2_root, capsys):
    code, out = export(tmp_path, v2_root, "--atlas", "no-such-atlas")
    assert code == 2
    err = capsys.readouterr().err
    assert "no-such-atlas" in err and "radiologi2" in err


def test_unknown_box_is_a_usage_error(tmp_path, v2_root, capsys):
    code, _out = export(tmp_path, v2_root, "--atlas", "radiologi2", "--box", "99")
    assert code == 2
    assert "99" in capsys.readouterr().err


def test_box_without_data_file_is_named_and_the_others_are_written(tmp_path, v2_root, capsys):
    code, out = export(tmp_path, v2_root, "--atlas", "psyk2-1", "--lang", "en", "--format", "csv")
    assert code == 1
    err = capsys.readouterr().err
    assert "result box 1 (" in err
    assert "pasient_polyklinikk_65.json" in err
    assert "is missing" in err
    written = [p.name for p in out.iterdir()]
    assert any(name.endswith("-table.csv") for name in written)
    assert any(name.endswith("-summary.json") for name in written)


def test_first_generation_box_is_exported_per_year(tmp_path, v1_root, capsys):
    code, out = export(
        tmp_path,
        v1_root,
        "--atlas",
        "v1-dagkir2",
        "--box",
        "1",
        "--lang",
        "nb",
        "--format",
        "png",
        "--dpi",
        "40",
    )
    assert code == 0, capsys.readouterr().err
    names = sorted(p.name for p in out.iterdir())
    years = {n.split("-")[-2] for n in names if n.endswith("-map.png")}
    assert len(years) >= 2, names
    summary = next(n for n in names if n.endswith("-summary.json"))
    document = json.loads((out / summary).read_text(encoding="utf-8"))
    assert set(document["by_slice"]) and document["ratio"] > 1


# --------------------------------------------------------------------------- table writers


def table_plan() -> TablePlan:
    columns = [
        TableColumnPlan("area", "Opptaksområde", False, ""),
        TableColumnPlan("rate", "Rate", True, ",.1f"),
        TableColumnPlan("share", "Andel", True, ",.0%"),
    ]
    return TablePlan(
        caption="Årlig gjennomsnitt 2018–2022",
        columns=columns,
        row_keys=["Førde", "Norge"],
        values=[["Førde", 1234.56, 0.25], ["Norge", 1000.0, None]],
        texts=[["Førde", "1 234,6", "25 %"], ["Norge", "1 000,0", "–"]],
        national_row=1,
        credits=Credits("SKDE", "2018–2022", "per 10 000", "Source: SKDE, Helseatlas"),
    )


def test_english_csv_uses_commas_and_points(tmp_path):
    path = write_table_csv(table_plan(), tmp_path / "t.csv", "en")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["Opptaksområde,Rate,Andel", "Førde,1234.56,0.25", "Norge,1000,"]


def test_xlsx_has_caption_numbers_formats_and_attribution(tmp_path):
    from openpyxl import load_workbook

    path = write_table_xlsx(table_plan(), tmp_path / "t.xlsx", "Antall: MR/CT?")
    sheet = load_workbook(path).active
    assert sheet.title == "Antall  MR CT"
    assert sheet["A1"].value == "Årlig gjennomsnitt 2018–2022"
    assert [c.value for c in sheet[3]] == ["Opptaksområde", "Rate", "Andel"]
    assert sheet["B4"].value == pytest.approx(1234.56)
    assert sheet["B4"].number_format == "#,##0.0"
    assert sheet["C4"].number_format == "#,##0%"
    assert sheet["A5"].font.bold, "the national row stands out"
    assert sheet["A7"].value == "Source: SKDE, Helseatlas · 2018–2022 · per 10 000"


@pytest.mark.parametrize(
    ("spec", "excel"),
    [(",.0f", "#,##0"), (",.2f", "#,##0.00"), (",.1%", "#,##0.0%"), (".0%", "0%"), ("", "General")],
)
def test_d3_formats_become_excel_formats(spec, excel):
    assert excel_number_format(spec) == excel
