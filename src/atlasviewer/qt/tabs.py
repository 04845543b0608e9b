"""Tab bars shared by the panes: titles that fit the bar instead of scrolling it.

Charts and tables of a result box both keep a title per tab that may be long ("Andel av MR
prostata ..."): the tab bars never scroll, and every title gets an equal share of the bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QTabWidget


def fit_tabs_to_width(tabs: QTabWidget) -> None:
    """Tabs that never scroll: :func:`elide_tab_titles` fits their titles to the bar.

    Qt's own eliding stays on: with it, the bar asks for the width of a few letters a tab,
    not of its titles, so a chart pane with long titles never takes width from the map.
    """
    tabs.setElideMode(Qt.TextElideMode.ElideRight)
    tabs.setUsesScrollButtons(False)


def elide_tab_titles(tabs: QTabWidget) -> None:
    """Show each tab's title (kept whole as its tooltip) cut at its end to an equal share.

    Qt's own eliding shrinks tabs unevenly: of four long chart titles in a 570 px bar, the
    last was left as "A…n". An equal share keeps every title's beginning, which is where
    the labels of one box differ ("Andel av MR prosta…", "Antall (rate) PSA-…"). Call after
    the titles change and when the tab widget is resized.
    """
    count = tabs.count()
    if not count:
        return
    bar = tabs.tabBar()
    # A tab is its text plus the style's horizontal padding (and a frame pixel or two).
    padding = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar) + 4
    share = max(bar.fontMetrics().averageCharWidth() * 6, tabs.width() // count - padding)
    titles = [tabs.tabToolTip(index) for index in range(count)]
    for index, text in enumerate(told_apart(titles, share, bar.fontMetrics())):
        tabs.setTabText(index, text)


def told_apart(titles: list[str], width: int, metrics: QFontMetrics) -> list[str]:
    """Each title cut to ``width`` pixels at its end, or where it differs from its siblings.

    Titles that share their beginning ("Year by year: Number of tests", "Year by year:
    Proportion of surgery") would both read "Year by year: Nu…" cut at the end; those lose
    the words they share instead ("…Number of tests", "…Proportion of surgery"), keeping
    the words that tell them apart.
    """
    right = Qt.TextElideMode.ElideRight
    first = [metrics.elidedText(title, right, width) for title in titles]
    cut = list(first)
    for index, title in enumerate(titles):
        twins = [t for t, c in zip(titles, first, strict=True) if c == first[index] and t != title]
        if not twins:
            continue
        shared = _shared_words(title, twins)
        if shared:
            cut[index] = metrics.elidedText("…" + title[shared:].lstrip(), right, width)
    return cut


def _shared_words(title: str, others: list[str]) -> int:
    """The length of the whole words (with their separators) ``title`` shares with ``others``."""
    common = len(title)
    for other in others:
        length = 0
        while length < min(len(title), len(other)) and title[length] == other[length]:
            length += 1
        common = min(common, length)
    boundary = max(title.rfind(" ", 0, common + 1), title.rfind(":", 0, common + 1))
    return boundary + 1 if boundary >= 0 else 0
