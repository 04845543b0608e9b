"""Started with no locale or a non-UTF-8 one, the viewer starts without Qt's locale warning."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from atlasviewer.cli import ensure_utf8_locale
from atlasviewer.i18n import language_from_locale

VIEWER = Path(sys.executable).with_name("atlasviewer")
QT_LOCALE_WARNING = "Detected locale"


@pytest.mark.parametrize("setting", [(), ("LANG=C",), ("LC_ALL=C",), ("LC_ALL=nb_NO",)])
def test_smoke_starts_without_the_locale_warning(setting, v2_root):
    env = [
        "env",
        "-i",
        f"PATH={os.environ.get('PATH', '/usr/bin:/bin')}",
        f"HOME={os.environ.get('HOME', '/tmp')}",
        "QT_QPA_PLATFORM=offscreen",
        *setting,
    ]
    done = subprocess.run(
        [*env, str(VIEWER), "--data", str(v2_root), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert QT_LOCALE_WARNING not in done.stderr
    assert done.returncode == 0, done.stderr


def test_the_language_of_a_broken_locale_still_chooses_the_interface():
    env = {"LC_ALL": "nb_NO.ISO-8859-1", "LC_NUMERIC": "C", "HOME": "/h"}
    assert ensure_utf8_locale(env)
    assert env == {"LC_CTYPE": "C.UTF-8", "LANGUAGE": "nb_NO.ISO-8859-1", "HOME": "/h"}
    assert language_from_locale(env["LANGUAGE"]) == "nb"
