"""Exported views: no empty band beside the map, and each carries its title and source (item 11)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from atlasviewer.cli import main


def _rightmost_ink(image: QImage) -> int:
    """The rightmost column holding anything but the white background."""
    white = QColor("white").rgb()
    for x in range(image.width() - 1, -1, -1):
        for y in range(0, image.height(), 4):
            if image.pixel(x, y) != white:
                return x
    return -1


def test_the_exported_map_leaves_no_empty_third(tmp_path, v2_root, capsys):
    out = tmp_path / "out"
    args = ["export", "--data", str(v2_root), "--atlas", "radiologi2", "--box", "1"]
    assert main([*args, "--lang", "nb", "--out", str(out), "--format", "png,svg"]) == 0
    image = QImage(str(out / "1-antall-undersokelser-map.png"))
    assert image.width() < image.height()  # Norway is tall: so is its figure
    assert _rightmost_ink(image) > 0.9 * image.width()  # was 0.73: a third left white


def test_every_exported_view_carries_the_box_title_and_the_source(tmp_path, v2_root, capsys):
    out = tmp_path / "out"
    args = ["export", "--data", str(v2_root), "--atlas", "radiologi2", "--box", "1"]
    assert main([*args, "--lang", "nb", "--out", str(out), "--format", "svg"]) == 0
    drawings = sorted(out.glob("*.svg"))
    assert len(drawings) >= 4
    for drawing in drawings:
        text = drawing.read_text(encoding="utf-8")
        assert "Antall undersøkelser" in text, drawing.name  # the result box's title
        assert "Kilde: SKDE" in text, drawing.name
