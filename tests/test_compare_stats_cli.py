"""``atlasviewer compare --view trend|funnel|scatter`` writes each format; bad usage is named."""

from __future__ import annotations

import csv
import math

import openpyxl
import pytest

from atlasviewer.cli import main


@pytest.fixture(scope="module")
def real(v2_root, v1_root):
    return ["--data", str(v2_root), "--data", str(v1_root)]


MAGIC = {".pdf": b"%PDF", ".png": b"\x89PNG", ".svg": b"<?xml"}


@pytest.mark.parametrize("view", ["trend", "funnel", "scatter"])
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".csv", ".xlsx"])
def test_each_view_in_each_format(real, tmp_path, view, suffix, capsys):
    out = tmp_path / f"{view}{suffix}"
    extra = ["--vs", "radiologi2:2"] if view == "scatter" else []
    code = main(["compare", *real, "--atlas", "radiologi2", "--box", "1", "--view", view,
                 "--area", "Bergen", *extra, "--lang", "en", "--out", str(out)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    if suffix in MAGIC:
        assert out.read_bytes().startswith(MAGIC[suffix])
    elif suffix == ".csv":
        header = out.read_text("utf-8-sig").splitlines()[0].split(",")
        assert header[0] == "Area" and header[-1] == "Method"
    else:
        sheet = openpyxl.load_workbook(out).worksheets[0]
        assert sheet["A6"].value == "Area" and isinstance(sheet["B7"].value, float)
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def _records(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_radiologi2_box_1_funnel_csv_lists_limits_and_who_is_outside(real, tmp_path, v2_root):
    out = tmp_path / "funnel.csv"
    assert main(["compare", *real, "--atlas", "radiologi2", "--box", "1", "--view", "funnel",
                 "--lang", "en", "--out", str(out)]) == 0  # fmt: skip
    records = {r["Area"]: r for r in _records(out)}
    assert len(records) == 21
    outside = {a for a, r in records.items() if r["Against the 99.8% limits"] != "inside"}
    assert set(records) - outside == {"Helgeland", "OUS"}
    # Førde by hand: 85,600-odd inhabitants a year for 5 years at the national 378.26 per
    # 10,000 is the expected count E; its 99.8 % limits are about national (1 -+ 3.09/sqrt E).
    forde = records["Førde"]
    national = 378.262154445
    expected = national / 10000 * float(forde["Population (yearly)"]) * 5
    assert float(forde["Expected over the period"]) == pytest.approx(expected)
    low = float(forde["Lower 99.8% limit"])
    assert low == pytest.approx(national * (1 - 3.090232 / math.sqrt(expected)), rel=2e-3)
    assert float(forde["Value"]) < low and forde["Against the 99.8% limits"] == "below"
    assert records["Østfold"]["Against the 99.8% limits"] == "above"
    assert "yearly average × 5 years" in forde["Method"]


def test_trend_of_a_first_generation_indicator(real, tmp_path):
    out = tmp_path / "trend.csv"
    assert main(["compare", *real, "--atlas", "v1-dagkir2", "--box", "1", "--view", "trend",
                 "--lang", "en", "--out", str(out)]) == 0  # fmt: skip
    records = {r["Area"]: r for r in _records(out)}
    finnmark = records["Finnmark"]
    assert [finnmark[y] for y in ("2013", "2014", "2015", "2016", "2017")] == [
        "238.1", "346.1", "270.9", "244.5", "287.7"
    ]  # fmt: skip
    # Least squares by hand: years centred -2..2, slope = sum(x y) / 10.
    values = [238.1, 346.1, 270.9, 244.5, 287.7]
    slope = sum(x * y for x, y in zip(range(-2, 3), values, strict=True)) / 10
    assert float(finnmark["Slope per year"]) == pytest.approx(slope)
    assert float(finnmark["Change"]) == pytest.approx(287.7 - 238.1)
    assert records["Norway"]["2013"] == "161.0" and records["Norway"]["2017"] == "111.7"


def test_scatter_correlation_matches_a_hand_computation(real, tmp_path):
    out = tmp_path / "scatter.csv"
    assert main(["compare", *real, "--atlas", "radiologi2", "--box", "1", "--view", "scatter",
                 "--vs", "v1-dagkir2:1", "--lang", "en", "--out", str(out)]) == 0  # fmt: skip
    records = _records(out)
    x_name, y_name = list(records[0])[1:3]
    xs = [float(r[x_name]) for r in records]
    ys = [float(r[y_name]) for r in records]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    r = sxy / math.sqrt(sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys))
    assert n == 21  # both analyses have the 21 referral areas, Oslo's three apart
    assert f"Pearson r = {r:.2f}" in records[0]["Method"]
    assert "21 areas" in records[0]["Method"]


@pytest.mark.parametrize(
    "arguments, expected",
    [
        (["--view", "scatter"], "--vs ATLAS:BOX"),
        (["--view", "scatter", "--vs", "radiologi2"], "ATLAS:BOX"),
        (["--view", "scatter", "--vs", "nope:1"], "Known ids: "),
        (["--view", "scatter", "--vs", "radiologi2:99"], "No result box 99"),
        (["--view", "funnel", "--box", "99"], "No result box 99"),
    ],
)
def test_usage_errors_name_the_problem(real, tmp_path, arguments, expected, capsys):
    args = ["compare", *real, "--atlas", "radiologi2", "--out", str(tmp_path / "x.png")]
    if "--box" not in arguments:
        args += ["--box", "1"]
    assert main([*args, *arguments]) == 2
    assert expected in capsys.readouterr().err


def test_a_view_that_does_not_apply_says_why(real, tmp_path, capsys):
    # v1-fodsel box 2 is a mean age: no counts of independent events, so no funnel.
    code = main(["compare", *real, "--atlas", "v1-fodsel", "--box", "2", "--view", "funnel",
                 "--lang", "en", "--out", str(tmp_path / "f.png")])  # fmt: skip
    assert code == 2
    assert "no funnel plot" in capsys.readouterr().err
