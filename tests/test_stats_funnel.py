"""Funnel plot limits, the exact Poisson interval and the special functions behind them.

Every expected number is computed here by hand: Poisson and binomial probabilities summed term
by term (e^-mu mu^k / k!), or read from published tables (Garwood's exact Poisson limits,
Student t), never from the code under test.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from atlasviewer.core.stats.funnel import (
    METHOD_BINOMIAL,
    METHOD_POISSON,
    funnel_proportions,
    funnel_rates,
    interpolated_quantile,
)
from atlasviewer.core.stats.special import (
    binomial_cdf,
    garwood_interval,
    poisson_cdf,
    t_quantile,
)


def poisson_cdf_by_hand(k: int, mu: float) -> float:
    """sum_{j<=k} e^-mu mu^j / j!, on the log scale so that mu = 1000 does not overflow."""
    return math.fsum(math.exp(j * math.log(mu) - mu - math.lgamma(j + 1)) for j in range(k + 1))


def spiegelhalter_by_hand(p: float, mu: float) -> float:
    """Spiegelhalter's interpolated quantile r_p - alpha, searched term by term."""
    r = 0
    while poisson_cdf_by_hand(r, mu) < p:
        r += 1
    f_r = poisson_cdf_by_hand(r, mu)
    f_before = poisson_cdf_by_hand(r - 1, mu) if r > 0 else 0.0
    return max(r - (f_r - p) / (f_r - f_before), 0.0)


def test_poisson_cdf_matches_the_sum_of_terms():
    # e^-4 = 0.0183156; e^-4 (1 + 4) = 0.0915782; e^-4 sum_{k<=7} 4^k/k! = 0.9488664
    assert poisson_cdf(0, 4.0) == pytest.approx(0.0183156, abs=1e-7)
    assert poisson_cdf(1, 4.0) == pytest.approx(0.0915782, abs=1e-7)
    assert poisson_cdf(7, 4.0) == pytest.approx(0.9488664, abs=1e-7)
    for mu, k in ((150.0, 140), (2500.0, 2600), (20000.0, 19800)):
        assert poisson_cdf(k, mu) == pytest.approx(poisson_cdf_by_hand(k, mu), rel=1e-8)


def test_binomial_cdf_matches_the_sum_of_terms():
    by_hand = sum(math.comb(10, k) * 0.3**k * 0.7 ** (10 - k) for k in range(4))
    assert by_hand == pytest.approx(0.6496107184)
    assert binomial_cdf(3, 10, 0.3) == pytest.approx(by_hand, rel=1e-12)


@pytest.mark.parametrize(
    ("count", "low", "high"),
    # Garwood (1936), as tabulated e.g. by Ulm (1990) and in Sahai & Khurshid (1993)
    [(0, 0.0, 3.689), (1, 0.0253, 5.572), (5, 1.623, 11.668), (10, 4.795, 18.390)],
)
def test_garwood_interval_matches_the_published_table(count, low, high):
    got_low, got_high = garwood_interval(count)
    assert got_low == pytest.approx(low, abs=6e-4)
    assert got_high == pytest.approx(high, abs=6e-4)


@pytest.mark.parametrize(
    ("df", "quantile"), [(1, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (20, 2.086)]
)
def test_t_quantile_matches_the_table(df, quantile):
    assert t_quantile(0.975, df) == pytest.approx(quantile, abs=6e-4)
    assert t_quantile(0.025, df) == pytest.approx(-quantile, abs=6e-4)


def test_interpolated_quantile_for_an_expected_count_of_four():
    # Lower 95 %: F(0) = 0.0183156 < 0.025 <= F(1) = 0.0915782, so r = 1 and
    # alpha = (0.0915782 - 0.025) / (0.0915782 - 0.0183156) = 0.908762: limit 0.091238.
    # Upper 95 %: F(7) = 0.9488664 < 0.975 <= F(8) = 0.9786366, so r = 8 and
    # alpha = (0.9786366 - 0.975) / 0.0297702 = 0.122155: limit 7.877845.
    got = interpolated_quantile("poisson", np.array([0.025, 0.975]), np.array([4.0, 4.0]))
    assert got[0] == pytest.approx(0.091238, abs=2e-6)
    assert got[1] == pytest.approx(7.877845, abs=2e-6)


def three_sizes():
    # National rate 200 per 10,000 over 5 years: populations 100, 1,000 and 10,000 a year
    # expect 10, 100 and 1,000 events over the period.
    return funnel_rates(
        ["small", "middle", "large"],
        ["Small", "Middle", "Large"],
        [2.0, 30.0, 195.0],
        [100.0, 1000.0, 10000.0],
        national_rate=200.0,
        per=10000.0,
        years=5,
    )


def test_limits_at_three_population_sizes():
    result = three_sizes()
    small, middle, large = result.areas
    assert [a.expected for a in result.areas] == pytest.approx([10.0, 100.0, 1000.0])
    # Expected 10: F(3) = 0.010336 < 0.025 <= F(4) = 0.029253: alpha = 0.004253/0.018917
    # = 0.22482, limit 3.77518 / 10 x 200 = 75.504. F(16) = 0.972958 < 0.975 <= F(17) =
    # 0.985722: alpha = 0.010722/0.012764 = 0.84003, limit 16.15997 / 10 x 200 = 323.20.
    assert small.limits[0.95] == pytest.approx((75.504, 323.20), abs=0.01)
    for area in (small, middle, large):
        for level, p_low in ((0.95, 0.025), (0.998, 0.001)):
            mu = area.expected
            low = spiegelhalter_by_hand(p_low, mu) / mu * 200.0
            high = spiegelhalter_by_hand(1 - p_low, mu) / mu * 200.0
            assert area.limits[level] == pytest.approx((low, high), rel=1e-6)
    # Expected 1,000 is near normal: 200 (1 -+ 1.96 / sqrt(1000)) = 187.60 and 212.40.
    assert large.limits[0.95] == pytest.approx((187.60, 212.40), abs=0.05)
    assert result.method == METHOD_POISSON


def test_who_lies_outside():
    small, middle, large = three_sizes().areas
    # 2 a year in 100 is 200 per 10,000: on the line. 300 in the middle is above both limits
    # (≈ 239 and 264), 195 in the large one is inside 187.6-212.4.
    assert small.outside == {0.95: None, 0.998: None}
    assert middle.outside == {0.95: "higher", 0.998: "higher"}
    assert large.outside == {0.95: None, 0.998: None}


def test_limits_use_the_counts_of_the_whole_period():
    # Five years of yearly averages give the limits of five times the population in one year.
    five_years = funnel_rates(["a"], ["A"], [30.0], [1000.0], national_rate=200.0, per=1e4, years=5)
    one_year = funnel_rates(["a"], ["A"], [150.0], [5000.0], national_rate=200.0, per=1e4)
    assert five_years.years == 5
    for level in (0.95, 0.998):
        assert five_years.areas[0].limits[level] == pytest.approx(one_year.areas[0].limits[level])
    assert five_years.areas[0].value == pytest.approx(300.0)  # the yearly rate is plotted


def test_the_curves_narrow_as_the_size_grows():
    result = three_sizes()
    lows, highs = result.curves[0.998]
    widths = [h - lo for lo, h in zip(lows, highs, strict=True)]
    assert len(result.curve_sizes) == len(widths) > 50
    assert widths[0] > widths[-1]
    assert result.curve_sizes[0] <= 100.0 and result.curve_sizes[-1] >= 10000.0


def test_national_rate_defaults_to_the_total_over_the_areas():
    result = funnel_rates(["a", "b"], ["A", "B"], [10.0, 30.0], [1000.0, 1000.0], per=1000.0)
    assert result.national == pytest.approx(20.0)  # 40 events in 2,000 per 1,000


def test_areas_without_counts_are_left_out():
    result = funnel_rates(["a", "b", "c"], ["A", "B", "C"], [10.0, None, 5.0], [1e3, 1e3, 0.0])
    assert [a.key for a in result.areas] == ["a"]


def test_binomial_limits_by_hand():
    # 20 trials at 0.3: F(1) = 0.007637, F(2) = 0.035483, so r = 2 for p = 0.025 and
    # alpha = (0.035483 - 0.025) / (0.035483 - 0.007637) = 0.376470: limit 1.623530 / 20.
    def cdf(k):
        return sum(math.comb(20, j) * 0.3**j * 0.7 ** (20 - j) for j in range(k + 1))

    alpha = (cdf(2) - 0.025) / (cdf(2) - cdf(1))
    assert alpha == pytest.approx(0.376470, abs=1e-6)
    result = funnel_proportions(["a"], ["A"], [6.0], [20.0], national_share=0.3)
    assert result.method == METHOD_BINOMIAL
    assert result.areas[0].limits[0.95][0] == pytest.approx((2 - alpha) / 20, rel=1e-9)
    upper = next(k for k in range(21) if cdf(k) >= 0.975)
    upper_alpha = (cdf(upper) - 0.975) / (cdf(upper) - cdf(upper - 1))
    assert result.areas[0].limits[0.95][1] == pytest.approx((upper - upper_alpha) / 20, rel=1e-9)


def test_a_numerator_above_its_denominator_is_refused():
    with pytest.raises(ValueError, match="exceeds"):
        funnel_proportions(["a"], ["A"], [30.0], [20.0])


def test_large_counts_far_from_the_peak():
    # Q(a, x) is 1 far below a and 0 far above it, also where the quadrature is used.
    assert poisson_cdf(13047, 7666.0) == pytest.approx(1.0)
    assert poisson_cdf(7666, 13047.0) == pytest.approx(0.0, abs=1e-300)
    # Garwood's interval of a large count x is x - z sqrt(x) + (z^2 - 1)/3 to
    # x + z sqrt(x) + (z^2 + 2)/3 (the Wilson-Hilferty expansion): 1.96 sqrt(13,047) = 223.88,
    # so 13,047 - 222.93 and 13,047 + 225.83.
    low, high = garwood_interval(13047)
    assert 13047 - low == pytest.approx(222.93, abs=0.05)
    assert high - 13047 == pytest.approx(225.83, abs=0.05)


def test_proportions_in_per_cent_and_over_several_years():
    # A share in per cent (per = 100) has the limits of the fraction times 100; five years of
    # 4 in 4 a year are 20 in 20, as one year of 20.
    fraction = funnel_proportions(["a"], ["A"], [6.0], [20.0], national_share=0.3)
    per_cent = funnel_proportions(["a"], ["A"], [6.0], [20.0], national_share=30.0, per=100.0)
    for level in (0.95, 0.998):
        low, high = fraction.areas[0].limits[level]
        assert per_cent.areas[0].limits[level] == pytest.approx((low * 100, high * 100))
    assert per_cent.areas[0].value == pytest.approx(30.0)
    five = funnel_proportions(["a"], ["A"], [1.2], [4.0], national_share=0.3, years=5)
    assert five.areas[0].limits[0.95] == pytest.approx(fraction.areas[0].limits[0.95])


def test_bad_input_is_refused_with_a_message():
    with pytest.raises(ValueError, match="at least one year"):
        funnel_rates(["a"], ["A"], [1.0], [10.0], years=0)
    with pytest.raises(ValueError, match="population"):
        funnel_rates(["a"], ["A"], [None], [None])
    with pytest.raises(ValueError, match="national value"):
        funnel_proportions(["a"], ["A"], [1.0], [2.0], national_share=2.0)
