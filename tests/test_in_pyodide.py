"""The engine's pure test suite, run again inside real Pyodide (Python 3.14 on WebAssembly) under Node.

A feature that works in CPython but not in the browser's Python fails here.
The runtime is the pinned npm package; the wheels are the ones the site
ships (our `calculator` without its edge modules, and `tzdata`) plus the
test tools: the pure-Python ones written from this environment's installed
copies (the versions pinned by requirements-dev.lock, no download), and
hypothesis, whose core is compiled since 6.156, as its Pyodide build from
PyPI, kept in pytest's cache folder after the first run.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import bundle
import pytest
from site_hooks import _EDGE_MODULES

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
RUNNER = TESTS / "pyodide" / "run_core_tests.mjs"
PLUGIN = TESTS / "pyodide" / "pyodide_plugin.py"

#: The test modules that need nothing but the engine, pytest and hypothesis.
CORE_TEST_MODULES = (
    "test_links.py",
    "test_markup.py",
    "test_money.py",
    "test_pricing.py",
    "test_profile.py",
    "test_properties.py",
    "test_quote.py",
    "test_reaction.py",
    "test_validate.py",
    "test_worktime.py",
    "test_hostile_links.py",
)
#: What those modules read besides conftest.py: the hostile-link corpus.
CORE_TEST_FILES = ("hostile_links.py", "data/hostile_links.txt", "data/make_hostile_links.py")
#: Importing any of these makes a test module an edge test: Pyodide has not
#: got it (the edge modules are left out of the wheel on purpose).
EDGE_IMPORTS = frozenset(
    {
        "bundle",
        "csp",
        "dateutil",
        "holidays",
        "mkdocs",
        "netlify_server",
        "offline",
        "playwright",
        "shortcodes",
        "site_hooks",
        "yaml",
        *(f"calculator.{name.removesuffix('.py')}" for name in _EDGE_MODULES),
    }
)
#: Pure-Python test tools; pytest needs pygments for its reports.
PURE_TEST_TOOLS = ("pytest", "pluggy", "iniconfig", "packaging", "pygments", "sortedcontainers")
#: The core suite held 151 tests when this runner was written; fewer than
#: this means tests were lost on the way into Pyodide.
MIN_TESTS_IN_PYODIDE = 150
SKIPPED_IN_PYODIDE = {"tests/test_profile.py::test_the_core_imports_no_edge_module"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _is_edge(module: str) -> bool:
    return any(module == edge or module.startswith(f"{edge}.") for edge in EDGE_IMPORTS)


def test_the_core_test_modules_are_those_without_edge_imports() -> None:
    # A new test module of the engine must be added to the list above, so that it runs in Pyodide too.
    core = sorted(
        path.name
        for path in TESTS.glob("test_*.py")
        if not any(_is_edge(module) for module in _imports(path))
    )
    assert core == sorted(CORE_TEST_MODULES)


def _tool_wheel(name: str) -> bundle.Wheel:
    """Wheel of an installed pure-Python distribution, as pinned by the lock file."""
    dist = importlib.metadata.distribution(name)
    files = [
        (str(path), Path(str(path.locate())).read_bytes())
        for path in dist.files or []
        if path.parts[0] != ".."
        and not path.parts[0].endswith(".dist-info")
        and "__pycache__" not in path.parts
    ]
    assert files, name
    return bundle.make_wheel(re.sub(r"[-_.]+", "_", dist.metadata["Name"]).lower(), dist.version, files)


def _hypothesis_wheel(cache: Path, pyodide_dir: Path) -> Path:
    """The Pyodide build of the installed hypothesis, from PyPI on the first run only."""
    version = importlib.metadata.version("hypothesis")
    info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    platform = f"pyemscripten_{info['abi_version']}_{info['arch']}"
    found = sorted(cache.glob(f"hypothesis-{version}-*-{platform}.whl"))
    if not found:
        python = ".".join(info["python"].split(".")[:2])
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
        target = ["--python-version", python, "--platform", platform, "--dest", str(cache)]
        subprocess.run(
            [*pip, *target, f"hypothesis=={version}"],
            check=True,
            timeout=300,
        )
        found = sorted(cache.glob(f"hypothesis-{version}-*-{platform}.whl"))
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def pyodide_run(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    pyodide_dir = bundle.pyodide_dir(ROOT)
    node = shutil.which("node")
    assert node is not None, "Node is needed to run Pyodide"
    cache_provider = getattr(pytestconfig, "cache", None)
    cache = cache_provider.mkdir("pyodide-wheels") if cache_provider else tmp_path_factory.mktemp("cache")

    wheels = tmp_path_factory.mktemp("wheels")
    for wheel in (
        bundle.calculator_wheel(ROOT / "calculator", skip=_EDGE_MODULES),
        bundle.tzdata_wheel(),
        *(_tool_wheel(name) for name in PURE_TEST_TOOLS),
    ):
        (wheels / wheel.filename).write_bytes(wheel.data)
    hypothesis = _hypothesis_wheel(cache, pyodide_dir)
    shutil.copyfile(hypothesis, wheels / hypothesis.name)

    project = tmp_path_factory.mktemp("project")
    (project / "tests" / "data").mkdir(parents=True)
    shutil.copyfile(ROOT / "pyproject.toml", project / "pyproject.toml")
    shutil.copyfile(PLUGIN, project / PLUGIN.name)
    for name in ("conftest.py", *CORE_TEST_MODULES, *CORE_TEST_FILES):
        shutil.copyfile(TESTS / name, project / "tests" / name)

    completed = subprocess.run(
        [node, str(RUNNER), str(pyodide_dir), str(project), str(wheels), "-q", "-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = completed.stdout + completed.stderr
    marker = "PYODIDE-RESULT "
    lines = [line for line in completed.stdout.splitlines() if line.startswith(marker)]
    assert len(lines) == 1, output
    result: dict[str, Any] = json.loads(lines[0].removeprefix(marker))
    result["node_exit_code"] = completed.returncode
    result["output"] = output.replace(lines[0], "")
    return result


@pytest.mark.pyodide
def test_the_runtime_is_pyodide_python_3_14(pyodide_run: dict[str, Any]) -> None:
    assert (pyodide_run["python"], pyodide_run["platform"]) == ([3, 14], "emscripten")


@pytest.mark.pyodide
def test_the_engine_brings_no_edge_module_into_pyodide(pyodide_run: dict[str, Any]) -> None:
    assert pyodide_run["edges_installed"] == []
    assert pyodide_run["edges_imported"] == []


@pytest.mark.pyodide
def test_the_core_suite_passes_in_pyodide(pyodide_run: dict[str, Any]) -> None:
    outcomes: dict[str, str] = pyodide_run["outcomes"]
    not_passed = {nodeid: outcome for nodeid, outcome in outcomes.items() if outcome != "passed"}
    assert not_passed == dict.fromkeys(SKIPPED_IN_PYODIDE, "skipped"), pyodide_run["output"]
    assert pyodide_run["stale_skips"] == []
    assert (pyodide_run["exit_code"], pyodide_run["node_exit_code"]) == (0, 0), pyodide_run["output"]
    assert pyodide_run["collected"] == len(outcomes)
    assert pyodide_run["collected"] >= MIN_TESTS_IN_PYODIDE
