"""Ranks with their plausible range (Monte Carlo), against constructed cases."""

from __future__ import annotations

from atlasviewer.core.stats.rank import rank_from_counts, rank_from_intervals


def test_well_separated_intervals_give_exactly_the_point_rank():
    # Values 10, 20, ..., 50 with intervals +-1 %: no draw can swap two areas.
    values = [30.0, 10.0, 50.0, 20.0, 40.0]
    ranks = rank_from_intervals(
        list("abcde"), values, [v * 0.99 for v in values], [v * 1.01 for v in values]
    )
    assert [(r.key, r.rank, r.low, r.high) for r in ranks] == [
        ("a", 3, 3, 3),
        ("b", 5, 5, 5),
        ("c", 1, 1, 1),
        ("d", 4, 4, 4),
        ("e", 2, 2, 2),
    ]
    assert all(r.count == 5 for r in ranks)


def test_identical_intervals_give_the_full_range():
    # 21 areas alike: each comes 1st in 1/21 = 4.8 % of draws (> 2.5 %) and 21st as often.
    n = 21
    ranks = rank_from_intervals([f"a{i}" for i in range(n)], [100.0] * n, [80.0] * n, [125.0] * n)
    assert all((r.low, r.high) == (1, 21) for r in ranks)
    assert all(r.rank == 1 for r in ranks)  # tied: each has no one above it


def test_two_alike_above_one_apart():
    ranks = rank_from_intervals(
        ["a", "b", "c"], [100.0, 101.0, 20.0], [90.0, 91.0, 19.0], [110.0, 111.0, 21.0]
    )
    assert [(r.rank, r.low, r.high) for r in ranks] == [(2, 1, 2), (1, 1, 2), (3, 3, 3)]


def test_the_draws_are_the_same_every_time():
    args = (["a", "b", "c"], [10.0, 11.0, 12.0], [8.0, 9.0, 10.0], [12.0, 13.0, 14.0])
    assert rank_from_intervals(*args) == rank_from_intervals(*args)


def test_ranks_from_counts():
    # 10,000 events each a year for five years: sd of a rate ~0.45 %, areas 10 % apart.
    ranks = rank_from_counts(["a", "b", "c"], [1e4, 1.1e4, 1.2e4], [1e6, 1e6, 1e6], years=5)
    assert [(r.rank, r.low, r.high) for r in ranks] == [(3, 3, 3), (2, 2, 2), (1, 1, 1)]
    # 2 and 3 events: anything can happen.
    small = rank_from_counts(["a", "b"], [2.0, 3.0], [1000.0, 1000.0])
    assert [(r.rank, r.low, r.high) for r in small] == [(2, 1, 2), (1, 1, 2)]


def test_areas_without_a_value_have_no_rank():
    ranks = rank_from_intervals(["a", "b"], [1.0, None], [0.9, None], [1.1, None])
    assert [r.key for r in ranks] == ["a"] and ranks[0].count == 1
