"""Statistics of one indicator over the areas: funnel limits, ranks, trends, correlation, excess.

Qt-free and independent of the comparison package: every function takes plain sequences (area
keys, values, counts, populations, years, intervals) so that the comparison workspace, the
``atlasviewer compare`` command, the fact sheet and the tests can all call them. Each method is
named in its module's docstring and in ``docs/statistics-trends.md``.

- :mod:`~atlasviewer.core.stats.special`: the regularised incomplete gamma and beta functions,
  Poisson and binomial distribution functions, the exact (Garwood) Poisson interval and the
  Student t quantile, written out because scipy is not a dependency.
- :mod:`~atlasviewer.core.stats.funnel`: funnel plot control limits (Spiegelhalter 2005).
- :mod:`~atlasviewer.core.stats.excess`: observed minus expected events a year, with interval.
- :mod:`~atlasviewer.core.stats.rank`: a rank with its plausible range (Monte Carlo).
- :mod:`~atlasviewer.core.stats.trend`: change over the period and the year-to-year noise.
- :mod:`~atlasviewer.core.stats.correlation`: Pearson and Spearman over shared areas.
"""
