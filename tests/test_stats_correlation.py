"""Pearson and Spearman over shared areas, against hand computations."""

from __future__ import annotations

import pytest

from atlasviewer.core.stats.correlation import average_ranks, correlate


def test_pearson_and_spearman_by_hand():
    # x 1..5, y 2, 1, 4, 3, 5: Sxy = 8, Sxx = Syy = 10, r = 0.8; the ranks are the values.
    got = correlate(list("abcde"), [1, 2, 3, 4, 5], list("abcde"), [2, 1, 4, 3, 5])
    assert got.n == 5
    assert got.pearson == pytest.approx(0.8)
    assert got.spearman == pytest.approx(0.8)


def test_spearman_with_ties_uses_average_ranks():
    # x 1, 2, 2, 3 ranks 1, 2.5, 2.5, 4; y ranks 1, 3, 2, 4: Sxy = 4.5, Sxx = 4.5, Syy = 5,
    # rho = 4.5 / sqrt(22.5) = 0.948683.
    assert average_ranks([1, 2, 2, 3]) == [1.0, 2.5, 2.5, 4.0]
    got = correlate(list("abcd"), [1, 2, 2, 3], list("abcd"), [10, 30, 20, 40])
    assert got.spearman == pytest.approx(0.948683, abs=1e-6)


def test_only_shared_areas_count():
    got = correlate(["a", "b", "c", "d"], [1, 2, None, 4], ["d", "b", "a", "e"], [8, 4, 2, 9])
    assert got.n == 3 and sorted(got.keys) == ["a", "b", "d"]
    assert got.pearson == pytest.approx(1.0)
    assert correlate(["a", "b"], [1, 2], ["a", "b"], [1, 2]).pearson is None
