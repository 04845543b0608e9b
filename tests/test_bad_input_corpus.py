"""The bad-input corpus: every damaged copy is named at the right severity, with no traceback,
no hang, no read outside the folder, and the folder's other atlases still checked."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from atlasviewer.cli import main
from bad_input_corpus import OUTSIDE, Base, Case, build_base, cases, materialise

RANK = {"none": -1, "info": 0, "warning": 1, "error": 2}
_WATCHED: list[str] = []
OPENED_OUTSIDE: list[str] = []


def _audit(event: str, args: tuple) -> None:
    """Records every open of a file under a watched ``outside/`` folder."""
    if event == "open" and _WATCHED and args and isinstance(args[0], (str, bytes, Path)):
        name = str(args[0] if not isinstance(args[0], bytes) else args[0].decode(errors="replace"))
        if any(name.startswith(w) for w in _WATCHED):
            OPENED_OUTSIDE.append(name)


sys.addaudithook(_audit)


@pytest.fixture(scope="module")
def base(tmp_path_factory, v2_root: Path) -> Base:
    return build_base(tmp_path_factory.mktemp("corpus-base"), v2_root.parent)


def _run(arguments: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(arguments)
    return code, out.getvalue(), err.getvalue()


def _validate(folder: Path) -> tuple[int, dict]:
    code, out, err = _run(["validate", "--data", str(folder / "v2"), "--data", str(folder / "v1"),
                           "--json"])  # fmt: skip
    assert "Traceback" not in err
    return code, json.loads(out)


def _problems(report: dict) -> list[dict]:
    return report["problems"] + [p for atlas in report["atlases"] for p in atlas["problems"]]


def _key(problem: dict, folder: Path) -> tuple[str, str, str]:
    return (problem["file"].replace(str(folder), ""), problem["place"], problem["message"])


def _check(case: Case, base: Base, folder: Path, baseline: set) -> list[str]:
    """What is wrong with the outcome of one case ([] when it is as expected)."""
    materialise(base, case, folder)
    _WATCHED[:] = [str(folder / OUTSIDE)]
    OPENED_OUTSIDE.clear()
    wrong: list[str] = []
    try:
        code, report = _validate(folder)
    except Exception as exc:  # noqa: BLE001 - the point: report it, go on with the corpus
        return [f"validate raised {type(exc).__name__}: {exc}"]
    if code not in (0, 1):
        wrong.append(f"validate exit {code}")
    new = [p for p in _problems(report) if _key(p, folder) not in baseline]
    target = str(folder / case.target)
    on_target = [p for p in new if p["file"] == target]
    worst = max((RANK[p["severity"]] for p in on_target), default=-1)
    if case.expected_file:
        named = [p for p in new if p["file"].endswith(case.expected_file)]
        worst = max((RANK[p["severity"]] for p in named), default=-1)
    if worst != RANK[case.severity]:
        seen = [(p["severity"], p["file"].replace(str(folder), ""), p["message"][:80]) for p in new]
        wrong.append(f"expected {case.severity} on {case.expected_file or case.target}: {seen[:4]}")
    ids = {atlas["id"] for atlas in report["atlases"]}
    for other in (base.other_atlas_id, base.other_csv_atlas_id):
        if other not in ids:
            wrong.append(f"the other atlas {other} was not checked")
    if case.atlas_id in ids:
        try:
            code, _, err = _run(["export", "--data", str(folder / "v2"), "--data",
                                 str(folder / "v1"), "--atlas", case.atlas_id, "--box", "all",
                                 "--format", "csv", "--out", str(folder / "out")])  # fmt: skip
        except Exception as exc:  # noqa: BLE001
            wrong.append(f"export raised {type(exc).__name__}: {exc}")
        else:
            if code not in (0, 1) or "Traceback" in err:
                wrong.append(f"export exit {code}: {err[-300:]}")
    if OPENED_OUTSIDE:
        wrong.append(f"opened outside the folder: {sorted(set(OPENED_OUTSIDE))}")
    _WATCHED.clear()
    return wrong


def test_the_corpus_has_over_100_cases_over_every_file_kind(base):
    listed = cases(base)
    assert len(listed) >= 100 and len({c.name for c in listed}) == len(listed)
    kinds = {c.name.split("-")[0] for c in listed}
    assert {"atlas", "data", "map", "csv", "v1map"} <= kinds


def test_every_case_is_named_at_its_severity_without_traceback_or_outside_read(base, tmp_path):
    baseline_folder = tmp_path / "baseline"
    for part in ("v2", "v1", OUTSIDE):
        import shutil

        shutil.copytree(base.folder / part, baseline_folder / part, symlinks=True)
    _, report = _validate(baseline_folder)
    baseline = {_key(p, baseline_folder) for p in _problems(report)}
    failures = {}
    listed = cases(base)
    for index, case in enumerate(listed):
        wrong = _check(case, base, tmp_path / f"case{index}", baseline)
        if wrong:
            failures[case.name] = wrong
    assert not failures, "\n".join(f"{name}: {why}" for name, why in failures.items())


@pytest.mark.parametrize("kind", ["atlas", "data", "map", "csv"])
def test_a_fifo_never_hangs_the_command_line(base, tmp_path, kind):
    """As a user runs it: a separate process, killed if it takes over a minute."""
    case = next(c for c in cases(base) if c.name == f"{kind}-fifo")
    folder = materialise(base, case, tmp_path)
    for command in (["validate"], ["export", "--atlas", case.atlas_id, "--format", "csv",
                                   "--out", str(tmp_path / "out")]):  # fmt: skip
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "atlasviewer",
                *command,
                "--data",
                str(folder / "v2"),
                "--data",
                str(folder / "v1"),
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr
        if command == ["validate"]:
            assert result.returncode == 1
            assert case.target.rsplit("/", 1)[-1] in result.stdout + result.stderr


@pytest.mark.parametrize("name", ["map-features-empty", "map-crs-unsupported", "v1map-fifo"])
def test_exporting_a_map_with_no_drawable_area_is_an_error_not_a_crash(base, tmp_path, name):
    """Painting a map with nothing to scale to raised inside an active QPainter: a segfault."""
    case = next(c for c in cases(base) if c.name == name)
    folder = materialise(base, case, tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "atlasviewer",
            "export",
            "--data",
            str(folder / "v2"),
            "--data",
            str(folder / "v1"),
            "--atlas",
            case.atlas_id,
            "--box",
            "1",
            "--format",
            "png",
            "--out",
            str(tmp_path / "out"),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # The map's file and its problem are named; the box's other views were still written.
    assert "could not be exported" in result.stderr
    assert case.target.rsplit("/", 1)[-1] in result.stderr
