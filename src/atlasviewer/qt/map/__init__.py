"""The native Qt map: the scene of areas, the ``ChoroplethMap`` widget, its pane.

Also the legend and inset layout (:mod:`~atlasviewer.qt.map.layout`) that screen, export and
print share.
"""
