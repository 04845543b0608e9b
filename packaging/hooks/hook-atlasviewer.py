"""PyInstaller hook for the application package itself.

Sub-commands are imported by name at run time (``importlib.import_module``), and resources,
translations and the data registry are plain files found with ``importlib.resources``: neither is
visible to PyInstaller's import analysis, so both are collected here.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("atlasviewer")
datas = collect_data_files("atlasviewer", excludes=["**/__pycache__"])
