"""Generated area fact sheets: the figures, and the PDF read back as a user's viewer reads it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from atlasviewer import cli, i18n
from atlasviewer.core.factsheet import build_fact_sheet, resolve_target
from atlasviewer.core.formatting import format_number
from atlasviewer.core.library import AtlasLibrary
from atlasviewer.qt.factsheets.generated import write_fact_sheet_pdf
from atlasviewer.qt.map.scene import MapScene


@pytest.fixture(scope="module")
def library(v2_root: Path) -> AtlasLibrary:
    return AtlasLibrary([v2_root])


def _raw_rows(v2_root: Path, atlas_id: str, data_file: str, label: str) -> dict[str, dict]:
    """The rows of one row set straight from the data file, by area name."""
    raw = json.loads((v2_root / "public" / "data" / atlas_id / data_file).read_text("utf-8"))
    for item in raw["innhold"]:
        if item["type"] == "data" and item["label"] == label:
            return {row.get("area") or row.get("borhf"): row for row in item["data"]}
    raise AssertionError(f"no row set {label} in {data_file}")


def _map_measure(v2_root: Path, atlas_id: str, data_file: str) -> str:
    raw = json.loads((v2_root / "public" / "data" / atlas_id / data_file).read_text("utf-8"))
    return next(item["x"] for item in raw["innhold"] if item["type"] == "map")


def _pdf_text(path: Path) -> tuple[int, str]:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    text = "\n".join(pages)
    for space in ("\u00a0", "\u202f"):
        text = text.replace(space, " ")
    return document.pageCount(), text


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("area", "lang", "row_name", "national_label", "name_in_sheet"),
    [("St. Olavs", "nb", "St. Olav", "Norge", "St. Olav"), ("unn", "en", "UNN", "Norway", "UNN")],
)
def test_area_fact_sheet_figures_match_the_data(
    library, v2_root, qapp, tmp_path, area, lang, row_name, national_label, name_in_sheet
):
    i18n.set_language(lang)
    atlas = library.atlas("lab")
    target = resolve_target(area)
    assert target is not None and target.level == "area"
    sheet = build_fact_sheet(atlas, target, lang, today=date(2026, 11, 22))
    assert sheet.area_name == name_in_sheet
    assert sheet.national_name == national_label
    assert sheet.producer == "SKDE"
    assert len(sheet.boxes) == 35

    first = sheet.boxes[0]
    rows = _raw_rows(v2_root, "lab", atlas.variant(lang).result_boxes[0].data_file, "datasett_1")
    area_values = {k: r["totsnitt"] for k, r in rows.items() if k != "Norge"}
    value, national = rows[row_name]["totsnitt"], rows["Norge"]["totsnitt"]
    assert first.value == pytest.approx(value)
    assert first.national_value == pytest.approx(national)
    assert first.rank == 1 + sum(1 for v in area_values.values() if v > value)
    assert first.rank_count == 21 == len(area_values)
    assert first.ratio == pytest.approx(value / national)
    assert first.minimum.value == pytest.approx(min(area_values.values()))
    assert first.maximum.value == pytest.approx(max(area_values.values()))
    assert first.period == "2021\u20132023"

    out = tmp_path / f"lab_{lang}.pdf"
    pages = write_fact_sheet_pdf(sheet, out, lambda m: library.geography(atlas, m), MapScene)
    count, text = _pdf_text(out)
    assert count == pages >= 2
    assert i18n.gettext("Page {number} of {count}").format(number=count, count=count) in text
    assert name_in_sheet in text and national_label in text
    assert _plain(format_number(value, ",.0f", lang)) in text
    assert _plain(format_number(national, ",.0f", lang)) in text
    # Numbers follow the language: a thin/no-break space in Norwegian, a comma in English.
    assert ("15 255" in text) if lang == "nb" else ("UNN" in text and "," in first.national_text)
    assert "SKDE" in text


def test_region_fact_sheet_uses_region_rows_or_lists_the_areas(library, v2_root, qapp, tmp_path):
    atlas = library.atlas("lab")
    sheet = build_fact_sheet(atlas, resolve_target("Helse Nord RHF"), "en")
    assert sheet.area_name == "Helse Nord"
    # Box 1 has figures per referral area only: the region's areas are listed instead.
    first = sheet.boxes[0]
    assert not first.has_figures
    assert {m.name for m in first.members} == {"Finnmark", "UNN", "Nordland", "Helgeland"}
    # Box 2 has a row set per health region.
    second = sheet.boxes[1]
    data_file = atlas.variant("en").result_boxes[1].data_file
    rows = _raw_rows(v2_root, "lab", data_file, "datasett_2")
    measure = _map_measure(v2_root, "lab", data_file)
    assert second.value == pytest.approx(rows["Helse Nord"][measure])
    assert second.rank_count == 4
    out = tmp_path / "region.pdf"
    write_fact_sheet_pdf(sheet, out)
    _count, text = _pdf_text(out)
    assert "Referral areas of Helse Nord" in text
    assert second.value_text in text


def test_boxes_without_data_get_a_note(library, qapp, tmp_path):
    atlas = library.atlas("psyk2-1")  # an unpublished draft: most data files do not exist
    sheet = build_fact_sheet(atlas, resolve_target("Finnmark"), "nb")
    notes = [box for box in sheet.boxes if box.note and not box.has_figures]
    assert notes, "the draft's missing data files must show as notes"
    out = tmp_path / "draft.pdf"
    write_fact_sheet_pdf(sheet, out)
    _count, text = _pdf_text(out)
    assert notes[0].note.split(":")[0].split(".")[0] in " ".join(text.split())


def test_command_writes_a_pdf_and_rejects_unknown_areas(v2_root, tmp_path, capsys):
    out = tmp_path / "unn.pdf"
    code = cli.main(
        [
            "factsheet",
            "--data",
            str(v2_root),
            "--atlas",
            "radiologi2",
            "--area",
            "Universitetssykehuset Nord-Norge",
            "--lang",
            "en",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    count, text = _pdf_text(out)
    assert count >= 1 and "Fact sheet: UNN" in text
    assert "Wrote" in capsys.readouterr().out

    code = cli.main(
        [
            "factsheet",
            "--data",
            str(v2_root),
            "--atlas",
            "lab",
            "--area",
            "Atlantis",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "Atlantis" in err and "St. Olav" in err and "Helse Vest" in err
    assert not (tmp_path / "x.pdf").exists()


def test_fact_sheet_states_the_same_period_as_the_figures(v1_root, library):
    """One period per box: the figures' credit line and the fact sheet agree (v1: the CSV's)."""
    from atlasviewer.core.plans import credits_for

    kols = AtlasLibrary([v1_root]).atlas("v1-kols")
    sheet = build_fact_sheet(kols, resolve_target("Bergen"), "nb")
    with_values = [box for box in sheet.boxes if box.value is not None]
    assert with_values and all(box.period == "2013–2015" for box in with_values)
    lab = library.atlas("lab")
    variant = lab.variant("en")
    sheet = build_fact_sheet(lab, resolve_target("Bergen"), "en")
    for facts, box in zip(sheet.boxes, variant.result_boxes, strict=False):
        if facts.value is not None:
            assert facts.period == credits_for(variant, box, "en").period


def test_rates_around_one_keep_a_decimal_so_they_read_apart(library):
    # endometriose's first box writes its rates ",.0f"; they run from 0,58 to 2,58, so every
    # figure on the sheet (Bergen, Norway, lowest, highest) would read "1" or "3".
    sheet = build_fact_sheet(
        library.atlas("endometriose"), resolve_target("Bergen", library.registry), "nb"
    )
    facts = sheet.boxes[0]
    assert (facts.value_text, facts.national_text) == ("1,0", "1,3")
    assert facts.minimum_text == "0,6 (Førde)" and facts.maximum_text == "2,6 (Vestfold)"
    # Whole rates in the hundreds keep the box's own format.
    radiologi = build_fact_sheet(
        library.atlas("radiologi2"), resolve_target("Bergen", library.registry), "nb"
    )
    assert radiologi.boxes[0].national_text == "378"
