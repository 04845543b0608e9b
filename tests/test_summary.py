"""The numbers a result box's text states: highest/lowest ratio, national value, spread."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlasviewer.core.library import AtlasLibrary
from atlasviewer.core.model import BarChartSpec
from atlasviewer.core.summary import summarise


@pytest.fixture(scope="module")
def library(v2_root: Path) -> AtlasLibrary:
    return AtlasLibrary([v2_root])


def box_data(library, atlas_id, data_file, lang="nb"):
    atlas = library.atlas(atlas_id)
    box = next(b for b in atlas.variant(lang).result_boxes if b.data_file == data_file)
    return box.load()


def test_first_radiologi2_box_states_62_percent_more(library):
    data = box_data(library, "radiologi2", "mr_kol_18_rb1.json")
    summary = summarise(data, "totsnitt", "nb")
    # "Det ble utført 62% flere MR-undersøkelser av kolumna pr. 10 000 innbyggere ..."
    assert round(summary["ratio"], 2) == 1.62
    assert summary["percent_more_text"] == "62\u00a0%"
    assert summary["ratio_text"] == "1,62"
    assert summary["highest"]["label"] == "Østfold"
    assert summary["lowest"]["label"] == "Førde"
    assert summary["highest"]["text"] == "475"
    assert summary["national"] == {"label": "Norge", "value": pytest.approx(378.3, abs=0.1),
                                   "text": "378"}  # fmt: skip
    assert summary["n_areas"] == 21
    assert 0.05 < summary["cv"] < 0.2
    english = summarise(data, None, "en")  # the box's map, in English
    assert english["ratio_text"] == "1.62" and english["national"]["label"] == "Norway"


@pytest.mark.parametrize(
    ("atlas_id", "data_file", "percent", "highest", "lowest"),
    [
        # "73% flere ... Diakonhjemmet sammenlignet med Førde"
        ("radiologi2", "mr_kol_68_rb1.json", 73, "Diakonhjemmet", "Førde"),
        # "76 % flere analyser på bosatte i opptaksområdet Vestfold sammenlignet med ... Finnmark"
        ("lab", "mb_rb1.json", 76, "Vestfold", "Finnmark"),
        # "65 % flere prøver på bosatte i opptaksområdet Østfold sammenlignet med ... Finnmark"
        ("lab", "tsh_rb1.json", 65, "Østfold", "Finnmark"),
    ],
)
def test_ratios_stated_in_the_atlas_texts(library, atlas_id, data_file, percent, highest, lowest):
    summary = summarise(box_data(library, atlas_id, data_file), None, "nb")
    assert round((summary["ratio"] - 1) * 100) == percent
    assert summary["highest"]["label"] == highest
    assert summary["lowest"]["label"] == lowest


def test_a_bar_view_and_a_missing_column(library):
    data = box_data(library, "radiologi2", "mr_kol_18_rb1.json")
    bar = next(v for v in data.views if isinstance(v, BarChartSpec))
    assert summarise(data, bar, "nb")["column"] == "totsnitt"
    empty = summarise(data, "no_such_column", "nb")
    assert empty["ratio"] is None and empty["n_areas"] == 0 and empty["highest"] is None
