"""The comparison: every indicator of every atlas, per registry area, with what is significant.

Qt-free. :mod:`.indicators` finds the indicators of a library and reads their values,
:mod:`.areas` places a registry area in an analysis's own area set, :mod:`.significance` and
:mod:`.variation` are the statistics (``docs/statistics.md``), :mod:`.cells` combines them per
area and indicator, :mod:`.matrix` lays the cells out with pandas, and :mod:`.export` writes
them. Only :mod:`.matrix` and :mod:`.export` import pandas, and nothing on the start-up path
imports them.
"""
