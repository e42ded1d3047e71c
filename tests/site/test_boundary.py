"""The shipping boundary: everything in `calculator/` goes to the browser, so it needs nothing else.

The wheel is the package (backoffice.browser_bundle.bundle), so no list says what ships;
these tests hold the package to what Pyodide has: the standard library.
Only `calculator/__main__.py`, the door of `python -m calculator` to the
sales CLI, stays behind.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

from backoffice.browser_bundle import bundle

ROOT = Path(__file__).resolve().parents[2]
STDLIB = sys.stdlib_module_names | {"__future__"}
PACKAGE = ROOT / "calculator"

# Every module of every room except `__main__`, the CLI's door, which runs
# the CLI when imported and is not shipped.
ENGINE_MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in PACKAGE.rglob("*.py")
    if path.relative_to(PACKAGE).as_posix() not in ("__init__.py", "__main__.py")
)
SHIPPED = sorted(
    path.relative_to(ROOT).as_posix() for path in PACKAGE.rglob("*.py") if path.name != "__main__.py"
)


# Prints the modules that importing the whole engine loaded from outside the
# standard library (by where their file is, so that its private helpers,
# such as _sysconfigdata, count as standard library too).
_FOREIGN = f"""
import importlib, json, sys, sysconfig
before = set(sys.modules)
for name in {ENGINE_MODULES!r}:
    importlib.import_module(name)
stdlib = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"])
def foreign(module):
    where = getattr(module, "__file__", None)
    return where is not None and not where.startswith(stdlib)
print(json.dumps(sorted(name for name in set(sys.modules) - before if foreign(sys.modules[name]))))
"""


def test_the_engine_imports_only_the_standard_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _FOREIGN], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stdout) == sorted(["calculator", *ENGINE_MODULES])


# Prints the engine's modules that importing one module loaded.
_LOADED = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] == "calculator")))
"""


def loaded_by(module: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", _LOADED, module], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return list(json.loads(result.stdout))


def test_importing_one_module_of_the_engine_loads_only_what_it_needs() -> None:
    # The package's own __init__ loads its public names on first use, not on import.
    assert loaded_by("calculator.money") == ["calculator", "calculator.money"]
    assert loaded_by("calculator.clock") == ["calculator", "calculator.clock"]
    pricing = loaded_by("calculator.pricing.quote")
    assert [name for name in pricing if name.startswith("calculator.page")] == []
    assert "calculator.pricing.quote" in pricing


def test_the_wheel_is_the_package() -> None:
    wheel = bundle.calculator_wheel(PACKAGE)
    with zipfile.ZipFile(BytesIO(wheel.data)) as archive:
        shipped = sorted(name for name in archive.namelist() if not name.startswith("calculator-"))
    assert shipped == SHIPPED
    assert {
        "calculator/__init__.py",
        "calculator/catalogue/__init__.py",
        "calculator/page/web.py",
        "calculator/pricing/quote.py",
    } <= set(shipped)
    assert "calculator/__main__.py" not in shipped


def test_no_shipped_module_imports_outside_the_package_or_the_standard_library() -> None:
    # Read, not run: an import inside a function counts too.
    outside = []
    for name in SHIPPED:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [str(node.module)]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            top = {module.split(".")[0] for module in modules}
            outside += [f"{name}: {module}" for module in top - {"calculator"} if module not in STDLIB]
    assert outside == []
    # The door that is not shipped does import the CLI, which is why it stays behind.
    assert "backoffice.sales.cli" in (PACKAGE / "__main__.py").read_text(encoding="utf-8")


def test_the_browser_javascript_is_transport_and_stays_within_500_lines():
    # Behaviour goes into the Python that renders the markup, or into CSS:
    # what the browser runs of ours (the page's scripts, the engine's Worker,
    # the offline copy's Service Worker) is kept to 500 non-blank lines.
    service_worker = ROOT / "backoffice" / "browser_bundle" / "service_worker.js"
    scripts = [*sorted((ROOT / "docs").rglob("*.js")), service_worker]
    assert [path.name for path in scripts] == [
        "calculator-boot.js",
        "calculator-prefetch.js",
        "calculator.js",
        "contact.js",
        "calculator-worker.js",
        "service_worker.js",
    ]
    lines = sum(
        1 for path in scripts for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    )
    assert lines <= 500
