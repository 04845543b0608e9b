"""The layering of the package: contracts on who imports whom, no import circle, the package list.

- the core imports no Qt, no matplotlib and nothing of ``render`` or ``qt`` (CONVENTIONS.md, 1);
- ``render`` imports no Qt and nothing of ``qt``; ``i18n`` imports neither Qt nor matplotlib;
- a pane of ``qt`` (library, reader, map, charts, tables, factsheets) imports no other pane:
  only ``qt.shell`` puts them together; what they share (``qt/state.py``...) imports none;
- no module of ``src/`` takes part in an import circle (every import counts, also those inside
  functions and under ``TYPE_CHECKING``: a circle there is a circle in the design).
"""

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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The names an import statement brings in, absolute (``from . import x`` resolved)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".")
        if MODULES[module].name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, base] if base else package)
    # ``from package import module`` imports the module; ``from module import name`` the module.
    return [
        f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
        for alias in node.names
    ]


def import_graph() -> dict[str, set[str]]:
    """Module -> the project's modules it imports, anywhere in its source."""
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _targets(module, node):
                    while target and target not in MODULES:
                        target = target.rpartition(".")[0]
                    if target and target != module:
                        found.add(target)
        graph[module] = found
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_anywhere_in_src():
    assert _cycles(import_graph()) == []


def _all_imports(path: Path) -> set[str]:
    module = _module_name(path)
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names.update(_targets(module, node))
    return names


LAYERS = [
    # (modules under, imports they may not make)
    ("atlasviewer.core", ("PySide6", "matplotlib", "atlasviewer.qt", "atlasviewer.render")),
    ("atlasviewer.render", ("PySide6", "atlasviewer.qt", "matplotlib.backends.backend_qt")),
    ("atlasviewer.i18n", ("PySide6", "matplotlib", "atlasviewer.qt", "atlasviewer.render")),
]
PANES = ["library", "reader", "map", "charts", "tables", "factsheets", "present", "compare"]


def _breaches(prefix: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{module} imports {name}"
        for module, path in sorted(MODULES.items())
        if module == prefix or module.startswith(prefix + ".")
        for name in sorted(_all_imports(path))
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


def test_layering_contracts():
    assert [b for prefix, forbidden in LAYERS for b in _breaches(prefix, forbidden)] == []


def test_panes_import_no_sibling_pane():
    breaches = []
    for pane in PANES:
        others = tuple(f"atlasviewer.qt.{other}" for other in PANES + ["shell"] if other != pane)
        breaches += _breaches(f"atlasviewer.qt.{pane}", others)
    assert breaches == []


def test_what_the_panes_share_imports_no_pane_and_no_shell():
    shared = [
        module
        for module, path in MODULES.items()
        if module.startswith("atlasviewer.qt.") and path.parent.name == "qt"
    ]
    panes = tuple(f"atlasviewer.qt.{name}" for name in [*PANES, "shell"])
    assert "atlasviewer.qt.state" in shared
    assert [b for module in shared for b in _breaches(module, panes)] == []


def test_the_contracts_see_a_breach(tmp_path):
    """A pane importing a sibling, in a function, is found (the checks are not vacuous)."""
    source = "def f():\n    from atlasviewer.qt.map.scene import MapScene\n"
    path = PACKAGE / "qt" / "charts" / "widget.py"
    tree = ast.parse(source)
    names = {
        target
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for target in _targets(_module_name(path), node)
    }
    assert names == {"atlasviewer.qt.map.scene"}


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
