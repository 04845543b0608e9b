"""The names of the columns and definitions that issue 15 adds to the comparison's views.

Kept apart from :mod:`.stats_columns` (which computes them) so that :mod:`.matrix` and
:mod:`.export` can name them without importing the statistics.
"""

from __future__ import annotations

from atlasviewer.i18n import N_

STATS_COLUMNS = ("rank_range", "events", "population", "excess", "excess_low", "excess_high",
                 "finding")  # fmt: skip
"""The profile columns this module adds, after the comparison's own."""

STATS_LABELS: dict[str, str] = {
    "rank_range": N_("Rank with plausible range"),
    "events": N_("Events"),
    "population": N_("Population"),
    "excess": N_("Events a year above the national rate"),
    "excess_low": N_("Lower limit (95 %), events a year"),
    "excess_high": N_("Upper limit (95 %), events a year"),
    "finding": N_("Finding"),
}
"""Headers of :data:`STATS_COLUMNS` (translate with ``_``)."""

STATS_DEFINITIONS: list[tuple[str, str]] = [
    (
        N_("Rank with plausible range"),
        N_(
            "The rank (1 = highest) and the range of ranks the area plausibly holds: 2.5th to "
            "97.5th percentile of its ranks over 2,000 draws (fixed seed) of every area's value "
            "from a log-normal fitted to its 95 % interval (Marshall & Spiegelhalter 1998)."
        ),
    ),
    (
        N_("Events a year above the national rate"),
        N_(
            "Observed minus expected events a year, expected = observed × national value / area "
            "value (the area's events at the national rate); negative when below. Its 95 % "
            "interval is the Poisson interval of the events of the whole period (exact, Garwood, "
            "under 100 events; Byar's approximation from 100), divided by the years."
        ),
    ),
    (
        N_("Finding"),
        N_("The figures in words, from the statistics alone (never from the atlas's text)."),
    ),
]
"""Definitions of the added columns, for the export's Definitions sheet."""
