"""The core stays Qt-free (CONVENTIONS.md, point 1) and the package list matches the tree."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "atlasviewer"
QT_FREE = [PACKAGE / "core", PACKAGE / "i18n.py"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_qt_or_the_widgets():
    offenders = []
    for base in QT_FREE:
        for path in [base] if base.is_file() else sorted(base.rglob("*.py")):
            for name in _imports(path):
                if name.startswith(("PySide6", "atlasviewer.qt", "matplotlib.backends.backend_qt")):
                    offenders.append(f"{path.relative_to(REPO)} imports {name}")
    assert offenders == []


def test_pandas_only_in_the_comparison_and_pyproj_nowhere():
    """pyproj is no run-time dependency (issue #7: installer size); pandas serves only the
    comparison's matrix and export (issue #14), never a result box (#4: opening a box)."""
    compare = PACKAGE / "core" / "compare"
    offenders = [
        f"{path.relative_to(REPO)} imports {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] == "pyproj"
        or (name.split(".")[0] == "pandas" and not path.is_relative_to(compare))
    ]
    assert offenders == []


def _window_start_module() -> str:
    """The module ``atlasviewer.cli`` starts the window from (``run_gui``), wherever it is."""
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == "run_gui" for a in node.names):
            assert node.module
            return node.module
    raise AssertionError("cli.py imports no run_gui")


def test_start_up_path_never_imports_pandas():
    """Neither the command line (with every command's parser) nor the window's start module,
    nor the comparison's cells, import pandas: it loads when a comparison is laid out."""
    code = (
        "import sys, importlib, atlasviewer.cli as cli\n"
        "cli.build_parser()\n"
        f"importlib.import_module({_window_start_module()!r})\n"
        "import atlasviewer.core.compare.cells, atlasviewer.core.compare.indicators\n"
        "import atlasviewer.commands.compare\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, atlasviewer.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'atlasviewer.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import atlasviewer.cli\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_package_in_the_tree_is_installed():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    in_tree = {
        ".".join(("atlasviewer", *p.parent.relative_to(PACKAGE).parts)).rstrip(".")
        for p in PACKAGE.rglob("__init__.py")
    }
    assert in_tree <= listed, f"add to pyproject.toml: {sorted(in_tree - listed)}"
