"""Tab bars shared by the panes: titles that fit the bar instead of scrolling it.

Charts and tables of a result box both keep a title per tab that may be long ("Andel av MR
prostata ..."): the tab bars never scroll, and every title gets an equal share of the bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    for index in range(count):
        title = tabs.tabToolTip(index)
        tabs.setTabText(
            index, bar.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, share)
        )
