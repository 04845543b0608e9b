"""The comparison workspace: areas against the national value across atlases (issue #14).

A pane of its own, as the reader and the library are: it imports no other pane, follows the
app's state and is put into the window by :mod:`atlasviewer.qt.shell.compare_entry`. The
statistics, texts and colours are the core's (:mod:`atlasviewer.core.compare`).
"""
