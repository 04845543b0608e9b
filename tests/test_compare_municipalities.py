"""Finding a referral area by one of its municipalities, from the site's own pages."""

from __future__ import annotations

from atlasviewer.core.compare.municipalities import MunicipalityIndex
from atlasviewer.core.registry import default_registry
from compare_data import registry

PAGE = """---
title: Kommunar
---
<table>
  <tr><th>Opptaksområde</th><th>Kommunar/bydelar</th></tr>
  <TR><TD>Nordby</TD> <TD> 0101 Fjellvik, 0102 Sjøbygd</TD></TR>
  <TR><TD>Vestby</TD> <TD> 0201 Havnes, 020101 Gamle Havnes</TD></TR>
</table>
<table>
  <tr><th>DPS</th><th>Kommunar</th></tr>
  <tr><td>Indre Fjell</td><td>0101 Fjellvik</td></tr>
  <tr><td>Ytre Fjell</td><td>0102 Sjøbygd</td></tr>
</table>
"""


def test_areas_by_municipality_on_a_generated_page(tmp_path):
    pages = tmp_path / "posts" / "statisk"
    pages.mkdir(parents=True)
    (pages / "any-name.md").write_text(PAGE, encoding="utf-8")
    (pages / "broken.md").write_bytes(b"\xff\xfe<table>")  # not UTF-8: skipped, no crash
    index = MunicipalityIndex([tmp_path], registry())
    assert index.areas_of("fjell") == ["nordby"]  # the DPS table is not a referral-area table
    assert index.areas_of("gamle havnes") == ["vestby"]
    assert [m.name for m in index.of_area("vestby")] == ["Havnes", "Gamle Havnes"]
    assert index.find("vik") == []  # word starts only


def test_a_page_outside_the_root_is_not_read(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(PAGE, encoding="utf-8")
    pages = tmp_path / "root" / "posts"
    pages.mkdir(parents=True)
    (pages / "link.md").symlink_to(outside)
    assert MunicipalityIndex([tmp_path / "root"], registry()).items == []


def test_real_pages(v2_root):
    index = MunicipalityIndex([v2_root], default_registry())
    assert index.areas_of("Alta") == ["finnmark"]
    # Grorud, Stovner and Alna, districts of Oslo, belong to Akershus's area.
    assert index.areas_of("Stovner") == ["akershus"]
    assert index.areas_of("Grünerløkka") == ["lovisenberg"]
    assert "Bergen" in [m.name for m in index.of_area("bergen")]
