"""``atlasviewer deck``: decks and boxes to PowerPoint and PDF, headless."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from atlasviewer.cli import main
from atlasviewer.core.deck import Deck, Slide, write_deck
from deck_atlas import make_atlas


def _shapes(slide):
    pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    tables = [s for s in slide.shapes if s.has_table]
    return pictures, tables


def test_a_deck_file_to_pptx_has_a_slide_per_view_with_title_picture_and_notes(tmp_path, capsys):
    root = make_atlas(tmp_path / "data")
    deck = Deck(
        slides=[
            Slide(atlas="kyst", box=1, view="map", areas=["Sørby"], title="Kysten"),
            Slide(atlas="kyst", box=2, view="bar1", finding="Vestre er høyest."),
            Slide(atlas="kyst", box=2, view="table"),
        ]
    )
    path = write_deck(deck, tmp_path / "m.avdeck")
    out = tmp_path / "m.pptx"
    assert main(["deck", str(path), "--data", str(root), "--lang", "en", "--out", str(out)]) == 0
    assert "3 slides written" in capsys.readouterr().out
    shown = Presentation(str(out))
    assert shown.slide_width == Inches(13.333) and len(shown.slides) == 3
    titles = [s.shapes.title.text for s in shown.slides]
    assert titles == ["Kysten", "Kystboks 2", "Kystboks 2"]
    kinds = [tuple(len(x) for x in _shapes(s)) for s in shown.slides]
    assert kinds == [(1, 0), (1, 0), (0, 1)]
    notes = [s.notes_slide.notes_text_frame.text for s in shown.slides]
    assert notes == [
        "Funn nummer 1: raten varierer.",
        "Vestre er høyest.",
        "Funn nummer 2: raten varierer.",
    ]
    table = _shapes(shown.slides[2])[1][0].table
    assert [table.cell(0, c).text for c in range(2)] == ["Område", "Rate"]
    assert table.cell(2, 0).text == "Sørby" and table.cell(2, 1).text == "33,0"
    texts = [sh.text_frame.text for sh in shown.slides[0].shapes if sh.has_text_frame]
    assert "Source: Kystatlas" in texts
    assert list(tmp_path.glob(".deck-*")) == []


def test_boxes_of_an_atlas_to_a_pdf_handout_one_page_a_slide(tmp_path, capsys):
    root = make_atlas(tmp_path / "data", boxes=3)
    out = tmp_path / "h.pdf"
    args = ["deck", "--atlas", "kyst", "--box", "1", "3", "--aspect", "4:3", "--out", str(out)]
    assert main([*args, "--data", str(root), "--area", "Vestre"]) == 0
    assert len(PdfReader(str(out)).pages) == 6
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "Kystboks 1" in text and "Funn nummer 1" in text


def test_a_gone_slide_is_named_and_the_others_are_written(tmp_path, capsys):
    root = make_atlas(tmp_path / "data")
    deck = Deck(slides=[Slide(atlas="kyst", box=1, view="map"), Slide(atlas="kyst", box=9)])
    path = write_deck(deck, tmp_path / "d.avdeck")
    out = tmp_path / "d.pptx"
    assert main(["deck", str(path), "--data", str(root), "--out", str(out)]) == 1
    assert "Slide 2: The atlas “kyst” has no result box 9." in capsys.readouterr().err
    assert len(Presentation(str(out)).slides) == 1


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--atlas", "kyst", "--out", "x.docx"], "must end in .pptx or .pdf"),
        (["--out", "x.pptx"], "Give a deck file"),
        (["--atlas", "kyst", "--box", "7", "--out", "x.pptx"], "no result box 7"),
        (["--atlas", "kyst", "--area", "Atlantis", "--out", "x.pptx"], "Unknown area"),
        (["--atlas", "hav", "--out", "x.pptx"], "Unknown atlas id: hav"),
    ],
)
def test_wrong_usage_is_named_and_exits_2(tmp_path, capsys, options, words):
    root = make_atlas(tmp_path / "data")
    options = [str(tmp_path / o) if o.startswith("x.") else o for o in options]
    assert main(["deck", "--data", str(root), *options]) == 2
    assert words in capsys.readouterr().err
    assert list(tmp_path.glob("x.*")) == []


def test_a_file_that_is_not_a_deck_is_named(tmp_path, capsys):
    root = make_atlas(tmp_path / "data")
    bad = tmp_path / "bad.avdeck"
    bad.write_text("[]", encoding="utf-8")
    out = tmp_path / "x.pptx"
    assert main(["deck", str(bad), "--data", str(root), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "not an Atlas Viewer deck" in err
    assert not out.exists()


def test_real_atlas_box_to_pptx(tmp_path, v2_root, capsys):
    out = tmp_path / "r.pptx"
    args = ["deck", "--data", str(v2_root), "--atlas", "radiologi2", "--box", "1"]
    assert main([*args, "--area", "St. Olav", "--lang", "nb", "--out", str(out)]) == 0
    shown = Presentation(str(out))
    assert len(shown.slides) >= 3
    for slide in shown.slides:
        pictures, tables = _shapes(slide)
        assert slide.shapes.title.text and len(pictures) + len(tables) == 1
        assert slide.notes_slide.notes_text_frame.text
