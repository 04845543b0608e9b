"""No settings file stops the start: damaged ones are set aside and the defaults used."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from atlasviewer.core.settings_file import read_settings_file


def _aside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".corrupt-" in p.name)


@pytest.mark.parametrize(
    "make",
    ["latin-1", "random", "deep", "fifo", "dev-zero", "folder", "huge-int", "list", "truncated"],
)
def test_a_damaged_settings_file_gives_defaults_and_is_set_aside(tmp_path, make):
    path = tmp_path / "settings.json"
    if make == "latin-1":
        path.write_bytes('{"last_atlas": "Førde"}'.encode("latin-1"))
    elif make == "random":
        path.write_bytes(random.Random(18).randbytes(4096))
    elif make == "deep":
        path.write_text('{"a": ' * 10_000 + "1" + "}" * 10_000)
    elif make == "fifo":
        os.mkfifo(path)
    elif make == "dev-zero":
        path.symlink_to("/dev/zero")
    elif make == "folder":
        path.mkdir()
    elif make == "huge-int":
        path.write_text('{"last_box": ' + "9" * 5000 + "}")
    elif make == "list":
        path.write_text("[1, 2]")
    else:
        path.write_text('{"language": "nb", ')
    result = read_settings_file(path)
    assert result.raw == {} and result.reason
    assert not os.path.lexists(path)  # the next start reads defaults without a word
    assert _aside(tmp_path) == [result.set_aside.name]


def test_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"language": "nn"}).encode())
    assert read_settings_file(path).raw == {"language": "nn"}
    assert _aside(tmp_path) == []


def test_a_missing_file_is_the_defaults_without_anything_set_aside(tmp_path):
    result = read_settings_file(tmp_path / "settings.json")
    assert result.raw == {} and result.set_aside is None and result.reason == ""
