"""Observed minus expected events a year with the Garwood interval, by hand."""

from __future__ import annotations

import math

import pytest

from atlasviewer.core.stats.excess import (
    excess_events,
    expected_from_standardised,
    poisson_interval,
)


def test_excess_events_with_the_garwood_interval():
    # 10 events a year in 1,000 at a national 5 per 1,000: 5 expected, 5 more. Garwood's 95 %
    # interval of 10 is 4.795 to 18.390, so the difference runs from -0.205 to 13.390.
    got = excess_events(10.0, 1000.0, 5.0, per=1000.0)
    assert (got.expected, got.difference) == pytest.approx((5.0, 5.0))
    assert (got.low, got.high) == pytest.approx((-0.205, 13.390), abs=6e-4)
    assert not got.significant


def test_excess_uses_the_whole_period():
    # 5 a year for 2 years is 10 events: (4.795 / 2 - 2.5, 18.390 / 2 - 2.5) = (-0.102, 6.695).
    got = excess_events(5.0, 500.0, 5.0, per=1000.0, years=2)
    assert (got.low, got.high) == pytest.approx((-0.1023, 6.6952), abs=6e-4)


def test_excess_on_real_scale():
    # Østfold, radiologi2: 2,609.4 MR examinations a year, 252,499.4 inhabitants, national
    # 77.6161 per 10,000: expected 252,499.4 x 0.00776161 = 1,959.8, about 650 more a year.
    got = excess_events(2609.4, 252499.4, 77.6161480712, per=10000.0, years=5)
    assert got.expected == pytest.approx(1959.8, abs=0.1)
    assert got.difference == pytest.approx(649.6, abs=0.1)
    # 13,047 events over five years: half-width about 1.96 sqrt(13047) / 5 = 44.8 a year.
    assert got.high - got.difference == pytest.approx(1.96 * math.sqrt(13047) / 5, rel=0.02)
    assert got.significant
    assert expected_from_standardised(120.0, 120.0, 100.0) == pytest.approx(100.0)


def test_large_counts_take_byars_limits_which_agree_with_garwoods():
    # Byar: L = x (1 - 1/(9x) - z/(3 sqrt x))^3, U = (x+1) (1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3.
    # At x = 100 that is 81.3621 to 121.6279; Garwood's table gives 81.364 to 121.627.
    low, high = poisson_interval(100.0)
    z = 1.959963984540054
    assert low == pytest.approx(100 * (1 - 1 / 900 - z / 30) ** 3, rel=1e-12)
    assert high == pytest.approx(101 * (1 - 1 / 909 + z / (3 * math.sqrt(101))) ** 3, rel=1e-12)
    assert (low, high) == pytest.approx((81.364, 121.627), rel=3e-5)
    # Under 100 events the exact limits: 10 gives Garwood's 4.795 to 18.390.
    assert poisson_interval(10.0) == pytest.approx((4.7954, 18.3904), abs=1e-4)
