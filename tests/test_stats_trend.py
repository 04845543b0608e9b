"""The change over a period and its noise band, against hand computations."""

from __future__ import annotations

import pytest

from atlasviewer.core.stats.trend import trend

YEARS = [2018, 2019, 2020, 2021, 2022]


def test_a_noisy_rise_is_stable():
    # y = 10, 12, 11, 15, 14: mean 12.4, Sxy = 11.0, Sxx = 10, slope 1.1; residuals -0.2, 0.7,
    # -1.4, 1.5, -0.6: SSR = 5.1, s = sqrt(5.1/3) = 1.30384; SE = s/sqrt(10) = 0.412311;
    # t(0.975; 3) = 3.182446: slope 1.1 +- 1.312156 = -0.212 to 2.412, which includes 0.
    got = trend(YEARS, [10.0, 12.0, 11.0, 15.0, 14.0])
    assert got is not None
    assert (got.first_year, got.last_year, got.n) == (2018, 2022, 5)
    assert got.change == pytest.approx(4.0)
    assert got.relative == pytest.approx(0.4)
    assert got.slope == pytest.approx(1.1)
    assert got.residual_sd == pytest.approx(1.30384, abs=1e-5)
    assert (got.slope_low, got.slope_high) == pytest.approx((-0.212156, 2.412156), abs=1e-5)
    assert got.direction == "stable" and not got.exceeds_noise


def test_a_steady_rise_exceeds_the_noise():
    # y = 10, 11, 12.1, 12.9, 14: Sxy = 9.9, slope 0.99; residuals -0.02, -0.01, 0.1, -0.09,
    # 0.02: SSR = 0.019, s = 0.0795822, SE = 0.0251661, half-width 3.182446 x SE = 0.0800894.
    got = trend(YEARS, [10.0, 11.0, 12.1, 12.9, 14.0])
    assert got is not None
    assert got.slope == pytest.approx(0.99)
    assert (got.slope_low, got.slope_high) == pytest.approx((0.909911, 1.070089), abs=1e-5)
    assert got.direction == "rising" and got.exceeds_noise
    falling = trend(YEARS, [14.0, 12.9, 12.1, 11.0, 10.0])
    assert falling is not None and falling.direction == "falling"


def test_missing_years_and_short_series():
    got = trend(YEARS, [10.0, None, 11.0, None, 12.0])
    assert got is not None and got.n == 3 and got.slope == pytest.approx(0.5)
    two = trend([2018, 2022], [10.0, 12.0])
    assert two is not None and two.direction is None and two.slope == pytest.approx(0.5)
    assert trend([2018], [1.0]) is None
    assert trend(YEARS, [0.0, 1.0, 2.0, 3.0, 4.0]).relative is None  # type: ignore[union-attr]
