"""Class breaks and colours for a choropleth: published natural breaks, else Fisher-Jenks.

What the published ``jenks`` of a map view mean (checked against the mapped column of every map
view in ../shared/helseatlas, 131 views in 2026-11):

* The entries are the **breaks between classes**: n entries make **n + 1 classes** (every map in
  the data has 3 entries, so 4 classes; the atlas web site colours them with one purple,
  ``rgba(171, 108, 166)``, at opacity 0.25, 0.5, 0.75 and 1).
* ``grense`` is the break: a value ``v`` is in class ``i`` (0-based) when
  ``grense[i-1] < v <= grense[i]``; values above the last ``grense`` form the top class.
* In the full form (80 views: lab, radiologi, radiologi2, kronikere, endometriose) entry ``i``
  also gives ``min`` and ``max``, the smallest and largest value of class ``i``, and ``lag_min``,
  the smallest value of class ``i + 1``; ``grense`` is half-way between ``max`` and ``lag_min``.
  For all 80 views these agree with the data exactly (the first ``min`` is the smallest area
  value; the top class's range is ``lag_min`` of the last entry to the largest value), and no
  class is empty. ``min``/``max`` are sometimes strings with leading spaces (``"  0.6142"``).
* In the short form (51 views: bup, fedme, psyk2-1) the entries carry only a rounded ``grense``.
  47 of them fit the data; 4 leave a class empty. ``bup/angst_pol_kontakt.json`` has breaks
  (46, 59.2, 72.9) copied from another box: 18 of 21 areas fall in the top class and the two
  lowest classes are empty. ``fedme/l1va_pol_konrate_json.json`` has a top break (593) above the
  largest value (589).

So published breaks are used as they are when every class they make holds at least one area;
when they leave a class empty they do not describe this data, and the classes are computed with
Fisher-Jenks (the algorithm of ``mapclassify.FisherJenks``) with the same number of classes
instead, and :attr:`Classification.note` says so. Without published breaks the classes are
computed with five classes (fewer when there are fewer distinct values).

Legend ranges are the smallest and largest value in each class (what a reader can check against
the table), not the breaks themselves, which lie between values.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from atlasviewer.core.formatting import to_number
from atlasviewer.core.model import JenksClass
from atlasviewer.i18n import N_

DEFAULT_CLASSES = 5
"""Classes computed when the data publishes no breaks."""

ATLAS_PURPLE = (171, 108, 166)
"""The atlas web site's purple, ``rgba(171, 108, 166)``; classes are it at rising opacity."""

# ColorBrewer "YlGnBu" (Cynthia Brewer, Apache-2.0 licensed scheme), colour-blind safe and
# readable in grey print; one list per number of classes, light to dark.
_YLGNBU: dict[int, list[str]] = {
    3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
    4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
    5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
    6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
    7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
    8: ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
    9: [
        "#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4",
        "#1d91c0", "#225ea8", "#253494", "#081d58",
    ],
}  # fmt: skip

PALETTES: dict[str, str] = {
    "purple": N_("Purple (as in the atlases)"),
    "ylgnbu": N_("Yellow-green-blue (colour-blind safe)"),
}
"""Palette ids and their names for a settings menu (translate with ``_()`` at display)."""

NOTE_PUBLISHED_UNFIT = N_(
    "The published class breaks leave a class empty; classes were computed from the data."
)


def _blend_over_white(rgb: tuple[int, int, int], alpha: float) -> str:
    r, g, b = (round(255 - alpha * (255 - c)) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def palette_colours(palette: str, n_classes: int) -> list[str]:
    """``n_classes`` hex colours, light to dark, of palette ``purple`` or ``ylgnbu``.

    ``purple`` is the atlases' purple at opacity (i + 1) / n over white, which for four classes
    gives exactly the web site's 0.25 / 0.5 / 0.75 / 1 steps. Unknown palettes fall back to purple.
    """
    n = max(1, n_classes)
    if palette == "ylgnbu":
        if n in _YLGNBU:
            return list(_YLGNBU[n])
        if n < 3:
            return [_YLGNBU[3][2 * i] for i in range(n)] if n == 2 else [_YLGNBU[3][1]]
        return [_YLGNBU[9][round(i * 8 / (n - 1))] for i in range(n)]
    return [_blend_over_white(ATLAS_PURPLE, (i + 1) / n) for i in range(n)]


@dataclass
class Classification:
    """Classes of one map view's values.

    Attributes:
        breaks: Upper bounds of every class but the top one, ascending; a value ``v`` is in
            class ``i`` when ``breaks[i-1] < v <= breaks[i]``.
        colours: One hex colour per class, light (low) to dark (high).
        ranges: ``(smallest, largest)`` value in each class (None, None for an empty class).
        counts: Number of values in each class.
        source: ``"published"`` (the data's ``jenks``) or ``"computed"`` (Fisher-Jenks here).
        note: Untranslated note (mark: N_) on why published breaks were not used, or "".
    """

    breaks: list[float]
    colours: list[str]
    ranges: list[tuple[float | None, float | None]] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    source: str = "computed"
    note: str = ""

    @property
    def n_classes(self) -> int:
        return len(self.breaks) + 1

    def class_of(self, value: object) -> int | None:
        """The 0-based class of ``value``, or None when it is missing."""
        number = to_number(value)
        if number is None:
            return None
        return bisect_left(self.breaks, number)

    def colour_of(self, value: object) -> str | None:
        index = self.class_of(value)
        return None if index is None else self.colours[index]


def published_breaks(jenks: Sequence[JenksClass | dict]) -> list[float]:
    """The breaks (``grense``) of published jenks entries, ascending; unreadable ones skipped."""
    breaks: list[float] = []
    for entry in jenks:
        raw = entry.get("grense") if isinstance(entry, dict) else entry.boundary
        number = to_number(raw)
        if number is not None:
            breaks.append(number)
    return sorted(set(breaks))


def _fill(breaks: list[float], values: list[float]) -> tuple[list, list[int]]:
    n = len(breaks) + 1
    lows: list[float | None] = [None] * n
    highs: list[float | None] = [None] * n
    counts = [0] * n
    for v in values:
        i = bisect_left(breaks, v)
        counts[i] += 1
        low, high = lows[i], highs[i]
        lows[i] = v if low is None or v < low else low
        highs[i] = v if high is None or v > high else high
    return list(zip(lows, highs, strict=True)), counts


def fisher_jenks_breaks(values: Sequence[float], n_classes: int = DEFAULT_CLASSES) -> list[float]:
    """Natural breaks of ``values`` in at most ``n_classes`` classes (fewer distinct values, fewer).

    Fisher's exact optimal grouping (what ``mapclassify.FisherJenks`` computes: the classes
    with the least sum of squared deviations from their means), by dynamic programming over the
    sorted values. Written here rather than imported, measured: ``mapclassify.classifiers``
    imports scikit-learn and scipy.stats at module level, 1.7-3 s on the target machines and
    about 110 MB in the installer, for maps of about 20 areas (only first-generation maps need
    computed breaks). mapclassify stays the reference: tests/test_classify.py checks that both
    agree on real maps. The breaks are each class's largest value, so ``value <= break`` puts a
    value in its class.
    """
    xs = sorted(values)
    distinct = sorted(set(xs))
    k = min(n_classes, len(distinct))
    if k <= 1:
        return []
    if k == len(distinct):
        return distinct[:-1]
    n = len(xs)
    s1 = [0.0] * (n + 1)
    s2 = [0.0] * (n + 1)
    for i, x in enumerate(xs):
        s1[i + 1] = s1[i] + x
        s2[i + 1] = s2[i] + x * x

    def ssd(i: int, j: int) -> float:  # sum of squared deviations of xs[i:j]
        total = s1[j] - s1[i]
        return s2[j] - s2[i] - total * total / (j - i)

    inf = float("inf")
    # cost[c][j]: least total deviation of xs[:j] in c + 1 classes; start[c][j]: where the last
    # of those classes begins.
    cost = [[ssd(0, j) if j else inf for j in range(n + 1)]]
    start = [[0] * (n + 1)]
    for c in range(1, k):
        row = [inf] * (n + 1)
        begin = [0] * (n + 1)
        for j in range(c + 1, n + 1):
            for i in range(c, j):
                candidate = cost[c - 1][i] + ssd(i, j)
                if candidate < row[j]:
                    row[j], begin[j] = candidate, i
        cost.append(row)
        start.append(begin)
    breaks: list[float] = []
    j = n
    for c in range(k - 1, 0, -1):
        i = start[c][j]
        breaks.append(xs[i - 1])
        j = i
    return sorted(breaks)


def classify(
    values: Iterable[object],
    jenks: Sequence[JenksClass | dict] | None = None,
    palette: str = "purple",
    n_classes: int | None = None,
) -> Classification:
    """Classes and colours for the values of a map (one value per area, national row excluded).

    Args:
        values: The mapped column's values; None/NaN/non-numbers are ignored.
        jenks: The view's published jenks, if any (used when they fit; see the module docstring).
        palette: ``"purple"`` or ``"ylgnbu"``.
        n_classes: Classes to compute when no usable breaks are published (default: one more than
            the number of published breaks, else :data:`DEFAULT_CLASSES`).
    """
    numbers = [n for n in (to_number(v) for v in values) if n is not None]
    published = published_breaks(jenks or [])
    note = ""
    if published:
        ranges, counts = _fill(published, numbers)
        if all(counts) or not numbers:
            return Classification(
                published, palette_colours(palette, len(counts)), ranges, counts, "published"
            )
        note = NOTE_PUBLISHED_UNFIT
    wanted = n_classes or (len(published) + 1 if published else DEFAULT_CLASSES)
    breaks = fisher_jenks_breaks(numbers, wanted)
    ranges, counts = _fill(breaks, numbers)
    return Classification(
        breaks, palette_colours(palette, len(counts)), ranges, counts, "computed", note
    )
