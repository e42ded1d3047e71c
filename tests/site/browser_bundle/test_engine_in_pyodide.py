"""The engine's pure test suite, run again inside real Pyodide (Python 3.14 on WebAssembly) under Node.

A feature that works in CPython but not in the browser's Python fails here.
The runtime is the pinned npm package on the site's cut standard library
(backoffice/browser_bundle/cut.py), its fallback reading the full one from disk; the
wheels are our `calculator` (from source) and `tzdata`, as the site ships them, plus the
test tools: the pure-Python ones written from this environment's installed
copies (the versions pinned by requirements-dev.lock, no download), and
hypothesis, whose core is compiled since 6.156, as its Pyodide build from
PyPI, kept in pytest's cache folder after the first run.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backoffice.browser_bundle import bundle
from backoffice.browser_bundle import cut as runtime
from backoffice.website.sources import load_catalogue

ROOT = Path(__file__).resolve().parents[3]
TESTS = ROOT / "tests"
RUNNER = Path(__file__).resolve().parent / "pyodide" / "run_engine_tests.mjs"
PLUGIN = Path(__file__).resolve().parent / "pyodide" / "pyodide_plugin.py"
#: The build's cache of cut runtimes (hooks/site_hooks.py): the same engine, the same cut.
RUNTIME_CACHE = ROOT / ".cache" / "runtime"

#: The engine's tests, run there as they are: this directory and the
#: conftest.py above it, which is all they may use.
ENGINE_TESTS = TESTS / "engine"
#: Pure-Python test tools; pytest needs pygments for its reports.
PURE_TEST_TOOLS = ("pytest", "pluggy", "iniconfig", "packaging", "pygments", "sortedcontainers")
#: The engine's suite held 151 tests when this runner was written; fewer
#: than this means tests were lost on the way into Pyodide.
MIN_TESTS_IN_PYODIDE = 150


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
def pyodide_run(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory, sample_root: Path
) -> dict[str, Any]:
    pyodide_dir = bundle.pyodide_dir(ROOT)
    # The tests' own catalogue: the cut runtime's probe and the run in Pyodide exercise the page on it.
    catalogue = load_catalogue(sample_root / "docs")
    catalogue_json = json.dumps(catalogue.to_dict(), ensure_ascii=False, sort_keys=True).encode()
    node = shutil.which("node")
    assert node is not None, "Node is needed to run Pyodide"
    cache_provider = getattr(pytestconfig, "cache", None)
    cache = cache_provider.mkdir("pyodide-wheels") if cache_provider else tmp_path_factory.mktemp("cache")

    engine = (bundle.calculator_wheel(ROOT / "calculator"), bundle.tzdata_wheel())
    cut = runtime.cut(pyodide_dir, engine, catalogue_json, RUNTIME_CACHE)
    stdlib = tmp_path_factory.mktemp("stdlib") / "python_stdlib.zip"
    stdlib.write_bytes(cut.stdlib)

    wheels = tmp_path_factory.mktemp("wheels")
    for wheel in (
        *engine,
        *(_tool_wheel(name) for name in PURE_TEST_TOOLS),
    ):
        (wheels / wheel.filename).write_bytes(wheel.data)
    hypothesis = _hypothesis_wheel(cache, pyodide_dir)
    shutil.copyfile(hypothesis, wheels / hypothesis.name)

    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ENGINE_TESTS, project / "tests" / "engine", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(TESTS / "conftest.py", project / "tests" / "conftest.py")
    shutil.copyfile(ROOT / "pyproject.toml", project / "pyproject.toml")
    shutil.copyfile(PLUGIN, project / PLUGIN.name)
    shutil.copyfile(runtime.PROBE, project / "runtime_probe.py")
    (project / "catalogue.json").write_bytes(catalogue_json)

    completed = subprocess.run(
        [
            *(node, str(RUNNER), str(pyodide_dir), str(stdlib), str(pyodide_dir / "python_stdlib.zip")),
            *(str(project), str(wheels), "-q", "-p", "no:cacheprovider"),
        ],
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
def test_the_engine_imports_only_the_standard_library_in_pyodide(pyodide_run: dict[str, Any]) -> None:
    # Europe/Sofia comes from the tzdata wheel's files, read by path as in the
    # Worker (PYTHONTZPATH): Pyodide has no zone database, and nothing is imported for it.
    assert pyodide_run["foreign_imports"] == []


@pytest.mark.pyodide
def test_the_cut_standard_library_holds_all_the_engine_uses(pyodide_run: dict[str, Any]) -> None:
    # Every module of the engine imported and every call of the page made:
    # nothing came from the full standard library.
    assert pyodide_run["fetched_for_the_engine"] == []


@pytest.mark.pyodide
def test_pytest_itself_imports_through_the_fallback(pyodide_run: dict[str, Any]) -> None:
    # pytest needs much the page never does (argparse, for one): the fallback serves it.
    assert "argparse" in pyodide_run["fetched"]


@pytest.mark.pyodide
def test_the_engine_suite_passes_in_pyodide(pyodide_run: dict[str, Any]) -> None:
    outcomes: dict[str, str] = pyodide_run["outcomes"]
    not_passed = {nodeid: outcome for nodeid, outcome in outcomes.items() if outcome != "passed"}
    assert not_passed == {}, pyodide_run["output"]
    assert (pyodide_run["exit_code"], pyodide_run["node_exit_code"]) == (0, 0), pyodide_run["output"]
    assert pyodide_run["collected"] == len(outcomes)
    assert pyodide_run["collected"] >= MIN_TESTS_IN_PYODIDE
