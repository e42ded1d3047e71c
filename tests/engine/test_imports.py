"""The engine's rooms import one another downwards only: no cycle, no import hidden in a function.

The layers, bottom to top: the units every room uses (Sofia time, errors,
money, numbers, the Ed25519 and ЕИК checks), the catalogue, time, the profile, pricing, the page.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import calculator

PACKAGE = Path(calculator.__file__).parent
LAYERS = ("units", "catalogue", "time", "profile", "pricing", "page")


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    # __main__ is the CLI's door, left out of the wheel (tests/site/test_boundary.py).
    return {_name(path): path for path in sorted(PACKAGE.rglob("*.py")) if path.name != "__main__.py"}


def imports() -> dict[str, set[str]]:
    """Each module of the package and the package's modules it imports, wherever in the file."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("calculator"):
                module = str(node.module)
                # `from calculator.catalogue import readers` imports the module, not the package.
                subs = {f"{module}.{alias.name}" for alias in node.names} & modules.keys()
                found.update(subs or {module})
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("calculator"))
        graph[name] = found - {name}
    return graph


def room(module: str) -> str:
    """The room a module is in: its subpackage, or "units" for the package's own modules."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else "units"


def test_every_module_is_in_a_room() -> None:
    rooms = {room(name) for name in _modules() if name != "calculator"}
    assert rooms == set(LAYERS)
    top = sorted(name for name in _modules() if room(name) == "units" and name != "calculator")
    assert top == [
        "calculator.clock",
        "calculator.ed25519",
        "calculator.eik",
        "calculator.errors",
        "calculator.money",
        "calculator.numbers",
    ]


def test_rooms_import_downwards_only() -> None:
    # __init__ re-exports the public API from every room, on purpose.
    graph = {name: deps for name, deps in imports().items() if name != "calculator"}
    between = sorted(
        {(room(name), room(dep)) for name, deps in graph.items() for dep in deps if room(name) != room(dep)}
    )
    upwards = [(a, b) for a, b in between if LAYERS.index(b) > LAYERS.index(a)]
    assert upwards == []
    assert between == [
        ("catalogue", "units"),
        ("page", "catalogue"),
        ("page", "pricing"),
        ("page", "profile"),
        ("page", "time"),
        ("page", "units"),
        ("pricing", "catalogue"),
        ("pricing", "profile"),
        ("pricing", "time"),
        ("pricing", "units"),
        ("profile", "catalogue"),
        ("profile", "units"),
        ("time", "catalogue"),
        ("time", "units"),
    ]
    assert [
        dep for name, deps in graph.items() if room(name) == "pricing" for dep in deps if room(dep) == "page"
    ] == []


def _type_checking(tree: ast.Module) -> list[ast.stmt]:
    """The statements under a top-level ``if TYPE_CHECKING:``: read by the type checker, never run."""
    return [
        statement
        for node in tree.body
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for statement in node.body
    ]


def test_no_module_imports_inside_a_function() -> None:
    lazy = []
    for path in _modules().values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {*tree.body, *_type_checking(tree)}
        lazy += [
            f"{path.relative_to(PACKAGE)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, (ast.Import, ast.ImportFrom)) and node not in top
        ]
    assert lazy == []


def test_no_import_cycle_between_modules() -> None:
    graph = {name: deps for name, deps in imports().items() if name != "calculator"}
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
    assert "calculator.catalogue.validate" in graph["calculator.catalogue.price_list"]
    assert "calculator.catalogue.price_list" not in graph["calculator.catalogue.validate"]


def test_the_package_names_each_public_name_where_it_lives() -> None:
    # calculator/__init__.py loads a public name on first use, from the module _HOMES names;
    # the type checker reads the same names from the imports under TYPE_CHECKING.
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    imported = {
        alias.name: str(node.module)
        for node in _type_checking(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == calculator._HOMES
    assert calculator.__all__ == sorted(imported)
    for name, home in imported.items():
        assert getattr(calculator, name) is getattr(importlib.import_module(home), name), name
    assert "quote" in dir(calculator)
