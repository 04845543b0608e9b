"""The rows of a row set (core/records.py): what readers build and plans read."""

from __future__ import annotations

import math

import pytest

from atlasviewer.core.records import Records, is_missing


def test_rows_missing_a_key_read_as_empty_cells_in_file_order():
    rows = Records([{"area": "Førde", "rate": 1.5}, {"area": "Norge", "count": 3}])
    assert rows.columns == ["area", "rate", "count"]
    assert rows["rate"] == [1.5, None]
    assert rows.records()[1] == {"area": "Norge", "rate": None, "count": 3}
    assert "count" in rows and "ci_low" not in rows
    assert rows.get("ci_low") is None and rows.get("ci_low", []) == []
    with pytest.raises(KeyError):
        rows["ci_low"]


def test_present_drops_none_and_nan_but_keeps_zero():
    rows = Records.from_columns({"value": [0.0, None, math.nan, 2.0]})
    assert rows.present("value") == [0.0, 2.0]
    assert rows.present("absent") == []
    assert [is_missing(v) for v in rows["value"]] == [False, True, True, False]


def test_a_subset_does_not_change_the_rows_it_came_from():
    rows = Records.from_columns({"area": ["A", "B", "C"], "value": [1, 2, 3]})
    subset = rows.where(lambda row: row["value"] > 1)
    subset["value"] = [20, 30]
    subset["rank"] = [1, 2]
    assert rows["value"] == [1, 2, 3] and "rank" not in rows
    assert subset.records() == [
        {"area": "B", "value": 20, "rank": 1},
        {"area": "C", "value": 30, "rank": 2},
    ]


def test_columns_of_different_lengths_are_refused():
    with pytest.raises(ValueError):
        Records.from_columns({"area": ["A", "B"], "value": [1]})
    with pytest.raises(ValueError):
        Records.from_columns({"area": ["A"]})["area"] = ["A", "B"]
