"""The window around the panes: start-up, main window, menus, language, settings, warm-up.

Also the about box and the output commands (copy, export, print, create fact sheet). The only
package that imports the panes (:mod:`atlasviewer.qt.shell.panes` puts them together).
"""
