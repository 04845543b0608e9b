"""The deck file: slides are references, read safely, written atomically, resolved by content."""

from __future__ import annotations

import json
import os

import pytest

from atlasviewer.core.deck import Deck, Slide, read_deck, write_deck
from atlasviewer.core.deck_views import box_slides, resolve, view_names
from atlasviewer.core.problems import Severity
from deck_atlas import library, make_atlas


def test_a_deck_round_trips_and_holds_no_data(tmp_path):
    deck = Deck(title="Møte", aspect="4:3")
    deck.slides.append(Slide(atlas="kyst", box=2, view="bar1", areas=["Nordvik"], lang="nb"))
    deck.slides.append(Slide(atlas="kyst", box=1, view="map", title="Kartet", finding=""))
    path = write_deck(deck, tmp_path / "m.avdeck")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == "atlasviewer-deck"
    # references only: no rows, values or geometry in the file
    assert set(raw["slides"][0]) == {
        "kind",
        "atlas",
        "box",
        "view",
        "title",
        "areas",
        "lang",
        "finding",
        "options",
    }
    read, problems = read_deck(path)
    assert problems == []
    assert read.title == "Møte" and read.aspect == "4:3"
    assert [(s.box, s.view, s.title, s.areas, s.finding) for s in read.slides] == [
        (2, "bar1", "", ["Nordvik"], None),
        (1, "map", "Kartet", [], ""),
    ]


def test_a_slide_of_another_kind_is_kept_as_it_was(tmp_path):
    compare = {"kind": "compare", "atlas": "kyst", "boxes": [1, 2], "view": "scatter"}
    path = tmp_path / "new.avdeck"
    path.write_text(json.dumps({"format": "atlasviewer-deck", "slides": [compare]}))
    deck, problems = read_deck(path)
    assert problems == []
    write_deck(deck, path)
    assert json.loads(path.read_text())["slides"][0] == compare
    found = resolve(deck.slides[0], library(make_atlas(tmp_path / "data")), "en")
    assert "compare" in found.missing


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "cannot be read"),
        (json.dumps({"slides": []}).encode(), "not an Atlas Viewer deck"),
        (json.dumps([1, 2]).encode(), "not an Atlas Viewer deck"),
    ],
)
def test_a_bad_file_is_a_problem_naming_it_and_is_left_as_it_was(tmp_path, content, words):
    path = tmp_path / "bad.avdeck"
    path.write_bytes(content)
    deck, problems = read_deck(path)
    assert deck.slides == []
    assert [p.severity for p in problems] == [Severity.ERROR]
    assert problems[0].file == str(path) and words in problems[0].message
    assert path.read_bytes() == content


def test_a_wrong_slide_is_named_and_the_others_are_read(tmp_path):
    path = tmp_path / "d.avdeck"
    slides = [
        {"kind": "box", "atlas": "kyst", "box": 1, "view": "map"},
        {"kind": "box", "atlas": "kyst", "box": "two", "view": "map"},
        "text",
        {"kind": "box", "atlas": "kyst", "box": 2, "view": "table", "areas": "Nordvik"},
        {"kind": "box", "atlas": "kyst", "box": 2, "view": "bar1"},
    ]
    path.write_text(json.dumps({"format": "atlasviewer-deck", "slides": slides}))
    deck, problems = read_deck(path)
    assert [(s.box, s.view) for s in deck.slides] == [(1, "map"), (2, "bar1")]
    assert [p.place for p in problems] == ["slide 2", "slide 3", "slide 4"]
    assert "“box”" in problems[0].message and "“areas”" in problems[2].message


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = write_deck(Deck(title="old"), tmp_path / "d.avdeck")
    before = path.read_bytes()

    def broken(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_deck(Deck(title="new"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.avdeck"]


def test_slides_resolve_and_a_missing_atlas_or_box_is_named(tmp_path):
    lib = library(make_atlas(tmp_path))
    ok = resolve(Slide(atlas="kyst", box=2, view="bar1"), lib, "en")
    assert ok.ok and ok.box.title == "Kystboks 2" and ok.view.kind == "barchart"
    assert ok.finding == "Funn nummer 2: raten varierer."
    gone_atlas = resolve(Slide(atlas="borte", box=1, view="map"), lib, "en")
    assert "“borte”" in gone_atlas.missing
    gone_box = resolve(Slide(atlas="kyst", box=9, view="map"), lib, "en")
    assert "no result box 9" in gone_box.missing
    gone_view = resolve(Slide(atlas="kyst", box=1, view="line1"), lib, "en")
    assert "“line1”" in gone_view.missing


def test_view_names_are_those_of_the_export_files(tmp_path):
    lib = library(make_atlas(tmp_path))
    data = lib.get("kyst").primary.result_boxes[0].load()
    assert [name for name, _v in view_names(data.views)] == ["map", "bar1", "table"]


def test_a_deck_of_boxes_has_a_slide_per_view(tmp_path):
    lib = library(make_atlas(tmp_path))
    deck = box_slides(lib, "kyst", None, ["Sørby"], "nb")
    assert [(s.box, s.view) for s in deck.slides] == [
        (1, "map"),
        (1, "bar1"),
        (1, "table"),
        (2, "map"),
        (2, "bar1"),
        (2, "table"),
    ]
    assert all(s.areas == ["Sørby"] for s in deck.slides)
    with pytest.raises(LookupError, match="no result box 7"):
        box_slides(lib, "kyst", [1, 7], [], "nb")


def test_the_finding_is_plain_words():
    from atlasviewer.core.deck_views import plain_markdown

    text = "Det tilsvarer **22 millioner** i [refusjon i 2022](#refusjoner) <br> per\nundersøkelse."
    assert plain_markdown(text) == "Det tilsvarer 22 millioner i refusjon i 2022 per undersøkelse."
