"""What the statistics views cost: a funnel plot of 400 synthetic areas, computed and drawn.

Run: ``MPLBACKEND=Agg python benchmarks/bench_stats.py``. It prints medians of a few runs of:

- the funnel limits of 400 areas (exact Poisson, 95 % and 99.8 %) and their curves;
- the funnel plan (texts and the outlier list, in bokmål);
- drawing it on a fresh 8 x 5 inch Agg figure at 100 dpi until rendered (an export), and on
  one canvas drawn again with the text-caching renderer the window's charts use;
- the three together on the window's canvas (target <= 150 ms);
- for scale: ranks with plausible ranges for 400 areas (2,000 draws), a trend per area over
  five years, and the Spearman correlation of two indicators.

Synthetic areas: populations from 5,000 to 600,000 a year over five years at a national rate of
78 per 10,000, with extra variation between areas, so that expected counts run from ~200 to
~23,000 and the quadrature path of the incomplete gamma function is exercised. The machine is
shared and noisy: compare within one run, and with the floor it prints (a bare matplotlib
scatter of as many dots and curves, constrained layout, on a fresh figure).
"""

from __future__ import annotations

import os
import random
import statistics
import time

os.environ.setdefault("MPLBACKEND", "Agg")

RUNS = 7
AREAS = 400


def median_ms(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def synthetic(n: int = AREAS, seed: int = 1):
    rng = random.Random(seed)
    keys = [f"area-{i:03d}" for i in range(n)]
    populations = [rng.uniform(5_000, 600_000) for _ in keys]
    events = [p * 0.0078 * rng.lognormvariate(0, 0.12) for p in populations]
    return keys, populations, events


def floor(result) -> None:
    """The least a funnel costs: a bare matplotlib scatter and four curves, laid out and drawn."""
    from atlasviewer.render.stats_figures import new_figure

    figure = new_figure((8.0, 5.0), 100.0)
    ax = figure.add_subplot()
    ax.scatter([a.size for a in result.areas], [a.value for a in result.areas])
    for lows, highs in result.curves.values():
        ax.plot(result.curve_sizes, lows)
        ax.plot(result.curve_sizes, highs)
    figure.canvas.draw()


def main() -> None:
    from atlasviewer.core.plans.funnel_plan import build_funnel_plan
    from atlasviewer.core.stats.correlation import correlate
    from atlasviewer.core.stats.funnel import funnel_rates
    from atlasviewer.core.stats.rank import rank_from_counts
    from atlasviewer.core.stats.trend import trend
    from atlasviewer.render.funnel_chart import draw_funnel_chart
    from atlasviewer.render.stats_figures import new_figure
    from atlasviewer.render.style import ChartStyle
    from atlasviewer.render.text_renderer import TextCachingCanvasAgg

    keys, populations, events = synthetic()
    selected = keys[:3]

    def compute():
        return funnel_rates(keys, keys, events, populations, per=10_000.0, years=5)

    def plan(result):
        return build_funnel_plan(
            result, title="Synthetic", x_label="Population", y_label="Rate",
            selected=selected, lang="nb",
        )  # fmt: skip

    def draw(funnel_plan):
        figure = new_figure((8.0, 5.0), 100.0)
        draw_funnel_chart(figure.add_subplot(), funnel_plan, ChartStyle.screen(), "nb")
        figure.canvas.draw()

    window_canvas = TextCachingCanvasAgg(new_figure((8.0, 5.0), 100.0))

    def draw_in_window(funnel_plan):
        # As the window's chart widget draws: one canvas, cleared and drawn again, with the
        # renderer that keeps text layouts and glyphs (render/text_renderer.py).
        figure = window_canvas.figure
        figure.clear()
        draw_funnel_chart(figure.add_subplot(), funnel_plan, ChartStyle.screen(), "nb")
        window_canvas.draw()

    result = compute()
    funnel_plan = plan(result)
    draw(funnel_plan)  # warm: fonts, tick machinery
    draw_in_window(funnel_plan)
    compute_ms = median_ms(compute)
    plan_ms = median_ms(lambda: plan(result))
    draw_ms = median_ms(lambda: draw(funnel_plan))
    window_ms = median_ms(lambda: draw_in_window(funnel_plan))
    total_ms = median_ms(lambda: draw_in_window(plan(compute())))
    print(f"funnel of {AREAS} synthetic areas (5 years, expected 200-23,000 events)")
    print(f"  limits and curves       {compute_ms:7.1f} ms")
    print(f"  plan (nb)               {plan_ms:7.1f} ms")
    print(f"  draw, new figure (Agg)  {draw_ms:7.1f} ms   (export: a fresh 800x500 figure)")
    print(f"  draw, window canvas     {window_ms:7.1f} ms   (text-caching renderer, 800x500)")
    print(f"  computed and drawn      {total_ms:7.1f} ms   target <= 150 ms (window canvas)")
    print(f"  outside 99.8 %          {len(result.outliers()):7d} of {len(result.areas)}")
    floor_ms = median_ms(lambda: floor(result))
    print(
        f"  floor: plain scatter    {floor_ms:7.1f} ms   (400 dots, 4 curves, constrained layout)"
    )
    print(f"  window draw / floor     {window_ms / floor_ms:7.2f}")

    years = [2018, 2019, 2020, 2021, 2022]
    rng = random.Random(2)
    series = [[rng.uniform(50, 100) for _ in years] for _ in keys]
    rank_ms = median_ms(lambda: rank_from_counts(keys, events, populations, years=5), runs=3)
    trend_ms = median_ms(lambda: [trend(years, s) for s in series])
    other = [e * rng.uniform(0.8, 1.2) for e in events]
    corr_ms = median_ms(lambda: correlate(keys, events, keys, other))
    print(f"ranks of {AREAS} areas, 2,000 draws {rank_ms:7.1f} ms")
    print(f"trends of {AREAS} areas, 5 years  {trend_ms:7.1f} ms")
    print(f"Pearson and Spearman, {AREAS}   {corr_ms:7.1f} ms")


if __name__ == "__main__":
    main()
