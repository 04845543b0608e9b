"""Every output is written whole or not at all; a failure keeps the old file and says so."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

from atlasviewer import cli
from atlasviewer.core import atomic
from atlasviewer.core.atomic import WriteError, atomic_write, atomic_write_text

GOOD_PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".tmp" in p.name]


def test_a_full_disk_leaves_the_old_file_and_names_it(tmp_path):
    target = tmp_path / "summary.json"
    target.write_text("old")

    def write(path: Path) -> None:
        path.write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WriteError) as caught:
        atomic_write(target, write)
    assert str(target) in str(caught.value) and "No space left" in str(caught.value)
    assert caught.value.errno == errno.ENOSPC
    assert target.read_text() == "old" and _leftovers(tmp_path) == []


def test_a_truncated_pdf_fails_its_check_and_is_not_moved_into_place(tmp_path):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(GOOD_PDF)
    with pytest.raises(WriteError, match="incomplete"):
        atomic_write(target, lambda path: path.write_bytes(GOOD_PDF[:20]))
    assert target.read_bytes() == GOOD_PDF and _leftovers(tmp_path) == []
    atomic_write(target, lambda path: path.write_bytes(GOOD_PDF + b"x"))
    assert target.read_bytes() == GOOD_PDF + b"x"


@pytest.mark.parametrize(
    ("name", "broken"),
    [("a.png", atomic.PNG_SIGNATURE + b"IHDR"), ("a.svg", b"<svg>"), ("a.xlsx", b"PK\x03\x04")],
)
def test_each_format_is_checked(tmp_path, name, broken):
    with pytest.raises(WriteError):
        atomic_write(tmp_path / name, lambda path: path.write_bytes(broken))
    assert not (tmp_path / name).exists()


def test_writing_through_a_symlink_replaces_the_link_not_its_target(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "out.txt"
    link.symlink_to(victim)
    atomic_write_text(link, "new")
    assert victim.read_text() == "precious"
    assert not link.is_symlink() and link.read_text() == "new"


def test_a_read_only_folder_is_a_clear_error(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match="Permission denied"):
        atomic_write_text(tmp_path / "x.json", "{}")


def _factsheet(v2_root: Path, out: Path) -> int:
    return cli.main(
        ["factsheet", "--data", str(v2_root), "--atlas", "radiologi2", "--area", "UNN"]
        + ["--lang", "en", "--out", str(out)]
    )


def test_factsheet_on_a_full_disk_keeps_the_old_sheet_and_exits_1(
    v2_root, tmp_path, capsys, monkeypatch
):
    from atlasviewer.qt.factsheets import generated as factsheet_pdf

    out = tmp_path / "unn.pdf"
    out.write_bytes(GOOD_PDF)

    def truncated(sheet, path, geography_for=None, scene_factory=None):
        Path(path).write_bytes(b"%PDF-1.4\n1 0 obj")  # what a full disk leaves
        return 2

    monkeypatch.setattr(factsheet_pdf, "write_fact_sheet_pdf", truncated)
    assert _factsheet(v2_root, out) == 1
    captured = capsys.readouterr()
    assert "Wrote" not in captured.out and str(out) in captured.err
    assert out.read_bytes() == GOOD_PDF and _leftovers(tmp_path) == []


def test_factsheet_through_a_symlink_leaves_its_target(v2_root, tmp_path, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "unn.pdf"
    out.symlink_to(victim)
    assert _factsheet(v2_root, out) == 0
    assert victim.read_text() == "precious"
    assert not out.is_symlink() and out.read_bytes().startswith(b"%PDF-")


def test_export_counts_only_whole_files(v2_root, tmp_path, capsys, monkeypatch):
    """A map PDF that comes out truncated is an error and not counted as written."""
    import matplotlib.figure

    def truncated(self, path, **kwargs):
        Path(path).write_bytes(b"")  # a full disk

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", truncated)
    out = tmp_path / "out"
    code = cli.main(
        ["export", "--data", str(v2_root), "--atlas", "radiologi2", "--box", "1"]
        + ["--out", str(out), "--format", "png,csv", "--lang", "en"]
    )
    assert code == 1
    written = sorted(p.name for p in out.iterdir())
    assert not [name for name in written if "bar" in name or ".tmp" in name]
    assert any(name.endswith(".csv") for name in written)
    assert "files written" in capsys.readouterr().out


def test_a_save_that_returns_false_is_an_error_and_keeps_the_old_file(tmp_path):
    """As QImage.save says it failed: by returning False."""
    target = tmp_path / "shot.png"
    target.write_bytes(b"old")
    with pytest.raises(WriteError, match="could not be saved"):
        atomic.atomic_save(target, lambda path: False)
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_a_site_page_link_is_confined_too(tmp_path):
    from atlasviewer.core import confine

    root = tmp_path / "root"
    root.mkdir()
    assert confine.site_path(root, "/helseatlas/statisk/om") == root / "posts/statisk/om.md"
    tricky = confine.site_path(root, "/helseatlas/statisk/..%2F..%2F..%2Fsecret")
    assert tricky is not None and confine.is_inside(root, tricky)
