"""Search at word starts (issue 19, item 1): on the real atlas texts and on made-up ones."""

from __future__ import annotations

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.library_search import atlas_matches, box_hits
from atlasviewer.core.text_search import Hit, find_words, snippet


def test_a_word_is_found_at_word_starts_and_after_hyphens_never_inside():
    assert find_words("MR av kneet", "mr") == [Hit(0, 2)]
    assert find_words("Bruk av MR-undersøkelser", "undersøk") == [Hit(11, 19)]
    assert find_words("Bruk av MR-undersøkelser", "mr") == [Hit(8, 10)]
    assert find_words("pasientens opptaksområde", "mr") is None
    assert find_words("the doctor-patient relationship", "hip") is None
    assert find_words("Hofteprotese (hofte)", "HOFTE") == [Hit(0, 5)]
    assert find_words("Øre-nese-hals", "nese hals") == [Hit(4, 8), Hit(9, 13)]
    assert find_words("Øre-nese-hals", "nese kne") is None
    assert find_words("anything", "   ") is None


def test_a_snippet_keeps_the_hit_in_view():
    text = "Først   kommer en lang innledning om mye annet, og så til slutt: MR av kneet, og mer."
    hit = find_words(text, "mr")[0]
    excerpt, place = snippet(text, hit, width=30)
    assert excerpt[place.start : place.end] == "MR"
    assert excerpt.startswith("…") and len(excerpt) < 50


def test_mr_and_hip_find_the_atlases_about_them_on_the_real_data(v2_root):
    library = AtlasLibrary([v2_root])
    mr = {a.id for a in library.atlases if atlas_matches(a, "MR")}
    assert {"radiologi", "radiologi2"} <= mr
    # "mr" occurs inside "opptaksområde" in these; they say nothing about MR.
    assert not {"fedme", "endometriose"} & mr
    hip = {a.id for a in library.atlases if atlas_matches(a, "hip")}
    # "relationship" in the children's mental-health atlas and in radiologi's texts.
    assert not {"bup", "radiologi"} & hip
    assert "ortopedi" in {a.id for a in library.atlases if atlas_matches(a, "hofte")}


def test_the_boxes_that_matched_are_named_with_the_hit(v2_root):
    atlas = AtlasLibrary([v2_root]).get("radiologi2")
    hits = box_hits(atlas, "MR", "nb")
    assert hits and all(h.excerpt[h.hit.start : h.hit.end].casefold() == "mr" for h in hits)
    titles = [box.title for box in atlas.variant("nb").result_boxes]
    assert all(h.title == titles[h.number - 1] for h in hits)
    # English words find the box too, named in the edition shown.
    assert {h.number for h in box_hits(atlas, "MRI", "nb")} & {h.number for h in hits}


def test_chapter_texts_count_too_at_word_starts(v2_root):
    """An English reader typing "hip" finds the orthopaedic atlas (its texts, not its boxes)."""
    library = AtlasLibrary([v2_root])
    hip = {a.id for a in library.atlases if atlas_matches(a, "hip")}
    assert "ortopedi" in hip and not {"bup", "radiologi"} & hip
