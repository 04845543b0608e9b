"""The comparison: every indicator of every atlas, per registry area, with what is significant.

Qt-free, for the Compare pane and ``atlasviewer compare`` alike:

- :mod:`.indicators`: the indicators of a library, read box by box; search (:mod:`.search`).
- :mod:`.values`: an indicator's values, intervals and counts per area of its analysis.
- :mod:`.areas`: where a registry area is in an analysis (its row, a merged row, or none).
- :mod:`.significance` and :mod:`.variation`: the statistics (``docs/statistics.md``).
- :mod:`.cells`: value, index, rank and significance per area and indicator; colours.
- :mod:`.texts`: what a cell shows and its tooltip.
- :mod:`.matrix` and :mod:`.views`: the table, area profile and variation overview (pandas).
- :mod:`.profile`: the spine chart plan that :mod:`atlasviewer.render.profile_chart` draws.
- :mod:`.export`: XLSX and CSV. :mod:`.municipalities`: an area by a municipality's name.

Only :mod:`.matrix`, :mod:`.views` and :mod:`.export` use pandas, imported inside their
functions; nothing on the start-up path imports them (``tests/test_architecture.py``).
"""
