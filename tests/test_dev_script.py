"""dev.sh, the developer's entry point: what it says before any setup is done."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _dev_sh(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    clean.pop("QT_QPA_PLATFORM", None)
    clean.update(env)
    return subprocess.run(
        ["bash", str(REPO / "dev.sh"), *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_start_without_any_display_says_how_to_proceed_in_one_line():
    result = _dev_sh("start", "--lang", "nb")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0]
    assert "xvfb-run" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
