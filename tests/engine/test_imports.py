"""The engine's modules import one another in one direction: no cycle, and no import hidden in a function."""

from __future__ import annotations

import ast
from pathlib import Path

import calculator

PACKAGE = Path(calculator.__file__).parent


def imports() -> dict[str, set[str]]:
    """Each module of the package and the package's modules it imports, wherever in the file."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "calculator":
                found.update(f"calculator.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("calculator."):
                found.add(str(node.module))
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("calculator."))
        graph[f"calculator.{path.stem}"] = found
    return graph


def test_no_module_imports_inside_a_function() -> None:
    lazy = []
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = set(tree.body)
        lazy += [
            f"{path.name}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, (ast.Import, ast.ImportFrom)) and node not in top
        ]
    assert lazy == []


def test_no_import_cycle_between_modules() -> None:
    # __init__ re-exports the public API: every module is imported from there, on purpose.
    graph = {name: deps for name, deps in imports().items() if name != "calculator.__init__"}
    cycles, done = [], set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        for dep in sorted(graph.get(name, ())):
            if dep in path:
                cycles.append(" -> ".join((*path[path.index(dep) :], dep)))
            elif dep not in done:
                visit(dep, (*path, dep))
        done.add(name)

    for name in sorted(graph):
        visit(name, (name,))
    assert cycles == []
    # The one that was: the catalogue reads itself through the validator, which builds its parts.
    assert "calculator.validate" in graph["calculator.catalogue"]
    assert "calculator.catalogue" not in graph["calculator.validate"]
